import Foundation
import PartnerCore

/// The filters of `/partners/list` and `/dealers/list`.
struct PartnerFilter: Sendable {
    var type: PartnerType?
    var region: String?
    var tierCode: String?
    var status: PartnerStatus?
    /// Matched case-insensitively against names, email and city.
    var query: String?
}

/// Keyset position in the (company name, id) order of partner lists.
struct PartnerPosition: Codable {
    let name: String
    let id: UUID
}
