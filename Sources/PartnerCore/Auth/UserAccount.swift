import Foundation

/// A person or integration that can sign in, never with its password hash.
public struct UserAccount: Equatable, Sendable {
    public var id: UUID
    public var email: String
    public var name: String
    public var role: UserRole
    public var disabled: Bool
    public var createdAt: Date

    public init(id: UUID, email: String, name: String, role: UserRole, disabled: Bool, createdAt: Date) {
        self.id = id
        self.email = email
        self.name = name
        self.role = role
        self.disabled = disabled
        self.createdAt = createdAt
    }
}
