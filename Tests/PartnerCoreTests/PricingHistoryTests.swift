import Foundation
import Testing

@testable import PartnerCore

@Suite("Pricing terms over time")
struct PricingHistoryTests {
    static func day(_ text: String) -> Date { CalendarDay.parse(text)! }
    static func version(_ number: Int, _ date: String, _ entries: PricingChangeEntry...) -> PricingVersion {
        PricingVersion(
            version: number, changedBy: UUID(), changedAt: day(date).addingTimeInterval(9 * 3_600), reason: "test", changes: entries)
    }

    static let lipField = PricingChangeEntry.overrideField(sku: "LIP-001")
    static let versions = [
        // Given out of order: the timeline sorts them.
        version(
            3, "2026-05-20",
            .init(field: lipField, previous: "discount 20 % from 2026-03-01", current: "unitPrice 14.90 EUR from 2026-06-01")),
        version(1, "2026-02-10", .init(field: PricingChangeEntry.tierField, previous: "silver", current: "gold")),
        version(2, "2026-02-25", .init(field: lipField, previous: nil, current: "discount 20 % from 2026-03-01")),
        version(4, "2026-09-01", .init(field: lipField, previous: "unitPrice 14.90 EUR from 2026-06-01", current: nil)),
    ]
    static let timeline = PricingTimeline(
        tierCode: "gold", overrides: ["EYE-001": PriceOverride(sku: "EYE-001", kind: .discount(basisPoints: 2_500))], versions: versions)

    @Test func theTierIsTheOneALaterChangeReplaced() {
        #expect(Self.timeline.tierCode(at: Self.day("2025-12-01")) == "silver")
        #expect(Self.timeline.tierCode(at: Self.day("2026-02-10")) == "silver")  // the change came at 09:00
        #expect(Self.timeline.tierCode(at: Self.day("2026-02-11")) == "gold")
        #expect(PricingTimeline(tierCode: "bronze", overrides: [:], versions: []).tierCode(at: Self.day("2020-01-01")) == "bronze")
    }

    @Test func overridesFollowTheirVersions() {
        let sku = "LIP-001"
        #expect(Self.timeline.override(sku: sku, at: Self.day("2026-02-01")) == nil)
        let first = Self.timeline.override(sku: sku, at: Self.day("2026-04-01"))
        #expect(first?.kind == .discount(basisPoints: 2_000) && first?.validFrom == Self.day("2026-03-01"))
        let second = Self.timeline.override(sku: sku, at: Self.day("2026-07-01"))
        #expect(second?.kind == .unitPrice(Money(minorUnits: 1_490, currency: .eur)))
        #expect(Self.timeline.override(sku: sku, at: Self.day("2026-10-01")) == nil)
        // A SKU no version names keeps today's override over the whole history.
        #expect(Self.timeline.override(sku: "EYE-001", at: Self.day("2025-01-01"))?.kind == .discount(basisPoints: 2_500))
    }

    @Test func summariesReadBack() {
        let overrides = [
            PriceOverride(sku: "A", kind: .discount(basisPoints: 1_250)),
            PriceOverride(sku: "A", kind: .discount(basisPoints: 3_000), validFrom: Self.day("2026-01-01")),
            PriceOverride(
                sku: "A", kind: .unitPrice(Money(minorUnits: 1_205, currency: .eur)), validFrom: Self.day("2026-01-01"),
                validTo: Self.day("2026-03-31")),
            PriceOverride(sku: "A", kind: .unitPrice(Money(minorUnits: 990, currency: .eur)), validTo: Self.day("2026-12-31")),
        ]
        for override in overrides { #expect(PriceOverride(sku: "A", summary: override.summary) == override) }
        for text in [
            "", "discount", "discount 12 percent", "unitPrice 12.50", "unitPrice 12.5x EUR", "unitPrice 12.50 E1",
            "discount 5 % from 2026-13-01", "x 1",
        ] {
            #expect(PriceOverride(sku: "A", summary: text) == nil)
        }
    }

    @Test func aLineIsPricedOnTheTermsOfItsDay() {
        func promotion(_ status: PromotionStatus, tiers: Set<String> = [], from: String, to: String, off: Int) -> Promotion {
            Promotion(
                id: UUID(), status: status, benefit: .discount(basisPoints: off, skus: [], categories: ["lips"]),
                audience: .init(tierCodes: tiers), validFrom: Self.day(from), validTo: Self.day(to))
        }
        let history = PartnerPricingHistory(
            partnerID: UUID(), type: .dealer, region: "DACH", timeline: Self.timeline, tierDiscounts: ["silver": 500, "gold": 1_000],
            promotions: [
                promotion(.archived, tiers: ["gold"], from: "2026-01-20", to: "2026-02-20", off: 1_800),
                promotion(.draft, from: "2026-01-01", to: "2026-12-31", off: 5_000),
            ])
        let lipstick = ProductDefinition(
            sku: "LIP-001", name: "Lipstick", category: "lips", listPrice: Money(minorUnits: 2_000, currency: .eur), packSize: 6)
        func price(_ date: String) -> EffectivePrice { history.price(lipstick, guardrail: nil, at: Self.day(date)) }
        // Silver until the tier change: the gold-only promotion passes it by, the draft never ran.
        #expect(price("2026-02-01").unitPrice.minorUnits == 1_900 && price("2026-02-01").source == .tier)
        #expect(price("2026-02-15").unitPrice.minorUnits == 1_640 && price("2026-02-15").source == .promotion)
        #expect(price("2026-02-26").unitPrice.minorUnits == 1_800)  // the override is agreed but starts in March
        #expect(price("2026-04-01").unitPrice.minorUnits == 1_600 && price("2026-04-01").source == .override)
        #expect(price("2026-07-01").unitPrice.minorUnits == 1_490)
        #expect(price("2026-10-01").unitPrice.minorUnits == 1_800 && price("2026-10-01").source == .tier)
    }

    @Test func aPromotionCountsOnlyWhileItWasLive() {
        var promotion = Promotion(
            id: UUID(), status: .archived, benefit: .discount(basisPoints: 1_000, skus: [], categories: []), audience: .init(),
            validFrom: Self.day("2026-03-01"), validTo: Self.day("2026-03-31"))
        #expect(promotion.wasLive(at: Self.day("2026-03-02")))  // times not kept: the whole window
        promotion.publishedAt = Self.day("2026-03-10")
        promotion.archivedAt = Self.day("2026-03-20")
        #expect(!promotion.wasLive(at: Self.day("2026-03-09")))
        #expect(promotion.wasLive(at: Self.day("2026-03-10")) && promotion.wasLive(at: Self.day("2026-03-19")))
        #expect(!promotion.wasLive(at: Self.day("2026-03-20")))
        promotion.status = .draft
        promotion.publishedAt = nil
        promotion.archivedAt = nil
        #expect(!promotion.wasLive(at: Self.day("2026-03-15")))
    }
}
