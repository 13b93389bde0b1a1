import Fluent
import Foundation
import PartnerCore
import SQLKit

/// Rebuilds what priced partners' orders over time (`PartnerPricingHistory`) from the records that
/// keep it: each partner's tier and overrides now, its pricing versions (every change with the
/// values before and after), the tiers' discounts and the network's promotions.
struct PricingHistoryReader {
    let database: any Database

    /// The history of every partner of `type`, by partner id.
    func histories(ofType type: PartnerType) async throws -> [UUID: PartnerPricingHistory] {
        let tierDiscounts = Dictionary(
            firstValues: try await RowReader.all(#"SELECT code AS "code", base_discount_bp AS "discount" FROM partner_tiers"#, on: database)
                .map { (try $0.string("code"), try $0.int("discount")) })
        let promotions = try await PromotionRecord.query(on: database).filter(\.$status != .draft).sort(\.$id).all().map { try $0.value }
        let versions = try await versions(ofType: type)
        let overrides = try await overrides(ofType: type)
        let partners: SQLQueryString =
            """
            SELECT p.id AS "id", p.region AS "region", t.code AS "tierCode" FROM partners p \
            LEFT JOIN partner_tiers t ON t.id = p.tier_id WHERE p.type = \(bind: type.rawValue)
            """
        var histories: [UUID: PartnerPricingHistory] = [:]
        for row in try await RowReader.all(partners, on: database) {
            let id = try row.uuid("id")
            let timeline = PricingTimeline(
                tierCode: try row.optionalString("tierCode"), overrides: overrides[id] ?? [:], versions: versions[id] ?? [])
            histories[id] = PartnerPricingHistory(
                partnerID: id, type: type, region: try row.string("region"), timeline: timeline, tierDiscounts: tierDiscounts,
                promotions: promotions)
        }
        return histories
    }

    private func versions(ofType type: PartnerType) async throws -> [UUID: [PricingVersion]] {
        let query: SQLQueryString =
            """
            SELECT v.partner_id AS "partnerId", v.version AS "version", v.changed_by AS "changedBy", v.changed_at AS "changedAt", \
            v.reason AS "reason", v.changes AS "changes" FROM partner_pricing_versions v JOIN partners p ON p.id = v.partner_id \
            WHERE p.type = \(bind: type.rawValue)
            """
        var versions: [UUID: [PricingVersion]] = [:]
        for row in try await RowReader.all(query, on: database) {
            let changes = try PricingVersionRecord.changes(from: try row.string("changes"))
            versions[try row.uuid("partnerId"), default: []].append(
                PricingVersion(
                    version: try row.int("version"), changedBy: try row.uuid("changedBy"), changedAt: try row.date("changedAt"),
                    reason: try row.string("reason"), changes: changes))
        }
        return versions
    }

    /// Today's overrides of every partner of `type`, by partner id and SKU.
    private func overrides(ofType type: PartnerType) async throws -> [UUID: [String: PriceOverride]] {
        let query: SQLQueryString =
            """
            SELECT pp.partner_id AS "partnerId", pr.sku AS "sku", pr.currency AS "currency", pp.unit_price_minor AS "unitPriceMinor", \
            pp.discount_bp AS "discountBasisPoints", pp.valid_from AS "validFrom", pp.valid_to AS "validTo" FROM partner_pricing pp \
            JOIN products pr ON pr.id = pp.product_id JOIN partners p ON p.id = pp.partner_id WHERE p.type = \(bind: type.rawValue)
            """
        var overrides: [UUID: [String: PriceOverride]] = [:]
        for row in try await RowReader.all(query, on: database) {
            let sku = try row.string("sku")
            let columns = try PartnerPricingService.OverrideColumns(row: row)
            guard let override = columns.override(sku: sku, currency: Currency(try row.string("currency")) ?? .eur) else { continue }
            overrides[try row.uuid("partnerId"), default: [:]][sku] = override
        }
        return overrides
    }
}
