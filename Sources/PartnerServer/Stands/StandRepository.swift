import Fluent
import Foundation
import PartnerCore
import SQLKit

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
        try await findWithSubject(id, scope: scope)?.stand
    }

    /// The stand and its partner as the policy sees it, if the caller may see it: what every stand
    /// endpoint checks first, in one statement.
    func findWithSubject(_ id: UUID, scope: AccessScope) async throws -> (stand: Stand, subject: PolicySubject)? {
        guard scope.canView(partner: id) else { return nil }
        let query: SQLQueryString =
            """
            SELECT \(unsafeRaw: Self.standColumns), p.status AS "partnerStatus" \
            FROM stand_partners s JOIN partners p ON p.id = s.id WHERE s.id = \(bind: id)
            """
        return try await RowReader.all(query, on: database).first.map { row in
            (try Self.stand(id, from: row), PolicySubject(partnerID: id, status: try row.value("partnerStatus", as: PartnerStatus.self)))
        }
    }

    /// The stand from a row selecting `standColumns`.
    private static func stand(_ id: UUID, from row: RowReader) throws -> Stand {
        Stand(
            id: id, package: try row.value("standPackageLevel", as: StandPackage.self),
            commissionBasisPoints: try row.int("standCommissionBp"), loyaltyRateMilli: try row.int("standLoyaltyRateMilli"),
            autoRefill: try row.bool("standAutoRefill"), joinedAt: try row.date("standJoinedAt"))
    }

    func summary(of standID: UUID) async throws -> StandSummary {
        let rows = try await summaries(where: ["s.id = \(bind: standID)"], limit: 1)
        guard let summary = rows.first else { throw DomainError.notFound("No stand with this id.") }
        return summary
    }

    /// One page of the stands the caller may see, in (company name, id) order, with their counts:
    /// one SQL query decoded straight into values.
    func list(_ filter: Filter, scope: AccessScope, page: PageRequest) async throws -> Page<StandSummary> {
        var conditions: [SQLQueryString] = []
        if let visible = scope.visiblePartnerIDs {
            guard !visible.isEmpty else {
                return Page(rows: [], limit: page.limit) { PartnerPosition(name: $0.partner.companyName, id: $0.partner.id) }
            }
            conditions.append("s.id IN (\(binds: visible.sorted { $0.uuidString < $1.uuidString }))")
        }
        if let region = filter.region { conditions.append("p.region = \(bind: region)") }
        if let status = filter.status { conditions.append("p.status = \(bind: status.rawValue)") }
        if let package = filter.package { conditions.append("s.package_level = \(bind: package.rawValue)") }
        if let text = filter.query?.trimmingCharacters(in: .whitespaces).lowercased(), !text.isEmpty {
            conditions.append("p.search_text LIKE \(bind: "%\(text)%")")
        }
        if filter.lowStockOnly {
            conditions.append("EXISTS (SELECT 1 " + lowLines(since: currentSince) + ")")
        }
        if let after = try page.position(PartnerPosition.self) {
            conditions.append(
                "(p.company_name > \(bind: after.name) OR (p.company_name = \(bind: after.name) AND s.id > \(bind: after.id)))")
        }
        let rows = try await summaries(where: conditions, limit: page.limit + 1)
        return Page(rows: rows, limit: page.limit) { PartnerPosition(name: $0.partner.companyName, id: $0.partner.id) }
    }

    private static let standColumns = SQLColumns.aliased(
        "s", ["package_level", "commission_bp", "loyalty_rate_milli", "auto_refill", "joined_at"], prefix: "stand")

    /// Since when the coach's reorder points are current.
    private var currentSince: Int64 { PartnerOrderRecord.millis(clock.now.addingTimeInterval(-StandReorderPoints.currentFor)) }

    /// The stand `s`'s low shelf lines: at or below the coach's current reorder point, else the
    /// planogram minimum — `StockLevel.lowLine`, the rule the sale path applies — read from the
    /// lines' copies of their points (`AddShelfCoachPoints`), one index range per stand.
    private func lowLines(since: Int64) -> SQLQueryString {
        """
        FROM stand_inventory i WHERE i.stand_id = s.id \
        AND i.on_hand <= CASE WHEN i.coach_point_at_ms >= \(bind: since) THEN i.coach_reorder_point ELSE i.min_level END
        """
    }

    /// The page is chosen first, driven from `stand_partners` (`CROSS JOIN` keeps SQLite from walking
    /// every partner by name to find the few that are stands); only its rows get their counts, and
    /// their tiers are read after them.
    private func summaries(where conditions: [SQLQueryString], limit: Int) async throws -> [StandSummary] {
        let page: SQLQueryString =
            "SELECT s.id FROM stand_partners s CROSS JOIN partners p WHERE "
            + (["p.id = s.id"] + conditions).joined(separator: " AND ")
            + " ORDER BY p.company_name, s.id LIMIT \(literal: limit)"
        let query: SQLQueryString =
            """
            SELECT \(PartnerRow.listColumns), \(unsafeRaw: Self.standColumns), \
            (SELECT COUNT(*) FROM stand_locations l WHERE l.stand_id = s.id) AS "locationCount", \
            (SELECT COUNT(*) \(lowLines(since: currentSince))) AS "lowStockLines" \
            FROM stand_partners s JOIN partners p ON p.id = s.id \
            WHERE s.id IN (\(page)) ORDER BY p.company_name, s.id
            """
        let found = try await RowReader.all(query, on: database)
        let tiers = try await TierRow.byID(on: database)
        return try found.map { row in
            let partner = try PartnerRow(row, tiers: tiers).value
            return StandSummary(
                stand: try Self.stand(partner.id, from: row), partner: partner, locationCount: try row.int("locationCount"),
                lowStockLines: try row.int("lowStockLines"))
        }
    }

    /// The stand's locations by name, read with SQL: every stand page and report starts here.
    func locations(of standID: UUID) async throws -> [StandLocation] {
        let query: SQLQueryString =
            """
            SELECT id AS "id", name AS "name", venue_type AS "venueType", address AS "address", city AS "city", region AS "region", \
            country AS "country", latitude AS "latitude", longitude AS "longitude", capacity_facings AS "capacityFacings", \
            created_at AS "createdAt" FROM stand_locations WHERE stand_id = \(bind: standID) ORDER BY name, id
            """
        return try await RowReader.all(query, on: database).map { row in
            StandLocation(
                id: try row.uuid("id"), standID: standID, name: try row.string("name"), venueType: try row.string("venueType"),
                address: try row.string("address"), city: try row.string("city"), region: try row.string("region"),
                country: try row.string("country"), latitude: try row.double("latitude"), longitude: try row.double("longitude"),
                capacityFacings: try row.int("capacityFacings"), createdAt: try row.date("createdAt"))
        }
    }

    /// Every shelf line of the stand with its product's name and current reorder point, in one query.
    func shelf(of standID: UUID) async throws -> [ShelfLine] {
        let query: SQLQueryString =
            """
            SELECT i.location_id AS "locationId", i.sku AS "sku", pr.name AS "name", i.on_hand AS "onHand", i.on_order AS "onOrder", \
            i.par_level AS "parLevel", i.min_level AS "minLevel", i.unreconciled_shortfall AS "unreconciledShortfall", \
            rp.reorder_point AS "reorderPoint" \
            FROM stand_inventory i JOIN products pr ON pr.id = i.product_id \
            LEFT JOIN stand_reorder_points rp ON rp.location_id = i.location_id AND rp.sku = i.sku AND rp.computed_at_ms >= \(bind: currentSince) \
            WHERE i.stand_id = \(bind: standID) ORDER BY i.sku
            """
        return try await RowReader.all(query, on: database).map { row in
            ShelfLine(
                locationID: try row.uuid("locationId"), sku: try row.string("sku"), name: try row.string("name"),
                level: StockLevel(
                    onHand: try row.int("onHand"), onOrder: try row.int("onOrder"), parLevel: try row.int("parLevel"),
                    minLevel: try row.int("minLevel"), reorderPoint: try row.optionalInt("reorderPoint")),
                unreconciledShortfall: try row.int("unreconciledShortfall"))
        }
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
        try await StandSaleRows.page(where: ["o.id = \(bind: id)", "o.stand_id = \(bind: standID)"], limit: 1, on: database)
            .first?.sale
    }

    func sales(of standID: UUID, locationID: UUID?, from: Date?, until: Date?, page: PageRequest) async throws -> Page<StandSale> {
        var conditions: [SQLQueryString] = ["o.stand_id = \(bind: standID)"]
        if let locationID { conditions.append("o.location_id = \(bind: locationID)") }
        if let from { conditions.append("o.sold_at_ms >= \(bind: PartnerOrderRecord.millis(from))") }
        if let until { conditions.append("o.sold_at_ms < \(bind: PartnerOrderRecord.millis(until))") }
        if let after = try page.position(TimePosition.self) {
            conditions.append(
                "(o.sold_at_ms < \(bind: after.millis) OR (o.sold_at_ms = \(bind: after.millis) AND o.id < \(bind: after.id)))")
        }
        let rows = try await StandSaleRows.page(where: conditions, limit: page.limit + 1, on: database)
        return Page(rows: rows, limit: page.limit) { TimePosition(millis: $0.millis, id: $0.sale.id) }.map(\.sale)
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
