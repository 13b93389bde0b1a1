import PartnerCore

/// The kind of the `t` column: one per file.
public enum ForecastPeriodKind: String, Sendable, Hashable, Codable {
    /// Integer periods; no seasonality by default.
    case integer
    /// Calendar days written YYYY-MM-DD; weekly seasonality (7) by default.
    case date

    /// The season length used when the options give none.
    public var defaultSeasonLength: Int {
        switch self {
        case .integer: 1
        case .date: 7
        }
    }

    /// The printed form of period `value` (days since 1970-01-01 for dates).
    public func format(_ value: Int) -> String {
        switch self {
        case .integer: String(value)
        case .date: CivilDate(daysSinceEpoch: value).description
        }
    }
}
