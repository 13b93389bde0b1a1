import Foundation

/// Keyset position in a newest-first list ordered by (millisecond timestamp, id).
struct TimePosition: Codable {
    let millis: Int64
    let id: UUID
}
