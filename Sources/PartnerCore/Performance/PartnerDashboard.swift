import Foundation

/// What a partner's dashboard shows: open and recent orders, loyalty, the six-month trend, the
/// running contract and compliance.
public struct PartnerDashboard: Sendable {
    public struct Orders: Sendable {
        public var open: Int
        public var last90Days: Int
        public var revenueLast90Days: Money

        public init(open: Int, last90Days: Int, revenueLast90Days: Money) {
            self.open = open
            self.last90Days = last90Days
            self.revenueLast90Days = revenueLast90Days
        }
    }

    public struct Loyalty: Sendable {
        public var balance: Int
        public var expiringSoon: Int

        public init(balance: Int, expiringSoon: Int) {
            self.balance = balance
            self.expiringSoon = expiringSoon
        }
    }

    /// The contract in force today and where it stands.
    public struct RunningContract: Sendable {
        public var id: UUID
        public var status: ContractStatus
        public var daysToRenewal: Int
    }

    public var partnerID: UUID
    public var orders: Orders
    public var loyalty: Loyalty
    public var thisMonth: MonthlyPerformance
    /// Oldest first; the last month is `thisMonth`.
    public var trend: [MonthlyPerformance]
    public var contract: RunningContract?
    public var compliance: ComplianceSummary
    /// The latest AI Partner Advisor health score and its level (`good`, `watch`, `act`); nil
    /// until the advisor has scored the partner.
    public var aiScore: (score: Int, level: String)?

    public init(
        partnerID: UUID, orders: Orders, loyalty: Loyalty, thisMonth: MonthlyPerformance, trend: [MonthlyPerformance],
        contract: RunningContract?,
        compliance: ComplianceSummary, aiScore: (score: Int, level: String)? = nil
    ) {
        self.partnerID = partnerID
        self.orders = orders
        self.loyalty = loyalty
        self.thisMonth = thisMonth
        self.trend = trend
        self.contract = contract
        self.compliance = compliance
        self.aiScore = aiScore
    }
}

extension PartnerDashboard.RunningContract {
    /// The contract in force on `date` among `contracts` (newest first), if any.
    public init?(among contracts: [Contract], at date: Date) {
        guard let contract = contracts.first(where: { $0.isRunning(at: date) }) else { return nil }
        self.init(id: contract.id, status: contract.terms.status(at: date), daysToRenewal: contract.terms.daysToRenewal(at: date))
    }
}

extension Contract {
    /// In force on `date`: active, or active and due for renewal.
    public func isRunning(at date: Date) -> Bool {
        let status = terms.status(at: date)
        return status == .active || status == .renewalDue
    }
}
