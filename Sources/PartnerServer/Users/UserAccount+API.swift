import Foundation
import PartnerAPI
import PartnerCore

extension UserAccount {
    var api: Components.Schemas.User {
        Components.Schemas.User(id: id.apiString, email: email, name: name, role: .init(role), disabled: disabled, createdAt: createdAt)
    }
}
