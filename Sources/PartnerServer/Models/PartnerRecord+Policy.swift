import PartnerCore

extension PartnerRecord {
    /// What the access policy needs to know about this partner.
    var subject: PolicySubject {
        get throws { PolicySubject(partnerID: try requireID(), status: status) }
    }
}
