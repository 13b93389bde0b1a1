import Foundation
import PartnerAPI

extension UserRecord {
    /// Never includes the password hash.
    var api: Components.Schemas.User {
        get throws {
            Components.Schemas.User(
                id: try requireID().apiString, email: email, name: name, role: .init(role), disabled: disabledAt != nil,
                createdAt: createdAt ?? Date(timeIntervalSince1970: 0))
        }
    }
}

extension PartnerUserRecord {
    /// Needs `user` loaded.
    var api: Components.Schemas.PartnerMember {
        get throws {
            Components.Schemas.PartnerMember(
                userId: $user.id.apiString, email: user.email, name: user.name, role: .init(role),
                createdAt: createdAt ?? Date())
        }
    }
}
