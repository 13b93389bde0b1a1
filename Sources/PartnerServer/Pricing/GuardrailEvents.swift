import Foundation

enum GuardrailEvents {
    struct Updated: Encodable, Sendable {
        let skus: [String]
    }

    static func updated(skus: [String], batchID: UUID) -> DomainEvent {
        DomainEvent(
            type: .guardrailsUpdated, subjectType: "guardrail_batch", subjectID: batchID, partnerID: nil, data: Updated(skus: skus.sorted())
        )
    }
}
