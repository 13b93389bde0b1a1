import Fluent
import Foundation
import PartnerCore
import SQLKit

/// What recording a sale reads, in two queries: the stand with its partner's status (locked first,
/// as every write locks the partner row) and the location's shelf with prices and the coach's
/// current reorder points.
enum SaleShelf {
    struct Stand: Decodable {
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

    /// The stand, its partner row locked on PostgreSQL (`FOR NO KEY UPDATE`, like `lockPartner`);
    /// only an active partner records sales.
    static func activeStand(_ standID: UUID, on sql: any SQLDatabase) async throws -> Stand {
        let lock: SQLQueryString = sql.dialect.name == "postgresql" ? " FOR NO KEY UPDATE OF p" : ""
        let query: SQLQueryString =
            """
            SELECT p.status AS "status", s.package_level AS "packageLevel", s.auto_refill AS "autoRefill", \
            s.joined_at AS "joinedAt", s.lifetime_sales_minor AS "lifetimeSalesMinor" \
            FROM partners p JOIN stand_partners s ON s.id = p.id WHERE p.id = \(bind: standID)
            """ + lock
        guard let stand = try await sql.raw(query).first(decoding: Stand.self) else {
            throw DomainError.notFound("No stand with this id.")
        }
        guard stand.status == .active else {
            throw DomainError.conflict("The partner is \(stand.status.rawValue); only active partners can do this.")
        }
        return stand
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
