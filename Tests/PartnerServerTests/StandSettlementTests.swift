import Fluent
import Foundation
import PartnerCore
import Testing
import Vapor

@testable import PartnerServer

/// Money at the till: declared prices are bounded, every sale is paid exactly once, and no sale
/// can stop the server.
@Suite("Stand settlement")
struct StandSettlementTests {
    private func iso(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }

    /// The server's clock, pinned mid-month so no assertion depends on where today falls in its
    /// month (a close of "last month" at a month's end would otherwise race the calendar).
    static let now = Month(containing: TestWorld.now).start.addingTimeInterval(14 * 86_400 + 12 * 3_600)
    private var pinned: (inout AppConfiguration) -> Void { { $0.clock = { Self.now } } }
    private var anHourAgo: String { iso(Self.now.addingTimeInterval(-3_600)) }

    @Test func hugeTillAmountsAreRefusedAndThePayoutsStillAnswer() async throws {
        try await withTestApp(configure: pinned) { world in
            let (staff, stand, manager) = try await world.stockedStand()
            // The request that used to overflow the payout: huge quantities at a huge till price.
            let huge = try await world.sale(
                stand,
                #"[{"sku":"LIP-001","quantity":100000,"unitPrice":{"amount":"100000000.00","currency":"EUR"}},{"sku":"SER-001","quantity":100000,"unitPrice":{"amount":"100000000.00","currency":"EUR"}}]"#,
                as: manager, soldAt: anHourAgo)
            #expect(try Set(huge.fieldErrors()) == ["items[0].unitPrice", "items[1].unitPrice"])
            // At list price the quantities are fine, but the sale's total is capped at 1,000,000.00.
            let large = try await world.sale(stand, #"[{"sku":"LIP-001","quantity":100000}]"#, as: manager, soldAt: anHourAgo)
            #expect(try large.fieldErrors() == ["items"])
            let free = try await world.sale(
                stand, #"[{"sku":"LIP-001","quantity":1,"unitPrice":{"amount":"0.00","currency":"EUR"}}]"#, as: manager, soldAt: anHourAgo)
            #expect(try free.fieldErrors() == ["items[0].unitPrice"])
            #expect(try await StandOrderRecord.query(on: world.app.db).count() == 0)
            #expect(try await world.send(.GET, "\(stand.path)/payouts", as: manager).status == .ok)
            let lastMonth = Month(containing: Self.now).adding(-1).description
            let close = try await world.send(.POST, "/api/v1/stand/payouts/close", as: staff, json: #"{"period":"\#(lastMonth)"}"#)
            #expect(close.status == .ok)
        }
    }

    @Test func aLowerTillPriceIsARecordedDiscountAndDrivesCommissionAndPoints() async throws {
        try await withTestApp(configure: pinned) { world in
            let (_, stand, manager) = try await world.stockedStand()
            let sale = try await world.sale(
                stand, #"[{"sku":"LIP-001","quantity":2,"unitPrice":{"amount":"15.00","currency":"EUR"}}]"#, as: manager, soldAt: anHourAgo)
            #expect(sale.status == .created, "\(sale.body.string)")
            let line = try #require((try sale.json["items"] as? [[String: Any]])?.first)
            #expect((line["listPrice"] as? [String: Any])?["amount"] as? String == "20.00")
            #expect((line["unitPrice"] as? [String: Any])?["amount"] as? String == "15.00")
            #expect((line["discount"] as? [String: Any])?["amount"] as? String == "10.00")
            #expect((try sale.json["total"] as? [String: Any])?["amount"] as? String == "30.00")
            // Plus: 1.5 points per euro of the recorded 30.00.
            #expect(try sale.json["pointsEarned"] as? Int == 45)
            let payouts = try await world.send(.GET, "\(stand.path)/payouts", as: manager).json
            let running = try #require((payouts["items"] as? [[String: Any]])?.first)
            #expect((running["commission"] as? [String: Any])?["amount"] as? String == "3.60")
        }
    }

    @Test func lateSalesArePaidAsAnAdjustmentOnTheNextPayout() async throws {
        try await withTestApp(configure: pinned) { world in
            let (staff, stand, manager) = try await world.stockedStand()
            let current = Month(containing: Self.now)
            let twoAgo = current.adding(-2)
            let lastMonth = current.adding(-1)
            func close(_ month: Month) async throws -> [String: Any] {
                try await world.send(.POST, "/api/v1/stand/payouts/close", as: staff, json: #"{"period":"\#(month)"}"#).json
            }
            // Enrolled before those months: a month without sales still gets its payout row.
            let record = try #require(try await StandPartnerRecord.find(UUID(uuidString: stand.id), on: world.app.db))
            record.joinedAt = twoAgo.start.addingTimeInterval(-86_400)
            try await record.update(on: world.app.db)
            let empty = try await close(twoAgo)
            #expect(empty["payouts"] as? Int == 1)
            // A sale dated in the closed month arrives late.
            let late = try await world.sale(
                stand, #"[{"sku":"SER-001","quantity":1}]"#, as: manager, soldAt: iso(twoAgo.start.addingTimeInterval(3_600)))
            #expect(late.status == .created)
            _ = try await world.sale(
                stand, #"[{"sku":"LIP-001","quantity":1}]"#, as: manager, soldAt: iso(lastMonth.start.addingTimeInterval(3_600)))
            let listed = try await world.send(.GET, "\(stand.path)/payouts", as: manager).json
            let accruing = try #require((listed["items"] as? [[String: Any]])?.first)
            #expect(accruing["status"] as? String == "accruing")
            _ = try await close(lastMonth)
            let after = try await world.send(.GET, "\(stand.path)/payouts", as: manager).json
            let items = try #require(after["items"] as? [[String: Any]])
            let booked = try #require(items.first { $0["period"] as? String == lastMonth.description })
            #expect((booked["sales"] as? [String: Any])?["amount"] as? String == "20.00")
            #expect((booked["adjustment"] as? [String: Any])?["amount"] as? String == "35.00")
            #expect(booked["adjustmentSales"] as? Int == 1)
            // Plus: 12 % of 55.00.
            #expect((booked["commission"] as? [String: Any])?["amount"] as? String == "6.60")
            let first = try #require(items.first { $0["period"] as? String == twoAgo.description })
            #expect((first["sales"] as? [String: Any])?["amount"] as? String == "0.00")
            // Every sale is paid exactly once.
            #expect(try await StandOrderRecord.query(on: world.app.db).filter(\.$payoutID == nil).count() == 0)
        }
    }

    @Test func concurrentClosesOfOneMonthBookItOnce() async throws {
        try await withTestApp(configure: pinned) { world in
            let (staff, stand, manager) = try await world.stockedStand()
            let lastMonth = Month(containing: Self.now).adding(-1)
            _ = try await world.sale(
                stand, #"[{"sku":"SER-001","quantity":2}]"#, as: manager, soldAt: iso(lastMonth.start.addingTimeInterval(86_400)))
            let body = #"{"period":"\#(lastMonth)"}"#
            let results = try await withThrowingTaskGroup(of: (HTTPStatus, Int).self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        let response = try await world.send(.POST, "/api/v1/stand/payouts/close", as: staff, json: body)
                        return (response.status, (try? response.json["payouts"] as? Int) ?? -1)
                    }
                }
                return try await group.reduce(into: [(HTTPStatus, Int)]()) { $0.append($1) }
            }
            #expect(results.allSatisfy { $0.0 == .ok })
            #expect(results.map(\.1).reduce(0, +) == 1)
            #expect(try await StandPayoutRecord.query(on: world.app.db).count() == 1)
            #expect(try await world.events(ofType: "payout.due").count == 1)
        }
    }
}
