import Foundation
import PartnerAdvisor

/// The checked flags of `partneros simulate`.
struct SimulationArguments: Sendable, Hashable {
    let policy: RefillReplay.Policy
    let days: Int

    static func parse(policy: String, days: String, serviceLevel: String) -> Result<SimulationArguments, ForecastCommandLine.Problems> {
        var problems: [String] = []
        let level = Double(serviceLevel.trimmingCharacters(in: .whitespaces))
        if level.map({ !($0 > 0.5 && $0 < 0.999) }) ?? true {
            problems.append("--service-level must be a fill rate in (0.5, 0.999), got \"\(serviceLevel)\"")
        }
        let window = Int(days.trimmingCharacters(in: .whitespaces))
        if window.map({ !(7...730).contains($0) }) ?? true { problems.append("--days must be a whole number 7…730, got \"\(days)\"") }
        var chosen: RefillReplay.Policy?
        switch policy.lowercased() {
        case "ai": chosen = .ai(fillRate: level ?? 0.95)
        case "minmax", "min-max": chosen = .minMax
        default: problems.append("--policy must be ai or minmax, got \"\(policy)\"")
        }
        guard problems.isEmpty, let chosen, let window else { return .failure(.init(messages: problems)) }
        return .success(SimulationArguments(policy: chosen, days: window))
    }
}
