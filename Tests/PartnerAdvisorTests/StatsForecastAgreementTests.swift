import Foundation
import PartnerAdvisor
import Testing

/// The fixture written by `scripts/forecast-reference.sh` with statsforecast 2.1.1.
struct StatsForecastFixture: Decodable {
    struct Case: Decodable {
        let series: String
        let model: String
        let method: String
        let parameters: [String: Double]
        let h: Int
        let forecast: [Double?]
    }

    let statsforecast: String
    let series: [String: [Double]]
    let cases: [Case]

    static func load() throws -> StatsForecastFixture {
        guard let url = Bundle.module.url(forResource: "statsforecast-2.1.1", withExtension: "json", subdirectory: "Fixtures")
        else { throw CocoaError(.fileNoSuchFile) }
        return try JSONDecoder().decode(StatsForecastFixture.self, from: Data(contentsOf: url))
    }
}

extension StatsForecastFixture.Case {
    var forecastParameters: ForecastParameters {
        ForecastParameters(
            alpha: parameters["alpha"] ?? 0.1,
            alphaD: parameters["alpha_d"] ?? 0.1,
            alphaP: parameters["alpha_p"] ?? 0.1,
            seasonLength: Int(parameters["season_length"] ?? 1)
        )
    }
}

/// |a − b| ≤ 1e-9 or relative difference ≤ 1e-9; NaN (null) only where statsforecast gives NaN.
func agrees(_ actual: Double, _ expected: Double?) -> Bool {
    guard let expected else { return actual.isNaN }
    let diff = abs(actual - expected)
    return diff <= 1e-9 || diff <= 1e-9 * abs(expected)
}

@Suite struct StatsForecastAgreementTests {
    @Test func fixtureIsStatsForecast211() throws {
        let fixture = try StatsForecastFixture.load()
        #expect(fixture.statsforecast == "2.1.1")
        #expect(fixture.cases.count > 500)
        #expect(Set(fixture.cases.map(\.method)) == Set(ForecastMethod.allCases.map(\.cliName)))
    }

    @Test(arguments: ForecastMethod.allCases)
    func everySeriesAgreesToOneBillionth(method: ForecastMethod) throws {
        let fixture = try StatsForecastFixture.load()
        var engine = ForecastEngine()
        var checked = 0
        for item in fixture.cases where item.method == method.cliName {
            let values = try #require(fixture.series[item.series])
            let series = try DemandSeries(values)
            let forecast = engine.forecast(series, method: method, horizon: item.h, parameters: item.forecastParameters)
            #expect(forecast.count == item.forecast.count)
            for (actual, expected) in zip(forecast, item.forecast) where !agrees(actual, expected) {
                Issue.record("\(item.model) on \(item.series), h=\(item.h): \(actual) vs statsforecast \(String(describing: expected))")
                break
            }
            checked += 1
        }
        #expect(checked > 0)
    }
}
