import Foundation
import PartnerAPI
import PartnerCore

extension APIHandler {
    func listPartnerAlerts(_ input: Operations.ListPartnerAlerts.Input) async throws -> Operations.ListPartnerAlerts.Output {
        let caller = try authenticate()
        let partner = try await authorizedPartner(input.path.id, for: caller, to: .readAlerts)
        let page = try await services.alerts.list(
            of: partner.id, page: PageRequest(limit: input.query.limit, cursor: input.query.cursor))
        return .ok(.init(body: .json(.init(items: page.items.map(\.api), nextCursor: page.nextCursor))))
    }
}
