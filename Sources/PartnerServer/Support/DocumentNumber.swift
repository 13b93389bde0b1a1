import Foundation
import PartnerCore

/// Human-readable numbers for orders, sales and refills: `PO-261122-7KQ2MX` — a prefix, the day,
/// and six random Crockford base32 characters (no I, L, O, U to misread); the unique index on
/// each table is the final guard, and `retryingTaken` answers it.
enum DocumentNumber {
    /// Runs `write` again when its transaction failed on a constraint, at most `attempts` times in
    /// all. Six random characters are about a billion numbers a day, so by the birthday bound two of
    /// ~45,000 documents of one day already share one with even odds: the unique index rejects the
    /// second, its transaction (idempotency claim included) rolls back, and the next run draws a new
    /// number. A violation that is not a taken number fails the same way each time and is thrown.
    static func retryingTaken<T>(attempts: Int = 3, _ write: () async throws -> T) async throws -> T {
        var attempt = 1
        while true {
            do {
                return try await write()
            } catch  where error.isConstraintViolation && attempt < attempts {
                attempt += 1
            }
        }
    }

    private static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

    static func make(_ prefix: String, at date: Date) -> String {
        var generator = SystemRandomNumberGenerator()
        let suffix = String((0..<6).map { _ in alphabet[Int.random(in: alphabet.indices, using: &generator)] })
        let day = CalendarDay.format(date).filter { $0 != "-" }.dropFirst(2)
        return "\(prefix)-\(day)-\(suffix)"
    }
}
