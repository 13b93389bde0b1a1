import SQLKit

/// Makes a ledger table append-only in the database itself: any UPDATE or DELETE aborts, whatever
/// code (or person with a SQL console) tries it.
enum AppendOnlyTable {
    static func protect(_ table: String, on sql: any SQLDatabase) async throws {
        if sql.dialect.name == "postgresql" {
            try await sql.raw(
                """
                CREATE OR REPLACE FUNCTION \(unsafeRaw: table)_append_only() RETURNS trigger AS $$
                BEGIN RAISE EXCEPTION '\(unsafeRaw: table) is append-only'; END
                $$ LANGUAGE plpgsql
                """
            ).run()
            try await sql.raw(
                """
                CREATE TRIGGER \(unsafeRaw: table)_append_only BEFORE UPDATE OR DELETE ON \(ident: table)
                FOR EACH ROW EXECUTE FUNCTION \(unsafeRaw: table)_append_only()
                """
            ).run()
        } else {
            for operation in ["UPDATE", "DELETE"] {
                try await sql.raw(
                    """
                    CREATE TRIGGER \(unsafeRaw: table)_no_\(unsafeRaw: operation.lowercased()) BEFORE \(unsafeRaw: operation) ON \(ident: table)
                    BEGIN SELECT RAISE(ABORT, '\(unsafeRaw: table) is append-only'); END
                    """
                ).run()
            }
        }
    }

    /// Drops what `protect` created, after the table itself is gone.
    static func unprotect(_ table: String, on sql: any SQLDatabase) async throws {
        if sql.dialect.name == "postgresql" {
            try await sql.raw("DROP FUNCTION IF EXISTS \(unsafeRaw: table)_append_only()").run()
        }
    }
}
