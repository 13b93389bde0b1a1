import Foundation

/// A stored tier: its id and what it grants.
public struct PartnerTier: Equatable, Sendable {
    public var id: UUID
    public var definition: TierDefinition

    public init(id: UUID, definition: TierDefinition) {
        self.id = id
        self.definition = definition
    }

    public var code: String { definition.code }
}
