/// One data line of a forecast CSV, checked.
struct ForecastRow: Sendable, Hashable {
    /// Index into `ForecastRows.seriesIDs`.
    let series: Int
    /// An integer period, or days since 1970-01-01 for dates.
    let period: Int
    let value: Double
    /// 1-based line number (the header is line 1).
    let line: Int
}

/// The checked data lines of a forecast CSV.
struct ForecastRows: Sendable, Hashable {
    var kind: ForecastPeriodKind?
    /// Series ids in order of first appearance.
    var seriesIDs: [String] = []
    var rows: [ForecastRow] = []
}

/// A fast parser for the simple numeric CSV `series_id,t,y` (columns in any order, extra columns
/// ignored): UTF-8 with or without a byte-order mark, LF or CRLF line ends, blank lines skipped,
/// fields optionally in double quotes with `""` for a quote inside (a quoted field cannot span
/// lines). Every problem is reported with its line number; parsing goes on past a bad line so one
/// run lists them all (up to `ForecastInputError.maximumProblems`).
enum ForecastCSVParser {
    static func parse(_ csv: String) -> Result<ForecastRows, ForecastInputError> {
        var text = csv
        return text.withUTF8 { parse(bytes: $0) }
    }

    private static let newline = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    static func parse(bytes: UnsafeBufferPointer<UInt8>) -> Result<ForecastRows, ForecastInputError> {
        var cursor = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { cursor = 3 }
        var lineNumber = 0
        var state = ParserState()
        var columns: (id: Int, t: Int, y: Int)?
        while cursor < bytes.count || (lineNumber == 0 && columns == nil) {
            lineNumber += 1
            var end = cursor
            while end < bytes.count && bytes[end] != newline { end += 1 }
            let next = end + 1
            if end > cursor && bytes[end - 1] == carriageReturn { end -= 1 }
            let line = Slice(start: cursor, end: end)
            cursor = next
            guard let header = columns else {
                switch headerColumns(bytes, line) {
                case .success(let found): columns = found
                case .failure(let error): return .failure(error)
                }
                continue
            }
            if line.isEmpty { continue }
            state.parseRow(bytes, line, lineNumber: lineNumber, columns: header)
            if state.problems.count >= ForecastInputError.maximumProblems {
                return .failure(ForecastInputError(problems: state.problems, truncated: cursor < bytes.count))
            }
        }
        if !state.problems.isEmpty { return .failure(ForecastInputError(problems: state.problems)) }
        return .success(state.rows)
    }

    private static func headerColumns(
        _ bytes: UnsafeBufferPointer<UInt8>, _ line: Slice
    ) -> Result<(id: Int, t: Int, y: Int), ForecastInputError> {
        guard !line.isEmpty else { return .failure(ForecastInputError(.emptyInput, line: 1)) }
        var names: [String] = []
        var position = line.start
        while position <= line.end {
            guard let field = CSVField.scan(bytes, from: position, end: line.end) else {
                return .failure(ForecastInputError(.unterminatedQuote, line: 1))
            }
            names.append(field.text(bytes).trimmingSpaces().lowercased())
            position = field.next
        }
        let required = ["series_id", "t", "y"]
        let indices = required.map { names.firstIndex(of: $0) }
        let missing = zip(required, indices).filter { $0.1 == nil }.map {
            ForecastInputError.Problem(line: 1, kind: .missingColumn($0.0))
        }
        guard missing.isEmpty, let id = indices[0], let t = indices[1], let y = indices[2] else {
            return .failure(ForecastInputError(problems: missing))
        }
        return .success((id, t, y))
    }
}

/// A byte range of one line.
struct Slice: Sendable, Hashable {
    let start: Int
    let end: Int
    var isEmpty: Bool { end <= start }
}

extension String {
    func trimmingSpaces() -> String {
        var scalars = Substring(self)
        while scalars.first == " " || scalars.first == "\t" { scalars.removeFirst() }
        while scalars.last == " " || scalars.last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
