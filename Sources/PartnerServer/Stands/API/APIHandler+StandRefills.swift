import Foundation
import PartnerAPI
import PartnerCore

extension APIHandler {
    func requestStandRefill(_ input: Operations.RequestStandRefill.Input) async throws -> Operations.RequestStandRefill.Output {
        let caller = try authenticate()
        guard case .json(let body) = input.body else { throw APIError.badRequest("Send a JSON body.") }
        let replaySafe = try IdempotentRequest(
            caller: caller.userID, operation: "requestStandRefill", key: input.headers.idempotencyKey, request: body)
        let standID = try await authorizedStand(body.standId, for: caller, to: .requestRefill, field: "standId").id
        var validator = FieldValidator()
        let locationID = optionalUUID(body.locationId, field: "locationId", into: &validator)
        let note = validator.optionalText(body.note, "note", maxLength: 500)
        let items = draftLines(body.items, field: "items", into: &validator)
        try validator.finish()
        guard let locationID else { throw ValidationFailure(field: "locationId", message: "is required") }
        let request = StandRefillService.Request(
            items: items, source: (body.source ?? .manual).rawValue, note: note, requestedBy: caller.userID)
        let refill = try await services.stands.refills.request(
            request, stand: standID, locationID: locationID, replaySafe: replaySafe, render: \.api)
        return .created(.init(body: .json(refill)))
    }

    func getStandRefill(_ input: Operations.GetStandRefill.Input) async throws -> Operations.GetStandRefill.Output {
        let caller = try authenticate()
        return .ok(.init(body: .json(try await visibleRefill(input.path.refillId, for: caller).api)))
    }

    func changeStandRefillStatus(_ input: Operations.ChangeStandRefillStatus.Input) async throws
        -> Operations.ChangeStandRefillStatus.Output
    {
        let caller = try authenticate()
        let refill = try await visibleRefill(input.path.refillId, for: caller)
        guard case .json(let body) = input.body else { throw APIError.badRequest("Send a JSON body.") }
        let next = RefillStatus(body.status)
        try caller.authorize(.moveRefill(to: next), on: try await standSubject(refill.standID))
        var validator = FieldValidator()
        let note = validator.optionalText(body.note, "note", maxLength: 500)
        validator.check(body.items == nil || next == .approved, "items", "may only be sent when approving")
        validator.check(body.deliveredItems == nil || next == .delivered, "deliveredItems", "may only be sent when delivering")
        let approved = draftLines(body.items, field: "items", allowZero: true, into: &validator)
        for (index, item) in (body.deliveredItems ?? []).enumerated() where item.quantity < 0 {
            validator.fail("deliveredItems[\(index)].quantity", "must not be negative")
        }
        try validator.finish()
        let moved = try await services.stands.refills.move(
            refill.id,
            .init(next: next, approvedItems: approved, deliveredItems: body.deliveredItems?.map { ($0.sku, $0.quantity) }, note: note))
        return .ok(.init(body: .json(moved.api)))
    }

    func listStandRefills(_ input: Operations.ListStandRefills.Input) async throws -> Operations.ListStandRefills.Output {
        let caller = try authenticate()
        let stand = try await authorizedStand(input.path.id, for: caller, to: .readStand)
        let query = input.query
        var validator = FieldValidator()
        let locationID = optionalUUID(query.locationId, field: "locationId", into: &validator)
        try validator.finish()
        let page = try await services.stands.repository.refills(
            of: stand.id, status: query.status.map(RefillStatus.init), locationID: locationID,
            page: PageRequest(limit: query.limit, cursor: query.cursor))
        return .ok(.init(body: .json(.init(items: page.items.map(\.api), nextCursor: page.nextCursor))))
    }

    private func visibleRefill(_ rawID: String, for caller: Caller) async throws -> StandRefill {
        let id = try uuid(rawID, name: "refillId")
        guard let refill = try await services.stands.repository.refill(id, scope: caller.scope) else {
            throw DomainError.notFound("No refill with this id.")
        }
        try caller.authorize(.readStand, on: try await standSubject(refill.standID))
        return refill
    }

    /// SKU lines validated like order lines (merged, positive, bounded); with `allowZero`, 0 is
    /// kept (an approval dropping a line).
    private func draftLines(
        _ items: [Components.Schemas.OrderLineInput]?, field: String, allowZero: Bool = false, into validator: inout FieldValidator
    ) -> [OrderDraft.Line]? {
        guard let items else { return nil }
        if allowZero {
            var lines: [OrderDraft.Line] = []
            for (index, item) in items.enumerated() {
                let sku = item.sku.trimmingCharacters(in: .whitespaces).uppercased()
                validator.check(!sku.isEmpty, "\(field)[\(index)].sku", "must not be empty")
                validator.check(
                    (0...OrderDraft.maxQuantity).contains(item.quantity), "\(field)[\(index)].quantity",
                    "must be between 0 and \(OrderDraft.maxQuantity)")
                if lines.contains(where: { $0.sku == sku }) { validator.fail("\(field)[\(index)].sku", "'\(sku)' is listed twice") }
                lines.append(OrderDraft.Line(sku: sku, quantity: item.quantity, index: index))
            }
            return lines
        }
        do {
            return try OrderDraft(items: items.map { ($0.sku, $0.quantity) }).lines
        } catch {
            for failure in error.errors { validator.fail(failure.field.replacingOccurrences(of: "items", with: field), failure.message) }
            return nil
        }
    }
}
