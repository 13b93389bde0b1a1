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

    func markPartnerAlertRead(_ input: Operations.MarkPartnerAlertRead.Input) async throws -> Operations.MarkPartnerAlertRead.Output {
        let caller = try authenticate()
        let alertID = try uuid(input.path.alertId, name: "alertId")
        let partner = try await authorizedPartner(input.path.id, for: caller, to: .markAlertRead)
        return .ok(.init(body: .json(try await services.alerts.markRead(alertID, of: partner.id).api)))
    }

    func listHQAlerts(_ input: Operations.ListHQAlerts.Input) async throws -> Operations.ListHQAlerts.Output {
        let caller = try authenticate()
        try caller.authorize(.readHQAlerts)
        let page = try await services.alerts.listHQ(page: PageRequest(limit: input.query.limit, cursor: input.query.cursor))
        return .ok(.init(body: .json(.init(items: page.items.map(\.api), nextCursor: page.nextCursor))))
    }
}
