import Foundation
import PartnerCore

/// Which SKUs a dealer is likely to re-order within a horizon, when, and how many — from its own
/// order history per SKU, not a fixed cycle.
///
/// - When: the SKU's next order is expected one median gap after its last order (the gaps between
///   the dealer's order days for that SKU, `OrderRhythm`); overdue SKUs are due today. A SKU
///   ordered only once has no rhythm and is not suggested, nor one silent for longer than any of its
///   gaps and more than two median gaps past due (it was dropped, not forgotten).
/// - How many: the median of the last three order quantities, scaled by the trend of those
///   quantities (the last against their median, bounded to ×0.5…×2), rounded up to whole packs.
/// - Confidence (0–1): regularity × evidence — 1 / (1 + CV of the gaps) (a dealer that orders like
///   clockwork scores near 1), times min(1, gaps / 4) (four gaps are enough to trust the median),
///   times 0.5 when the SKU is overdue by more than one median gap (it may have been dropped).
public enum ReorderSuggester {
    public struct Order: Sendable, Hashable {
        public var sku: String
        public var placedAt: Date
        public var quantity: Int

        public init(sku: String, placedAt: Date, quantity: Int) {
            self.sku = sku
            self.placedAt = placedAt
            self.quantity = quantity
        }
    }

    public struct Suggestion: Sendable, Hashable {
        public let sku: String
        public let predictedOrderDate: Date
        public let quantity: Int
        public let confidence: Double
        public let rationale: String
        public let medianIntervalDays: Double
        public let orders: Int
    }

    public static func suggest(
        _ history: [Order], packSizes: [String: Int], now: Date, horizonDays: Int
    ) -> [Suggestion] {
        var bySKU: [String: [Order]] = [:]
        for order in history where order.quantity > 0 { bySKU[order.sku, default: []].append(order) }
        let today = (now.timeIntervalSince1970 / 86_400).rounded(.down)
        let horizonEnd = today + Double(max(0, horizonDays))
        var result: [Suggestion] = []
        for (sku, orders) in bySKU {
            let sorted = orders.sorted { ($0.placedAt, $0.quantity) < ($1.placedAt, $1.quantity) }
            let rhythm = OrderRhythm(orderDates: sorted.map(\.placedAt), now: now)
            guard let median = rhythm.medianInterval, median > 0, let last = sorted.last else { continue }
            let lastDay = (last.placedAt.timeIntervalSince1970 / 86_400).rounded(.down)
            let expected = lastDay + median
            guard expected <= horizonEnd else { continue }
            let overdueBy = today - expected
            // Silent for longer than any gap seen and for two median gaps past due: dropped, not late.
            if overdueBy > 2 * median, rhythm.survival == 0 { continue }
            let due = max(today, expected)
            let recent = sorted.suffix(3).map { Double($0.quantity) }
            let typical = StandKPI.median(recent) ?? Double(last.quantity)
            let trend = typical > 0 ? min(2, max(0.5, Double(last.quantity) / typical)) : 1
            let pack = max(1, packSizes[sku] ?? 1)
            let packs = max(1, (typical * trend / Double(pack)).rounded(.up))
            let quantity = Int(min(packs * Double(pack), 1_000_000))
            let cv = coefficientOfVariation(rhythm.intervals)
            var confidence = 1 / (1 + cv) * min(1, Double(rhythm.intervals.count) / 4)
            if overdueBy > median { confidence *= 0.5 }
            let dueText =
                overdueBy > 0 ? "overdue by \(Int(overdueBy)) days" : "due in \(Int(expected - today)) days"
            result.append(
                Suggestion(
                    sku: sku, predictedOrderDate: Date(timeIntervalSince1970: due * 86_400), quantity: quantity,
                    confidence: (confidence * 100).rounded() / 100,
                    rationale: "Ordered \(sorted.count) times, usually every \(NumberText.decimal(median)) days; last order "
                        + "\(Int(today - lastDay)) days ago, so \(dueText). \(quantity) units: the recent median of "
                        + "\(NumberText.decimal(typical)) × trend \(NumberText.decimal(trend)), in packs of \(pack).",
                    medianIntervalDays: median, orders: sorted.count))
        }
        return result.sorted { ($0.predictedOrderDate, -$0.confidence, $0.sku) < ($1.predictedOrderDate, -$1.confidence, $1.sku) }
    }

    static func coefficientOfVariation(_ values: [Double]) -> Double {
        guard values.count > 1 else { return 1 }
        let mean = values.reduce(0, +) / Double(values.count)
        guard mean > 0 else { return 1 }
        let variance = values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count - 1)
        return variance.squareRoot() / mean
    }

    /// The naive baseline the backtest compares with: re-order what the last order held, in the
    /// same quantities, due today.
    public static func naive(_ history: [Order], now: Date) -> [Suggestion] {
        guard let lastDate = history.map(\.placedAt).max() else { return [] }
        var quantities: [String: Int] = [:]
        for order in history where order.placedAt == lastDate { quantities[order.sku, default: 0] += max(0, order.quantity) }
        return quantities.keys.sorted().map { sku in
            Suggestion(
                sku: sku, predictedOrderDate: now, quantity: quantities[sku] ?? 0, confidence: 0.5, rationale: "In the last order",
                medianIntervalDays: 0, orders: 1)
        }
    }
}
