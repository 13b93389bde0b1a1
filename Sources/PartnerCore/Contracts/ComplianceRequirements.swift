import Foundation

/// Compliance evidence the brand keeps per partner: CPNP notifications (EU Regulation 1223/2009,
/// Art. 13) for products a partner places on the market, ISO 9001 quality management and
/// ISO 22716 cosmetics GMP certificates for distributors and manufacturers, business licences.
public enum ComplianceDocumentKind: String, CaseIterable, Codable, Sendable {
    case cpnpNotification = "cpnp_notification"
    case iso9001 = "iso_9001"
    case iso22716 = "iso_22716"
    case businessLicence = "business_licence"

    /// What each partner type must have on file.
    public static func required(for type: PartnerType) -> [ComplianceDocumentKind] {
        switch type {
        case .distributor: [.businessLicence, .iso9001, .iso22716]
        case .whiteLabel: [.businessLicence, .iso22716, .cpnpNotification]
        case .dealer, .salon, .stand: [.businessLicence]
        case .affiliate: []
        }
    }
}

/// The state of a partner's compliance file on a given day.
public struct ComplianceSummary: Equatable, Sendable {
    public let required: [ComplianceDocumentKind]
    public let missing: [ComplianceDocumentKind]
    public let expiringSoon: [ComplianceDocumentKind]
    public let expired: [ComplianceDocumentKind]

    public var isComplete: Bool { missing.isEmpty && expired.isEmpty }

    /// A required kind counts as held when any document of that kind is valid today; it is expiring
    /// when every valid one ends within `window` days.
    public init(type: PartnerType, documents: [(kind: ComplianceDocumentKind, expiresOn: Date?)], at date: Date, window: Int = 30) {
        required = ComplianceDocumentKind.required(for: type)
        let today = CalendarDay.parse(CalendarDay.format(date)) ?? date
        let horizon = today.addingTimeInterval(Double(window) * 86_400)
        var missing: [ComplianceDocumentKind] = []
        var expiring: [ComplianceDocumentKind] = []
        var expired: [ComplianceDocumentKind] = []
        for kind in required {
            let ofKind = documents.filter { $0.kind == kind }
            let valid = ofKind.filter { $0.expiresOn.map { $0 >= today } ?? true }
            if ofKind.isEmpty {
                missing.append(kind)
            } else if valid.isEmpty {
                expired.append(kind)
            } else if valid.allSatisfy({ $0.expiresOn.map { $0 <= horizon } ?? false }) {
                expiring.append(kind)
            }
        }
        self.missing = missing
        self.expiringSoon = expiring
        self.expired = expired
    }
}
