import Fluent
import Foundation
import PartnerCore

struct GuardrailRepository {
    let database: any Database
    let writes: WriteSerializer

    /// Guardrails with their products, by SKU.
    func all() async throws -> [GuardrailRecord] {
        try await GuardrailRecord.query(on: database).with(\.$product).all().sorted { $0.product.sku < $1.product.sku }
    }

    /// Guardrails keyed by product id.
    func byProduct(on db: (any Database)? = nil) async throws -> [UUID: Guardrail] {
        let rows = try await GuardrailRecord.query(on: db ?? database).all()
        return Dictionary(firstValues: rows.map { ($0.$product.id, $0.guardrail) })
    }

    /// Replaces the guardrails of the given products in one transaction.
    func upsert(_ guardrails: [(product: ProductRecord, guardrail: Guardrail)], at date: Date = Date()) async throws {
        try await writes.transaction(on: database) { db in
            let ids = guardrails.compactMap(\.product.id)
            let existing = try await GuardrailRecord.query(on: db).filter(\.$product.$id ~~ ids).all()
            let byProduct = Dictionary(firstValues: existing.map { ($0.$product.id, $0) })
            for (product, guardrail) in guardrails {
                let productID = try product.requireID()
                let record = byProduct[productID] ?? GuardrailRecord()
                record.$product.id = productID
                record.apply(guardrail, at: date)
                try await record.save(on: db)
            }
            try await EventOutbox.append(GuardrailEvents.updated(skus: guardrails.map(\.product.sku), batchID: UUID()), on: db, at: date)
        }
    }
}
