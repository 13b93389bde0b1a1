import Fluent
import Foundation
import PartnerCore
import SQLKit

extension Database {
    /// Serializes balance- and state-changing transactions of one partner. On PostgreSQL this takes
    /// a row lock on the partner until the transaction ends — `FOR NO KEY UPDATE`, which does not
    /// conflict with the key-share locks that inserting rows referencing the partner take, so take it
    /// first in the transaction. SQLite writers are already serialized by `WriteSerializer`.
    func lockPartner(_ id: UUID) async throws {
        try await lockRow(of: PartnerRecord.schema, id: id)
    }

    /// Locks the partner and returns it, refusing one that is not active: new business is checked
    /// by the policy first and again here, under the lock, where a concurrent status change shows.
    func lockActivePartner(_ id: UUID) async throws -> PartnerRecord {
        try await lockPartner(id)
        guard let partner = try await PartnerRecord.find(id, on: self) else { throw DomainError.partnerNotFound }
        guard partner.status == .active else {
            throw DomainError.conflict("The partner is \(partner.status.rawValue); only active partners can do this.")
        }
        return partner
    }

    /// The same row lock for any table (a promotion, …).
    func lockRow(of table: String, id: UUID) async throws {
        let sql = try sql()
        guard sql.dialect.name == "postgresql" else { return }
        try await sql.raw("SELECT id FROM \(ident: table) WHERE id = \(bind: id) FOR NO KEY UPDATE").run()
    }
}
