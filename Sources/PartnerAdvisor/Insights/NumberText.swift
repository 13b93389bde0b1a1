/// Numbers as sentences show them.
public enum NumberText {
    /// One decimal at most: 12, 12.5.
    public static func decimal(_ value: Double) -> String {
        guard value.isFinite else { return "–" }
        let tenths = (value * 10).rounded()
        let whole = tenths / 10
        return tenths.truncatingRemainder(dividingBy: 10) == 0 ? String(Int(whole)) : String(whole)
    }

    /// A share 0…1 as a percentage: 0.834 → "83 %".
    public static func percent(_ share: Double) -> String {
        guard share.isFinite else { return "–" }
        return "\(Int((share * 100).rounded())) %"
    }

    /// Rounds to one decimal for values shown in factors.
    public static func rounded(_ value: Double) -> Double {
        value.isFinite ? (value * 10).rounded() / 10 : 0
    }

    /// A p-value as papers print it: "p = 0.023", "p < 0.001".
    public static func pValue(_ p: Double) -> String {
        guard p.isFinite else { return "p = –" }
        if p < 0.001 { return "p < 0.001" }
        let thousandths = Int((p * 1000).rounded())
        let digits = String(thousandths)
        return "p = \(thousandths >= 1000 ? "1" : "0." + String(repeating: "0", count: max(0, 3 - digits.count)) + digits)"
    }
}
