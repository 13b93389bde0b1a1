import Foundation
import PartnerAPI
import PartnerCore

extension PartnerAlertRecord {
    var api: Components.Schemas.PartnerAlert {
        get throws {
            Components.Schemas.PartnerAlert(
                id: try requireID().apiString, partnerId: $partner.id.apiString, kind: kind,
                severity: Components.Schemas.AlertSeverity(rawValue: severity) ?? .info, title: title, message: message,
                subjectType: subjectType, subjectId: subjectID?.apiString, createdAt: createdAt)
        }
    }
}
