/// The catalogue of events Partner OS emits. Names are stable contracts with other systems.
enum EventType: String, Sendable {
    case partnerCreated = "partner.created"
    case partnerUpdated = "partner.updated"
    case partnerStatusChanged = "partner.status.changed"
    case partnerPricingChanged = "partner.pricing.changed"
    case orderCreated = "order.created"
    case orderStatusChanged = "order.status.changed"
    case promotionPublished = "promotion.published"
    case promotionStatusChanged = "promotion.status.changed"
    case contractCreated = "contract.created"
    case contractSigned = "contract.signed"
    case contractTerminated = "contract.terminated"
    case loyaltyPointsBooked = "loyalty.points.booked"
    case guardrailsUpdated = "pricing.guardrails.updated"
}
