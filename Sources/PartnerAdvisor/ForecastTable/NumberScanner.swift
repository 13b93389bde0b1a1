import PartnerCore

/// Fast checks and conversions of CSV number fields.
enum NumberScanner {
    private static let zero = UInt8(ascii: "0")
    private static let minus = UInt8(ascii: "-")
    private static let plus = UInt8(ascii: "+")

    private static func digit(_ byte: UInt8) -> Int? {
        byte >= zero && byte <= zero + 9 ? Int(byte - zero) : nil
    }

    /// An optionally signed decimal integer of at most 18 digits.
    static func integer(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Slice) -> Int? {
        var i = range.start
        var negative = false
        if i < range.end && (bytes[i] == minus || bytes[i] == plus) {
            negative = bytes[i] == minus
            i += 1
        }
        guard i < range.end, range.end - i <= 18 else { return nil }
        var value = 0
        while i < range.end {
            guard let d = digit(bytes[i]) else { return nil }
            value = value * 10 + d
            i += 1
        }
        return negative ? -value : value
    }

    /// Days since 1970-01-01 of a field shaped YYYY-MM-DD: nil when it is not of that shape,
    /// `.some(nil)` when it is but names no calendar day.
    static func date(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Slice) -> Int?? {
        guard range.end - range.start == 10, bytes[range.start + 4] == minus, bytes[range.start + 7] == minus else { return nil }
        func number(_ offset: Int, _ length: Int) -> Int? {
            var value = 0
            for i in 0..<length {
                guard let d = digit(bytes[range.start + offset + i]) else { return nil }
                value = value * 10 + d
            }
            return value
        }
        guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2) else { return nil }
        return .some(CivilDate(year: year, month: month, day: day)?.daysSinceEpoch)
    }

    /// A plain non-negative whole number of at most 15 digits (exact as a Double), the common case.
    static func wholeNumber(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Slice) -> Double? {
        let count = range.end - range.start
        guard count > 0, count <= 15 else { return nil }
        var value = 0
        for i in range.start..<range.end {
            guard let d = digit(bytes[i]) else { return nil }
            value = value * 10 + d
        }
        return Double(value)
    }

    /// Decimal notation only (sign, digits, point, exponent) plus the words for NaN and infinity,
    /// which are then rejected as not finite; hexadecimal and other spellings are not numbers here.
    static func looksDecimal(_ text: String) -> Bool {
        let lowered = text.lowercased()
        let unsigned = lowered.hasPrefix("-") || lowered.hasPrefix("+") ? String(lowered.dropFirst()) : lowered
        if ["nan", "inf", "infinity"].contains(unsigned) { return true }
        var sawDigit = false
        for character in unsigned {
            if character.isASCII, character.isNumber {
                sawDigit = true
            } else if !"+-.e".contains(character) {
                return false
            }
        }
        return sawDigit
    }
}
