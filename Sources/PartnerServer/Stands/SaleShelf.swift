import Fluent
import Foundation
import PartnerCore
import SQLKit

/// What recording a sale reads, in two queries: the stand with its partner's status (locked first,
/// as every write locks the partner row) and the sale's location, then the location's shelf with
/// prices and the coach's current reorder points.
enum SaleShelf {
    struct Stand {
        let status: PartnerStatus
        let packageLevel: StandPackage
        let autoRefill: Bool
        let joinedAt: Date
        let lifetimeSalesMinor: Int64
    }

    struct Line {
        let id: UUID
        let sku: String
        let productId: UUID
        let name: String
        let listPriceMinor: Int64
        let currency: String
        var onHand: Int
        let onOrder: Int
        let parLevel: Int
        let minLevel: Int
        var unreconciledShortfall: Int
        let reorderPoint: Int?
        let waitDays: Int

        var listPrice: Money { Money(minorUnits: listPriceMinor, currency: Currency(currency) ?? .eur) }
        var level: StockLevel {
            StockLevel(
                onHand: onHand, onOrder: onOrder, parLevel: parLevel, minLevel: minLevel, reorderPoint: reorderPoint, waitDays: waitDays)
        }
    }

    /// The stand, its partner row locked on PostgreSQL (`FOR NO KEY UPDATE`, like `lockPartner`),
    /// and the sale's location: `location` when it is the stand's, or the stand's only location —
    /// one statement. Only an active partner records sales; a wrong or missing location is a 422.
    static func activeStand(_ standID: UUID, location: UUID?, on db: any Database) async throws
        -> (stand: Stand, locationID: UUID)
    {
        let sql = try db.sql()
        let lock: SQLQueryString = sql.dialect.name == "postgresql" ? " FOR NO KEY UPDATE OF p" : ""
        let matching: SQLQueryString = location.map { " AND l.id = \(bind: $0)" } ?? ""
        // The first two matching locations: a second means the stand has several and none was named.
        let query: SQLQueryString =
            """
            SELECT p.status AS "status", s.package_level AS "packageLevel", s.auto_refill AS "autoRefill", \
            s.joined_at AS "joinedAt", s.lifetime_sales_minor AS "lifetimeSalesMinor", \
            (SELECT l.id FROM stand_locations l WHERE l.stand_id = s.id\(matching) ORDER BY l.id LIMIT 1) AS "locationId", \
            (SELECT l.id FROM stand_locations l WHERE l.stand_id = s.id\(matching) ORDER BY l.id LIMIT 1 OFFSET 1) AS "otherLocationId" \
            FROM partners p JOIN stand_partners s ON s.id = p.id WHERE p.id = \(bind: standID)
            """ + lock
        guard let row = try await RowReader.all(query, on: db).first else { throw DomainError.notFound("No stand with this id.") }
        let status = try row.value("status", as: PartnerStatus.self)
        guard status == .active else {
            throw DomainError.conflict("The partner is \(status.rawValue); only active partners can do this.")
        }
        let stand = Stand(
            status: status, packageLevel: try row.value("packageLevel", as: StandPackage.self), autoRefill: try row.bool("autoRefill"),
            joinedAt: try row.date("joinedAt"), lifetimeSalesMinor: try row.int64("lifetimeSalesMinor"))
        guard let locationID = try row.optionalUUID("locationId") else {
            let message = location == nil ? "is required: the stand has no location" : "is not a location of this stand"
            throw ValidationFailure(field: "locationId", message: message)
        }
        let other = try row.optionalUUID("otherLocationId")
        guard location != nil || other == nil else {
            throw ValidationFailure(field: "locationId", message: "is required: the stand has several locations")
        }
        return (stand, locationID)
    }

    /// The location's planogram lines, with the reorder points computed since `currentSince`.
    static func lines(at locationID: UUID, of standID: UUID, currentSince: Int64, on db: any Database) async throws -> [Line] {
        let query: SQLQueryString =
            """
            SELECT i.id AS "id", i.sku AS "sku", i.product_id AS "productId", pr.name AS "name", pr.list_price_minor AS "listPriceMinor", \
            pr.currency AS "currency", i.on_hand AS "onHand", i.on_order AS "onOrder", i.par_level AS "parLevel", \
            i.min_level AS "minLevel", i.unreconciled_shortfall AS "unreconciledShortfall", rp.reorder_point AS "reorderPoint", \
            rp.wait_days AS "waitDays" \
            FROM stand_inventory i \
            JOIN products pr ON pr.id = i.product_id \
            LEFT JOIN stand_reorder_points rp ON rp.location_id = i.location_id AND rp.sku = i.sku \
            AND rp.computed_at_ms >= \(bind: currentSince) \
            WHERE i.location_id = \(bind: locationID) AND i.stand_id = \(bind: standID)
            """
        return try await RowReader.all(query, on: db).map { row in
            Line(
                id: try row.uuid("id"), sku: try row.string("sku"), productId: try row.uuid("productId"), name: try row.string("name"),
                listPriceMinor: try row.int64("listPriceMinor"), currency: try row.string("currency"), onHand: try row.int("onHand"),
                onOrder: try row.int("onOrder"), parLevel: try row.int("parLevel"), minLevel: try row.int("minLevel"),
                unreconciledShortfall: try row.int("unreconciledShortfall"), reorderPoint: try row.optionalInt("reorderPoint"),
                waitDays: try row.optionalInt("waitDays") ?? 0)
        }
    }
}
