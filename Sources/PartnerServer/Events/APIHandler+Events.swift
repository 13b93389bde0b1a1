import Foundation
import PartnerAPI
import PartnerCore

extension APIHandler {
    func listEvents(_ input: Operations.ListEvents.Input) async throws -> Operations.ListEvents.Output {
        let caller = try authenticate()
        try caller.authorize(.readEvents)
        let after: Int64?
        if let raw = input.query.after {
            guard let position = Int64(raw), position >= 0 else {
                throw APIError.badRequest("The cursor '\(raw)' is not a position from this feed.")
            }
            after = position
        } else {
            after = nil
        }
        let limit = input.query.limit ?? 100
        guard (1...1_000).contains(limit) else { throw ValidationFailure(field: "limit", message: "must be between 1 and 1000") }
        let types = (input.query.types ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let known = Set(EventType.allCases.map(\.rawValue))
        if let unknown = types.first(where: { !known.contains($0) }) {
            throw ValidationFailure(field: "types", message: "'\(unknown)' is not an event type")
        }
        let page = try await services.events.page(after: after, types: types, limit: limit)
        return .ok(.init(body: .json(.init(items: try page.items.map { try $0.api }, nextCursor: String(page.nextCursor)))))
    }
}

extension StoredEvent {
    var api: Components.Schemas.EventEnvelope {
        get throws {
            .init(
                id: id.apiString, _type: type, version: version, occurredAt: occurredAt,
                subject: .init(_type: subjectType, id: subjectID.apiString), partnerId: partnerID?.apiString,
                data: try JSONDecoder().decode(Components.Schemas.EventEnvelope.DataPayload.self, from: Data(data.utf8)))
        }
    }
}
