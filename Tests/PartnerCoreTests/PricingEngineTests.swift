import Foundation
import Testing

@testable import PartnerCore

@Suite("Pricing engine and guardrails")
struct PricingEngineTests {
    let list = Money(minorUnits: 2_000, currency: .eur)
    let cost = Money(minorUnits: 800, currency: .eur)
    let now = CalendarDay.parse("2026-06-15")!

    private func price(tier: Int = 0, override: PriceOverride? = nil, promotions: [Int] = [], floor: Int64? = nil) -> EffectivePrice {
        let guardrail = floor.map { Guardrail(floorPrice: Money(minorUnits: $0, currency: .eur)) }
        let inputs = PriceInputs(
            sku: "SKU-1", listPrice: list, unitCost: cost, tierDiscountBasisPoints: tier, override: override,
            promotionDiscounts: promotions.map { (UUID(), $0) }, guardrail: guardrail)
        return PricingEngine.price(inputs, at: now)
    }

    @Test func listThenTierThenPromotionThenOverride() {
        #expect(price().unitPrice.minorUnits == 2_000)
        #expect(price().source == .list)
        #expect(price(tier: 1_000).unitPrice.minorUnits == 1_800)
        #expect(price(tier: 1_000).source == .tier)
        #expect(price(tier: 1_000, promotions: [500, 1_500]).unitPrice.minorUnits == 1_700)
        #expect(price(tier: 1_000, promotions: [1_500]).source == .promotion)
        #expect(price(tier: 1_000, promotions: [500]).source == .tier)
        let override = PriceOverride(sku: "SKU-1", kind: .unitPrice(Money(minorUnits: 1_900, currency: .eur)))
        #expect(price(tier: 1_000, override: override, promotions: [1_500]).unitPrice.minorUnits == 1_900)
        #expect(price(tier: 1_000, override: override, promotions: [1_500]).source == .override)
    }

    @Test func expiredOrFutureOverridesDoNotApply() {
        let expired = PriceOverride(
            sku: "SKU-1", kind: .discount(basisPoints: 3_000), validFrom: CalendarDay.parse("2026-01-01"),
            validTo: CalendarDay.parse("2026-06-14"))
        #expect(price(override: expired).source == .list)
        let lastDay = PriceOverride(sku: "SKU-1", kind: .discount(basisPoints: 3_000), validTo: CalendarDay.parse("2026-06-15"))
        #expect(price(override: lastDay).unitPrice.minorUnits == 1_400)
        let future = PriceOverride(sku: "SKU-1", kind: .discount(basisPoints: 3_000), validFrom: CalendarDay.parse("2026-06-16"))
        #expect(price(override: future).source == .list)
    }

    @Test func neverBelowTheFloor() {
        let deep = price(tier: 1_000, promotions: [6_000], floor: 1_000)
        #expect(deep.unitPrice.minorUnits == 1_000)
        #expect(deep.source == .floor)
        #expect(price(tier: 1_000, floor: 1_800).source == .tier)
    }

    @Test func guardrailLimitsAreInclusive() {
        let guardrail = Guardrail(
            floorPrice: Money(minorUnits: 1_000, currency: .eur), ceilingPrice: Money(minorUnits: 2_500, currency: .eur),
            maxDiscountBasisPoints: 4_000, minMarginBasisPoints: 2_000)
        func check(_ minor: Int64) -> [String] {
            guardrail.violations(of: Money(minorUnits: minor, currency: .eur), listPrice: list, unitCost: cost)
        }
        #expect(check(1_200).isEmpty)  // exactly 40 % off, margin 33 %
        #expect(check(2_500).isEmpty)  // exactly at the ceiling
        #expect(check(1_000).count == 1)  // at the floor, but 50 % off
        #expect(check(999).count == 3)  // below floor, too deep, margin 19.9 %
        #expect(check(2_501).first?.contains("ceiling") == true)
        let marginOnly = Guardrail(floorPrice: Money(minorUnits: 0, currency: .eur), minMarginBasisPoints: 2_000)
        #expect(marginOnly.violations(of: Money(minorUnits: 1_000, currency: .eur), listPrice: list, unitCost: cost).isEmpty)
        #expect(marginOnly.violations(of: Money(minorUnits: 999, currency: .eur), listPrice: list, unitCost: cost).count == 1)
    }

    @Test func discountsRoundHalfUpToTheCent() {
        #expect(Percent.discounted(Money(minorUnits: 1_999, currency: .eur), by: 1_250).minorUnits == 1_749)
        #expect(Percent.discounted(Money(minorUnits: 10, currency: .eur), by: 5_000).minorUnits == 5)
        #expect(Percent.format(1_250) == "12.5" && Percent.format(1_000) == "10" && Percent.format(1_234) == "12.34")
    }

    @Test func calendarDaysAreStrict() {
        #expect(CalendarDay.parse("2026-02-29") == nil)
        #expect(CalendarDay.parse("2024-02-29") != nil)
        #expect(CalendarDay.parse("2026-1-05") == nil)
        #expect(CalendarDay.format(CalendarDay.parse("2026-11-22")!) == "2026-11-22")
    }
}
