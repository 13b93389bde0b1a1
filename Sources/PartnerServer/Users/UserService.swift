import Fluent
import Foundation
import PartnerCore
import SQLKit

/// Users, their bearer tokens and their partner memberships.
struct UserService {
    let database: any Database
    let writes: WriteSerializer
    let callers: CallerCache
    let clock: AppClock

    /// Every `/auth/me` reads the caller's account and memberships: one query (the user joined to
    /// its memberships, a row per partner) read straight into values.
    func account(of id: UUID) async throws -> (user: UserAccount, memberships: [Membership])? {
        let query: SQLQueryString =
            #"SELECT u.id AS "id", u.email AS "email", u.name AS "name", u.role AS "role", u.disabled_at AS "disabledAt", "#
            + #"u.created_at AS "createdAt", m.partner_id AS "partnerId", p.company_name AS "companyName", m.role AS "memberRole" "#
            + "FROM users u LEFT JOIN partner_users m ON m.user_id = u.id LEFT JOIN partners p ON p.id = m.partner_id "
            + "WHERE u.id = \(bind: id) ORDER BY p.company_name, m.partner_id"
        let rows = try await RowReader.all(query, on: database)
        guard let first = rows.first else { return nil }
        let user = UserAccount(
            id: try first.uuid("id"), email: try first.string("email"), name: try first.string("name"),
            role: try first.value("role", as: UserRole.self), disabled: try first.optionalDate("disabledAt") != nil,
            createdAt: try first.optionalDate("createdAt") ?? Date(timeIntervalSince1970: 0))
        let memberships = try rows.compactMap { row -> Membership? in
            guard let partnerID = try row.optionalUUID("partnerId") else { return nil }
            return Membership(
                partnerID: partnerID, companyName: try row.string("companyName"), role: try row.value("memberRole", as: MemberRole.self))
        }
        return (user, memberships)
    }

    func count() async throws -> Int {
        try await UserRecord.query(on: database).count()
    }

    /// Users in email order.
    func list(page: PageRequest) async throws -> Page<UserAccount> {
        let query = UserRecord.query(on: database)
        if let after = try page.position(String.self) { query.filter(\.$email > after) }
        let rows = try await query.sort(\.$email).limit(page.limit + 1).all()
        return Page(rows: try rows.map { try $0.value }, limit: page.limit) { $0.email }
    }

    /// A new user; the entrance hashes the password (bcrypt runs off the event loop there).
    func create(email: String, name: String, passwordHash: String, role: UserRole) async throws -> UserAccount {
        let user = UserRecord(email: email, name: name, passwordHash: passwordHash, role: role)
        let conflict = DomainError.conflict("A user with email \(email) already exists.")
        try await writes.transaction(on: database) { db in
            if try await UserRecord.query(on: db).filter(\.$email == email).count() > 0 { throw conflict }
            do {
                try await user.create(on: db)
            } catch  where error.isConstraintViolation {
                throw conflict
            }
        }
        return try user.value
    }

    // MARK: Tokens

    func issueToken(for userID: UUID, lifetime: TimeInterval) async throws -> (token: String, expiresAt: Date) {
        let token = BearerToken.generate()
        let expiresAt = clock.now.addingTimeInterval(lifetime)
        let record = APITokenRecord(userID: userID, tokenHash: BearerToken.digest(token), expiresAt: expiresAt)
        try await writes.transaction(on: database) { db in try await record.create(on: db) }
        return (token, expiresAt)
    }

    /// An integration: a `service` user that cannot log in, with one scoped token.
    func createServiceToken(name: String, scopes: [ServiceScope], lifetime: TimeInterval) async throws -> (
        user: UserAccount, token: String, expiresAt: Date
    ) {
        let token = BearerToken.generate()
        let expiresAt = clock.now.addingTimeInterval(lifetime)
        // "!" is no bcrypt hash, so no password ever verifies against it.
        let user = UserRecord(email: "service-\(UUID().apiString)@integrations.invalid", name: name, passwordHash: "!", role: .service)
        try await writes.transaction(on: database) { db in
            try await user.create(on: db)
            let record = APITokenRecord(
                userID: try user.requireID(), tokenHash: BearerToken.digest(token), expiresAt: expiresAt, scopes: scopes)
            try await record.create(on: db)
        }
        return (try user.value, token, expiresAt)
    }

    func revokeToken(_ id: UUID) async throws {
        let now = clock.now
        try await writes.transaction(on: database) { db in
            try await APITokenRecord.query(on: db).filter(\.$id == id).set(\.$revokedAt, to: now).update()
        }
        callers.evict(tokenID: id)
    }

    // MARK: Partner memberships

    /// A partner's members, by email.
    func members(of partnerID: UUID) async throws -> [PartnerMember] {
        try await PartnerUserRecord.query(on: database).filter(\.$partner.$id == partnerID).with(\.$user).all()
            .map(\.member).sorted { $0.email < $1.email }
    }

    /// Links a partner-role user to a partner. Admins and staff see every partner already, and
    /// integrations act through scopes, so only partner users can be members.
    func link(userID: UUID, to partnerID: UUID, role: MemberRole) async throws -> PartnerMember {
        let conflict = DomainError.conflict("This user is already linked to the partner.")
        let member = try await writes.transaction(on: database) { db in
            guard let user = try await UserRecord.find(userID, on: db) else {
                throw ValidationFailure(field: "userId", message: "no user has this id")
            }
            guard user.role == .partner else {
                throw ValidationFailure(
                    field: "userId", message: "only users with the partner role can be linked; admin and staff already see every partner")
            }
            let existing = try await PartnerUserRecord.query(on: db).filter(\.$partner.$id == partnerID).filter(\.$user.$id == userID)
                .count()
            if existing > 0 { throw conflict }
            let link = PartnerUserRecord(partnerID: partnerID, userID: userID, role: role)
            do {
                try await link.create(on: db)
            } catch  where error.isConstraintViolation {
                throw conflict
            }
            link.$user.value = user
            return link.member
        }
        // Evicted after the commit, so no later request reuses a caller without the new membership.
        callers.evict(userID: userID)
        return member
    }
}
