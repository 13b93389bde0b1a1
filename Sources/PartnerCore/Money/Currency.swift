/// An ISO 4217 currency with the number of minor-unit digits it uses.
public struct Currency: Hashable, Sendable, CustomStringConvertible {
    public let code: String

    /// ISO 4217 codes whose minor unit is not two digits.
    private static let zeroDigit: Set<String> = [
        "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF",
    ]
    private static let threeDigit: Set<String> = ["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"]

    /// Accepts any three upper-case ASCII letters (lower case is normalized).
    public init?(_ raw: String) {
        let code = raw.uppercased()
        guard code.utf8.count == 3, code.utf8.allSatisfy({ $0 >= 65 && $0 <= 90 }) else { return nil }
        self.code = code
    }

    public static let eur = Currency("EUR")!

    public var minorUnitDigits: Int {
        if Self.zeroDigit.contains(code) { return 0 }
        if Self.threeDigit.contains(code) { return 3 }
        return 2
    }

    public var description: String { code }
}
