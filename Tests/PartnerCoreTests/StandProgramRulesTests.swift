import Foundation
import Testing

@testable import PartnerCore

@Suite("Stand planograms, loyalty and KPIs")
struct StandProgramRulesTests {
    @Test func defaultPlanogramsMixCategoriesUpToThePackageSize() {
        let products =
            (1...10).map { (sku: "LIP-\($0)", category: "lips", packSize: 6) }
            + (1...3).map { (sku: "SKN-\($0)", category: "skin", packSize: 1) }
        let starter = Planogram.defaultSelection(of: products, package: .starter)
        #expect(starter.lines.count == 12)
        #expect(starter.lines.prefix(2).map(\.sku) == ["LIP-1", "SKN-1"])
        #expect(Set(starter.lines.filter { $0.sku.hasPrefix("SKN") }.map(\.sku)).count == 3)
        // Fewer products than facings: every product, once.
        #expect(Planogram.defaultSelection(of: products, package: .pro).lines.count == 13)
        let line = Planogram.defaultLine(sku: "LIP-1", packSize: 6)
        #expect(line.parLevel == 12 && line.minLevel == 4)
        #expect(Planogram.defaultLine(sku: "X", packSize: 1).parLevel == 4)
    }

    @Test func planogramValidationNamesEachLine() {
        let errors = Planogram.validate(
            [
                .init(sku: "A", parLevel: 10, minLevel: 2), .init(sku: "A", parLevel: 0, minLevel: 0),
                .init(sku: "B", parLevel: 5, minLevel: 5),
            ], capacity: 2)
        #expect(
            Set(errors.map(\.field)) == [
                "planogram", "planogram[1].sku", "planogram[1].parLevel", "planogram[1].minLevel", "planogram[2].minLevel",
            ])
        #expect(Planogram.validate([], capacity: nil).map(\.field) == ["planogram"])
    }

    @Test func locationsAreCheckedAndCanonicalised() {
        var validator = FieldValidator()
        let draft = StandLocationDraft(
            name: " Kiosk ", venueType: "pharmacy", address: "A 1", city: "Berlin", region: "DACH", country: "de", latitude: 52.5,
            longitude: 13.4, capacityFacings: nil
        ).validated(as: "locations[0]", into: &validator)
        #expect(validator.errors.isEmpty)
        #expect(draft.name == "Kiosk" && draft.country == "DE")
        _ = StandLocationDraft(
            name: "", venueType: "garage", address: "A", city: "B", region: "C", country: "DEU", latitude: .nan, longitude: 181,
            capacityFacings: 0
        ).validated(as: "l", into: &validator)
        #expect(
            Set(validator.errors.map(\.field)) == ["l.name", "l.venueType", "l.country", "l.latitude", "l.longitude", "l.capacityFacings"])
    }

    @Test func pointsFollowThePackageRateAndMilestonesPayOnce() {
        let rules = StandLoyaltyRules()
        let total = Money(minorUnits: 7_099, currency: .eur)
        #expect(rules.points(for: total, package: .starter) == 70)
        #expect(rules.points(for: total, package: .plus) == 105)
        #expect(rules.points(for: total, package: .pro) == 140)
        #expect(rules.points(for: Money(minorUnits: -500, currency: .eur), package: .pro) == 0)
        let crossed = rules.milestonesCrossed(
            from: Money(minorUnits: 99_000, currency: .eur), to: Money(minorUnits: 600_000, currency: .eur))
        #expect(crossed.map(\.salesUnits) == [1_000, 5_000])
        #expect(
            rules.milestonesCrossed(from: Money(minorUnits: 100_000, currency: .eur), to: Money(minorUnits: 110_000, currency: .eur))
                .isEmpty)
    }

    @Test func streaksCountWholeRunsOfDays() {
        let rules = StandLoyaltyRules(streakDays: 30, streakBonus: 200)
        let start = Date(timeIntervalSince1970: 0)
        #expect(rules.completedStreaks(since: start, asOf: start.addingTimeInterval(29.9 * 86_400)) == 0)
        #expect(rules.completedStreaks(since: start, asOf: start.addingTimeInterval(30 * 86_400)) == 1)
        #expect(rules.completedStreaks(since: start, asOf: start.addingTimeInterval(95 * 86_400)) == 3)
        #expect(rules.completedStreaks(since: start, asOf: start.addingTimeInterval(-86_400)) == 0)
    }

    @Test func stockOutDaysCountEachTouchedDayOnce() {
        let day = 86_400.0
        let from = Date(timeIntervalSince1970: 10 * day)
        let through = Date(timeIntervalSince1970: 19 * day)
        let intervals = [
            StockOutCalendar.Interval(start: Date(timeIntervalSince1970: 8 * day), end: Date(timeIntervalSince1970: 11.5 * day)),
            StockOutCalendar.Interval(start: Date(timeIntervalSince1970: 11.2 * day), end: Date(timeIntervalSince1970: 11.3 * day)),
            StockOutCalendar.Interval(start: Date(timeIntervalSince1970: 18.5 * day), end: nil),
        ]
        // Days 10 and 11, then 18 and 19 (still out "now" on day 25).
        #expect(StockOutCalendar.days(intervals, from: from, through: through, now: Date(timeIntervalSince1970: 25 * day)) == 4)
        #expect(StockOutCalendar.days(intervals, from: through, through: from, now: Date(timeIntervalSince1970: 25 * day)) == 0)
    }

    @Test func kpisHandleEmptyAndTiedInputs() {
        #expect(StandKPI.median([]) == nil)
        #expect(StandKPI.median([3, 1, 2]) == 2)
        #expect(StandKPI.median([4, 1, 2, 3]) == 2.5)
        #expect(StandKPI.sellThroughPercent(sold: 0, onHand: 0) == nil)
        #expect(StandKPI.sellThroughPercent(sold: 25, onHand: 75) == 25)
        #expect(StandKPI.percentileRank(of: 10, among: []) == nil)
        #expect(StandKPI.percentileRank(of: 10, among: [5, 10, 20, 30]) == 37.5)
        #expect(StandKPI.rounded(8.8235) == 8.8)
    }

    @Test func payoutsUseTheAgreedRate() throws {
        let payout = try StandPayout(sales: Money(minorUnits: 12_345, currency: .eur), commissionBasisPoints: 1_200)
        #expect(payout.commission.minorUnits == 1_481)
        #expect(try StandPayout(sales: payout.sales, package: .plus) == payout)
        #expect(RefillStatus.allCases.filter(\.isInFlight) == [.requested, .approved, .shipped])
    }
}
