import Foundation

/// A stored catalogue product.
public struct Product: Equatable, Sendable {
    public var id: UUID
    public var definition: ProductDefinition
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: UUID, definition: ProductDefinition, createdAt: Date, updatedAt: Date) {
        self.id = id
        self.definition = definition
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    public var sku: String { definition.sku }
}

/// A product's Pricing OS guardrail, as HQ and integrations read it.
public struct ProductGuardrail: Equatable, Sendable {
    public var sku: String
    public var guardrail: Guardrail
    public var updatedAt: Date

    public init(sku: String, guardrail: Guardrail, updatedAt: Date) {
        self.sku = sku
        self.guardrail = guardrail
        self.updatedAt = updatedAt
    }
}
