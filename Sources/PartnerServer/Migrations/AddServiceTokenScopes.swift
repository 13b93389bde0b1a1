import Fluent

/// Integration tokens carry scopes (`pricing:write`, …); session tokens have none.
struct AddServiceTokenScopes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(APITokenRecord.schema)
            .field("scopes", .string, .required, .sql(.default("")))
            .update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(APITokenRecord.schema).deleteField("scopes").update()
    }
}
