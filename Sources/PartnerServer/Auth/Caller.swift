import Foundation
import PartnerCore

/// The authenticated principal of a request.
struct Caller: Sendable {
    let userID: UUID
    let role: UserRole
    let tokenID: UUID
    let scope: AccessScope
    /// Scopes of an integration token; empty for people.
    var serviceScopes: Set<ServiceScope> = []

    func require(_ roles: UserRole...) throws(APIError) {
        guard roles.contains(role) else {
            throw .forbidden("This action needs the \(roles.map(\.rawValue).joined(separator: " or ")) role.")
        }
    }

    /// HQ staff, or an integration whose token carries `serviceScope`.
    func requireHeadquarters(orService serviceScope: ServiceScope) throws(APIError) {
        if role.isHeadquarters { return }
        if role == .service {
            guard serviceScopes.contains(serviceScope) else {
                throw .forbidden("This token lacks the \(serviceScope.rawValue) scope.")
            }
            return
        }
        throw .forbidden("This action needs the admin or staff role, or a service token with \(serviceScope.rawValue).")
    }

}
