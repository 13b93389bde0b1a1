import Fluent
import Foundation
import PartnerCore

struct ProductFilter: Sendable {
    var category: String?
    var active: Bool?
    var query: String?
}

/// The brand's catalogue: products, list prices, costs and pack sizes.
struct CatalogService {
    let database: any Database
    let writes: WriteSerializer

    /// Products in SKU order.
    func list(_ filter: ProductFilter, page: PageRequest) async throws -> Page<Product> {
        let query = ProductRecord.query(on: database)
        if let category = filter.category { query.filter(\.$category == category) }
        if let active = filter.active { query.filter(\.$active == active) }
        if let text = filter.query?.trimmingCharacters(in: .whitespaces).lowercased(), !text.isEmpty {
            query.filter(\.$searchText ~~ text)
        }
        if let after = try page.position(String.self) { query.filter(\.$sku > after) }
        let rows = try await query.sort(\.$sku).limit(page.limit + 1).all().map { try $0.value }
        return Page(rows: rows, limit: page.limit) { $0.sku }
    }

    /// Products by SKU (upper-cased keys), for the services that price and stock them.
    func bySKU(_ skus: some Collection<String>, on db: (any Database)? = nil) async throws -> [String: ProductRecord] {
        guard !skus.isEmpty else { return [:] }
        let rows = try await ProductRecord.query(on: db ?? database).filter(\.$sku ~~ Array(Set(skus))).all()
        return Dictionary(firstValues: rows.map { ($0.sku, $0) })
    }

    func create(_ definition: ProductDefinition) async throws -> Product {
        let product = ProductRecord(definition)
        let conflict = DomainError.conflict("A product with SKU \(definition.sku) already exists.")
        try await writes.transaction(on: database) { db in
            if try await ProductRecord.query(on: db).filter(\.$sku == definition.sku).count() > 0 { throw conflict }
            do {
                try await product.create(on: db)
            } catch  where error.isConstraintViolation {
                throw conflict
            }
        }
        return try product.value
    }

    /// Creates new SKUs and updates existing ones, all in one transaction. A list price may not go
    /// below the SKU's guardrail floor (the engine would then price above list); `rows[N]` names
    /// the N-th definition. Two imports racing to create one SKU settle on the unique index: the
    /// loser retries once and updates what the winner created.
    func upsert(_ definitions: [ProductDefinition]) async throws -> (created: Int, updated: Int) {
        guard !definitions.isEmpty else { return (0, 0) }
        do {
            return try await upsertOnce(definitions)
        } catch  where error.isConstraintViolation {
            return try await upsertOnce(definitions)
        }
    }

    private func upsertOnce(_ definitions: [ProductDefinition]) async throws -> (created: Int, updated: Int) {
        try await writes.transaction(on: database) { db in
            let existing = try await bySKU(definitions.map(\.sku), on: db)
            let floors = try await GuardrailRecord.query(on: db).filter(\.$product.$id ~~ existing.values.compactMap(\.id)).all()
            let floorByProduct = Dictionary(firstValues: floors.map { ($0.$product.id, $0.floorMinor) })
            var validator = FieldValidator()
            for (index, definition) in definitions.enumerated() {
                guard let id = existing[definition.sku]?.id, let floor = floorByProduct[id] else { continue }
                validator.check(
                    definition.listPrice.minorUnits >= floor, "rows[\(index + 1)].listPrice",
                    "is below the Pricing OS floor of \(Money(minorUnits: floor, currency: definition.listPrice.currency).amount) for \(definition.sku)"
                )
            }
            try validator.finish()
            var created = 0
            for definition in definitions {
                if let product = existing[definition.sku] {
                    product.apply(definition)
                    try await product.update(on: db)
                } else {
                    try await ProductRecord(definition).create(on: db)
                    created += 1
                }
            }
            return (created, definitions.count - created)
        }
    }
}
