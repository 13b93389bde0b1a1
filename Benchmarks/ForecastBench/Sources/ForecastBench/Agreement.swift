import Foundation
import PartnerAdvisor

/// The largest absolute and relative differences from statsforecast 2.1.1 per method, over every
/// series and horizon of the committed fixture.
enum Agreement {
    struct Fixture: Decodable {
        struct Case: Decodable {
            let series: String
            let method: String
            let parameters: [String: Double]
            let h: Int
            let forecast: [Double?]
        }
        let series: [String: [Double]]
        let cases: [Case]
    }

    static func report(fixturePath: String) throws -> String {
        let fixture = try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: URL(fileURLWithPath: fixturePath)))
        var engine = ForecastEngine()
        var rows: [String: (abs: Double, rel: Double, values: Int, exact: Int, nanMatched: Int)] = [:]
        for item in fixture.cases {
            guard let method = ForecastMethod(cliName: item.method), let values = fixture.series[item.series] else { continue }
            let series = try DemandSeries(values)
            let parameters = ForecastParameters(
                alpha: item.parameters["alpha"] ?? 0.1, alphaD: item.parameters["alpha_d"] ?? 0.1,
                alphaP: item.parameters["alpha_p"] ?? 0.1, seasonLength: Int(item.parameters["season_length"] ?? 1))
            let forecast = engine.forecast(series, method: method, horizon: item.h, parameters: parameters)
            var row = rows[item.method] ?? (0, 0, 0, 0, 0)
            for (actual, expected) in zip(forecast, item.forecast) {
                row.values += 1
                guard let expected else {
                    row.nanMatched += actual.isNaN ? 1 : 0
                    row.abs = actual.isNaN ? row.abs : .infinity
                    continue
                }
                let diff = abs(actual - expected)
                row.abs = max(row.abs, diff)
                row.rel = max(row.rel, expected == 0 ? diff : diff / abs(expected))
                row.exact += diff == 0 ? 1 : 0
            }
            rows[item.method] = row
        }
        var lines = [
            "| method | values compared | bit-identical | max abs diff | max rel diff |", "|---|---|---|---|---|",
        ]
        for method in ForecastMethod.allCases {
            guard let row = rows[method.cliName] else { continue }
            let nan = row.nanMatched > 0 ? " (+\(row.nanMatched) NaN, matched)" : ""
            lines.append(
                "| \(method.cliName) | \(row.values) | \(row.exact)\(nan) | \(String(format: "%.3g", row.abs)) | "
                    + "\(String(format: "%.3g", row.rel)) |")
        }
        return lines.joined(separator: "\n")
    }
}
