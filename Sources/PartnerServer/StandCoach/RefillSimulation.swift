import Fluent
import Foundation
import PartnerAdvisor
import PartnerCore
import SQLKit

/// Loads every stand location's recorded daily sales, planogram levels, pack sizes and measured
/// lead time for `RefillReplay`, the pure day-by-day replay behind `partneros simulate`.
struct RefillSimulation {
    let database: any Database
    let demand: StandDemandReader
    let leadTimes: RefillForecastService

    /// Every location on one day axis, from the earliest opening or sale (at most two years before
    /// the last sale) through the day of the last recorded sale.
    func locations() async throws -> [RefillReplay.Location] {
        guard let lastSale = try await StandOrderRecord.query(on: database).sort(\.$soldAtMillis, .descending).first()?.soldAt else {
            return []
        }
        let through = CalendarDay.startOfDay(lastSale)
        let sites = try await StandLocationRecord.query(on: database).sort(\.$createdAt).sort(\.$id).all()
        let earliest = through.addingTimeInterval(-Double(StandDemandReader.maximumDays) * 86_400)
        let firstSale = try await StandOrderRecord.query(on: database).sort(\.$soldAtMillis).first()?.soldAt ?? through
        let from = max(earliest, CalendarDay.startOfDay(min(firstSale, sites.first?.createdAt ?? through)))
        let history = try await demand.daily(of: nil, from: from, through: through)
        let days = Int((through.timeIntervalSince(from) / 86_400).rounded()) + 1
        let shelf = try await StandInventoryRecord.query(on: database).with(\.$product).sort(\.$sku).all()
        var result: [RefillReplay.Location] = []
        for site in sites {
            let id = try site.requireID()
            let lines = shelf.filter { $0.$location.id == id }.map { line in
                RefillReplay.Line(
                    sku: line.sku, packSize: line.product.packSize, parLevel: line.parLevel, minLevel: line.minLevel,
                    demand: history[.init(locationID: id, sku: line.sku)] ?? [Double](repeating: 0, count: days))
            }
            let lead = try await leadTimes.leadTime(of: id, requested: nil).days
            // From the opening, or the first recorded sale when that is earlier.
            let opening = max(0, Int((CalendarDay.startOfDay(site.createdAt).timeIntervalSince(from) / 86_400).rounded()))
            let firstDay = lines.compactMap { $0.demand.firstIndex { $0 > 0 } }.reduce(opening, min)
            result.append(.init(name: site.name, leadTimeDays: lead, firstDay: firstDay, lines: lines))
        }
        return result
    }
}
