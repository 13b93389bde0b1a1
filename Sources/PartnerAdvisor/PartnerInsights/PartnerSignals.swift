import Foundation
import PartnerCore

/// Everything the Partner Advisor reads about one partner, as plain values the application core
/// gathers: its revenue by month, its order days, contract, loyalty, target attainment, compliance
/// file and tiers. The advisor does no I/O; the same signals always give the same insights.
public struct PartnerSignals: Sendable {
    /// The contract that governs the partner now (running, else the latest), as of `now`.
    public struct ContractState: Sendable, Hashable {
        public var status: ContractStatus
        public var daysToRenewal: Int

        public init(status: ContractStatus, daysToRenewal: Int) {
            self.status = status
            self.daysToRenewal = daysToRenewal
        }
    }

    /// Loyalty points over the last twelve months, and where the balance stands.
    public struct Loyalty: Sendable, Hashable {
        /// Earned and bonus points.
        public var earned: Int
        /// Points spent (a positive number).
        public var redeemed: Int
        public var balance: Int
        /// Points that expire within 30 days.
        public var expiringSoon: Int

        public init(earned: Int, redeemed: Int, balance: Int, expiringSoon: Int) {
            self.earned = earned
            self.redeemed = redeemed
            self.balance = balance
            self.expiringSoon = expiringSoon
        }

        public static let none = Loyalty(earned: 0, redeemed: 0, balance: 0, expiringSoon: 0)
    }

    public var name: String
    public var type: PartnerType
    /// Revenue (major units) of each complete calendar month, oldest first, ending with last month;
    /// at most 24 months and none before the partner's first month of trade.
    public var monthlyRevenue: [Double]
    /// When each order that was not cancelled was placed, in any order.
    public var orderDates: [Date]
    /// Orders placed in the last twelve months, and how many of them were cancelled.
    public var ordersLastYear: Int
    public var cancelledLastYear: Int
    public var contract: ContractState?
    public var loyalty: Loyalty
    /// Revenue as a percent of the monthly target, one per recent complete month that had a target.
    public var targetAttainment: [Double]
    public var compliance: ComplianceSummary
    public var currentTier: TierDefinition?
    /// The tier above the current one for the partner's type (nil at the top).
    public var nextTier: TierDefinition?
    /// Revenue (major units) over the trailing twelve months, as the tier review counts it.
    public var trailingRevenue: Double
    public var currency: Currency
    public var now: Date

    public init(
        name: String, type: PartnerType, monthlyRevenue: [Double], orderDates: [Date], ordersLastYear: Int, cancelledLastYear: Int,
        contract: ContractState?, loyalty: Loyalty, targetAttainment: [Double], compliance: ComplianceSummary,
        currentTier: TierDefinition?, nextTier: TierDefinition?, trailingRevenue: Double, currency: Currency = .eur, now: Date
    ) {
        self.name = name
        self.type = type
        self.monthlyRevenue = monthlyRevenue
        self.orderDates = orderDates
        self.ordersLastYear = ordersLastYear
        self.cancelledLastYear = cancelledLastYear
        self.contract = contract
        self.loyalty = loyalty
        self.targetAttainment = targetAttainment
        self.compliance = compliance
        self.currentTier = currentTier
        self.nextTier = nextTier
        self.trailingRevenue = trailingRevenue
        self.currency = currency
        self.now = now
    }

    /// The last twelve complete months, oldest first.
    public var lastTwelveMonths: [Double] { Array(monthlyRevenue.suffix(12)) }
}
