/// Rounds shares to whole numbers that add up to a given total exactly: the largest-remainder
/// (Hamilton) method. Each share gets its whole part; the units still missing go one each to the
/// largest fractional parts, earlier shares first on ties (Balinski & Young 2001, *Fair
/// Representation*, ch. 2).
public enum LargestRemainder {
    /// Whole numbers, one per share, adding up to `total` (≥ 0). Negative or non-finite shares count
    /// as 0; `total` is first brought between the sum of the whole parts and that sum plus the
    /// number of shares, so the result always adds up to it.
    public static func apportion(_ shares: [Double], total: Int) -> [Int] {
        let clean = shares.map { $0.isFinite ? min(max($0, 0), 1e12) : 0 }
        var result = clean.map { Int($0.rounded(.down)) }
        let floorSum = result.reduce(0, +)
        let target = min(max(total, floorSum), floorSum + result.count)
        let order = clean.indices.sorted { a, b in
            let ra = clean[a] - clean[a].rounded(.down)
            let rb = clean[b] - clean[b].rounded(.down)
            return ra != rb ? ra > rb : a < b
        }
        for index in order.prefix(target - floorSum) {
            result[index] += 1
        }
        return result
    }
}
