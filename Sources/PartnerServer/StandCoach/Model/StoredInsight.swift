import Foundation
import PartnerAdvisor

/// An insight as stored: a stand's (with the location it concerns, if one) or the network's (with
/// the subject it is about).
struct StoredInsight: Sendable, Codable, Equatable {
    let id: UUID
    let standID: UUID?
    let locationID: UUID?
    let subject: String?
    let insight: Insight
}

/// The JSON kept in an insight row's `payload`: the insight and the detail of its kind.
struct InsightPayload<Detail: Codable & Sendable>: Codable, Sendable {
    let insight: Insight
    let detail: Detail?
}

/// Reads just the insight of any payload.
struct InsightOnlyPayload: Decodable {
    let insight: Insight
}
