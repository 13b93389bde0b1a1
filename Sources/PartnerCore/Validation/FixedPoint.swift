/// Converts decimal JSON numbers to integers with a fixed number of decimals (percent → basis points),
/// so stored values never carry binary floating-point noise.
public enum FixedPoint {
    /// `value × 10^decimals` when it has at most `decimals` decimals, else `nil`.
    public static func scaled(_ value: Double, decimals: Int) -> Int? {
        guard value.isFinite else { return nil }
        let factor = (0..<decimals).reduce(1.0) { result, _ in result * 10 }
        let scaled = value * factor
        let rounded = scaled.rounded()
        guard abs(scaled - rounded) < 1e-6, abs(rounded) < 1e15 else { return nil }
        return Int(rounded)
    }

    public static func unscaled(_ value: Int, decimals: Int) -> Double {
        let factor = (0..<decimals).reduce(1.0) { result, _ in result * 10 }
        return Double(value) / factor
    }
}
