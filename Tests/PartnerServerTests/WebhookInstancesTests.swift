import Fluent
import Foundation
import Testing
import Vapor

@testable import PartnerServer

/// Several instances on one PostgreSQL share the delivery work through leases (`FOR UPDATE SKIP
/// LOCKED`); runs only against PostgreSQL (`PARTNEROS_TEST_DATABASE_URL`), as in `.ci/run`.
@Suite("Webhooks: several instances", .enabled(if: ProcessInfo.processInfo.environment["PARTNEROS_TEST_DATABASE_URL"] != nil))
struct WebhookInstancesTests {
    /// Writes `count` events straight to the outbox, a hundred per transaction.
    static func writeEvents(_ count: Int, in world: TestWorld) async throws {
        let now = world.clock.next()
        for batch in stride(from: 0, to: count, by: 100) {
            try await world.app.db.transaction { db in
                let events = (batch..<min(count, batch + 100)).map { index in
                    DomainEvent(
                        type: .partnerUpdated, subjectType: "partner", subjectID: UUID(), partnerID: nil,
                        data: ["index": index])
                }
                try await EventOutbox.append(events, on: db, at: now)
            }
        }
    }

    static func eventsWithAFailedAttempt(in world: TestWorld) async throws -> Set<String> {
        let attempts = try await WebhookAttemptRecord.query(on: world.app.db).with(\.$delivery).all()
        return Set(
            attempts.filter { !(200..<300).contains($0.statusCode ?? 0) }
                .map { $0.delivery.eventID.uuidString.lowercased() })
    }

    @Test func twoInstancesDeliverEveryEventOnceAndSurviveACrash() async throws {
        let receiver = try await WebhookReceiver.start()
        defer { Task { await receiver.stop() } }
        try await withTestApp(configure: WebhookDeliveryTests.loopback) { world in
            let admin = try await world.account(.admin)
            _ = try await world.subscribe(receiver, to: ["partner.updated"], as: admin)
            let second = try await PartnerOSApplication.make(world.services.configuration, environment: .testing)
            do {
                try await Self.writeEvents(1_000, in: world)
                // Instance two claims a batch and dies before sending it: its lease must run out
                // and the work go to a live instance.
                // The test clock ticks a millisecond per reading, so leases are set long enough that
                // only the crash below lets one run out.
                var dying = second.partnerOS.relay
                dying.settings.lease = 3_600
                try await second.partnerOS.sequencer.sequencePending()
                _ = try await dying.fanOut(limit: 500)
                let orphaned = try await dying.claimDue(limit: 8)
                #expect(orphaned.count == 8)
                var first = world.services.relay
                var other = second.partnerOS.relay
                first.settings.lease = 86_400
                other.settings.lease = 86_400

                try await withThrowingTaskGroup(of: Void.self) { group in
                    for relay in [first, other] {
                        group.addTask {
                            for _ in 0..<400 {
                                if try await relay.runOnce() == .init() { return }
                            }
                        }
                    }
                    try await group.waitForAll()
                }
                #expect(Set(receiver.received.compactMap { $0.headers["webhook-id"] }).count == 992, "all but the orphaned eight")
                world.clock.advance(by: 3_601)
                try await world.relayUntilIdle()
                let ids = receiver.received.compactMap { $0.headers["webhook-id"] }
                let events = try await world.events(ofType: "partner.updated").compactMap { $0.id?.uuidString.lowercased() }
                #expect(Set(ids) == Set(events) && events.count == 1_000, "every event arrives")
                // At least once: an event may arrive twice only when an attempt of it is on record as
                // failed (a timeout after the receiver had it). The crash above sent nothing, so a
                // second copy with no failed attempt would mean two instances took one delivery.
                var copies: [String: Int] = [:]
                for id in ids { copies[id, default: 0] += 1 }
                let repeated = Set(copies.filter { $0.value > 1 }.keys)
                let failed = try await Self.eventsWithAFailedAttempt(in: world)
                #expect(repeated.isSubset(of: failed), "sent twice without a failed attempt: \(repeated.subtracting(failed))")
                #expect(ids.count <= 1_000 + failed.count)
            } catch {
                try? await second.asyncShutdown()
                throw error
            }
            try await second.asyncShutdown()
        }
    }
}
