import Fluent
import Foundation
import PartnerCore

/// Reads stands and their records. Every entry point takes the caller's `AccessScope` (a stand's id
/// is its partner's id), and lists filter in SQL, so a partner user never reads another stand.
struct StandRepository {
    /// A stand with its partner and the counts the lists show.
    struct Summary {
        let stand: StandPartnerRecord
        let partner: PartnerRecord
        let locationCount: Int
        let lowStockLines: Int
    }

    struct Filter: Sendable {
        var region: String?
        var package: StandPackage?
        var status: PartnerStatus?
        var lowStockOnly = false
        var query: String?
    }

    let database: any Database

    /// The stand if the caller may see it; nil for missing and invisible alike.
    func find(_ id: UUID, scope: AccessScope) async throws -> StandPartnerRecord? {
        guard scope.canView(partner: id) else { return nil }
        return try await StandPartnerRecord.find(id, on: database)
    }

    func summary(of stand: StandPartnerRecord) async throws -> Summary {
        let id = try stand.requireID()
        guard let partner = try await PartnerRecord.query(on: database).filter(\.$id == id).with(\.$tier).first() else {
            throw DomainError.partnerNotFound
        }
        return try await summaries([stand], partners: [id: partner])[0]
    }

    func list(_ filter: Filter, scope: AccessScope, page: PageRequest) async throws -> Page<Summary> {
        let query = StandPartnerRecord.query(on: database).join(PartnerRecord.self, on: \StandPartnerRecord.$id == \PartnerRecord.$id)
        if let visible = scope.visiblePartnerIDs {
            guard !visible.isEmpty else {
                return Page(rows: [], limit: page.limit) { PartnerPosition(name: $0.partner.companyName, id: $0.partner.id!) }
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
        return Page(rows: summaries, limit: page.limit) { PartnerPosition(name: $0.partner.companyName, id: $0.partner.id!) }
    }

    private func summaries(_ stands: [StandPartnerRecord], partners: [UUID: PartnerRecord]) async throws -> [Summary] {
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
            return Summary(stand: stand, partner: partner, locationCount: locationCounts[id] ?? 0, lowStockLines: lowCounts[id] ?? 0)
        }
    }

    func locations(of standID: UUID) async throws -> [StandLocationRecord] {
        try await StandLocationRecord.query(on: database).filter(\.$stand.$id == standID).sort(\.$name).sort(\.$id).all()
    }

    func inventory(of standID: UUID) async throws -> [StandInventoryRecord] {
        try await StandInventoryRecord.query(on: database).filter(\.$stand.$id == standID).with(\.$product).sort(\.$sku).all()
    }

    /// Average units a day per (location, SKU) over the `days` before `now`.
    func dailyDemand(of standID: UUID, days: Int = 28, at now: Date = Date()) async throws -> [String: Double] {
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

    func openRefills(of standID: UUID) async throws -> [StandRefillOrderRecord] {
        try await StandRefillOrderRecord.query(on: database).filter(\.$stand.$id == standID)
            .filter(\.$status ~~ RefillStatus.allCases.filter(\.isOpen)).with(\.$lines)
            .sort(\.$requestedAtMillis, .descending).all()
    }

    func refill(_ id: UUID, scope: AccessScope) async throws -> StandRefillOrderRecord? {
        guard let refill = try await StandRefillOrderRecord.query(on: database).filter(\.$id == id).with(\.$lines).first(),
            scope.canView(partner: refill.$stand.id)
        else { return nil }
        return refill
    }

    func refills(of standID: UUID, status: RefillStatus?, locationID: UUID?, page: PageRequest) async throws
        -> Page<StandRefillOrderRecord>
    {
        let query = StandRefillOrderRecord.query(on: database).filter(\.$stand.$id == standID).with(\.$lines)
        if let status { query.filter(\.$status == status) }
        if let locationID { query.filter(\.$location.$id == locationID) }
        return try await query.newestFirst(by: \.$requestedAtMillis, page: page)
    }

    func sale(_ id: UUID, of standID: UUID) async throws -> StandOrderRecord? {
        try await StandOrderRecord.query(on: database).filter(\.$id == id).filter(\.$stand.$id == standID).with(\.$items).first()
    }

    func sales(of standID: UUID, locationID: UUID?, from: Date?, until: Date?, page: PageRequest) async throws -> Page<StandOrderRecord> {
        let query = StandOrderRecord.query(on: database).filter(\.$stand.$id == standID).with(\.$items)
        if let locationID { query.filter(\.$location.$id == locationID) }
        if let from { query.filter(\.$soldAtMillis >= PartnerOrderRecord.millis(from)) }
        if let until { query.filter(\.$soldAtMillis < PartnerOrderRecord.millis(until)) }
        return try await query.newestFirst(by: \.$soldAtMillis, page: page)
    }

    func snapshots(of standID: UUID, locationID: UUID?, page: PageRequest) async throws -> Page<StandInventorySnapshotRecord> {
        let query = StandInventorySnapshotRecord.query(on: database).filter(\.$stand.$id == standID).with(\.$lines)
        if let locationID { query.filter(\.$location.$id == locationID) }
        return try await query.newestFirst(by: \.$takenAtMillis, page: page)
    }

    func latestSnapshot(of standID: UUID) async throws -> StandInventorySnapshotRecord? {
        try await StandInventorySnapshotRecord.query(on: database).filter(\.$stand.$id == standID).with(\.$lines)
            .sort(\.$takenAtMillis, .descending).sort(\.$id, .descending).first()
    }
}
