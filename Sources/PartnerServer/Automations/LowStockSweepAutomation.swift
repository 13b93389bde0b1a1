import Foundation
import PartnerCore

/// `low-stock-sweep`: checks every active stand's shelves against their low lines (the coach's
/// reorder points where current) and reacts as a sale would — for stock that ran low without a
/// sale or count noticing (a reorder point raised overnight, a count elsewhere).
struct LowStockSweepAutomation: Automation {
    let name = AutomationName.lowStockSweep
    let cadence = AutomationCadence.every(seconds: 3_600)
    let partners: PartnerService
    let lowStock: LowStockPolicy

    func run(at now: Date) async throws -> String {
        let stands = try await partners.all(in: .active).filter { $0.type == .stand }
        var tally = AutomationTally()
        for stand in stands {
            try Task.checkCancellation()
            tally.add("locations low", try await lowStock.sweep(stand.id, at: now))
        }
        return tally.summary(checked: stands.count, of: "stands")
    }
}
