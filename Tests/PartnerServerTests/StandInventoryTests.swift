import Fluent
import Foundation
import PartnerCore
import Testing
import Vapor
import VaporTesting

@testable import PartnerServer

@Suite("Stand counts and the low-stock hook")
struct StandInventoryTests {
    private func count(
        _ world: TestWorld, _ stand: TestWorld.Stand, _ lines: String, as account: TestWorld.Account?, key: String = UUID().uuidString,
        takenAt: Date = TestWorld.now.addingTimeInterval(1)
    ) async throws -> TestingHTTPResponse {
        // Timestamps travel in whole seconds: a second ahead keeps what the test did before after it.
        let when = ISO8601DateFormatter().string(from: takenAt)
        return try await world.send(
            .POST, "\(stand.path)/inventory-snapshots", as: account,
            json: #"{"locationId":"\#(stand.locations[0])","takenAt":"\#(when)","source":"count","lines":\#(lines)}"#,
            headers: ["Idempotency-Key": key])
    }

    @Test func aLateCountIsAppliedAsOfWhenItWasTaken() async throws {
        try await withTestApp { world in
            let (staff, stand, manager) = try await world.stockedStand()
            // The opening refill (12 lipsticks) was delivered just now; 3 are sold after it.
            _ = try await world.sale(stand, #"[{"sku":"LIP-001","quantity":3}]"#, as: manager)
            // Counted an hour ago, before the delivery and the sale: the shelf was empty.
            let late = try await count(
                world, stand, #"[{"sku":"LIP-001","counted":0}]"#, as: manager, takenAt: TestWorld.now.addingTimeInterval(-3_600))
            #expect(late.status == .created, "\(late.body.string)")
            let line = try #require((try late.json["lines"] as? [[String: Any]])?.first)
            #expect(line["soldSince"] as? Int == 3)
            #expect(line["deliveredSince"] as? Int == 12)
            #expect(line["expected"] as? Int == 0)
            #expect(line["variance"] as? Int == 0)
            #expect(line["onHandAfter"] as? Int == 9)
            #expect(try await world.shelf(stand, "LIP-001", as: staff)["onHand"] as? Int == 9)
            // A count taken before the latest one cannot be applied.
            let older = try await count(
                world, stand, #"[{"sku":"LIP-001","counted":5}]"#, as: manager, takenAt: TestWorld.now.addingTimeInterval(-7_200))
            try older.expectProblem(.conflict)
            #expect(try await world.shelf(stand, "LIP-001", as: staff)["onHand"] as? Int == 9)
            // A fresh count with missing stock: 2 of the 9 are gone.
            let fresh = try await count(world, stand, #"[{"sku":"LIP-001","counted":7}]"#, as: manager)
            let freshLine = try #require((try fresh.json["lines"] as? [[String: Any]])?.first)
            #expect(freshLine["expected"] as? Int == 9 && freshLine["variance"] as? Int == -2 && freshLine["soldSince"] as? Int == 0)
        }
    }

    @Test func aCountStoresVarianceAndShrinkageAndSetsTheShelf() async throws {
        try await withTestApp { world in
            let (staff, stand, manager) = try await world.stockedStand()
            // 12 expected, 9 counted: 3 missing at the 8.00 unit cost. SER-001 has no cost: shrinkage is worth 0.
            let response = try await count(
                world, stand, #"[{"sku":"lip-001","counted":9},{"sku":"SER-001","counted":6}]"#, as: manager)
            #expect(response.status == .created, "\(response.body.string)")
            let snapshot = try response.json
            let lines = try #require(snapshot["lines"] as? [[String: Any]])
            #expect(lines.map { $0["expected"] as? Int } == [12, 5])
            #expect(lines.map { $0["variance"] as? Int } == [-3, 1])
            #expect(lines.map { $0["shrinkageUnits"] as? Int } == [3, 0])
            #expect(snapshot["variance"] as? Int == -2)
            #expect(snapshot["shrinkageUnits"] as? Int == 3)
            // Shrinkage is valued at unit cost: the stand's manager never sees it, HQ does.
            #expect(lines.allSatisfy { $0["shrinkageValue"] == nil } && snapshot["shrinkageValue"] == nil)
            let seenByHQ = try #require(
                (try await world.send(.GET, "\(stand.path)/inventory-snapshots", as: staff).json["items"] as? [[String: Any]])?.first)
            #expect((seenByHQ["shrinkageValue"] as? [String: Any])?["amount"] as? String == "24.00")
            let hqLines = try #require(seenByHQ["lines"] as? [[String: Any]])
            #expect((hqLines.first?["shrinkageValue"] as? [String: Any])?["amount"] as? String == "24.00")
            let seenByStand = try await world.send(.GET, "\(stand.path)/details", as: manager).json
            #expect((seenByStand["latestSnapshot"] as? [String: Any])?["shrinkageValue"] == nil)
            #expect(!(try await world.send(.GET, "\(stand.path)/details", as: manager).body.string.contains("24.00")))
            #expect(try await world.shelf(stand, "LIP-001", as: staff)["onHand"] as? Int == 9)
            #expect(try await world.shelf(stand, "SER-001", as: staff)["onHand"] as? Int == 6)
            let listed = try await world.send(.GET, "\(stand.path)/inventory-snapshots", as: manager).json
            #expect((listed["items"] as? [[String: Any]])?.count == 1)
            let details = try await world.send(.GET, "\(stand.path)/details", as: manager).json
            #expect((details["latestSnapshot"] as? [String: Any])?["id"] as? String == snapshot["id"] as? String)
            #expect(try await world.events(ofType: "stand.inventory.counted").count == 1)
        }
    }

    @Test func aReplayedCountDoesNotOverwriteLaterSales() async throws {
        try await withTestApp { world in
            let (staff, stand, manager) = try await world.stockedStand()
            let key = "count-\(UUID().uuidString)"
            let taken = TestWorld.now.addingTimeInterval(1)
            let first = try await count(world, stand, #"[{"sku":"LIP-001","counted":10}]"#, as: manager, key: key, takenAt: taken)
            _ = try await world.sale(stand, #"[{"sku":"LIP-001","quantity":3}]"#, as: manager)
            let replay = try await count(world, stand, #"[{"sku":"LIP-001","counted":10}]"#, as: manager, key: key, takenAt: taken)
            #expect(try replay.json["id"] as? String == first.json["id"] as? String)
            #expect(try await world.shelf(stand, "LIP-001", as: staff)["onHand"] as? Int == 7)
            #expect(try await StandInventorySnapshotRecord.query(on: world.app.db).count() == 1)
            let changed = try await count(world, stand, #"[{"sku":"LIP-001","counted":9}]"#, as: manager, key: key, takenAt: taken)
            #expect(try changed.fieldErrors() == ["Idempotency-Key"])
            try await world.send(
                .POST, "\(stand.path)/inventory-snapshots", as: manager,
                json: #"{"locationId":"\#(stand.locations[0])","takenAt":"2026-11-01T09:00:00Z","source":"count","lines":[]}"#
            ).expectProblem(.unprocessableEntity)
        }
    }

    @Test func aCountReconcilesShortfallsAndRunsTheLowStockPolicy() async throws {
        try await withTestApp { world in
            let (staff, stand, manager) = try await world.stockedStand()
            _ = try await world.sale(stand, #"[{"sku":"LIP-001","quantity":14}]"#, as: manager)
            #expect(try await world.shelf(stand, "LIP-001", as: staff)["unreconciledShortfall"] as? Int == 2)
            _ = try await count(world, stand, #"[{"sku":"LIP-001","counted":3}]"#, as: staff)
            let line = try await world.shelf(stand, "LIP-001", as: staff)
            #expect(line["onHand"] as? Int == 3 && line["unreconciledShortfall"] as? Int == 0)
            // The sale already crossed; a count does not cross again. SER-001 counted down to 1 does.
            _ = try await count(world, stand, #"[{"sku":"SER-001","counted":1}]"#, as: staff)
            #expect(try await world.events(ofType: "stand.low_stock").count == 2)
        }
    }

    @Test func invalidCountsAreRefusedAndOtherStandsAreInvisible() async throws {
        try await withTestApp { world in
            let (staff, stand, manager) = try await world.stockedStand()
            let negative = try await count(
                world, stand, #"[{"sku":"LIP-001","counted":-1},{"sku":"LIP-001","counted":2},{"sku":"NOPE","counted":1}]"#, as: manager)
            #expect(try negative.fieldErrors() == ["lines[0].counted"])
            let bad = try await count(
                world, stand, #"[{"sku":"LIP-001","counted":1},{"sku":"LIP-001","counted":2},{"sku":"NOPE","counted":1}]"#, as: manager)
            #expect(try Set(bad.fieldErrors()) == ["lines[1].sku"])
            #expect(try await count(world, stand, #"[{"sku":"NOPE","counted":1}]"#, as: manager).fieldErrors() == ["lines[0].sku"])
            #expect(try await count(world, stand, "[]", as: manager).fieldErrors() == ["lines"])
            try await world.send(
                .POST, "\(stand.path)/inventory-snapshots", as: manager,
                json: #"{"locationId":"\#(stand.locations[0])","takenAt":"2026-11-01T09:00:00Z","source":"guess","lines":[]}"#,
                headers: ["Idempotency-Key": UUID().uuidString]
            ).expectProblem(.unprocessableEntity)
            let viewer = try await world.member(
                of: try await world.partner(of: stand), role: .viewer)
            try await count(world, stand, #"[{"sku":"LIP-001","counted":1}]"#, as: viewer).expectProblem(.forbidden)
            try await count(world, stand, #"[{"sku":"LIP-001","counted":1}]"#, as: nil).expectProblem(.unauthorized)
            let other = try await world.enrolStand(as: staff, name: "Far Away", stocked: false)
            let stranger = try await world.member(
                of: try await world.partner(of: other))
            try await count(world, stand, #"[{"sku":"LIP-001","counted":1}]"#, as: stranger).expectProblem(.notFound)
            try await world.send(.GET, "\(stand.path)/inventory-snapshots", as: stranger).expectProblem(.notFound)
            #expect(try await StandInventorySnapshotRecord.query(on: world.app.db).count() == 0)
            #expect(try await world.shelf(stand, "LIP-001", as: staff)["onHand"] as? Int == 12)
        }
    }

    @Test func theAutomationHookCreatesOneRefillAndThenReportsIt() async throws {
        try await withTestApp { world in
            let (staff, stand, manager) = try await world.stockedStand(package: "starter")
            let admin = try await world.account(.admin)
            let inventoryOS = try await world.serviceToken(#""inventory:write""#, as: admin)
            let hook = "/api/v1/stand/automation/on-low-stock"
            let body = #"{"standId":"\#(stand.id)"}"#
            let calm = try await world.send(.POST, hook, json: body, headers: inventoryOS).json
            #expect((calm["locations"] as? [[String: Any]])?.first?["action"] as? String == "none")
            // Starter stands are not refilled by the sale itself; Automation OS calls the hook — here
            // ten times at once, racing to create the refill: exactly one does.
            _ = try await world.sale(stand, #"[{"sku":"LIP-001","quantity":9}]"#, as: manager)
            let bodies = try await withThrowingTaskGroup(of: Data.self) { group in
                for _ in 0..<10 {
                    group.addTask { Data(buffer: try await world.send(.POST, hook, json: body, headers: inventoryOS).body) }
                }
                return try await group.reduce(into: [Data]()) { $0.append($1) }
            }
            let results = bodies.map { data in
                ((try? JSONSerialization.jsonObject(with: data)) as? [String: Any]).flatMap { ($0["locations"] as? [[String: Any]])?.first }
            }
            #expect(results.compactMap { $0?["action"] as? String }.sorted() == ["created"] + Array(repeating: "existing", count: 9))
            let result = try #require(results.compactMap { $0 }.first { $0["action"] as? String == "created" })
            #expect(result["lowSkus"] as? [String] == ["LIP-001"])
            let refill = try #require(result["refill"] as? [String: Any])
            #expect(refill["source"] as? String == "automation")
            #expect((refill["lines"] as? [[String: Any]])?.map { $0["quantity"] as? Int } == [12])
            #expect(try await StandRefillOrderRecord.query(on: world.app.db).filter(\.$status == .requested).count() == 1)
            let filtered = try await world.send(.POST, hook, json: #"{"standId":"\#(stand.id)","skus":["NOPE"]}"#, headers: inventoryOS)
            #expect(try filtered.fieldErrors() == ["skus"])
            let salesOS = try await world.serviceToken(#""sales:write""#, as: admin)
            try await world.send(.POST, hook, json: body, headers: salesOS).expectProblem(.forbidden)
            try await world.send(.POST, hook, as: manager, json: body).expectProblem(.forbidden)
            try await world.send(.POST, hook, json: body).expectProblem(.unauthorized)
            #expect(try await world.send(.POST, hook, as: staff, json: body).status == .ok)
            try await world.send(.POST, hook, as: staff, json: #"{"standId":"\#(UUID().uuidString)"}"#).expectProblem(.notFound)
            #expect(try await world.send(.POST, hook, as: staff, json: #"{"standId":"nope"}"#).fieldErrors() == ["standId"])
        }
    }
}
