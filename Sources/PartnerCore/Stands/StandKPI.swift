/// Small statistics behind the stand performance report.
public enum StandKPI {
    /// The median of `values`; nil when empty (the mean of the middle two for an even count).
    public static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// Sell-through in %: units sold ÷ (units sold + units still on the shelf); nil when both are 0.
    public static func sellThroughPercent(sold: Int, onHand: Int) -> Double? {
        let available = sold + max(onHand, 0)
        guard available > 0 else { return nil }
        return Double(sold) * 100 / Double(available)
    }

    /// The share of `peers` (the stand itself excluded) that sold strictly less than `value`, in %;
    /// ties count half, the usual mid-rank percentile. Nil without peers.
    public static func percentileRank(of value: Int64, among peers: [Int64]) -> Double? {
        guard !peers.isEmpty else { return nil }
        let below = peers.filter { $0 < value }.count
        let equal = peers.filter { $0 == value }.count
        return (Double(below) + Double(equal) / 2) * 100 / Double(peers.count)
    }

    /// Rounds to one decimal for reporting.
    public static func rounded(_ value: Double?) -> Double? {
        value.map { ($0 * 10).rounded() / 10 }
    }
}
