import Foundation

/// Instants stored as whole milliseconds since 1970 (`*_ms` columns): integers compare and index the
/// same on SQLite and PostgreSQL.
extension Date {
    init(millis: Int64) {
        self.init(timeIntervalSince1970: Double(millis) / 1_000)
    }

    /// Rounded down, as `PartnerOrderRecord.millis`; 0 for an instant no column can hold.
    var millis: Int64 {
        let value = (timeIntervalSince1970 * 1_000).rounded(.down)
        return value.isFinite && abs(value) < 9e15 ? Int64(value) : 0
    }
}
