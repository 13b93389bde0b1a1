import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import PartnerServer

@Suite("Events: the pull feed")
struct EventFeedTests {
    /// Every event of the feed from `cursor` on, page by page.
    static func drain(_ world: TestWorld, as account: TestWorld.Account, from cursor: String? = nil, query: String = "limit=7")
        async throws -> (ids: [String], cursor: String)
    {
        var ids: [String] = []
        var cursor = cursor
        for _ in 0..<1_000 {
            let path = "/api/v1/events?\(query)" + (cursor.map { "&after=\($0)" } ?? "")
            let page = try await world.send(.GET, path, as: account)
            #expect(page.status == .ok, "\(page.body.string)")
            let items = try #require(try page.json["items"] as? [[String: Any]])
            ids += items.compactMap { $0["id"] as? String }
            let next = try #require(try page.json["nextCursor"] as? String)
            if items.isEmpty { return (ids, next) }
            cursor = next
        }
        Issue.record("the feed did not end")
        return (ids, cursor ?? "")
    }

    @Test func eventsArePagedInOrderWithACursorThatIsAlwaysThere() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            var names: [String] = []
            for index in 0..<12 {
                names.append("Feed \(index)")
                _ = try await world.partner(names[index])
            }
            let (ids, cursor) = try await Self.drain(world, as: staff)
            let stored = try await OutboxEventRecord.query(on: world.app.db).all()
            #expect(Set(ids) == Set(stored.compactMap { $0.id?.uuidString.lowercased() }))
            #expect(ids.count == stored.count && ids.count >= 12)

            let first = try await world.send(.GET, "/api/v1/events?types=partner.created&limit=3", as: staff)
            let items = try #require(try first.json["items"] as? [[String: Any]])
            #expect(items.count == 3)
            let envelope = try #require(items.first)
            #expect(envelope["type"] as? String == "partner.created" && envelope["version"] as? Int == 1)
            #expect((envelope["subject"] as? [String: Any])?["type"] as? String == "partner")
            let data = try #require(envelope["data"] as? [String: Any])
            #expect(data["companyName"] as? String == names[0])
            // Ids are lower case everywhere, also inside `data`.
            #expect(
                (data["id"] as? String) == (data["id"] as? String)?.lowercased()
                    && envelope["partnerId"] as? String == data["id"] as? String)

            // Caught up: an empty page still says where to resume, and later events follow.
            let empty = try await world.send(.GET, "/api/v1/events?after=\(cursor)", as: staff)
            #expect(try (empty.json["items"] as? [Any])?.isEmpty == true && empty.json["nextCursor"] as? String == cursor)
            _ = try await world.partner("Later")
            let later = try await Self.drain(world, as: staff, from: cursor)
            #expect(later.ids.count == 1)
        }
    }

    @Test func onlyHQAndEventTokensReadTheFeed() async throws {
        try await withTestApp { world in
            let admin = try await world.account(.admin)
            let partner = try await world.partner()
            let owner = try await world.member(of: partner)
            try await world.send(.GET, "/api/v1/events", as: owner).expectProblem(.forbidden)
            try await world.send(.GET, "/api/v1/events").expectProblem(.unauthorized)
            let events = try await world.serviceToken(#""events:read""#, as: admin)
            #expect(try await world.send(.GET, "/api/v1/events", headers: events).status == .ok)
            let orders = try await world.serviceToken(#""orders:read""#, as: admin)
            try await world.send(.GET, "/api/v1/events", headers: orders).expectProblem(.forbidden)

            try await world.send(.GET, "/api/v1/events?after=abc", as: admin).expectProblem(.unprocessableEntity)
            try await world.send(.GET, "/api/v1/events?after=-1", as: admin).expectProblem(.unprocessableEntity)
            try await world.send(.GET, "/api/v1/events?after=9999999999999999999", as: admin).expectProblem(.badRequest)
            try await world.send(.GET, "/api/v1/events?limit=0", as: admin).expectProblem(.unprocessableEntity)
            try await world.send(.GET, "/api/v1/events?limit=1001", as: admin).expectProblem(.unprocessableEntity)
            #expect(
                try await world.send(.GET, "/api/v1/events?types=no.such", as: admin).expectProblem(.unprocessableEntity).errors?.first?
                    .field == "types")
        }
    }

    @Test func aCursorPastTheRetentionWindowIsGone() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            for _ in 0..<4 { _ = try await world.partner() }
            let (ids, _) = try await Self.drain(world, as: staff)
            #expect(ids.count >= 4)
            // As if the prune automation had deleted positions 1…3.
            try await world.app.db.sql().raw("DELETE FROM outbox_events WHERE position <= 3").run()
            try await world.app.db.sql().raw("UPDATE event_cursors SET position = 3 WHERE name = 'pruned'").run()
            try await world.send(.GET, "/api/v1/events?after=1", as: staff).expectProblem(.gone)
            let resumed = try await world.send(.GET, "/api/v1/events?after=3", as: staff)
            #expect((try resumed.json["items"] as? [Any])?.count == ids.count - 3)
            // Without a cursor the feed starts at the oldest event kept.
            #expect((try await world.send(.GET, "/api/v1/events", as: staff).json["items"] as? [Any])?.count == ids.count - 3)
        }
    }

    /// Concurrent writers while a reader pages: the reader, only ever resuming from its own cursor,
    /// ends with every committed event exactly once, although the writers' transactions commit out of
    /// the order they started in.
    @Test func aReaderNeverSkipsAnEventUnderConcurrentWriters() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            let writers = 8
            let perWriter = 15
            let done = Locked(false)
            let reader = Task { () -> (ids: [String], cursor: String?) in
                var seen: [String] = []
                var cursor: String?
                for _ in 0..<2_000 where !done.withLock({ $0 }) {
                    let page = try await Self.drain(world, as: staff, from: cursor, query: "limit=5")
                    seen += page.ids
                    cursor = page.cursor
                }
                return (seen, cursor)
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for writer in 0..<writers {
                    group.addTask {
                        for index in 0..<perWriter { _ = try await world.partner("W\(writer)-\(index)") }
                    }
                }
                try await group.waitForAll()
            }
            done.withLock { $0 = true }
            let read = try await reader.value
            let last = try await Self.drain(world, as: staff, from: read.cursor)
            let seen = read.ids + last.ids
            let stored = try await OutboxEventRecord.query(on: world.app.db).all().compactMap { $0.id?.uuidString.lowercased() }
            #expect(seen.count == Set(seen).count, "an event was read twice")
            #expect(Set(seen) == Set(stored), "missed \(Set(stored).subtracting(seen).count) events")
            #expect(stored.count >= writers * perWriter)
        }
    }
}
