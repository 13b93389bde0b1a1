import Foundation
import PartnerCore

/// A partner pricing change as a client sent it; `PartnerPricingService.change` validates it.
struct PricingSubmission: Sendable {
    struct Override: Sendable {
        let sku: String
        let unitPrice: (amount: String, currency: String)?
        let discountPercent: Double?
        let validFrom: String?
        let validTo: String?
    }

    /// A tier code; an empty string removes the tier.
    let tierCode: String?
    let overrides: [Override]
    let reason: String
}

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

    var tier: PartnerTier?
    var tierChanged: Bool
    var overrides: [OverrideChange]
    var reason: String
}
