import Foundation

/// The one source of "now" for every service, so tests (and the simulator) can pin time and no rule
/// depends on today's date.
public struct AppClock: Sendable {
    private let read: @Sendable () -> Date

    public init(_ read: @escaping @Sendable () -> Date) {
        self.read = read
    }

    public static let system = AppClock { Date() }

    /// A clock that always answers `date`.
    public static func fixed(_ date: Date) -> AppClock { AppClock { date } }

    public var now: Date { read() }
}
