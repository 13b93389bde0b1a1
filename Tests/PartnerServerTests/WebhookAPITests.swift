import Foundation
import PartnerCore
import Testing
import Vapor
import VaporTesting

@testable import PartnerServer

@Suite("Webhooks: subscriptions API")
struct WebhookAPITests {
    @Test func onlyAdminsManageWebhooks() async throws {
        try await withTestApp { world in
            let admin = try await world.account(.admin)
            let staff = try await world.account(.staff)
            let owner = try await world.member(of: try await world.partner())
            let events = try await world.serviceToken(#""events:read""#, as: admin)
            let body = #"{"url":"https://hooks.example.com/x","eventTypes":["order.created"]}"#
            try await world.send(.POST, "/api/v1/webhooks", json: body).expectProblem(.unauthorized)
            try await world.send(.POST, "/api/v1/webhooks", as: staff, json: body).expectProblem(.forbidden)
            try await world.send(.POST, "/api/v1/webhooks", as: owner, json: body).expectProblem(.forbidden)
            try await world.send(.POST, "/api/v1/webhooks", json: body, headers: events).expectProblem(.forbidden)
            try await world.send(.GET, "/api/v1/webhooks", as: staff).expectProblem(.forbidden)
            try await world.send(.GET, "/api/v1/webhooks", as: owner).expectProblem(.forbidden)
            #expect(try await world.send(.GET, "/api/v1/webhooks", as: admin).status == .ok)
        }
    }

    /// Production rules: https only, and never loopback, private or metadata targets — refused at
    /// registration from the URL text alone (no lookup, no traffic).
    @Test(arguments: [
        "https://127.0.0.1/hook", "https://[::1]/hook", "https://localhost/hook", "https://169.254.169.254/latest",
        "https://10.0.0.8/hook", "https://2130706433/hook", "https://[::ffff:127.0.0.1]/hook", "http://hooks.example.com/hook",
    ])
    func productionRefusesUnsafeTargets(_ url: String) async throws {
        try await withTestApp { world in
            let admin = try await world.account(.admin)
            let refused = try await world.send(
                .POST, "/api/v1/webhooks", as: admin, json: #"{"url":"\#(url)","eventTypes":["order.created"]}"#)
            #expect(try refused.expectProblem(.unprocessableEntity).errors?.first?.field == "url")
        }
    }

    @Test func subscriptionsAreValidatedListedAndDeleted() async throws {
        let receiver = try await WebhookReceiver.start()
        defer { Task { await receiver.stop() } }
        try await withTestApp(configure: WebhookDeliveryTests.loopback) { world in
            let admin = try await world.account(.admin)
            func create(_ body: String) async throws -> TestingHTTPResponse {
                try await world.send(.POST, "/api/v1/webhooks", as: admin, json: body)
            }
            let unknown = try await create(#"{"url":"\#(receiver.url)","eventTypes":["order.created","order.exploded"]}"#)
            #expect(try unknown.expectProblem(.unprocessableEntity).errors?.map(\.field) == ["eventTypes[1]"])
            try await create(#"{"url":"\#(receiver.url)","eventTypes":[]}"#).expectProblem(.unprocessableEntity)
            try await create(#"{"url":42,"eventTypes":["order.created"]}"#).expectProblem(.unprocessableEntity)
            try await create(#"{"url":"#).expectProblem(.badRequest)
            let longDescription = String(repeating: "x", count: 501)
            try await create(#"{"url":"\#(receiver.url)","eventTypes":["order.created"],"description":"\#(longDescription)"}"#)
                .expectProblem(.unprocessableEntity)

            let subscription = try await world.subscribe(receiver, to: ["order.created", "order.created"], as: admin)
            let listed = try await world.send(.GET, "/api/v1/webhooks", as: admin)
            #expect(!listed.body.string.contains(subscription.secret))
            let item = try #require((try listed.json["items"] as? [[String: Any]])?.first)
            #expect(item["eventTypes"] as? [String] == ["order.created"] && item["status"] as? String == "active")

            // The test event goes out at once and the answer shows the attempt.
            let tested = try await world.send(.POST, "/api/v1/webhooks/\(subscription.id)/test", as: admin)
            #expect(tested.status == .ok, "\(tested.body.string)")
            #expect(try tested.json["status"] as? String == "succeeded" && tested.json["eventType"] as? String == "webhook.test")
            #expect((try tested.json["attempts"] as? [[String: Any]])?.first?["statusCode"] as? Int == 200)
            #expect(receiver.received.last?.isSigned(with: subscription.secret) == true)

            try await world.send(.GET, "/api/v1/webhooks/not-a-uuid", as: admin).expectProblem(.badRequest)
            try await world.send(.GET, "/api/v1/webhooks/\(UUID())", as: admin).expectProblem(.notFound)
            try await world.send(.POST, "/api/v1/webhooks/\(UUID())/test", as: admin).expectProblem(.notFound)
            try await world.send(.GET, "/api/v1/webhooks/\(UUID())/deliveries", as: admin).expectProblem(.notFound)
            #expect(try await world.send(.DELETE, "/api/v1/webhooks/\(subscription.id)", as: admin).status == .noContent)
            try await world.send(.GET, "/api/v1/webhooks/\(subscription.id)", as: admin).expectProblem(.notFound)
        }
    }
}
