/// What an integration token may do.
public enum ServiceScope: String, CaseIterable, Codable, Sendable {
    case ordersWrite = "orders:write"
    case salesWrite = "sales:write"
    case inventoryWrite = "inventory:write"
    case eventsRead = "events:read"
    case pricingWrite = "pricing:write"
}
