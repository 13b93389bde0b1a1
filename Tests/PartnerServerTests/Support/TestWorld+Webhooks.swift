import Foundation
import Testing
import Vapor

@testable import PartnerServer

extension TestWorld {
    /// Registers a subscription through the API; returns its id and secret.
    func subscribe(_ receiver: WebhookReceiver, to types: [String], as admin: Account) async throws -> (id: String, secret: String) {
        let body = #"{"url":"\#(receiver.url)","eventTypes":[\#(types.map { "\"\($0)\"" }.joined(separator: ","))],"description":"test"}"#
        let created = try await send(.POST, "/api/v1/webhooks", as: admin, json: body)
        #expect(created.status == .created, "\(created.body.string)")
        let subscription = try #require(try created.json["subscription"] as? [String: Any])
        return (try #require(subscription["id"] as? String), try #require(try created.json["secret"] as? String))
    }

    /// Relay passes until one finds nothing to do (bounded).
    @discardableResult
    func relayUntilIdle(_ relay: WebhookRelay? = nil) async throws -> Int {
        let relay = relay ?? services.relay
        var attempted = 0
        for _ in 0..<200 {
            let pass = try await relay.runOnce()
            attempted += pass.attempted
            if pass.attempted == 0 && pass.fannedOut == 0 { return attempted }
        }
        Issue.record("the relay did not become idle")
        return attempted
    }

    func deliveries(of subscription: String, as admin: Account) async throws -> [[String: Any]] {
        let page = try await send(.GET, "/api/v1/webhooks/\(subscription)/deliveries", as: admin)
        #expect(page.status == .ok, "\(page.body.string)")
        return try #require(try page.json["items"] as? [[String: Any]])
    }
}

extension WebhookReceiver.Received {
    /// Verifies the Standard Webhooks signature header against `secret` (any listed signature).
    func isSigned(with secret: String) -> Bool {
        guard let id = headers["webhook-id"], let timestamp = headers["webhook-timestamp"], let signatures = headers["webhook-signature"],
            let key = Data(base64Encoded: String(secret.dropFirst("whsec_".count)))
        else { return false }
        let mac = HMAC<SHA256>.authenticationCode(for: Data("\(id).\(timestamp).\(body)".utf8), using: SymmetricKey(data: key))
        let expected = "v1," + Data(mac).base64EncodedString()
        return signatures.split(separator: " ").contains { $0 == expected }
    }
}
