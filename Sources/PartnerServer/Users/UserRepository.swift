import Fluent
import Foundation
import PartnerCore

struct UserRepository {
    let database: any Database
    let writes: WriteSerializer

    func find(_ id: UUID) async throws -> UserRecord? {
        try await UserRecord.find(id, on: database)
    }

    func find(email: String) async throws -> UserRecord? {
        try await UserRecord.query(on: database).filter(\.$email == email.lowercased()).first()
    }

    func count() async throws -> Int {
        try await UserRecord.query(on: database).count()
    }

    /// Users in email order.
    func list(page: PageRequest) async throws -> Page<UserRecord> {
        let query = UserRecord.query(on: database)
        if let after = try page.position(String.self) { query.filter(\.$email > after) }
        let rows = try await query.sort(\.$email).limit(page.limit + 1).all()
        return Page(rows: rows, limit: page.limit) { $0.email }
    }

    func create(email: String, name: String, passwordHash: String, role: UserRole) async throws -> UserRecord {
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
        return user
    }

    // MARK: Tokens

    func issueToken(for userID: UUID, lifetime: TimeInterval, now: Date = Date()) async throws -> (token: String, expiresAt: Date) {
        let token = BearerToken.generate()
        let expiresAt = now.addingTimeInterval(lifetime)
        let record = APITokenRecord(userID: userID, tokenHash: BearerToken.digest(token), expiresAt: expiresAt)
        try await writes.transaction(on: database) { db in try await record.create(on: db) }
        return (token, expiresAt)
    }

    /// An integration: a `service` user that cannot log in, with one scoped token.
    func createServiceToken(name: String, scopes: [ServiceScope], lifetime: TimeInterval, now: Date = Date()) async throws -> (
        user: UserRecord, token: String, expiresAt: Date
    ) {
        let token = BearerToken.generate()
        let expiresAt = now.addingTimeInterval(lifetime)
        // "!" is no bcrypt hash, so no password ever verifies against it.
        let user = UserRecord(email: "service-\(UUID().apiString)@integrations.invalid", name: name, passwordHash: "!", role: .service)
        try await writes.transaction(on: database) { db in
            try await user.create(on: db)
            let record = APITokenRecord(
                userID: try user.requireID(), tokenHash: BearerToken.digest(token), expiresAt: expiresAt, scopes: scopes)
            try await record.create(on: db)
        }
        return (user, token, expiresAt)
    }

    func revokeToken(_ id: UUID, now: Date = Date()) async throws {
        try await writes.transaction(on: database) { db in
            try await APITokenRecord.query(on: db).filter(\.$id == id).set(\.$revokedAt, to: now).update()
        }
    }

    // MARK: Partner memberships

    func memberships(of userID: UUID) async throws -> [PartnerUserRecord] {
        try await PartnerUserRecord.query(on: database).filter(\.$user.$id == userID).with(\.$partner).all()
    }

    func members(of partnerID: UUID) async throws -> [PartnerUserRecord] {
        try await PartnerUserRecord.query(on: database).filter(\.$partner.$id == partnerID).with(\.$user).all()
            .sorted { $0.user.email < $1.user.email }
    }

    func link(userID: UUID, to partnerID: UUID, role: MemberRole) async throws -> PartnerUserRecord {
        let link = PartnerUserRecord(partnerID: partnerID, userID: userID, role: role)
        let conflict = DomainError.conflict("This user is already linked to the partner.")
        try await writes.transaction(on: database) { db in
            let existing = try await PartnerUserRecord.query(on: db)
                .filter(\.$partner.$id == partnerID).filter(\.$user.$id == userID).count()
            if existing > 0 { throw conflict }
            do {
                try await link.create(on: db)
            } catch  where error.isConstraintViolation {
                throw conflict
            }
        }
        return link
    }
}
