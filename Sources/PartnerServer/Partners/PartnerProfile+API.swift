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
}

extension PartnerEdit {
    init(_ update: Components.Schemas.PartnerUpdate) {
        self.init()
        type = update._type.map(PartnerType.init)
        companyName = update.companyName
        displayName = update.displayName
        email = update.email
        phone = update.phone
        region = update.region
        country = update.country
        city = update.city
        address = update.address
        postalCode = update.postalCode
        latitude = update.latitude
        longitude = update.longitude
        taxId = update.taxId
        website = update.website
        tierCode = update.tierCode
        status = update.status.map(PartnerStatus.init)
    }
}
