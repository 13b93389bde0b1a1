import Foundation
import PartnerAdvisor

/// A partner insight as stored: the partner it concerns and the insight.
struct StoredPartnerInsight: Sendable, Equatable {
    let id: UUID
    let partnerID: UUID
    let insight: Insight
}
