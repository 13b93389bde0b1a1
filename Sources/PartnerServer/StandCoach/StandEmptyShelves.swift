import Fluent
import Foundation

/// How long empty shelves have stood empty: since their open stock-out (`StandStock` opens one when
/// a shelf reaches zero and closes it when stock returns). The coach's wait for an empty shelf
/// (`StockLevel.waitDays`) is counted in these whole days.
enum StandEmptyShelves {
    /// When each shelf line with an open stock-out emptied, among the stock-outs `query` selects.
    static func since(_ query: QueryBuilder<StandStockOutRecord>) async throws -> [StandDemandReader.Key: Date] {
        let open = try await query.filter(\.$endedAt == nil).all()
        return Dictionary(
            open.map { (StandDemandReader.Key(locationID: $0.$location.id, sku: $0.sku), $0.startedAt) }, uniquingKeysWith: min)
    }

    /// Whole days from `start` to `now` (0 without a start, or for a start in the future).
    static func days(since start: Date?, now: Date) -> Int {
        guard let start else { return 0 }
        return max(0, Int(now.timeIntervalSince(start) / 86_400))
    }
}
