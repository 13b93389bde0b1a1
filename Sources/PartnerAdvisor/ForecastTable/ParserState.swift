/// The running state of `ForecastCSVParser` over the data lines.
struct ParserState {
    var rows = ForecastRows()
    var problems: [ForecastInputError.Problem] = []
    private var seriesIndex: [String: Int] = [:]
    /// The previous row's id bytes and index: files are usually grouped by series, so most rows
    /// reuse it without building a String.
    private var lastIDBytes: [UInt8] = []
    private var lastID = -1
    private var firstKindLine = 0

    mutating func parseRow(
        _ bytes: UnsafeBufferPointer<UInt8>, _ line: Slice, lineNumber: Int, columns: (id: Int, t: Int, y: Int)
    ) {
        let needed = max(columns.id, columns.t, columns.y)
        var fields: (id: CSVField?, t: CSVField?, y: CSVField?) = (nil, nil, nil)
        var position = line.start
        var index = 0
        while index <= needed {
            guard position <= line.end else {
                let name = index <= columns.id && fields.id == nil ? "series_id" : index <= columns.t && fields.t == nil ? "t" : "y"
                return report(lineNumber, .missingColumn(name))
            }
            guard let field = CSVField.scan(bytes, from: position, end: line.end) else {
                return report(lineNumber, .unterminatedQuote)
            }
            if index == columns.id { fields.id = field }
            if index == columns.t { fields.t = field }
            if index == columns.y { fields.y = field }
            position = field.next
            index += 1
        }
        guard let idField = fields.id, let tField = fields.t, let yField = fields.y else {
            return report(lineNumber, .missingColumn("series_id"))
        }
        let problemsBefore = problems.count
        let series = seriesID(bytes, idField, lineNumber: lineNumber)
        let period = parsePeriod(bytes, tField.trimmed(bytes), lineNumber: lineNumber)
        let value = parseValue(bytes, yField.trimmed(bytes), lineNumber: lineNumber)
        guard problems.count == problemsBefore, let series, let period, let value else { return }
        rows.rows.append(ForecastRow(series: series, period: period, value: value, line: lineNumber))
    }

    private mutating func report(_ line: Int, _ kind: ForecastInputProblem) {
        problems.append(ForecastInputError.Problem(line: line, kind: kind))
    }

    private mutating func seriesID(_ bytes: UnsafeBufferPointer<UInt8>, _ field: CSVField, lineNumber: Int) -> Int? {
        let range = field.hasEscapedQuotes ? Slice(start: field.start, end: field.end) : field.trimmed(bytes)
        let count = range.end - range.start
        guard count > 0 else {
            report(lineNumber, .emptySeriesID)
            return nil
        }
        if !field.hasEscapedQuotes, lastID >= 0, count == lastIDBytes.count,
            lastIDBytes.withUnsafeBufferPointer({ previous in (0..<count).allSatisfy { previous[$0] == bytes[range.start + $0] } })
        {
            return lastID
        }
        let id =
            field.hasEscapedQuotes
            ? field.text(bytes) : String(decoding: UnsafeBufferPointer(rebasing: bytes[range.start..<range.end]), as: UTF8.self)
        let index: Int
        if let known = seriesIndex[id] {
            index = known
        } else {
            index = rows.seriesIDs.count
            seriesIndex[id] = index
            rows.seriesIDs.append(id)
        }
        lastID = field.hasEscapedQuotes ? -1 : index
        lastIDBytes = Array(UnsafeBufferPointer(rebasing: bytes[range.start..<range.end]))
        return index
    }

    private mutating func parsePeriod(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Slice, lineNumber: Int) -> Int? {
        let text = { String(decoding: UnsafeBufferPointer(rebasing: bytes[range.start..<range.end]), as: UTF8.self) }
        let kind: ForecastPeriodKind
        let period: Int
        if let date = NumberScanner.date(bytes, range) {
            guard let valid = date else {
                report(lineNumber, .invalidDate(text()))
                return nil
            }
            kind = .date
            period = valid
        } else if let integer = NumberScanner.integer(bytes, range) {
            kind = .integer
            period = integer
        } else {
            report(lineNumber, .nonNumericT(text()))
            return nil
        }
        if let expected = rows.kind {
            guard expected == kind else {
                report(lineNumber, .mixedTKinds(expected: expected, firstLine: firstKindLine))
                return nil
            }
        } else {
            rows.kind = kind
            firstKindLine = lineNumber
        }
        return period
    }

    private mutating func parseValue(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Slice, lineNumber: Int) -> Double? {
        if let value = NumberScanner.wholeNumber(bytes, range) { return value }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[range.start..<range.end]), as: UTF8.self)
        guard NumberScanner.looksDecimal(text), let value = Double(text) else {
            report(lineNumber, .nonNumericY(text))
            return nil
        }
        guard value.isFinite else {
            report(lineNumber, .notFiniteY(text))
            return nil
        }
        guard value >= 0 else {
            report(lineNumber, .negativeY(text))
            return nil
        }
        return value == 0 ? 0 : value  // -0 reads as 0
    }
}
