import Foundation
import PartnerAPI
import PartnerCore

extension APIHandler {
    func listUsers(_ input: Operations.ListUsers.Input) async throws -> Operations.ListUsers.Output {
        let caller = try authenticate()
        try caller.authorize(.manageUsers)
        let page = try await services.users.list(page: PageRequest(limit: input.query.limit, cursor: input.query.cursor))
        return .ok(.init(body: .json(.init(items: page.items.map(\.api), nextCursor: page.nextCursor))))
    }

    func createUser(_ input: Operations.CreateUser.Input) async throws -> Operations.CreateUser.Output {
        let caller = try authenticate()
        try caller.authorize(.manageUsers)
        guard case .json(let body) = input.body else { throw APIError.badRequest("Send a JSON body.") }
        var validator = FieldValidator()
        let email = EmailAddress(body.email)
        validator.check(email != nil, "email", "must be a valid email address")
        let name = validator.requiredText(body.name, "name", maxLength: 100)
        PasswordPolicy.validate(body.password, into: &validator)
        validator.check(body.role != .service, "role", "service users are created with POST /api/v1/service-tokens")
        try validator.finish()
        guard let email, let name else { throw ValidationFailure(field: "email", message: "is required") }
        let hash = try await services.signIn.hash(body.password)
        let user = try await services.users.create(email: email.value, name: name, passwordHash: hash, role: UserRole(body.role))
        return .created(.init(body: .json(user.api)))
    }

    func createServiceToken(_ input: Operations.CreateServiceToken.Input) async throws -> Operations.CreateServiceToken.Output {
        let caller = try authenticate()
        try caller.authorize(.manageServiceTokens)
        guard case .json(let body) = input.body else { throw APIError.badRequest("Send a JSON body.") }
        var validator = FieldValidator()
        let name = validator.requiredText(body.name, "name", maxLength: 100)
        validator.check(!body.scopes.isEmpty, "scopes", "must name at least one scope")
        let days = body.expiresInDays ?? 365
        validator.check((1...730).contains(days), "expiresInDays", "must be between 1 and 730")
        try validator.finish()
        let scopes = Array(Set(body.scopes.map(ServiceScope.init))).sorted { $0.rawValue < $1.rawValue }
        guard let name else { throw ValidationFailure(field: "name", message: "is required") }
        let issued = try await services.users.createServiceToken(name: name, scopes: scopes, lifetime: TimeInterval(days) * 86_400)
        return .created(
            .init(
                body: .json(
                    .init(
                        id: issued.user.id.apiString, name: issued.user.name,
                        scopes: scopes.map(Components.Schemas.ServiceScope.init),
                        token: issued.token, expiresAt: issued.expiresAt))))
    }
}
