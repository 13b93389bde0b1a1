import Foundation
import PartnerAdvisor

let arguments = Array(CommandLine.arguments.dropFirst())
func value(_ name: String, _ fallback: Int) -> Int {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return fallback }
    return Int(arguments[index + 1]) ?? fallback
}
switch arguments.first {
case "accuracy":
    let accuracy = Accuracy(series: value("--series", 2000), seed: UInt64(value("--seed", 1)), horizon: 28)
    print("series: \(accuracy.items.count)")
    print(accuracy.report())
case "agreement":
    let fixture = arguments.dropFirst().first ?? "../../Tests/PartnerAdvisorTests/Fixtures/statsforecast-2.1.1.json"
    print(try Agreement.report(fixturePath: fixture))
case "selection":
    print(Selection.report(sets: value("--sets", 10), seriesPerSet: value("--series", 300), firstSeed: UInt64(value("--seed", 100))))
case "speed":
    let csvIndex = arguments.firstIndex(of: "--csv")
    let csvPath = csvIndex.flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
    try Speed.run(count: value("--series", 10_000), length: value("--length", 104), horizon: 28, csvPath: csvPath)
case "cli":
    try Speed.cli(count: value("--series", 25_000), length: value("--length", 80), horizon: 28, quantile: nil)
    try Speed.cli(count: value("--series", 25_000), length: value("--length", 80), horizon: 28, quantile: 0.9)
default:
    print("usage: ForecastBench accuracy [--series N] [--seed S] | agreement [FIXTURE] | selection [--sets K] [--series N]")
    print("       | speed [--series N] [--length L] [--csv FILE] | cli [--series N] [--length L]")
}
