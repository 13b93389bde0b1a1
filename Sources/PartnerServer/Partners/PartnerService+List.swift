import Fluent
import Foundation
import PartnerCore
import SQLKit

extension PartnerService {
    /// One page of the partners the caller may see, in (company name, id) order: one SQL query,
    /// decoded straight into values, served by the (filter, company name, id) indexes; then the
    /// tiers, read after the page so that every tier it names exists.
    func list(_ filter: PartnerFilter, scope: AccessScope, page: PageRequest) async throws -> Page<Partner> {
        var conditions: [SQLQueryString] = []
        if let visible = scope.visiblePartnerIDs {
            guard !visible.isEmpty else { return Page(rows: [], limit: page.limit) { PartnerPosition(name: $0.companyName, id: $0.id) } }
            conditions.append("p.id IN (\(binds: visible.sorted { $0.uuidString < $1.uuidString }))")
        }
        if let type = filter.type { conditions.append("p.type = \(bind: type.rawValue)") }
        if let region = filter.region { conditions.append("p.region = \(bind: region)") }
        if let status = filter.status { conditions.append("p.status = \(bind: status.rawValue)") }
        if let code = filter.tierCode {
            guard let tier = try await tiers.find(code: code) else {
                throw ValidationFailure(field: "tier", message: "is not a known tier code")
            }
            conditions.append("p.tier_id = \(bind: tier.id)")
        }
        if let text = filter.query?.trimmingCharacters(in: .whitespaces).lowercased(), !text.isEmpty {
            conditions.append("p.search_text LIKE \(bind: "%\(text)%")")
        }
        if let after = try page.position(PartnerPosition.self) {
            conditions.append(
                "(p.company_name > \(bind: after.name) OR (p.company_name = \(bind: after.name) AND p.id > \(bind: after.id)))")
        }
        let filtering: SQLQueryString = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        let query: SQLQueryString =
            "SELECT \(PartnerRow.listColumns) FROM partners p" + filtering
            + " ORDER BY p.company_name, p.id LIMIT \(literal: page.limit + 1)"
        let found = try await RowReader.all(query, on: database)
        let tiers = try await TierRow.byID(on: database)
        let rows = try found.map { try PartnerRow($0, tiers: tiers).value }
        return Page(rows: rows, limit: page.limit) { PartnerPosition(name: $0.companyName, id: $0.id) }
    }
}
