import FluentKit
import Foundation
import PartnerCore
import SQLKit

/// A tier read straight from SQL, from columns aliased `tier…`: joined to a partner row (`t`) or on
/// its own. The dashboard, the tier review and every partner list read tiers; Fluent's model
/// decoding cost more than the query.
struct TierRow {
    static let fields = [
        "id", "code", "name", "partner_types", "rank", "base_discount_bp", "loyalty_multiplier_milli", "min_revenue_minor", "currency",
    ]

    /// The columns for a tier table aliased `alias`.
    static func columns(_ alias: String) -> String { SQLColumns.aliased(alias, fields, prefix: "tier") }

    /// The tier of `row`, nil when its columns are empty (a partner without a tier).
    static func tier(_ row: RowReader) throws -> PartnerTier? {
        guard let id = try row.optionalUUID("tierId"), let code = try row.optionalString("tierCode") else { return nil }
        let definition = TierDefinition(
            code: code, name: try row.optionalString("tierName") ?? code,
            partnerTypes: (try row.optionalString("tierPartnerTypes") ?? "").split(separator: ",").compactMap {
                PartnerType(rawValue: String($0))
            },
            rank: try row.optionalInt("tierRank") ?? 0, baseDiscountBasisPoints: try row.optionalInt("tierBaseDiscountBp") ?? 0,
            loyaltyMultiplierMilli: try row.optionalInt("tierLoyaltyMultiplierMilli") ?? 1_000,
            minTrailingRevenue: Money(
                minorUnits: try row.optionalInt64("tierMinRevenueMinor") ?? 0,
                currency: Currency(try row.optionalString("tierCurrency") ?? "EUR") ?? .eur))
        return PartnerTier(id: id, definition: definition)
    }

    /// Every tier, lowest rank first.
    static func all(on db: any Database) async throws -> [PartnerTier] {
        let query: SQLQueryString = "SELECT \(unsafeRaw: columns("t")) FROM partner_tiers t ORDER BY t.rank, t.code"
        return try await RowReader.all(query, on: db).compactMap { try tier($0) }
    }

    /// Every tier by id: what a page of partners looks its tiers up in.
    static func byID(on db: any Database) async throws -> [UUID: PartnerTier] {
        Dictionary(firstValues: try await all(on: db).map { ($0.id, $0) })
    }
}
