import Foundation
import PartnerCore

/// A validated `limit` + `cursor` pair.
struct PageRequest: Sendable {
    static let defaultLimit = 50
    static let maxLimit = 200

    let limit: Int
    let cursor: String?

    /// The generated server does not enforce the spec's bounds, so they are checked here.
    init(limit: Int?, cursor: String?) throws(ValidationFailure) {
        let limit = limit ?? Self.defaultLimit
        guard (1...Self.maxLimit).contains(limit) else {
            throw ValidationFailure(field: "limit", message: "must be between 1 and \(Self.maxLimit)")
        }
        self.limit = limit
        self.cursor = cursor.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Decodes the opaque cursor into the keyset position it stands for.
    func position<Position: Decodable>(_ type: Position.Type) throws(DomainError) -> Position? {
        guard let cursor else { return nil }
        guard cursor.count <= 1024, let data = Data(base64URLEncoded: cursor),
            let position = try? JSONDecoder().decode(Position.self, from: data)
        else { throw .malformed("The cursor is not valid; pass the nextCursor of a previous page.") }
        return position
    }
}

/// One page of results and the cursor of the next page, if any.
struct Page<Item> {
    var items: [Item]
    var nextCursor: String?

    /// Builds a page from up to `limit + 1` rows: the extra row only says that more exist.
    init(rows: [Item], limit: Int, position: (Item) -> some Encodable) {
        items = Array(rows.prefix(limit))
        if rows.count > limit, let last = items.last, let data = try? JSONEncoder().encode(position(last)) {
            nextCursor = data.base64URLEncoded()
        } else {
            nextCursor = nil
        }
    }

    private init(items: [Item], nextCursor: String?) {
        self.items = items
        self.nextCursor = nextCursor
    }

    /// The same page with every item transformed (records into values, values into API types).
    func map<T>(_ transform: (Item) throws -> T) rethrows -> Page<T> {
        Page<T>(items: try items.map(transform), nextCursor: nextCursor)
    }
}
