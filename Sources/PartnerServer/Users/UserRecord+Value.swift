import Foundation
import PartnerCore

extension UserRecord {
    var value: UserAccount {
        get throws {
            UserAccount(
                id: try requireID(), email: email, name: name, role: role, disabled: disabledAt != nil,
                createdAt: createdAt ?? Date(timeIntervalSince1970: 0))
        }
    }
}

extension PartnerUserRecord {
    /// Needs `user` loaded.
    var member: PartnerMember {
        PartnerMember(userID: $user.id, email: user.email, name: user.name, role: role, since: createdAt ?? Date(timeIntervalSince1970: 0))
    }
}
