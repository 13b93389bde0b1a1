/// Demand series built from the rows `series_id,t,y` of a CSV file.
///
/// Every series runs from its own first `t` to the last `t` in the whole file, so all series end on
/// the same period; periods without a row are zero demand. Series are in the order their ids first
/// appear. `t` is an integer or an ISO date (YYYY-MM-DD), one kind per file.
public struct ForecastTable: Sendable, Hashable {
    /// The longest span of periods a file may cover (a guard against a stray `t` that would
    /// allocate years of empty days).
    public static let maximumPeriods = 100_000

    /// Nil when the file has no data line.
    public let kind: ForecastPeriodKind?
    public let seriesIDs: [String]
    /// The first period of each series (days since 1970-01-01 for dates).
    public let firstPeriods: [Int]
    /// The last period of the file, shared by every series.
    public let lastPeriod: Int?
    public let series: [DemandSeries]

    /// Parses and checks `csv`; throws every problem found, with line numbers.
    public init(csv: String) throws(ForecastInputError) {
        switch ForecastCSVParser.parse(csv) {
        case .success(let rows): try self.init(rows: rows)
        case .failure(let error): throw error
        }
    }

    init(rows parsed: ForecastRows) throws(ForecastInputError) {
        let rows = parsed.rows
        let count = parsed.seriesIDs.count
        kind = parsed.kind
        seriesIDs = parsed.seriesIDs
        guard let firstRow = rows.first else {
            firstPeriods = []
            lastPeriod = nil
            series = []
            return
        }
        var first = [Int](repeating: Int.max, count: count)
        var minRow = firstRow
        var maxRow = firstRow
        for row in rows {
            first[row.series] = min(first[row.series], row.period)
            if row.period < minRow.period { minRow = row }
            if row.period > maxRow.period { maxRow = row }
        }
        // Subtraction of two checked integers of at most 18 digits cannot overflow.
        guard maxRow.period - minRow.period < Self.maximumPeriods else {
            throw ForecastInputError(.tooManyPeriods(Self.maximumPeriods), line: maxRow.line)
        }
        let last = maxRow.period
        var values = (0..<count).map { [Double](repeating: 0, count: last - first[$0] + 1) }
        var filledBy = (0..<count).map { [Int32](repeating: 0, count: last - first[$0] + 1) }
        var problems: [ForecastInputError.Problem] = []
        for row in rows {
            let slot = row.period - first[row.series]
            let previous = filledBy[row.series][slot]
            if previous != 0 {
                if problems.count < ForecastInputError.maximumProblems {
                    let t = (parsed.kind ?? .integer).format(row.period)
                    let kind = ForecastInputProblem.duplicate(seriesID: parsed.seriesIDs[row.series], t: t, firstLine: Int(previous))
                    problems.append(ForecastInputError.Problem(line: row.line, kind: kind))
                }
                continue
            }
            filledBy[row.series][slot] = Int32(clamping: row.line)
            values[row.series][slot] = row.value
        }
        guard problems.isEmpty else {
            throw ForecastInputError(problems: problems, truncated: problems.count >= ForecastInputError.maximumProblems)
        }
        firstPeriods = first
        lastPeriod = last
        series = values.map(DemandSeries.init(validated:))
    }
}
