import PartnerAdvisor
import Testing

@Suite struct ForecastBatchTests {
    @Test func rendersOneLinePerSeriesAndHorizonWithTheMethodName() throws {
        let csv = "series_id,t,y\na,1,3\na,2,0\na,3,6\n\"b,c\",2,1\n"
        let output = try ForecastBatch.run(csv: csv, options: ForecastTableOptions(method: .method(.naive), horizon: 2))
        #expect(output == "series_id,h,forecast,method\na,1,6.0,naive\na,2,6.0,naive\n\"b,c\",1,0.0,naive\n\"b,c\",2,0.0,naive\n")
    }

    @Test func numbersReadBackExactly() throws {
        let csv = "series_id,t,y\na,0,1\na,1,0\na,2,2\na,3,0\na,4,0\na,5,1\n"
        let output = try ForecastBatch.run(csv: csv, options: ForecastTableOptions(method: .method(.ses), horizon: 1, alpha: 0.3))
        let expected = try ForecastMethod.ses.forecast(DemandSeries([1, 0, 2, 0, 0, 1]), horizon: 1, parameters: .init(alpha: 0.3))
        let field = output.split(separator: "\n")[1].split(separator: ",")[2]
        #expect(Double(String(field)) == expected[0])
    }

    @Test func quantileColumnIsCumulativeMonotoneAndNonNegative() throws {
        var generator = SplitMix64(seed: 3)
        var csv = "series_id,t,y\n"
        for s in 0..<40 {
            for t in 0..<120 where generator.nextUnit() < 0.3 {
                csv += "s\(s),\(t),\(1 + Int(generator.nextUnit() * 4))\n"
            }
        }
        let options = ForecastTableOptions(horizon: 14, quantile: 0.9)
        let output = try ForecastBatch.run(csv: csv, options: options)
        let lines = output.split(separator: "\n")
        #expect(lines.first == "series_id,h,forecast,method,cumulative_q")
        var previous = (id: "", q: 0.0)
        for line in lines.dropFirst() {
            let fields = line.split(separator: ",").map(String.init)
            let q = try #require(Double(fields[4]))
            #expect(q >= 0)
            if fields[0] == previous.id { #expect(q >= previous.q) }
            previous = (fields[0], q)
            #expect(AutoSelector.candidates.map(\.cliName).contains(fields[3]))
        }
        #expect(lines.count == 1 + 40 * 14)
    }

    @Test func seasonLengthDefaultsToSevenForDates() throws {
        var csv = "series_id,t,y\n"
        for day in 1...14 { csv += "a,2024-07-\(day < 10 ? "0" : "")\(day),\(day % 7)\n" }
        let output = try ForecastBatch.run(csv: csv, options: ForecastTableOptions(method: .method(.seasonalNaive), horizon: 7))
        let forecasts = output.split(separator: "\n").dropFirst().map { $0.split(separator: ",")[2] }
        #expect(forecasts == ["1.0", "2.0", "3.0", "4.0", "5.0", "6.0", "0.0"])
        let integers = csv.replacingDates()
        let naive = try ForecastBatch.run(csv: integers, options: ForecastTableOptions(method: .method(.seasonalNaive), horizon: 2))
        #expect(naive.split(separator: "\n").dropFirst().map { $0.split(separator: ",")[2] } == ["0.0", "0.0"])
    }

    @Test func optionsOutOfRangeAreRejectedTogether() {
        let options = ForecastTableOptions(horizon: 0, alpha: 1.5, quantile: 1)
        #expect(throws: ForecastInputError.self) { try ForecastBatch.run(csv: "series_id,t,y\n", options: options) }
        do {
            try options.validate()
        } catch {
            #expect(error.problems.count == 3)
            #expect(error.problems.allSatisfy { $0.line == nil })
        }
    }

    @Test func methodNamesParse() {
        #expect(ForecastMethodChoice(cliName: "auto") == .auto)
        #expect(ForecastMethodChoice(cliName: "croston-opt") == .method(.crostonOptimized))
        #expect(ForecastMethodChoice(cliName: "seasonal-naive") == .method(.seasonalNaive))
        #expect(ForecastMethodChoice(cliName: "arima") == nil)
        #expect(ForecastMethodChoice.cliNames.count == 11)
    }
}

extension String {
    /// 2024-07-DD → DD, for the same data with integer periods.
    fileprivate func replacingDates() -> String {
        split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix("a,2024-07-") ? "a," + String(Int(line.dropFirst(10).prefix(2)) ?? 0) + line.dropFirst(12) : String(line)
        }.joined(separator: "\n")
    }
}
