/// Writes forecast results as CSV: `series_id,h,forecast,method`, plus `cumulative_q` when a
/// quantile was requested. Numbers are Swift's shortest representation that reads back to the same
/// Double (`Double.description`).
public enum ForecastCSVRenderer {
    public static func render(seriesIDs: [String], results: [SeriesForecast], includesQuantile: Bool) -> String {
        var output = includesQuantile ? "series_id,h,forecast,method,cumulative_q\n" : "series_id,h,forecast,method\n"
        output.reserveCapacity(output.utf8.count + results.count * (results.first?.forecast.count ?? 0) * 32)
        for (id, result) in zip(seriesIDs, results) {
            let prefix = quoted(id) + ","
            let suffix = "," + result.method.cliName
            var lastValue = Double.nan
            var lastText = ""
            var lastQuantile = Double.nan
            var lastQuantileText = ""
            let quantiles = result.cumulativeQuantiles.first ?? []
            for (index, value) in result.forecast.enumerated() {
                // Flat forecasts repeat one value: format it once.
                if value.bitPattern != lastValue.bitPattern {
                    lastValue = value
                    lastText = value.description
                }
                output += prefix
                output += String(index + 1)
                output += ","
                output += lastText
                output += suffix
                if includesQuantile {
                    let quantile = index < quantiles.count ? quantiles[index] : Double.nan
                    if quantile.bitPattern != lastQuantile.bitPattern {
                        lastQuantile = quantile
                        lastQuantileText = quantile.description
                    }
                    output += ","
                    output += lastQuantileText
                }
                output += "\n"
            }
        }
        return output
    }

    /// A CSV field: quoted (with `""` for a quote) when it holds a comma, quote, line break or
    /// surrounding space, as is.
    static func quoted(_ field: String) -> String {
        let needsQuotes =
            field.contains { $0 == "," || $0 == "\"" || $0.isNewline }
            || field.first == " " || field.last == " "
        guard needsQuotes else { return field }
        var text = "\""
        for character in field {
            if character == "\"" { text += "\"" }
            text.append(character)
        }
        return text + "\""
    }
}
