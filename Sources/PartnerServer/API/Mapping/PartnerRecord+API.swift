import Foundation
import PartnerAPI
import PartnerCore

extension PartnerRecord {
    /// Includes the tier when it was eager-loaded (`with(\.$tier)`) or set after a write.
    var api: Components.Schemas.Partner {
        get throws {
            Components.Schemas.Partner(
                id: try requireID().apiString, _type: .init(type), companyName: companyName,
                displayName: displayName, email: email, phone: phone, region: region, country: country,
                city: city, address: address, postalCode: postalCode, latitude: latitude,
                longitude: longitude, taxId: taxId, website: website, status: .init(status),
                tier: try $tier.value??.api, createdAt: createdAt ?? Date(), updatedAt: updatedAt ?? Date())
        }
    }
}
