import Foundation
import PartnerAPI
import PartnerCore

extension Partner {
    var api: Components.Schemas.Partner {
        let p = profile
        return Components.Schemas.Partner(
            id: id.apiString, _type: .init(p.type), companyName: p.companyName, displayName: p.displayName, email: p.email,
            phone: p.phone, region: p.region, country: p.country, city: p.city, address: p.address, postalCode: p.postalCode,
            latitude: p.latitude, longitude: p.longitude, taxId: p.taxId, website: p.website, status: .init(status), tier: tier?.api,
            createdAt: createdAt, updatedAt: updatedAt)
    }
}

extension PartnerMember {
    var api: Components.Schemas.PartnerMember {
        Components.Schemas.PartnerMember(userId: userID.apiString, email: email, name: name, role: .init(role), createdAt: since)
    }
}
