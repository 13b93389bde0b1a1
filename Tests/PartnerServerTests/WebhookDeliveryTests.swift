import Fluent
import Foundation
import PartnerCore
import Testing
import Vapor
import VaporTesting

@testable import PartnerServer

/// Deliveries over real HTTP to a receiver on 127.0.0.1, with the application's clock moved by the
/// test instead of sleeping through the retry schedule.
@Suite("Webhooks: delivery")
struct WebhookDeliveryTests {
    /// A generous timeout: on a loaded CI machine a 1 s read timeout fires after the receiver has
    /// the request, and the retry that follows (correct, at least once) breaks exact counts.
    static func loopback(_ configuration: inout AppConfiguration) {
        configuration.webhookTargets = .init(allowLoopback: true, requireHTTPS: false)
        configuration.webhookTimeout = 30
    }

    static func impatient(_ configuration: inout AppConfiguration) {
        loopback(&configuration)
        configuration.webhookTimeout = 3
    }

    @Test func theStandardWebhooksTestVectorSigns() {
        let signature = WebhookSigner.signature(
            secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", id: "msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp: 1_614_265_330,
            body: #"{"test": 2432232314}"#)
        #expect(signature == "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
        let secret = WebhookSigner.newSecret()
        #expect(secret.hasPrefix("whsec_") && (Data(base64Encoded: String(secret.dropFirst(6)))?.count ?? 0) >= 24)
        #expect(WebhookSigner.signature(secret: "no-prefix", id: "a", timestamp: 1, body: "{}") == nil)
    }

    @Test func subscribedEventsArriveSignedWithTheEventIdAsWebhookId() async throws {
        let receiver = try await WebhookReceiver.start()
        defer { Task { await receiver.stop() } }
        try await withTestApp(configure: Self.loopback) { world in
            let admin = try await world.account(.admin)
            let subscription = try await world.subscribe(receiver, to: ["partner.created"], as: admin)
            for index in 0..<3 { _ = try await world.partner("Hooked \(index)") }
            try await world.relayUntilIdle()

            let created = try await world.events(ofType: "partner.created").compactMap { $0.id?.uuidString.lowercased() }
            let received = receiver.received
            #expect(received.count == 3)
            #expect(Set(received.compactMap { $0.headers["webhook-id"] }) == Set(created))
            for request in received {
                #expect(request.isSigned(with: subscription.secret))
                #expect(request.headers["content-type"] == "application/json")
                let envelope = try #require(try JSONSerialization.jsonObject(with: Data(request.body.utf8)) as? [String: Any])
                #expect(envelope["type"] as? String == "partner.created" && envelope["id"] as? String == request.headers["webhook-id"])
            }
            // Another secret does not verify: the signature really covers this request.
            #expect(received.first?.isSigned(with: WebhookSigner.newSecret()) == false)
            let deliveries = try await world.deliveries(of: subscription.id, as: admin)
            #expect(deliveries.count == 3 && deliveries.allSatisfy { $0["status"] as? String == "succeeded" })
        }
    }

    @Test func aReceiverFailingThreeTimesGetsTheEventOnceMoreWithTheSameId() async throws {
        let receiver = try await WebhookReceiver.start(answering: [.init(status: 500), .init(status: 502), .init(status: 500)])
        defer { Task { await receiver.stop() } }
        try await withTestApp(configure: Self.loopback) { world in
            let admin = try await world.account(.admin)
            let subscription = try await world.subscribe(receiver, to: ["partner.created"], as: admin)
            _ = try await world.partner("Flaky receiver")
            try await world.relayUntilIdle()
            #expect(receiver.received.count == 1)
            // Not due yet: nothing is sent before the scheduled delay has passed.
            try await world.relayUntilIdle()
            #expect(receiver.received.count == 1)
            for delay: TimeInterval in [6, 331, 1_981] {
                world.clock.advance(by: delay)
                try await world.relayUntilIdle()
            }
            let ids = receiver.received.compactMap { $0.headers["webhook-id"] }
            #expect(ids.count == 4 && Set(ids).count == 1)
            let delivery = try #require(try await world.deliveries(of: subscription.id, as: admin).first)
            #expect(delivery["status"] as? String == "succeeded" && delivery["attemptCount"] as? Int == 4)
            let codes = (delivery["attempts"] as? [[String: Any]])?.compactMap { $0["statusCode"] as? Int }
            #expect(codes == [500, 502, 500, 200])
        }
    }

    @Test func goneDisablesTheSubscription() async throws {
        let receiver = try await WebhookReceiver.start(answering: [.init(status: 410)])
        defer { Task { await receiver.stop() } }
        try await withTestApp(configure: Self.loopback) { world in
            let admin = try await world.account(.admin)
            let subscription = try await world.subscribe(receiver, to: ["partner.created"], as: admin)
            _ = try await world.partner("Gone")
            try await world.relayUntilIdle()
            let shown = try await world.send(.GET, "/api/v1/webhooks/\(subscription.id)", as: admin)
            #expect(try shown.json["status"] as? String == "disabled")
            #expect((try shown.json["disabledReason"] as? String)?.contains("410") == true)
            _ = try await world.partner("After")
            world.clock.advance(by: 600)
            try await world.relayUntilIdle()
            #expect(receiver.received.count == 1)
            #expect(try await world.deliveries(of: subscription.id, as: admin).first?["status"] as? String == "failed")
        }
    }

    @Test func timeoutsAndRetryAfterAreRetried() async throws {
        let receiver = try await WebhookReceiver.start(answering: [
            .init(status: 200, delay: .seconds(10)), .init(status: 503, headers: [("Retry-After", "120")]),
        ])
        defer { Task { await receiver.stop() } }
        try await withTestApp(configure: Self.impatient) { world in
            let admin = try await world.account(.admin)
            let subscription = try await world.subscribe(receiver, to: ["partner.created"], as: admin)
            _ = try await world.partner("Slow receiver")
            try await world.relayUntilIdle()
            var delivery = try #require(try await world.deliveries(of: subscription.id, as: admin).first)
            #expect(delivery["status"] as? String == "pending")
            #expect((delivery["lastError"] as? String)?.contains("timed out") == true, "\(delivery)")
            world.clock.advance(by: 6)
            try await world.relayUntilIdle()
            delivery = try #require(try await world.deliveries(of: subscription.id, as: admin).first)
            #expect(delivery["lastStatusCode"] as? Int == 503)
            // Retry-After: 120 replaces the 5-minute step.
            world.clock.advance(by: 100)
            try await world.relayUntilIdle()
            #expect(receiver.received.count == 2)
            world.clock.advance(by: 21)
            try await world.relayUntilIdle()
            #expect(receiver.received.count == 3)
            delivery = try #require(try await world.deliveries(of: subscription.id, as: admin).first)
            #expect(delivery["status"] as? String == "succeeded")
        }
    }

    @Test func aDeadLetterIsReplayedWithItsId() async throws {
        let receiver = try await WebhookReceiver.start(answering: [.init(status: 500), .init(status: 500)])
        defer { Task { await receiver.stop() } }
        try await withTestApp(configure: Self.loopback) { world in
            let admin = try await world.account(.admin)
            let subscription = try await world.subscribe(receiver, to: ["partner.created"], as: admin)
            _ = try await world.partner("Dead letter")
            var relay = world.services.relay
            relay.settings.schedule = WebhookRetrySchedule(delays: [0, 10])
            try await world.relayUntilIdle(relay)
            world.clock.advance(by: 12)
            try await world.relayUntilIdle(relay)
            let dead = try #require(try await world.deliveries(of: subscription.id, as: admin).first)
            #expect(dead["status"] as? String == "dead" && dead["attemptCount"] as? Int == 2)
            let eventID = try #require(dead["eventId"] as? String)
            // HQ hears of it, with a link to the deliveries.
            let alerts = try #require(try await world.send(.GET, "/api/v1/alerts", as: admin).json["items"] as? [[String: Any]])
            let alert = try #require(alerts.first { $0["kind"] as? String == "webhook_dead_letter" })
            #expect(alert["severity"] as? String == "critical" && (alert["message"] as? String)?.contains(eventID) == true)
            #expect(alert["link"] as? String == "/api/v1/webhooks/\(subscription.id)/deliveries")

            let replay = try await world.send(
                .POST, "/api/v1/webhooks/\(subscription.id)/replay", as: admin, json: #"{"eventIds":["\#(eventID)"]}"#)
            #expect(try replay.status == .accepted && replay.json["replayed"] as? Int == 1, "\(replay.body.string)")
            try await world.relayUntilIdle(relay)
            #expect(receiver.received.map { $0.headers["webhook-id"] } == [eventID, eventID, eventID])
            #expect(try await world.deliveries(of: subscription.id, as: admin).first?["status"] as? String == "succeeded")

            // A time range replays too; an empty or mixed body is refused.
            let range = #"{"from":"2026-11-01T00:00:00Z","to":"2026-12-31T00:00:00Z"}"#
            let ranged = try await world.send(.POST, "/api/v1/webhooks/\(subscription.id)/replay", as: admin, json: range)
            #expect((try ranged.json["replayed"] as? Int) == 1)
            try await world.send(.POST, "/api/v1/webhooks/\(subscription.id)/replay", as: admin, json: "{}")
                .expectProblem(.unprocessableEntity)
            try await world.send(.POST, "/api/v1/webhooks/\(subscription.id)/replay", as: admin, json: #"{"eventIds":["nope"]}"#)
                .expectProblem(.unprocessableEntity)
        }
    }

    @Test func aRotatedSecretSignsBesideTheNewOneForADay() async throws {
        let receiver = try await WebhookReceiver.start()
        defer { Task { await receiver.stop() } }
        try await withTestApp(configure: Self.loopback) { world in
            let admin = try await world.account(.admin)
            let subscription = try await world.subscribe(receiver, to: ["partner.created"], as: admin)
            let rotated = try await world.send(.POST, "/api/v1/webhooks/\(subscription.id)/rotate-secret", as: admin)
            let newSecret = try #require(try rotated.json["secret"] as? String)
            #expect(newSecret != subscription.secret)
            _ = try await world.partner("During overlap")
            try await world.relayUntilIdle()
            let during = try #require(receiver.received.last)
            #expect(during.isSigned(with: subscription.secret) && during.isSigned(with: newSecret))
            #expect(during.headers["webhook-signature"]?.split(separator: " ").count == 2)

            world.clock.advance(by: 24 * 3_600 + 1)
            _ = try await world.partner("After overlap")
            try await world.relayUntilIdle()
            let after = try #require(receiver.received.last)
            #expect(after.isSigned(with: newSecret) && !after.isSigned(with: subscription.secret))
        }
    }

    @Test func aSubscriptionFailingForFiveDaysIsDisabled() async throws {
        let receiver = try await WebhookReceiver.start(answering: Array(repeating: .init(status: 500), count: 5))
        defer { Task { await receiver.stop() } }
        try await withTestApp(configure: Self.loopback) { world in
            let admin = try await world.account(.admin)
            let subscription = try await world.subscribe(receiver, to: ["partner.created"], as: admin)
            let id = try #require(UUID(uuidString: subscription.id))
            _ = try await world.partner("Down for days")
            try await world.relayUntilIdle()
            #expect(try await world.services.webhooks.find(id).failingSince != nil)
            world.clock.advance(by: 5 * 86_400 + 60)
            try await world.relayUntilIdle()
            let disabled = try await world.services.webhooks.find(id)
            #expect(disabled.status == .disabled && disabled.disabledReason?.contains("5 days") == true)
            let delivery = try #require(
                try await world.services.webhooks.deliveries(of: id, page: .init(limit: 10, cursor: nil)).items.first)
            #expect(delivery.status == .dead && delivery.attemptCount == 2)
        }
    }

    @Test func theWorkerRefusesSQLite() async throws {
        await #expect(throws: ConfigurationError.self) {
            try await CommandRunner.worker(AppConfiguration(database: .sqliteMemory), migrate: false)
        }
    }
}
