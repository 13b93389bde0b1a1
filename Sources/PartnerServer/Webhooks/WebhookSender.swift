import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import PartnerCore

/// Sends one signed webhook request to the address the rules accepted. Each request gets its own
/// client whose only DNS answer is that address (the name still goes in `Host` and TLS SNI), so a
/// second lookup cannot rebind it; redirects are not followed.
struct WebhookSender: Sendable {
    struct Outcome: Sendable, Equatable {
        var statusCode: Int?
        var error: String?
        var retryAfter: String?
        var durationMillis: Int64 = 0

        var succeeded: Bool { statusCode.map { (200..<300).contains($0) } ?? false }
    }

    let eventLoopGroup: any EventLoopGroup
    /// The whole request, connect to last byte.
    let timeout: TimeInterval

    func post(to target: WebhookTarget, headers: [(String, String)], body: String) async -> Outcome {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: .seconds(5), read: .milliseconds(Int64(timeout * 1_000))))
        if IPAddress(target.host) == nil { configuration.dnsOverride = [target.host: target.address.description] }
        configuration.decompression = .disabled
        let client = HTTPClient(eventLoopGroup: eventLoopGroup, configuration: configuration)
        let started = ContinuousClock.now
        var outcome = await execute(client, url: target.url, headers: headers, body: body)
        let elapsed = ContinuousClock.now - started
        outcome.durationMillis = elapsed.components.seconds * 1_000 + elapsed.components.attoseconds / 1_000_000_000_000_000
        try? await client.shutdown()
        return outcome
    }

    private func execute(_ client: HTTPClient, url: String, headers: [(String, String)], body: String) async -> Outcome {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "content-type", value: "application/json")
        request.headers.add(name: "user-agent", value: "PartnerOS-Webhooks/1")
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        request.body = .bytes(ByteBuffer(string: body))
        do {
            let response = try await client.execute(request, timeout: .milliseconds(Int64(timeout * 1_000)))
            // The answer's body is not used; read a little of it so the connection closes cleanly.
            _ = try? await response.body.collect(upTo: 64 * 1_024)
            return Outcome(statusCode: Int(response.status.code), retryAfter: response.headers.first(name: "retry-after"))
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout || error == .connectTimeout {
            return Outcome(error: "timed out after \(Int(timeout)) s")
        } catch {
            return Outcome(error: String(describing: error).prefix(300).description)
        }
    }
}
