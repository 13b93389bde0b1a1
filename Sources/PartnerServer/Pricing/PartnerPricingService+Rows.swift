import Fluent
import Foundation
import PartnerCore
import SQLKit

/// The pricing inputs every order reads, in SQL straight into values: as Fluent models they were
/// the largest share of an order's time on the SQLite writer.
extension PartnerPricingService {
    /// A partner's stored override columns for one product.
    struct OverrideColumns {
        let unitPriceMinor: Int64?
        let discountBasisPoints: Int?
        let validFrom: Date?
        let validTo: Date?

        /// The columns read as `unitPriceMinor`, `discountBasisPoints`, `validFrom` and `validTo`.
        init(row: RowReader) throws {
            unitPriceMinor = try row.optionalInt64("unitPriceMinor")
            discountBasisPoints = try row.optionalInt("discountBasisPoints")
            validFrom = try row.optionalDate("validFrom")
            validTo = try row.optionalDate("validTo")
        }

        func override(sku: String, currency: Currency) -> PriceOverride? {
            PartnerPricingRecord.override(
                sku: sku, currency: currency, unitPriceMinor: unitPriceMinor, discountBasisPoints: discountBasisPoints,
                validFrom: validFrom, validTo: validTo)
        }
    }

    /// The guardrails of these products, by product id.
    static func guardrails(of productIDs: [UUID], on db: any Database) async throws -> [UUID: Guardrail] {
        guard !productIDs.isEmpty else { return [:] }
        let query: SQLQueryString =
            """
            SELECT product_id AS "productId", currency AS "currency", floor_minor AS "floorMinor", ceiling_minor AS "ceilingMinor", \
            max_discount_bp AS "maxDiscountBasisPoints", min_margin_bp AS "minMarginBasisPoints" \
            FROM pricing_guardrails WHERE product_id IN (\(binds: productIDs))
            """
        let rows = try await RowReader.all(query, on: db).map { row in
            (
                try row.uuid("productId"),
                GuardrailRecord.guardrail(
                    currency: try row.string("currency"), floorMinor: try row.int64("floorMinor"),
                    ceilingMinor: try row.optionalInt64("ceilingMinor"),
                    maxDiscountBasisPoints: try row.optionalInt("maxDiscountBasisPoints"),
                    minMarginBasisPoints: try row.optionalInt("minMarginBasisPoints"))
            )
        }
        return Dictionary(firstValues: rows)
    }

    /// The partner's overrides, by product id.
    static func overrides(of partnerID: UUID, on db: any Database) async throws -> [UUID: OverrideColumns] {
        let query: SQLQueryString =
            """
            SELECT product_id AS "productId", unit_price_minor AS "unitPriceMinor", discount_bp AS "discountBasisPoints", \
            valid_from AS "validFrom", valid_to AS "validTo" FROM partner_pricing WHERE partner_id = \(bind: partnerID)
            """
        let rows = try await RowReader.all(query, on: db).map { row in
            (try row.uuid("productId"), try OverrideColumns(row: row))
        }
        return Dictionary(firstValues: rows)
    }
}
