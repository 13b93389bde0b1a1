import Fluent
import Foundation
import PartnerCore
import SQLKit

/// Takes access away: members leave partners, users are disabled, integration tokens revoked,
/// passwords changed. Each method owns its transaction and locks; authentication reads users,
/// tokens and memberships on every request, so a change takes effect on the next one.
///
/// Locks: the partner row before its memberships (so concurrent removals cannot both leave it
/// without an owner), and the admin rows before disabling an admin.
struct AccessService {
    let database: any Database
    let writes: WriteSerializer
    let callers: CallerCache
    let clock: AppClock

    func removeMember(_ userID: UUID, from partnerID: UUID) async throws {
        defer { callers.evict(userID: userID) }
        try await writes.transaction(on: database) { db in
            try await db.lockPartner(partnerID)
            guard
                let link = try await PartnerUserRecord.query(on: db).filter(\.$partner.$id == partnerID)
                    .filter(\.$user.$id == userID).first()
            else { throw DomainError.notFound("This user is not a member of the partner.") }
            if link.role == .owner, try await Self.otherActiveOwners(of: partnerID, besides: userID, on: db) == 0 {
                throw DomainError.conflict("This is the partner's last owner; make another member owner first.")
            }
            try await link.delete(on: db)
        }
    }

    func disable(_ userID: UUID) async throws -> UserAccount {
        let now = clock.now
        defer { callers.evict(userID: userID) }
        return try await writes.transaction(on: database) { db in
            guard let user = try await UserRecord.find(userID, on: db) else { throw DomainError.notFound("No user with this id.") }
            guard user.disabledAt == nil else { return try user.value }
            if user.role == .admin {
                try await Self.lockAdmins(on: db)
                let others = try await UserRecord.query(on: db).filter(\.$role == .admin).filter(\.$disabledAt == nil)
                    .filter(\.$id != userID).count()
                guard others > 0 else { throw DomainError.conflict("This is the last active admin; enable or create another first.") }
            }
            let owned = try await PartnerUserRecord.query(on: db).filter(\.$user.$id == userID).filter(\.$role == .owner)
                .with(\.$partner).all()
            for link in owned.sorted(by: { $0.$partner.id.uuidString < $1.$partner.id.uuidString }) {
                try await db.lockPartner(link.$partner.id)
                if try await Self.otherActiveOwners(of: link.$partner.id, besides: userID, on: db) == 0 {
                    throw DomainError.conflict(
                        "This user is the last owner of \(link.partner.companyName); make another member owner first.")
                }
            }
            user.disabledAt = now
            try await user.update(on: db)
            try await Self.revokeTokens(of: userID, except: nil, at: now, on: db)
            return try user.value
        }
    }

    func enable(_ userID: UUID) async throws -> UserAccount {
        try await writes.transaction(on: database) { db in
            guard let user = try await UserRecord.find(userID, on: db), user.role != .service else {
                throw DomainError.notFound("No user with this id.")
            }
            user.disabledAt = nil
            try await user.update(on: db)
            return try user.value
        }
    }

    /// Revokes an integration (its service user and token); `id` is the id its creation returned.
    func revokeServiceToken(_ id: UUID) async throws {
        let now = clock.now
        defer { callers.evict(userID: id) }
        try await writes.transaction(on: database) { db in
            guard let user = try await UserRecord.find(id, on: db), user.role == .service else {
                throw DomainError.notFound("No integration token with this id.")
            }
            user.disabledAt = user.disabledAt ?? now
            try await user.update(on: db)
            try await Self.revokeTokens(of: id, except: nil, at: now, on: db)
        }
    }

    struct ServiceTokenSummary: Sendable {
        let id: UUID
        let name: String
        let scopes: Set<ServiceScope>
        let expiresAt: Date
        let revoked: Bool
        let createdAt: Date
    }

    /// Integration tokens in a stable order; never their secrets (only digests are stored).
    func serviceTokens(page: PageRequest) async throws -> Page<ServiceTokenSummary> {
        let query = UserRecord.query(on: database).filter(\.$role == .service)
        if let after = try page.position(String.self) { query.filter(\.$email > after) }
        let users = try await query.sort(\.$email).limit(page.limit + 1).all()
        let ids = try users.map { try $0.requireID() }
        let tokens = try await APITokenRecord.query(on: database).filter(\.$user.$id ~~ ids).all()
        let tokenByUser = Dictionary(firstValues: tokens.map { ($0.$user.id, $0) })
        let summaries = try users.map { user in
            let token = tokenByUser[try user.requireID()]
            return ServiceTokenSummary(
                id: try user.requireID(), name: user.name, scopes: token?.serviceScopes ?? [],
                expiresAt: token?.expiresAt ?? user.createdAt ?? Date(timeIntervalSince1970: 0),
                revoked: user.disabledAt != nil || token?.revokedAt != nil, createdAt: user.createdAt ?? Date(timeIntervalSince1970: 0))
        }
        let emails = Dictionary(firstValues: try users.map { (try $0.requireID(), $0.email) })
        return Page(rows: summaries, limit: page.limit) { emails[$0.id] ?? "" }
    }

    /// Stores a new password hash (verified and hashed by `SignInService`) and revokes every token of
    /// the user but `keeping`.
    func setPassword(of userID: UUID, hash: String, keeping tokenID: UUID?) async throws {
        let now = clock.now
        defer { callers.evict(userID: userID) }
        try await writes.transaction(on: database) { db in
            guard let user = try await UserRecord.find(userID, on: db) else { throw DomainError.notFound("No user with this id.") }
            user.passwordHash = hash
            try await user.update(on: db)
            try await Self.revokeTokens(of: userID, except: tokenID, at: now, on: db)
        }
    }

    private static func otherActiveOwners(of partnerID: UUID, besides userID: UUID, on db: any Database) async throws -> Int {
        try await PartnerUserRecord.query(on: db).filter(\.$partner.$id == partnerID).filter(\.$role == .owner)
            .filter(\.$user.$id != userID).join(UserRecord.self, on: \PartnerUserRecord.$user.$id == \UserRecord.$id)
            .filter(UserRecord.self, \.$disabledAt == nil).count()
    }

    private static func revokeTokens(of userID: UUID, except tokenID: UUID?, at now: Date, on db: any Database) async throws {
        let query = APITokenRecord.query(on: db).filter(\.$user.$id == userID).filter(\.$revokedAt == nil)
        if let tokenID { query.filter(\.$id != tokenID) }
        try await query.set(\.$revokedAt, to: now).update()
    }

    /// On PostgreSQL, serializes changes to who is an admin; SQLite writers are serialized already.
    private static func lockAdmins(on db: any Database) async throws {
        let sql = try db.sql()
        guard sql.dialect.name == "postgresql" else { return }
        try await sql.raw("SELECT id FROM \(ident: UserRecord.schema) WHERE role = 'admin' FOR UPDATE").run()
    }
}
