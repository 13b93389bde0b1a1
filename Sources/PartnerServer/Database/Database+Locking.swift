import Fluent
import Foundation
import SQLKit

extension Database {
    /// Serializes balance-changing transactions of one partner. On PostgreSQL this takes a row lock
    /// on the partner until the transaction ends; SQLite writers are already serialized by
    /// `WriteSerializer`, so there it is a no-op.
    func lockPartner(_ id: UUID) async throws {
        let sql = try sql()
        guard sql.dialect.name == "postgresql" else { return }
        try await sql.raw("SELECT id FROM \(ident: PartnerRecord.schema) WHERE id = \(bind: id) FOR UPDATE").run()
    }
}
