/// An amount of money in integer minor units (cents), never a floating-point number.
public struct Money: Hashable, Sendable, CustomStringConvertible {
    public let minorUnits: Int64
    public let currency: Currency

    /// The largest amount the API accepts (10^10 minor units, 100 million euros): 200 order lines of
    /// 100,000 units at that price still sum without overflowing Int64.
    public static let maxMinorUnits: UInt64 = 10_000_000_000

    public init(minorUnits: Int64, currency: Currency) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    /// Parses a decimal string such as `"12.50"` or `"-3"`; more fraction digits than the currency
    /// has, exponents, separators or overflow give `nil`.
    public init?(amount: String, currency: Currency) {
        var digits = Substring(amount)
        let negative = digits.first == "-"
        if negative { digits.removeFirst() }
        let pieces = digits.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = pieces[0]
        let fraction = pieces.count == 2 ? pieces[1] : ""
        let scale = currency.minorUnitDigits
        guard !whole.isEmpty, whole.allSatisfy(\.isASCIIDigit), fraction.allSatisfy(\.isASCIIDigit),
            fraction.count <= scale, pieces.count == 1 || !fraction.isEmpty,
            let wholeValue = Int64(whole)
        else { return nil }
        let paddedFraction = fraction + String(repeating: "0", count: scale - fraction.count)
        let fractionValue = Int64(paddedFraction) ?? 0
        let (scaled, overflowA) = wholeValue.multipliedReportingOverflow(by: Self.power(scale))
        let (total, overflowB) = scaled.addingReportingOverflow(fractionValue)
        guard !overflowA, !overflowB else { return nil }
        minorUnits = negative ? -total : total
        self.currency = currency
    }

    /// The decimal string with exactly the currency's minor digits: `"12.50"`.
    public var amount: String {
        let scale = currency.minorUnitDigits
        let magnitude = minorUnits.magnitude
        let sign = minorUnits < 0 ? "-" : ""
        guard scale > 0 else { return sign + String(magnitude) }
        let divisor = UInt64(Self.power(scale))
        let fraction = String(magnitude % divisor)
        return sign + String(magnitude / divisor) + "." + String(repeating: "0", count: scale - fraction.count) + fraction
    }

    public var description: String { "\(amount) \(currency.code)" }

    private static func power(_ exponent: Int) -> Int64 {
        (0..<exponent).reduce(1) { result, _ in result * 10 }
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
