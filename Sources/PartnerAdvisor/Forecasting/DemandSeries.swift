/// A validated demand history: one non-negative, finite quantity per period, oldest first.
///
/// Validation happens once here so that every forecasting method is a total function over it.
public struct DemandSeries: Sendable, Hashable {
    public let values: [Double]

    public init(_ values: [Double]) throws(DemandSeriesError) {
        guard !values.isEmpty else { throw .empty }
        for (index, value) in values.enumerated() {
            guard value.isFinite else { throw .notFinite(index: index) }
            guard value >= 0 else { throw .negative(index: index, value: value) }
        }
        self.values = values
    }

    /// For callers that validated already (the CSV table checks every line).
    init(validated values: [Double]) {
        self.values = values
    }

    public var count: Int { values.count }
}

/// Why a demand history was rejected.
public enum DemandSeriesError: Error, Sendable, Hashable, CustomStringConvertible {
    case empty
    case notFinite(index: Int)
    case negative(index: Int, value: Double)

    public var description: String {
        switch self {
        case .empty: "the demand series is empty"
        case .notFinite(let index): "demand at period \(index) is not a finite number"
        case .negative(let index, let value): "demand at period \(index) is negative (\(value))"
        }
    }
}
