import Foundation
import PartnerAPI
import PartnerCore

extension APIHandler {
    func listWebhooks(_ input: Operations.ListWebhooks.Input) async throws -> Operations.ListWebhooks.Output {
        try authenticate().authorize(.manageWebhooks)
        let page = try await services.webhooks.list(page: PageRequest(limit: input.query.limit, cursor: input.query.cursor))
        return .ok(.init(body: .json(.init(items: page.items.map(\.api), nextCursor: page.nextCursor))))
    }

    func createWebhook(_ input: Operations.CreateWebhook.Input) async throws -> Operations.CreateWebhook.Output {
        let caller = try authenticate()
        try caller.authorize(.manageWebhooks)
        guard case .json(let body) = input.body else { throw APIError.badRequest("Send the subscription as JSON.") }
        let created = try await services.webhooks.create(
            .init(url: body.url, eventTypes: body.eventTypes, description: body.description), by: caller.userID)
        return .created(.init(body: .json(.init(subscription: created.subscription.api, secret: created.secret))))
    }

    func getWebhook(_ input: Operations.GetWebhook.Input) async throws -> Operations.GetWebhook.Output {
        try authenticate().authorize(.manageWebhooks)
        return .ok(.init(body: .json(try await services.webhooks.find(try uuid(input.path.webhookId, name: "webhookId")).api)))
    }

    func deleteWebhook(_ input: Operations.DeleteWebhook.Input) async throws -> Operations.DeleteWebhook.Output {
        try authenticate().authorize(.manageWebhooks)
        try await services.webhooks.delete(try uuid(input.path.webhookId, name: "webhookId"))
        return .noContent(.init())
    }

    func rotateWebhookSecret(_ input: Operations.RotateWebhookSecret.Input) async throws -> Operations.RotateWebhookSecret.Output {
        try authenticate().authorize(.manageWebhooks)
        let rotated = try await services.webhooks.rotateSecret(try uuid(input.path.webhookId, name: "webhookId"))
        return .ok(.init(body: .json(.init(subscription: rotated.subscription.api, secret: rotated.secret))))
    }

    /// Queues the test event and sends it in this request, so the answer shows what the receiver said.
    func testWebhook(_ input: Operations.TestWebhook.Input) async throws -> Operations.TestWebhook.Output {
        try authenticate().authorize(.manageWebhooks)
        let id = try uuid(input.path.webhookId, name: "webhookId")
        let deliveryID = try await services.webhooks.queueTest(id)
        let delivery = try await services.relay.deliverNow(deliveryID, of: id)
        return .ok(.init(body: .json(delivery.api)))
    }

    func listWebhookDeliveries(_ input: Operations.ListWebhookDeliveries.Input) async throws -> Operations.ListWebhookDeliveries.Output {
        try authenticate().authorize(.manageWebhooks)
        let page = try await services.webhooks.deliveries(
            of: try uuid(input.path.webhookId, name: "webhookId"), page: PageRequest(limit: input.query.limit, cursor: input.query.cursor))
        return .ok(.init(body: .json(.init(items: page.items.map(\.api), nextCursor: page.nextCursor))))
    }

    func replayWebhook(_ input: Operations.ReplayWebhook.Input) async throws -> Operations.ReplayWebhook.Output {
        try authenticate().authorize(.manageWebhooks)
        let id = try uuid(input.path.webhookId, name: "webhookId")
        guard case .json(let body) = input.body else { throw APIError.badRequest("Send the replay as JSON.") }
        var eventIDs: [UUID]?
        if let raw = body.eventIds {
            eventIDs = try raw.enumerated().map { index, text in
                guard let id = UUID(uuidString: text) else {
                    throw ValidationFailure(field: "eventIds[\(index)]", message: "must be a UUID")
                }
                return id
            }
        }
        let replayed = try await services.webhooks.replay(id, eventIDs: eventIDs, from: body.from, to: body.to)
        return .accepted(.init(body: .json(.init(replayed: replayed))))
    }
}
