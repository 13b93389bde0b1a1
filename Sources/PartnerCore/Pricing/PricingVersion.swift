import Foundation

/// One versioned change of a partner's pricing: who, when, why, and each value before and after.
public struct PricingVersion: Equatable, Sendable {
    public var version: Int
    public var changedBy: UUID
    public var changedAt: Date
    public var reason: String
    public var changes: [PricingChangeEntry]

    public init(version: Int, changedBy: UUID, changedAt: Date, reason: String, changes: [PricingChangeEntry]) {
        self.version = version
        self.changedBy = changedBy
        self.changedAt = changedAt
        self.reason = reason
        self.changes = changes
    }
}

/// One entry of a pricing version: a field with its value before and after.
public struct PricingChangeEntry: Codable, Equatable, Sendable {
    public let field: String
    public let previous: String?
    public let current: String?

    public init(field: String, previous: String?, current: String?) {
        self.field = field
        self.previous = previous
        self.current = current
    }
}

/// A partner's effective prices on one day, line by line, with what produced them.
public struct PriceList: Sendable {
    public struct Line: Sendable {
        public var product: ProductDefinition
        public var price: EffectivePrice
        public var override: PriceOverride?
        public var guardrail: Guardrail?

        public init(product: ProductDefinition, price: EffectivePrice, override: PriceOverride?, guardrail: Guardrail?) {
            self.product = product
            self.price = price
            self.override = override
            self.guardrail = guardrail
        }
    }

    public var partnerID: UUID
    public var tier: PartnerTier?
    public var date: Date
    public var version: Int?
    public var lines: [Line]

    public init(partnerID: UUID, tier: PartnerTier?, date: Date, version: Int?, lines: [Line]) {
        self.partnerID = partnerID
        self.tier = tier
        self.date = date
        self.version = version
        self.lines = lines
    }
}
