import Foundation
import PartnerAPI

extension PartnerAlert {
    var api: Components.Schemas.PartnerAlert {
        Components.Schemas.PartnerAlert(
            id: id.apiString, partnerId: partnerID.apiString, kind: kind,
            severity: Components.Schemas.AlertSeverity(rawValue: severity.rawValue) ?? .info, title: title, message: message, link: link,
            subjectType: subjectType, subjectId: subjectID?.apiString, readAt: readAt, createdAt: createdAt)
    }
}

extension HQAlert {
    var api: Components.Schemas.HQAlert {
        Components.Schemas.HQAlert(
            id: id.apiString, partnerId: partnerID?.apiString, kind: kind,
            severity: Components.Schemas.AlertSeverity(rawValue: severity.rawValue) ?? .info, title: title, message: message, link: link,
            subjectType: subjectType, subjectId: subjectID?.apiString, readAt: readAt, createdAt: createdAt)
    }
}
