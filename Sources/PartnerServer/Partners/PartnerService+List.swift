import Fluent
import Foundation
import PartnerCore

extension PartnerService {
    /// One page of the partners the caller may see, in (company name, id) order.
    func list(_ filter: PartnerFilter, scope: AccessScope, page: PageRequest) async throws -> Page<Partner> {
        let query = PartnerRecord.query(on: database).with(\.$tier)
        if let visible = scope.visiblePartnerIDs {
            guard !visible.isEmpty else { return Page(rows: [], limit: page.limit) { PartnerPosition(name: $0.companyName, id: $0.id) } }
            query.filter(\.$id ~~ Array(visible))
        }
        if let type = filter.type { query.filter(\.$type == type) }
        if let region = filter.region { query.filter(\.$region == region) }
        if let status = filter.status { query.filter(\.$status == status) }
        if let code = filter.tierCode {
            guard let tier = try await tiers.find(code: code) else {
                throw ValidationFailure(field: "tier", message: "is not a known tier code")
            }
            query.filter(\.$tier.$id == tier.id)
        }
        if let text = filter.query?.trimmingCharacters(in: .whitespaces).lowercased(), !text.isEmpty {
            query.filter(\.$searchText ~~ text)
        }
        if let after = try page.position(PartnerPosition.self) {
            query.group(.or) { or in
                or.filter(\.$companyName > after.name)
                or.group(.and) { same in
                    same.filter(\.$companyName == after.name)
                    same.filter(\.$id > after.id)
                }
            }
        }
        let rows = try await query.sort(\.$companyName).sort(\.$id).limit(page.limit + 1).all()
        return Page(rows: try rows.map { try $0.value }, limit: page.limit) { PartnerPosition(name: $0.companyName, id: $0.id) }
    }
}
