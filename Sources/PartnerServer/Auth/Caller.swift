import Foundation
import PartnerCore

/// The authenticated principal of a request, whatever the entrance (a bearer token today, a
/// portal session later).
struct Caller: Sendable {
    let userID: UUID
    let tokenID: UUID
    let scope: AccessScope

    var role: UserRole { scope.role }

    /// Asks the policy; a refusal becomes the domain error every entrance maps the same way.
    func authorize(_ action: PolicyAction, on subject: PolicySubject? = nil) throws(DomainError) {
        switch AccessPolicy.decide(action, by: scope, on: subject) {
        case .allowed:
            return
        case .denied(let reason):
            throw .forbidden(reason)
        case .hidden:
            throw DomainError.partnerNotFound
        case .inactive(let status):
            throw .conflict("The partner is \(status.rawValue); only active partners can do this.")
        }
    }

    func may(_ action: PolicyAction, on subject: PolicySubject? = nil) -> Bool {
        scope.may(action, on: subject)
    }
}
