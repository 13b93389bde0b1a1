import Foundation
import PartnerCore

/// Human-readable numbers for orders, sales and refills: `PO-261122-7KQ2MX` — a prefix, the day,
/// and six random Crockford base32 characters (no I, L, O, U to misread); the unique index on
/// each table is the final guard.
enum DocumentNumber {
    private static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

    static func make(_ prefix: String, at date: Date) -> String {
        var generator = SystemRandomNumberGenerator()
        let suffix = String((0..<6).map { _ in alphabet[Int.random(in: alphabet.indices, using: &generator)] })
        let day = CalendarDay.format(date).filter { $0 != "-" }.dropFirst(2)
        return "\(prefix)-\(day)-\(suffix)"
    }
}
