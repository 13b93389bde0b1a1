import PartnerAdvisor
import Testing

@Suite struct ForecastTableTests {
    private func problems(_ csv: String) -> [ForecastInputError.Problem] {
        do {
            _ = try ForecastTable(csv: csv)
            return []
        } catch {
            return error.problems
        }
    }

    @Test func fillsGapsToTheLastPeriodOfTheWholeFile() throws {
        let table = try ForecastTable(csv: "series_id,t,y\na,1,2\na,3,5\nb,4,1\nb,6,7\n")
        #expect(table.kind == .integer)
        #expect(table.seriesIDs == ["a", "b"])
        #expect(table.firstPeriods == [1, 4])
        #expect(table.lastPeriod == 6)
        #expect(table.series.map(\.values) == [[2, 0, 5, 0, 0, 0], [1, 0, 7]])
    }

    @Test func seriesKeepTheOrderOfFirstAppearanceAndRowsMayComeInAnyOrder() throws {
        let table = try ForecastTable(csv: "series_id,t,y\nz,3,1\ny,1,2\nz,1,4\ny,2,0\n")
        #expect(table.seriesIDs == ["z", "y"])
        #expect(table.series.map(\.values) == [[4, 0, 1], [2, 0, 0]])
    }

    @Test func datesAcrossMonthEndsAndLeapDays() throws {
        let csv = "series_id,t,y\r\ns,2024-02-27,1\r\ns,2024-03-01,3\r\nt,2024-02-29,2\r\n"
        let table = try ForecastTable(csv: csv)
        #expect(table.kind == .date)
        #expect(table.series.map(\.values) == [[1, 0, 0, 3], [2, 0]])
        #expect(table.lastPeriod.map { ForecastPeriodKind.date.format($0) } == "2024-03-01")
        #expect(ForecastPeriodKind.date.defaultSeasonLength == 7)
        #expect(ForecastPeriodKind.integer.defaultSeasonLength == 1)
    }

    @Test func byteOrderMarkQuotesColumnOrderAndBlankTrailingLine() throws {
        let csv = "\u{FEFF}y,\"series_id\",t,extra\n3,\"stand, \"\"north\"\"\",0,x\n4,\"stand, \"\"north\"\"\",1,x\n\n"
        let table = try ForecastTable(csv: csv)
        #expect(table.seriesIDs == ["stand, \"north\""])
        #expect(table.series.map(\.values) == [[3, 4]])
    }

    @Test func everyBadLineIsNamedWithWhatIsWrong() {
        let csv = """
            series_id,t,y
            a,1,-2
            a,2,abc
            a,x,1
            a,2024-01-01,1
            a,3,nan
            a,4,inf
            a,5
            a,6,1
            a,6,2
            a,2023-02-30,1
            """
        let found = problems(csv)
        #expect(found.map(\.line) == [2, 3, 4, 5, 6, 7, 8, 11])
        #expect(found[0].kind == .negativeY("-2"))
        #expect(found[1].kind == .nonNumericY("abc"))
        #expect(found[2].kind == .nonNumericT("x"))
        #expect(found[3].kind == .mixedTKinds(expected: .integer, firstLine: 2))
        #expect(found[4].kind == .notFiniteY("nan"))
        #expect(found[5].kind == .notFiniteY("inf"))
        #expect(found[6].kind == .missingColumn("y"))
        #expect(found[7].kind == .invalidDate("2023-02-30"))
        #expect(found[0].description == "line 2: y is negative: -2")
    }

    @Test func duplicatesNameBothLines() {
        let found = problems("series_id,t,y\na,1,2\nb,1,2\na,1,3\n")
        #expect(found == [.init(line: 4, kind: .duplicate(seriesID: "a", t: "1", firstLine: 2))])
        let dates = problems("series_id,t,y\na,2024-05-01,2\na,2024-05-01,3\n")
        #expect(dates.first?.kind == .duplicate(seriesID: "a", t: "2024-05-01", firstLine: 2))
    }

    @Test func missingHeaderColumnsAndEmptyInput() {
        #expect(problems("series_id,y\na,1\n") == [.init(line: 1, kind: .missingColumn("t"))])
        #expect(problems("") == [.init(line: 1, kind: .emptyInput)])
        #expect(problems("series_id,t,y\n\"a,1,2\n") == [.init(line: 2, kind: .unterminatedQuote)])
    }

    @Test func aStrayPeriodFarAwayIsRejectedNotAllocated() {
        let found = problems("series_id,t,y\na,1,2\na,999999999,1\n")
        #expect(found == [.init(line: 3, kind: .tooManyPeriods(ForecastTable.maximumPeriods))])
    }

    @Test func headerOnlyGivesNoSeries() throws {
        let output = try ForecastBatch.run(csv: "series_id,t,y\n", options: ForecastTableOptions())
        #expect(output == "series_id,h,forecast,method\n")
    }
}
