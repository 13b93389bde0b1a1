import Foundation
import PartnerCore

/// A validated request to change a partner's pricing.
struct PricingChange: Sendable {
    enum OverrideChange: Sendable {
        case set(product: ProductRecord, override: PriceOverride)
        case remove(product: ProductRecord)

        var product: ProductRecord {
            switch self {
            case .set(let product, _), .remove(let product): product
            }
        }
    }

    var tier: PartnerTierRecord?
    var tierChanged: Bool
    var overrides: [OverrideChange]
    var reason: String
}

/// One entry of a pricing version: a field with its value before and after.
struct PricingChangeEntry: Codable, Equatable, Sendable {
    let field: String
    let previous: String?
    let current: String?
}
