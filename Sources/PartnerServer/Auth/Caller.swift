import Foundation
import PartnerCore

/// The authenticated principal of a request.
struct Caller: Sendable {
    let userID: UUID
    let role: UserRole
    let tokenID: UUID
    let scope: AccessScope

    func require(_ roles: UserRole...) throws(APIError) {
        guard roles.contains(role) else {
            throw .forbidden("This action needs the \(roles.map(\.rawValue).joined(separator: " or ")) role.")
        }
    }

    /// Answers 404, not 403, for a partner the caller may not see: existence is not revealed.
    func requireVisible(partner id: UUID) throws(APIError) {
        guard scope.canView(partner: id) else { throw .partnerNotFound() }
    }
}
