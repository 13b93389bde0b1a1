import Foundation
import PartnerAPI
import PartnerCore
import Vapor

extension APIHandler {
    func listUsers(_ input: Operations.ListUsers.Input) async throws -> Operations.ListUsers.Output {
        let caller = try await authenticate()
        try caller.require(.admin)
        let page = try await users.list(page: PageRequest(limit: input.query.limit, cursor: input.query.cursor))
        return .ok(.init(body: .json(.init(items: try page.items.map { try $0.api }, nextCursor: page.nextCursor))))
    }

    func createUser(_ input: Operations.CreateUser.Input) async throws -> Operations.CreateUser.Output {
        let caller = try await authenticate()
        try caller.require(.admin)
        guard case .json(let body) = input.body else { throw APIError.badRequest("Send a JSON body.") }
        var validator = Validator()
        let email = EmailAddress(body.email)
        validator.check(email != nil, "email", "must be a valid email address")
        let name = validator.requiredText(body.name, "name", maxLength: 100)
        PasswordPolicy.validate(body.password, into: &validator)
        try validator.finish()
        let hash = try await request.password.async.hash(body.password)
        let user = try await users.create(email: email!.value, name: name!, passwordHash: hash, role: UserRole(body.role))
        return .created(.init(body: .json(try user.api)))
    }
}
