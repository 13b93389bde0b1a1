import Fluent
import Foundation
import PartnerCore
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import PartnerServer

@Suite("AI Stand Coach: refill forecast")
struct StandCoachRefillTests {
    /// A starter stand (no automatic refills) with 120 days of history: SER-001 sells about one a
    /// day, LIP-001 one every fourth day.
    private func coachedStand(_ world: TestWorld) async throws -> (TestWorld.Account, TestWorld.Stand, TestWorld.Account) {
        let (staff, stand, manager) = try await world.stockedStand(package: "starter")
        try await world.salesHistory(stand, days: 120) { day, sku in
            sku == "SER-001" ? (day % 7 == 3 ? 0 : 1 + (day % 5 == 0 ? 1 : 0)) : (day % 4 == 0 ? 1 : 0)
        }
        return (staff, stand, manager)
    }

    @Test func forecastsEveryLineStoresTheInsightAndTheReorderPoints() async throws {
        try await withTestApp { world in
            let (_, stand, manager) = try await coachedStand(world)
            let response = try await world.refillForecast(stand, as: manager, #","horizonDays":7"#)
            #expect(response.status == .ok, "\(response.body.string)")
            let body = try response.json
            #expect(body["serviceLevel"] as? Double == 0.95)
            #expect(body["horizonDays"] as? Int == 7)
            let location = try #require((body["locations"] as? [[String: Any]])?.first)
            #expect(location["leadTimeSource"] as? String == "measured")
            let lines = try #require(location["lines"] as? [[String: Any]])
            #expect(lines.map { $0["sku"] as? String } == ["LIP-001", "SER-001"])
            let serum = try #require(lines.last)
            let forecast = try #require(serum["forecast"] as? Double)
            #expect(forecast > 4 && forecast < 12, "\(forecast)")
            let interval = try #require(serum["interval"] as? [String: Any])
            #expect(interval["level"] as? Double == 0.95)
            #expect((interval["lower"] as? Double ?? 99) <= forecast && forecast <= (interval["upper"] as? Double ?? 0))
            #expect((serum["reorderPoint"] as? Int ?? -1) >= 1)
            #expect(serum["waitDays"] as? Int == 0, "a line that sells daily is refilled before it empties")
            #expect((serum["orderUpTo"] as? Int ?? 99) <= 5)
            #expect(serum["demandClass"] as? String != nil && serum["method"] as? String != nil)
            #expect((serum["backtestError"] as? [String: Any])?["mase"] as? Double != nil)
            // Five on the shelf at about 1.2 a day run out within the week.
            #expect(serum["stockOutDate"] as? String != nil)
            let insight = try #require(body["insight"] as? [String: Any])
            #expect(insight["kind"] as? String == "refill_forecast")
            let factors = try #require(insight["factors"] as? [[String: Any]])
            #expect(factors.compactMap { $0["contribution"] as? Int }.reduce(0, +) == insight["score"] as? Int)
            #expect(
                (body["storyboard"] as? [String: Any])?["headline"] as? String == (insight["storyboard"] as? [String: Any])?["headline"]
                    as? String)
            #expect(insight["modelVersion"] as? String == "advisor-1")
            // Totals value at list price, never cost.
            let totals = try #require(location["totals"] as? [String: Any])
            #expect(totals["units"] as? Int == lines.compactMap { $0["recommendedQuantity"] as? Int }.reduce(0, +))
            #expect(!response.body.string.contains("unitCost"))

            #expect(try await world.events(ofType: "ai.insight.created").count == 1)
            let points = try await StandReorderPointRecord.query(on: world.app.db).all()
            #expect(points.count == 2 && points.allSatisfy { $0.serviceLevel == 0.95 })
            // Each shelf line carries a copy of its point, which the stand list counts low lines from;
            // the migration that added the copies fills them from the points alike.
            func copies() async throws -> [String] {
                try await world.app.db.sql().raw(
                    "SELECT sku, coach_reorder_point AS p, coach_point_at_ms AS t FROM stand_inventory ORDER BY sku"
                ).all().map {
                    "\(try $0.decode(column: "sku", as: String.self)) \(try $0.decode(column: "p", as: Int?.self) ?? -1) "
                        + "\(try $0.decode(column: "t", as: Int64?.self) ?? -1)"
                }
            }
            let expected = points.sorted { $0.sku < $1.sku }.map { "\($0.sku) \($0.reorderPoint) \($0.computedAtMillis)" }
            #expect(try await copies() == expected)
            try await world.app.db.sql().raw("UPDATE stand_inventory SET coach_reorder_point = NULL, coach_point_at_ms = NULL").run()
            try await AddShelfCoachPoints.fill(on: world.app.db.sql())
            #expect(try await copies() == expected)
            let history = try await world.send(.GET, "\(stand.path)/insights", as: manager).json
            let items = try #require(history["items"] as? [[String: Any]])
            #expect(items.count == 1 && items[0]["id"] as? String == insight["id"] as? String)
            #expect(history.keys.contains("nextCursor"))
        }
    }

    @Test func aStandPartnerMayForecastItsOwnStandOnlyAndViewersMayNotOpenRefills() async throws {
        try await withTestApp { world in
            let (staff, stand, _) = try await coachedStand(world)
            let viewer = try await world.member(of: try await world.partner(of: stand), role: .viewer)
            #expect(try await world.refillForecast(stand, as: viewer).status == .ok)
            try await world.refillForecast(stand, as: viewer, #","createRefill":true"#, key: UUID().uuidString).expectProblem(.forbidden)
            let other = try await world.enrolStand(as: staff, name: "Other Stand")
            let stranger = try await world.member(of: try await world.partner(of: other))
            try await world.refillForecast(stand, as: stranger).expectProblem(.notFound)
            try await world.send(.GET, "\(stand.path)/insights", as: stranger).expectProblem(.notFound)
            try await world.refillForecast(stand, as: nil).expectProblem(.unauthorized)
            let token = try await world.serviceToken(#""orders:write""#, as: try await world.account(.admin))
            let refused = try await world.send(
                .POST, "/api/v1/stand/ai/refill-forecast", json: #"{"standId":"\#(stand.id)"}"#, headers: token)
            try refused.expectProblem(.forbidden)
        }
    }

    @Test(arguments: [
        (#","serviceLevel":0.5"#, "serviceLevel"), (#","serviceLevel":0.999"#, "serviceLevel"), (#","serviceLevel":1.2"#, "serviceLevel"),
        (#","horizonDays":0"#, "horizonDays"), (#","horizonDays":91"#, "horizonDays"), (#","leadTimeDays":0"#, "leadTimeDays"),
        (#","locationId":"00000000-0000-0000-0000-000000000001""#, "locationId"), (#","locationId":"nope""#, "locationId"),
    ])
    func badInputIsA422NamingTheField(extra: String, field: String) async throws {
        try await withTestApp { world in
            let (_, stand, manager) = try await world.stockedStand(package: "starter")
            let response = try await world.refillForecast(stand, as: manager, extra)
            try response.expectProblem(.unprocessableEntity)
            #expect(try response.fieldErrors() == [field])
        }
    }

    @Test func createRefillOpensAnAIRefillThroughTheNormalPathOnce() async throws {
        try await withTestApp { world in
            let (_, stand, manager) = try await coachedStand(world)
            // Sell the serum down to one: at or below its reorder point.
            #expect(try await world.sale(stand, #"[{"sku":"SER-001","quantity":4}]"#, as: manager).status == .created)
            try await world.refillForecast(stand, as: manager, #","createRefill":true"#).expectProblem(.badRequest)
            let key = UUID().uuidString
            let response = try await world.refillForecast(stand, as: manager, #","createRefill":true"#, key: key)
            #expect(response.status == .ok, "\(response.body.string)")
            let location = try #require((try response.json["locations"] as? [[String: Any]])?.first)
            let refill = try #require(location["refill"] as? [String: Any])
            #expect(refill["source"] as? String == "ai")
            #expect(refill["status"] as? String == "requested")
            let serum = try #require((location["lines"] as? [[String: Any]])?.last)
            let ordered = try #require((refill["lines"] as? [[String: Any]])?.first { $0["sku"] as? String == "SER-001" })
            #expect(ordered["quantity"] as? Int == serum["recommendedQuantity"] as? Int)
            // Priced by the pricing engine like any refill (35.00 list, starter tier).
            #expect((ordered["listPrice"] as? [String: Any])?["amount"] as? String == "35.00")
            // A replay returns the first response; a new request meets the one-in-flight rule.
            let replay = try await world.refillForecast(stand, as: manager, #","createRefill":true"#, key: key)
            #expect((try replay.json["locations"] as? [[String: Any]])?.first?["refill"] as? [String: Any] != nil)
            #expect(try await StandRefillOrderRecord.query(on: world.app.db).filter(\.$source == "ai").count() == 1)
            let conflict = try await world.refillForecast(stand, as: manager, #","createRefill":true"#, key: UUID().uuidString)
            let problem = try conflict.expectProblem(.conflict)
            #expect(problem.detail?.contains(refill["number"] as? String ?? "?") == true)
        }
    }

    @Test func nothingDueMeansNoRefillAndA422() async throws {
        try await withTestApp { world in
            let (_, stand, manager) = try await world.stockedStand(package: "starter")
            let response = try await world.refillForecast(stand, as: manager, #","createRefill":true"#, key: UUID().uuidString)
            try response.expectProblem(.unprocessableEntity)
            #expect(try response.fieldErrors() == ["createRefill"])
        }
    }

    @Test func theLowStockLineIsTheAIReorderPointWhileItIsCurrent() async throws {
        try await withTestApp { world in
            let (_, stand, manager) = try await world.stockedStand(package: "starter")
            let standID = try #require(UUID(uuidString: stand.id))
            let locationID = try #require(UUID(uuidString: stand.locations[0]))
            let point = try await world.storeReorderPoint(
                stand: standID, location: locationID, sku: "SER-001", reorderPoint: 4, orderUpTo: 5, age: 6 * 86_400)
            // 5 → 4 reaches the coach's reorder point of 4 (the minimum is 2).
            let first = try await world.sale(stand, #"[{"sku":"SER-001","quantity":1}]"#, as: manager).json
            #expect(first["lowStockSkus"] as? [String] == ["SER-001"])
            // Eight days old: the minimum of 2 is the line again, so 4 → 3 is not low.
            try await world.age(point, to: TestWorld.now.addingTimeInterval(-8 * 86_400))
            try await StandInventoryRecord.query(on: world.app.db).filter(\.$sku == "SER-001").set(\.$onHand, to: 4).update()
            let second = try await world.sale(stand, #"[{"sku":"SER-001","quantity":1}]"#, as: manager).json
            #expect(second["lowStockSkus"] as? [String] == [])
        }
    }

    @Test func aLineTheCoachLetsWaitIsRefilledByTheSweepOnceItsShelfStoodEmptyForTheWait() async throws {
        try await withTestApp { world in
            let (_, stand, manager) = try await world.stockedStand()
            let standID = try #require(UUID(uuidString: stand.id))
            try await world.storeReorderPoint(
                stand: standID, location: try #require(UUID(uuidString: stand.locations[0])), sku: "SER-001", reorderPoint: 0,
                waitDays: 3, orderUpTo: 5, safetyStock: 0, serviceLevel: 0.8, age: 86_400)
            let onHand = try #require(try await StandInventoryRecord.query(on: world.app.db).filter(\.$sku == "SER-001").first()).onHand
            // Emptying the shelf is not low yet: the wait starts.
            let sale = try await world.sale(stand, #"[{"sku":"SER-001","quantity":\#(onHand)}]"#, as: manager)
            #expect(sale.status == .created, "\(sale.body.string)")
            #expect(try sale.json["lowStockSkus"] as? [String] == [])
            let refills = try await StandRefillOrderRecord.query(on: world.app.db).count()
            let sweep = world.services.automations
            let early = try await sweep.run(.lowStockSweep, at: TestWorld.now.addingTimeInterval(2.5 * 86_400)).result
            #expect(early == .succeeded("nothing new; 1 stands checked"), "\(early)")
            #expect(try await StandRefillOrderRecord.query(on: world.app.db).count() == refills)
            // Three whole days empty: due, and the plus package refills automatically.
            let due = try await sweep.run(.lowStockSweep, at: TestWorld.now.addingTimeInterval(3.1 * 86_400)).result
            #expect(due == .succeeded("locations low 1; 1 stands checked"), "\(due)")
            #expect(try await StandRefillOrderRecord.query(on: world.app.db).count() == refills + 1)
            #expect(try await world.events(ofType: "stand.low_stock").last?.data.contains("SER-001") == true)
        }
    }

    @Test func aScoreMovingIntoActRaisesOneAlert() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            try await world.seedCatalogue(as: staff)
            // Nothing delivered: every shelf is empty while demand goes on.
            let stand = try await world.enrolStand(as: staff, package: "starter", stocked: false)
            try await world.salesHistory(stand, days: 90) { _, _ in 2 }
            let first = try await world.refillForecast(stand, as: staff)
            #expect(first.status == .ok, "\(first.body.string)")
            let insight = try #require(try first.json["insight"] as? [String: Any])
            #expect(insight["level"] as? String == "act", "\(insight)")
            _ = try await world.refillForecast(stand, as: staff)
            let alerts = try await PartnerAlertRecord.query(on: world.app.db).filter(\.$kind == "ai_insight_act").all()
            #expect(alerts.count == 1)
            #expect(try await world.events(ofType: "ai.insight.created").count == 2)
        }
    }
}
