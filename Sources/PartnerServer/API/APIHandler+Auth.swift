import Foundation
import PartnerAPI
import PartnerCore
import Vapor

extension APIHandler {
    func login(_ input: Operations.Login.Input) async throws -> Operations.Login.Output {
        guard case .json(let body) = input.body else { throw APIError.badRequest("Send a JSON body.") }
        var validator = FieldValidator()
        let email = validator.requiredText(body.email, "email", maxLength: 254)?.lowercased() ?? ""
        validator.check(!body.password.isEmpty, "password", "must not be empty")
        try validator.finish()

        let request = try request
        let address = clientAddress(of: request)
        if let wait = await loginThrottle.retryAfter(account: email, address: address) {
            throw APIError.tooManyRequests(retryAfterSeconds: wait)
        }
        let user = try await users.find(email: email)
        let verified = await verify(body.password, against: user?.passwordHash ?? decoyPasswordHash, on: request)
        guard let user, verified else {
            await loginThrottle.recordFailure(account: email, address: address)
            request.logger.notice("login failed", metadata: ["email": .string(email), "address": .string(address)])
            throw APIError.unauthorized("Email or password is incorrect.")
        }
        await loginThrottle.recordSuccess(account: email)
        let issued = try await users.issueToken(for: try user.requireID(), lifetime: configuration.tokenLifetime)
        return .ok(.init(body: .json(.init(token: issued.token, expiresAt: issued.expiresAt, user: try user.api))))
    }

    func logout(_ input: Operations.Logout.Input) async throws -> Operations.Logout.Output {
        let caller = try await authenticate()
        try await users.revokeToken(caller.tokenID)
        return .noContent(.init())
    }

    func getCurrentUser(_ input: Operations.GetCurrentUser.Input) async throws -> Operations.GetCurrentUser.Output {
        let caller = try await authenticate()
        guard let user = try await users.find(caller.userID) else {
            throw APIError.unauthorized("The token's user no longer exists.")
        }
        let memberships = try await users.memberships(of: caller.userID).map { link in
            Components.Schemas.Membership(
                partnerId: link.$partner.id.apiString, companyName: link.partner.companyName, role: .init(link.role))
        }
        return .ok(.init(body: .json(.init(user: try user.api, memberships: memberships.sorted { $0.companyName < $1.companyName }))))
    }

    private func verify(_ password: String, against hash: String, on request: Request) async -> Bool {
        // Over-long passwords make bcrypt throw; they are simply wrong.
        (try? await request.password.async.verify(password, created: hash)) ?? false
    }

    private func clientAddress(of request: Request) -> String {
        if configuration.trustForwardedFor, let forwarded = request.headers.first(name: "X-Forwarded-For"),
            let first = forwarded.split(separator: ",").first
        {
            return first.trimmingCharacters(in: .whitespaces)
        }
        return request.remoteAddress?.ipAddress ?? "unknown"
    }
}
