import Foundation
import PartnerAPI
import PartnerCore

extension APIHandler {
    func listAutomations(_ input: Operations.ListAutomations.Input) async throws -> Operations.ListAutomations.Output {
        let caller = try authenticate()
        try caller.authorize(.readAutomations)
        return .ok(.init(body: .json(.init(items: try await services.automations.statuses().map(\.api)))))
    }
}

extension AutomationStatus {
    var api: Components.Schemas.Automation {
        Components.Schemas.Automation(
            name: Components.Schemas.AutomationName(rawValue: name.rawValue) ?? .prune, cadence: cadence.description,
            lastStartedAt: lastStartedAt, lastFinishedAt: lastFinishedAt,
            lastOutcome: lastOutcome.flatMap { Components.Schemas.Automation.LastOutcomePayload(rawValue: $0.rawValue) },
            lastSummary: lastSummary, nextRunAt: nextRunAt, running: running)
    }
}
