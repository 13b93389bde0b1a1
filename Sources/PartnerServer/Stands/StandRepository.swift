import Fluent
import Foundation
import PartnerCore

/// Reads stands and their records. Every entry point takes the caller's `AccessScope` (a stand's id
/// is its partner's id), and lists filter in SQL, so a partner user never reads another stand.
struct StandRepository {
    struct Filter: Sendable {
        var region: String?
        var package: StandPackage?
        var status: PartnerStatus?
        var lowStockOnly = false
        var query: String?
    }

    let database: any Database
    let clock: AppClock

    /// The stand if the caller may see it; nil for missing and invisible alike.
    func find(_ id: UUID, scope: AccessScope) async throws -> Stand? {
        guard scope.canView(partner: id) else { return nil }
        return try await StandPartnerRecord.find(id, on: database)?.value
    }

    func summary(of standID: UUID) async throws -> StandSummary {
        guard let stand = try await StandPartnerRecord.find(standID, on: database),
            let partner = try await PartnerRecord.query(on: database).filter(\.$id == standID).with(\.$tier).first(),
            let summary = try await summaries([stand], partners: [standID: partner]).first
        else { throw DomainError.notFound("No stand with this id.") }
        return summary
    }

    func list(_ filter: Filter, scope: AccessScope, page: PageRequest) async throws -> Page<StandSummary> {
        let query = StandPartnerRecord.query(on: database).join(PartnerRecord.self, on: \StandPartnerRecord.$id == \PartnerRecord.$id)
        if let visible = scope.visiblePartnerIDs {
            guard !visible.isEmpty else {
                return Page(rows: [], limit: page.limit) { PartnerPosition(name: $0.partner.companyName, id: $0.partner.id) }
            }
            query.filter(\.$id ~~ Array(visible))
        }
        if let region = filter.region { query.filter(PartnerRecord.self, \.$region == region) }
        if let status = filter.status { query.filter(PartnerRecord.self, \.$status == status) }
        if let package = filter.package { query.filter(\.$packageLevel == package) }
        if let text = filter.query?.trimmingCharacters(in: .whitespaces).lowercased(), !text.isEmpty {
            query.filter(PartnerRecord.self, \.$searchText ~~ text)
        }
        if filter.lowStockOnly {
            let low = try await StandInventoryRecord.query(on: database).filter(\.$onHand, .lessThanOrEqual, \.$minLevel)
                .unique().all(\.$stand.$id)
            query.filter(\.$id ~~ low)
        }
        if let after = try page.position(PartnerPosition.self) {
            query.group(.or) { or in
                or.filter(PartnerRecord.self, \.$companyName > after.name)
                or.group(.and) { same in
                    same.filter(PartnerRecord.self, \.$companyName == after.name)
                    same.filter(\.$id > after.id)
                }
            }
        }
        let rows = try await query.sort(PartnerRecord.self, \.$companyName).sort(\.$id).limit(page.limit + 1).all()
        var partners: [UUID: PartnerRecord] = [:]
        for row in rows { partners[try row.requireID()] = try row.joined(PartnerRecord.self) }
        let summaries = try await summaries(rows, partners: partners)
        return Page(rows: summaries, limit: page.limit) { PartnerPosition(name: $0.partner.companyName, id: $0.partner.id) }
    }

    private func summaries(_ stands: [StandPartnerRecord], partners: [UUID: PartnerRecord]) async throws -> [StandSummary] {
        let ids = try stands.map { try $0.requireID() }
        guard !ids.isEmpty else { return [] }
        let locations = try await StandLocationRecord.query(on: database).filter(\.$stand.$id ~~ ids).all(\.$stand.$id)
        let low = try await StandInventoryRecord.query(on: database).filter(\.$stand.$id ~~ ids)
            .filter(\.$onHand, .lessThanOrEqual, \.$minLevel).all(\.$stand.$id)
        let locationCounts = Dictionary(locations.map { ($0, 1) }, uniquingKeysWith: +)
        let lowCounts = Dictionary(low.map { ($0, 1) }, uniquingKeysWith: +)
        return try stands.map { stand in
            let id = try stand.requireID()
            guard let partner = partners[id] else { throw DomainError.partnerNotFound }
            return StandSummary(
                stand: try stand.value, partner: try partner.value, locationCount: locationCounts[id] ?? 0,
                lowStockLines: lowCounts[id] ?? 0)
        }
    }

    func locations(of standID: UUID) async throws -> [StandLocation] {
        try await StandLocationRecord.query(on: database).filter(\.$stand.$id == standID).sort(\.$name).sort(\.$id).all()
            .map { try $0.value }
    }

    func shelf(of standID: UUID) async throws -> [ShelfLine] {
        try await StandInventoryRecord.query(on: database).filter(\.$stand.$id == standID).with(\.$product).sort(\.$sku).all()
            .map(\.value)
    }

    /// Average units a day per (location, SKU) over the `days` before now.
    func dailyDemand(of standID: UUID, days: Int = 28) async throws -> [String: Double] {
        let now = clock.now
        let since = PartnerOrderRecord.millis(now.addingTimeInterval(-Double(days) * 86_400))
        let items = try await StandOrderItemRecord.query(on: database)
            .join(StandOrderRecord.self, on: \StandOrderItemRecord.$order.$id == \StandOrderRecord.$id)
            .filter(StandOrderRecord.self, \.$stand.$id == standID).filter(StandOrderRecord.self, \.$soldAtMillis >= since).all()
        var units: [String: Int] = [:]
        for item in items {
            let location = try item.joined(StandOrderRecord.self).$location.id
            units[Self.demandKey(location, item.sku), default: 0] += item.quantity
        }
        return units.mapValues { StandDemand.averageDaily(units: $0, days: days) }
    }

    static func demandKey(_ locationID: UUID, _ sku: String) -> String { "\(locationID.apiString)|\(sku)" }

    func openRefills(of standID: UUID) async throws -> [StandRefill] {
        try await StandRefillOrderRecord.query(on: database).filter(\.$stand.$id == standID)
            .filter(\.$status ~~ RefillStatus.allCases.filter(\.isOpen)).with(\.$lines)
            .sort(\.$requestedAtMillis, .descending).all().map { try $0.value }
    }

    func refill(_ id: UUID, scope: AccessScope) async throws -> StandRefill? {
        guard let refill = try await StandRefillOrderRecord.query(on: database).filter(\.$id == id).with(\.$lines).first(),
            scope.canView(partner: refill.$stand.id)
        else { return nil }
        return try refill.value
    }

    func refills(of standID: UUID, status: RefillStatus?, locationID: UUID?, page: PageRequest) async throws -> Page<StandRefill> {
        let query = StandRefillOrderRecord.query(on: database).filter(\.$stand.$id == standID).with(\.$lines)
        if let status { query.filter(\.$status == status) }
        if let locationID { query.filter(\.$location.$id == locationID) }
        return try await query.newestFirst(by: \.$requestedAtMillis, page: page).map { try $0.value }
    }

    func sale(_ id: UUID, of standID: UUID) async throws -> StandSale? {
        try await StandOrderRecord.query(on: database).filter(\.$id == id).filter(\.$stand.$id == standID).with(\.$items).first()?.value
    }

    func sales(of standID: UUID, locationID: UUID?, from: Date?, until: Date?, page: PageRequest) async throws -> Page<StandSale> {
        let query = StandOrderRecord.query(on: database).filter(\.$stand.$id == standID).with(\.$items)
        if let locationID { query.filter(\.$location.$id == locationID) }
        if let from { query.filter(\.$soldAtMillis >= PartnerOrderRecord.millis(from)) }
        if let until { query.filter(\.$soldAtMillis < PartnerOrderRecord.millis(until)) }
        return try await query.newestFirst(by: \.$soldAtMillis, page: page).map { try $0.value }
    }

    func snapshots(of standID: UUID, locationID: UUID?, page: PageRequest) async throws -> Page<InventoryCount> {
        let query = StandInventorySnapshotRecord.query(on: database).filter(\.$stand.$id == standID).with(\.$lines)
        if let locationID { query.filter(\.$location.$id == locationID) }
        return try await query.newestFirst(by: \.$takenAtMillis, page: page).map { try $0.value }
    }

    func latestSnapshot(of standID: UUID) async throws -> InventoryCount? {
        try await StandInventorySnapshotRecord.query(on: database).filter(\.$stand.$id == standID).with(\.$lines)
            .sort(\.$takenAtMillis, .descending).sort(\.$id, .descending).first()?.value
    }
}
