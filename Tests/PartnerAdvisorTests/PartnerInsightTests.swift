import Foundation
import PartnerAdvisor
import PartnerCore
import Testing

@Suite struct PartnerInsightTests {
    static let now = Date(timeIntervalSince1970: 1_795_003_200)  // 2026-11-18T12:00:00Z
    static let window = Insight.Window(from: now.addingTimeInterval(-365 * 86_400), through: now)
    static let silver = TierDefinition(
        code: "silver", name: "Silver", partnerTypes: [.dealer], rank: 2, baseDiscountBasisPoints: 500, loyaltyMultiplierMilli: 1100,
        minTrailingRevenue: Money(minorUnits: 2_500_000, currency: .eur))

    static func days(ago: [Double]) -> [Date] { ago.map { now.addingTimeInterval(-$0 * 86_400) } }

    /// A steady dealer: orders every 14 days for two years, a contract, loyalty in use, documents on file.
    static func steady(_ edit: (inout PartnerSignals) -> Void = { _ in }) -> PartnerSignals {
        var signals = PartnerSignals(
            name: "Steady", type: .dealer, monthlyRevenue: (0..<24).map { 1_000 + Double($0) * 50 },
            orderDates: days(ago: stride(from: 3.0, through: 730, by: 14).map { $0 }), ordersLastYear: 26, cancelledLastYear: 0,
            contract: .init(status: .active, daysToRenewal: 200),
            loyalty: .init(earned: 1_000, redeemed: 400, balance: 600, expiringSoon: 0), targetAttainment: [110, 105, 95],
            compliance: ComplianceSummary(type: .dealer, documents: [(.businessLicence, nil)], at: now), currentTier: nil,
            nextTier: silver, trailingRevenue: 20_000, now: now)
        edit(&signals)
        return signals
    }

    static func expectConsistent(_ insight: Insight, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(insight.factors.map(\.contribution).reduce(0, +) == insight.score, sourceLocation: sourceLocation)
        #expect((0...100).contains(insight.score), sourceLocation: sourceLocation)
        #expect(insight.level == InsightLevel(score: insight.score), sourceLocation: sourceLocation)
    }

    @Test func aSteadyGrowingPartnerIsHealthy() throws {
        let insight = PartnerHealthInsight.insight(Self.steady(), window: Self.window)
        Self.expectConsistent(insight)
        #expect(insight.kind == "health")
        #expect(
            insight.factors.map(\.key) == ["revenue_trend", "order_recency", "contract", "loyalty", "cancelled_share", "target_attainment"])
        #expect(insight.score == 100)
        #expect(insight.level == .good)
        let recency = try #require(insight.factors.first { $0.key == "order_recency" })
        #expect(recency.value == 3)
        #expect(insight.recommendations.isEmpty)
    }

    @Test func noOrdersMeansActWithAFirstOrderStep() throws {
        let signals = Self.steady {
            $0.monthlyRevenue = []
            $0.orderDates = []
            $0.ordersLastYear = 0
            $0.contract = nil
            $0.loyalty = .none
            $0.targetAttainment = []
        }
        let insight = PartnerHealthInsight.insight(signals, window: Self.window)
        Self.expectConsistent(insight)
        // Trend: half of 20 (no history); recency 0; contract 0; loyalty 0; cancelled 15; target half of 20.
        #expect(insight.factors.map(\.contribution) == [10, 0, 0, 0, 15, 10])
        #expect(insight.level == .act)
        #expect(insight.recommendations.map(\.action).contains("first_order"))
        #expect(insight.recommendations.map(\.action).contains("sign_contract"))
        #expect(insight.storyboard.why.contains("days since the last order at no orders yet (0 of 20 points)"))
    }

    @Test func aSingleOrderHasNoRhythmYet() throws {
        let signals = Self.steady { $0.orderDates = Self.days(ago: [40]) }
        let rhythm = OrderRhythm(orderDates: signals.orderDates, now: Self.now)
        #expect(rhythm.intervals.isEmpty)
        #expect(rhythm.survival == nil)
        #expect(rhythm.daysSinceLast == 40)
        let insight = PartnerHealthInsight.insight(signals, window: Self.window)
        #expect(insight.factors.first { $0.key == "order_recency" }?.contribution == 10)
        Self.expectConsistent(insight)
    }

    @Test func recencyIsJudgedAgainstThePartnersOwnRhythm() {
        // Quarterly orders: 60 days of silence is normal.
        let quarterly = OrderRhythm(orderDates: Self.days(ago: [60, 150, 240, 330]), now: Self.now)
        #expect(quarterly.medianInterval == 90)
        #expect(quarterly.survival == 1)
        // Weekly orders: 60 days of silence is longer than any gap seen.
        let weekly = OrderRhythm(orderDates: Self.days(ago: [60, 67, 74, 81, 88]), now: Self.now)
        #expect(weekly.survival == 0)
        let late = PartnerHealthInsight.insight(Self.steady { $0.orderDates = Self.days(ago: [60, 67, 74, 81, 88]) }, window: Self.window)
        #expect(late.factors.first { $0.key == "order_recency" }?.contribution == 0)
        #expect(late.recommendations.first?.action == "call_partner")
        // Ties count half: a silence equal to the only gap earns the full points (2 × 0.5).
        #expect(OrderRhythm(orderDates: Self.days(ago: [10, 20]), now: Self.now).survival == 0.5)
    }

    @Test func revenueTrendUsesSensSlopeAndItsSignificance() throws {
        let falling = Self.steady { $0.monthlyRevenue = (0..<12).map { 2_000 - Double($0) * 100 } }
        let insight = PartnerHealthInsight.insight(falling, window: Self.window)
        let trend = try #require(insight.factors.first { $0.key == "revenue_trend" })
        #expect(trend.contribution == 0)
        // Sen's slope −100 a month against a mean month of 1,450.
        #expect(trend.value == -6.9)
        #expect(insight.recommendations.contains { $0.action == "review_trend" && $0.priority == .high })
        let flat = PartnerHealthInsight.insight(Self.steady { $0.monthlyRevenue = [5, 5, 5, 5, 5, 5] }, window: Self.window)
        #expect(flat.factors.first { $0.key == "revenue_trend" }?.contribution == 12)
    }

    @Test func contractCancellationsLoyaltyAndTarget() throws {
        let signals = Self.steady {
            $0.contract = .init(status: .renewalDue, daysToRenewal: 20)
            $0.ordersLastYear = 20
            $0.cancelledLastYear = 5
            $0.loyalty = .init(earned: 1_000, redeemed: 0, balance: 1_000, expiringSoon: 500)
            $0.targetAttainment = [40, 50, 60]
        }
        let insight = PartnerHealthInsight.insight(signals, window: Self.window)
        Self.expectConsistent(insight)
        let points = Dictionary(insight.factors.map { ($0.key, $0.contribution) }, uniquingKeysWith: +)
        #expect(points["contract"] == 8 || points["contract"] == 7)
        #expect(points["cancelled_share"] == 0)
        #expect(points["loyalty"] == 5 || points["loyalty"] == 4)  // 0.6 − 0.3 × 0.5 = 0.45
        #expect(points["target_attainment"] == 10)
        #expect(insight.factors.first { $0.key == "target_attainment" }?.value == 50)
        let actions = Set(insight.recommendations.map(\.action))
        #expect(actions.isSuperset(of: ["renew_contract", "review_cancellations", "redeem_points", "plan_target"]))
        #expect(insight.storyboard.why.contains("points"))
    }

    @Test func complianceFollowsTheOneRule() throws {
        let none = ComplianceSummary(type: .distributor, documents: [], at: Self.now)
        #expect(none.required == ComplianceDocumentKind.required(for: .distributor))
        let missing = ComplianceInsight.insight(
            Self.steady {
                $0.type = .distributor
                $0.compliance = none
            }, window: Self.window)
        Self.expectConsistent(missing)
        #expect(missing.score == 30)
        #expect(missing.level == .act)
        #expect(missing.recommendations.filter { $0.action == "upload_document" }.count == 3)

        let expiring = ComplianceSummary(
            type: .dealer, documents: [(.businessLicence, Self.now.addingTimeInterval(10 * 86_400))], at: Self.now)
        let soon = ComplianceInsight.insight(Self.steady { $0.compliance = expiring }, window: Self.window)
        #expect(soon.score == 50)
        #expect(soon.level == .watch)
        #expect(soon.recommendations.first?.action == "renew_document")

        let expired = ComplianceSummary(
            type: .dealer, documents: [(.businessLicence, Self.now.addingTimeInterval(-10 * 86_400))], at: Self.now)
        let lapsed = ComplianceInsight.insight(Self.steady { $0.compliance = expired }, window: Self.window)
        #expect(lapsed.score == 15)
        #expect(lapsed.factors.first { $0.key == "expired_documents" }?.value == 1)

        let affiliate = ComplianceSummary(type: .affiliate, documents: [], at: Self.now)
        let free = ComplianceInsight.insight(
            Self.steady {
                $0.type = .affiliate
                $0.compliance = affiliate
            }, window: Self.window)
        #expect(free.score == 100)
        #expect(free.recommendations.isEmpty)
    }

    @Test func expansionReadinessNamesTheNextTierAndWhatIsMissing() throws {
        let ready = Self.steady { $0.trailingRevenue = 30_000 }
        let insights = PartnerAdvisorRun.insights(ready, kinds: [.expansionReadiness], window: Self.window)
        let insight = try #require(insights.first)
        Self.expectConsistent(insight)
        #expect(insight.kind == "expansion_readiness")
        // Growth: 24 months rising by 50 → +47 % year on year; health 100, compliance 100, tier 120 % → all points.
        #expect(insight.score == 100)
        #expect(insight.recommendations.first?.action == "upgrade_tier")
        #expect(insight.recommendations.first?.rationale.contains("Silver") == true)

        let short = PartnerAdvisorRun.insights(
            Self.steady { $0.compliance = ComplianceSummary(type: .dealer, documents: [], at: Self.now) },
            kinds: [.expansionReadiness], window: Self.window)[0]
        Self.expectConsistent(short)
        let tier = try #require(short.factors.first { $0.key == "next_tier" })
        #expect(tier.value == 80)
        #expect(tier.contribution == 24)
        #expect(short.recommendations.map(\.action).contains("grow_to_tier"))
        #expect(short.recommendations.map(\.action).contains("complete_compliance"))

        let top = PartnerAdvisorRun.insights(Self.steady { $0.nextTier = nil }, kinds: [.expansionReadiness], window: Self.window)[0]
        #expect(top.recommendations.first?.action == "expand_territory")
    }

    @Test func runsEveryKindOnceInTheOrderAsked() {
        let kinds = PartnerAdvisorRun.insights(Self.steady(), kinds: [.compliance, .health, .compliance], window: Self.window).map(\.kind)
        #expect(kinds == ["compliance", "health"])
        for insight in PartnerAdvisorRun.insights(Self.steady(), kinds: PartnerInsightKind.allCases, window: Self.window) {
            Self.expectConsistent(insight)
            #expect(insight.storyboard.headline.hasPrefix("Steady: "))
        }
    }
}
