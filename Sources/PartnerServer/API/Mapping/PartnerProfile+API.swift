import PartnerAPI
import PartnerCore

extension PartnerProfile {
    init(_ body: Components.Schemas.PartnerCreate) {
        self.init(
            type: .init(body._type), companyName: body.companyName, displayName: body.displayName,
            email: body.email, phone: body.phone, region: body.region, country: body.country, city: body.city,
            address: body.address, postalCode: body.postalCode, latitude: body.latitude,
            longitude: body.longitude, taxId: body.taxId, website: body.website)
    }

    /// The profile with the PATCH applied: absent fields stay, an empty string clears an optional field
    /// (and fails validation for a required one).
    func applying(_ update: Components.Schemas.PartnerUpdate) -> PartnerProfile {
        var next = self
        if let type = update._type { next.type = .init(type) }
        if let value = update.companyName { next.companyName = value }
        if let value = update.email { next.email = value }
        if let value = update.region { next.region = value }
        if let value = update.country { next.country = value }
        if let value = update.displayName { next.displayName = value }
        if let value = update.phone { next.phone = value }
        if let value = update.city { next.city = value }
        if let value = update.address { next.address = value }
        if let value = update.postalCode { next.postalCode = value }
        if let value = update.latitude { next.latitude = value }
        if let value = update.longitude { next.longitude = value }
        if let value = update.taxId { next.taxId = value }
        if let value = update.website { next.website = value }
        return next
    }
}

extension Components.Schemas.PartnerUpdate {
    /// The JSON names of the fields this PATCH sets.
    var providedFields: Set<String> {
        let candidates: [(String, Bool)] = [
            ("type", _type != nil), ("companyName", companyName != nil), ("email", email != nil),
            ("region", region != nil), ("country", country != nil), ("displayName", displayName != nil),
            ("phone", phone != nil), ("city", city != nil), ("address", address != nil),
            ("postalCode", postalCode != nil), ("latitude", latitude != nil), ("longitude", longitude != nil),
            ("taxId", taxId != nil), ("website", website != nil), ("tierCode", tierCode != nil),
            ("status", status != nil),
        ]
        return Set(candidates.filter(\.1).map(\.0))
    }
}
