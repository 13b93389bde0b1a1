import Fluent
import Foundation
import PartnerAdvisor
import PartnerCore

/// What the coach reads about one stand before it forecasts or scores: its name, locations, shelf
/// lines with pack sizes and list prices, and the history window (the stand's joining day — or its
/// first sale or first location's opening, when earlier — at most two years back, through
/// yesterday).
struct StandCoachContext: Sendable {
    struct ShelfLine: Sendable {
        let sku: String
        let name: String
        let onHand: Int
        let onOrder: Int
        let parLevel: Int
        let minLevel: Int
        let packSize: Int
        let listPriceMinor: Int64
        let currency: Currency
        /// Whole days the shelf has stood empty (its open stock-out), 0 while it has stock.
        let emptyDays: Int
    }

    let standID: UUID
    let name: String
    let package: StandPackage
    let region: String
    let joinedAt: Date
    let locations: [StandLocation]
    /// Planogram lines per location, by SKU.
    let shelf: [UUID: [ShelfLine]]
    let today: Date
    let yesterday: Date
    let historyStart: Date

    static func load(_ standID: UUID, location locationID: UUID?, on db: any Database, now: Date) async throws -> StandCoachContext {
        guard let stand = try await StandPartnerRecord.find(standID, on: db), let partner = try await PartnerRecord.find(standID, on: db)
        else { throw DomainError.notFound("No stand with this id.") }
        let query = StandLocationRecord.query(on: db).filter(\.$stand.$id == standID)
        if let locationID { query.filter(\.$id == locationID) }
        let locations = try await query.sort(\.$name).sort(\.$id).all().map { try $0.value }
        if locationID != nil, locations.isEmpty {
            throw ValidationFailure(field: "locationId", message: "is not a location of this stand")
        }
        let rows = try await StandInventoryRecord.query(on: db).filter(\.$stand.$id == standID).with(\.$product).sort(\.$sku).all()
        let emptySince = try await StandEmptyShelves.since(StandStockOutRecord.query(on: db).filter(\.$stand.$id == standID))
        var shelf: [UUID: [ShelfLine]] = [:]
        for row in rows {
            let emptied = row.onHand > 0 ? nil : emptySince[.init(locationID: row.$location.id, sku: row.sku)]
            shelf[row.$location.id, default: []].append(
                ShelfLine(
                    sku: row.sku, name: row.product.name, onHand: row.onHand, onOrder: row.onOrder, parLevel: row.parLevel,
                    minLevel: row.minLevel, packSize: row.product.packSize, listPriceMinor: row.product.listPriceMinor,
                    currency: Currency(row.product.currency) ?? .eur,
                    emptyDays: StandEmptyShelves.days(since: emptied, now: now)))
        }
        let today = CalendarDay.startOfDay(now)
        // From the stand's joining (or its first sale, when sales were recorded before it).
        let firstSale = try await StandOrderRecord.query(on: db).filter(\.$stand.$id == standID).sort(\.$soldAtMillis).first()?.soldAt
        let opened = ([stand.joinedAt, firstSale].compactMap { $0 } + locations.map(\.createdAt)).min() ?? stand.joinedAt
        let earliest = today.addingTimeInterval(-Double(StandDemandReader.maximumDays) * 86_400)
        return StandCoachContext(
            standID: standID, name: partner.displayName ?? partner.companyName, package: stand.packageLevel, region: partner.region,
            joinedAt: stand.joinedAt, locations: locations, shelf: shelf, today: today, yesterday: today.addingTimeInterval(-86_400),
            historyStart: max(earliest, CalendarDay.startOfDay(opened)))
    }

    /// A location's daily series from its opening (or its first sale, if earlier) through
    /// yesterday; a single 0 when there is no full day of history yet.
    func series(_ values: [Double]?, location: StandLocation) -> DemandSeries {
        let days = Int((yesterday.timeIntervalSince(historyStart) / 86_400).rounded()) + 1
        guard days >= 1 else { return Self.noHistory }
        let full = values ?? [Double](repeating: 0, count: days)
        let opening = Int((CalendarDay.startOfDay(location.createdAt).timeIntervalSince(historyStart) / 86_400).rounded())
        let firstSale = full.firstIndex { $0 > 0 } ?? full.count
        let start = min(max(0, min(opening, firstSale)), max(0, full.count - 1))
        return (try? DemandSeries(Array(full[start...]))) ?? Self.noHistory
    }

    static let noHistory: DemandSeries = {
        guard let series = try? DemandSeries([0]) else { preconditionFailure("[0] is a valid demand series") }
        return series
    }()
}
