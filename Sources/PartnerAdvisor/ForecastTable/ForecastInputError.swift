/// Everything wrong with a forecast request's CSV input or options, line by line.
///
/// Line numbers count the header as line 1. At most `ForecastInputError.maximumProblems` problems
/// are listed; `truncated` says there were more.
public struct ForecastInputError: Error, Sendable, Hashable, CustomStringConvertible {
    public static let maximumProblems = 100

    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        /// The 1-based line (the header is line 1), or nil for a problem with the options or the
        /// file as a whole.
        public let line: Int?
        public let kind: ForecastInputProblem

        public init(line: Int?, kind: ForecastInputProblem) {
            self.line = line
            self.kind = kind
        }

        public var description: String {
            line.map { "line \($0): \(kind)" } ?? kind.description
        }
    }

    public var problems: [Problem]
    public var truncated: Bool

    public init(problems: [Problem], truncated: Bool = false) {
        self.problems = problems
        self.truncated = truncated
    }

    init(_ kind: ForecastInputProblem, line: Int? = nil) {
        self.init(problems: [Problem(line: line, kind: kind)])
    }

    /// One problem per line of text.
    public var description: String {
        (problems.map(\.description) + (truncated ? ["(more problems not listed)"] : [])).joined(separator: "\n")
    }
}

/// What is wrong.
public enum ForecastInputProblem: Sendable, Hashable, CustomStringConvertible {
    /// The input has no header line.
    case emptyInput
    /// The header lacks a required column (`series_id`, `t` or `y`), or a row has too few fields.
    case missingColumn(String)
    /// A field opens a quote that the line does not close.
    case unterminatedQuote
    case emptySeriesID
    /// `t` is neither an integer nor a date written YYYY-MM-DD.
    case nonNumericT(String)
    /// `t` looks like YYYY-MM-DD but is no calendar date.
    case invalidDate(String)
    /// `t` is of the other kind than on the file's first data line.
    case mixedTKinds(expected: ForecastPeriodKind, firstLine: Int)
    case nonNumericY(String)
    /// `y` is NaN or infinite.
    case notFiniteY(String)
    case negativeY(String)
    /// The same series and `t` appeared before, on `firstLine`.
    case duplicate(seriesID: String, t: String, firstLine: Int)
    /// The file's periods span more than `ForecastTable.maximumPeriods`.
    case tooManyPeriods(Int)
    /// An option is out of range.
    case invalidOption(String)

    public var description: String {
        switch self {
        case .emptyInput: "the input is empty (expected a header series_id,t,y)"
        case .missingColumn(let name): "missing column \(name)"
        case .unterminatedQuote: "a quoted field is not closed on this line"
        case .emptySeriesID: "series_id is empty"
        case .nonNumericT(let text): "t is not an integer or a date YYYY-MM-DD: \"\(text)\""
        case .invalidDate(let text): "t is not a valid date: \"\(text)\""
        case .mixedTKinds(let expected, let firstLine):
            "t must be \(expected == .date ? "a date" : "an integer") like on line \(firstLine) (one kind of t per file)"
        case .nonNumericY(let text): "y is not a number: \"\(text)\""
        case .notFiniteY(let text): "y must be finite, found \"\(text)\""
        case .negativeY(let text): "y is negative: \(text)"
        case .duplicate(let id, let t, let firstLine): "duplicate series_id \"\(id)\" and t \(t) (first on line \(firstLine))"
        case .tooManyPeriods(let limit): "t spans more than \(limit) periods"
        case .invalidOption(let message): message
        }
    }
}
