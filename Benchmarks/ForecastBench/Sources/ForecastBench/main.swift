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
default:
    print("usage: ForecastBench accuracy [--series N] [--seed S] | speed [--series N] [--length L] [--csv FILE]")
}
