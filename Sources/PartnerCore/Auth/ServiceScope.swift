/// What an integration token may do. Scopes govern reads as well as writes: a token sees only the
/// areas its scopes name. A write scope implies the read scope of its own area and nothing else.
public enum ServiceScope: String, CaseIterable, Codable, Sendable {
    case partnersRead = "partners:read"
    /// Contracts, compliance documents and their files.
    case contractsRead = "contracts:read"
    case ordersRead = "orders:read"
    case ordersWrite = "orders:write"
    case standsRead = "stands:read"
    case salesWrite = "sales:write"
    case inventoryWrite = "inventory:write"
    case pricingRead = "pricing:read"
    case pricingWrite = "pricing:write"
    case loyaltyWrite = "loyalty:write"
    case eventsRead = "events:read"

    /// The read scope this write scope carries with it.
    public var impliedRead: ServiceScope? {
        switch self {
        case .ordersWrite: .ordersRead
        case .salesWrite, .inventoryWrite: .standsRead
        case .pricingWrite: .pricingRead
        default: nil
        }
    }

    /// `scopes` with the read scopes their writes imply.
    public static func closure(of scopes: some Sequence<ServiceScope>) -> Set<ServiceScope> {
        var result = Set(scopes)
        for scope in result { if let read = scope.impliedRead { result.insert(read) } }
        return result
    }
}
