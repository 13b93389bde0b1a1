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

    /// Every `/auth/me` reads the caller's account: one query read straight into the value.
    func find(_ id: UUID) async throws -> UserAccount? {
        let query: SQLQueryString =
            #"SELECT id AS "id", email AS "email", name AS "name", role AS "role", disabled_at AS "disabledAt", created_at AS "createdAt" "#
            + "FROM users WHERE id = \(bind: id)"
        return try await RowReader.all(query, on: database).first.map { row in
            UserAccount(
                id: try row.uuid("id"), email: try row.string("email"), name: try row.string("name"),
                role: try row.value("role", as: UserRole.self), disabled: try row.optionalDate("disabledAt") != nil,
                createdAt: try row.optionalDate("createdAt") ?? Date(timeIntervalSince1970: 0))
        }
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

    /// The partners a user belongs to, by company name (every `/auth/me` asks: one query).
    func memberships(of userID: UUID) async throws -> [Membership] {
        struct Row: Decodable {
            let partnerId: UUID
            let companyName: String
            let role: MemberRole
        }
        return try await database.sql().raw(
            """
            SELECT m.partner_id AS "partnerId", p.company_name AS "companyName", m.role AS "role" FROM partner_users m JOIN partners p ON p.id = m.partner_id \
            WHERE m.user_id = \(bind: userID) ORDER BY p.company_name, m.partner_id
            """
        ).all(decoding: Row.self)
            .map { Membership(partnerID: $0.partnerId, companyName: $0.companyName, role: $0.role) }
    }

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
