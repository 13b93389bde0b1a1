import Foundation
import PartnerAPI
import PartnerCore
import Vapor

extension APIHandler {
    func createPartnerOrder(_ input: Operations.CreatePartnerOrder.Input) async throws -> Operations.CreatePartnerOrder.Output {
        let caller = try authenticate()
        let partner = try await authorizedPartner(input.path.id, for: caller, to: .placeOrder)
        let partnerID = try partner.requireID()
        guard case .json(let body) = input.body else { throw APIError.badRequest("Send a JSON body.") }
        let replaySafe = try IdempotentRequest(
            caller: caller.userID, operation: "createPartnerOrder", key: input.headers.idempotencyKey,
            request: Replayed(path: [partnerID.apiString], body: body))
        var validator = FieldValidator()
        let externalRef = validator.optionalText(body.externalRef, "externalRef", maxLength: 100)
        let delivery = body.requestedDeliveryDate.map { (CalendarDay.parse($0), $0) }
        if let delivery, delivery.0 == nil { validator.fail("requestedDeliveryDate", "must be a date as YYYY-MM-DD") }
        let draft: OrderDraft
        do {
            draft = try OrderDraft(items: body.items.map { ($0.sku, $0.quantity) })
        } catch {
            throw ValidationFailure(validator.errors + error.errors)
        }
        try validator.finish()
        let placement = OrderService.Placement(
            draft: draft, channel: (body.channel ?? (caller.role == .service ? .api : .portal)).rawValue, externalRef: externalRef,
            requestedDeliveryDate: delivery?.0, placedBy: caller.userID)
        let order = try await services.orders.place(placement, for: partnerID, replaySafe: replaySafe, at: now) { try $0.api }
        return .created(.init(body: .json(order)))
    }

    func listPartnerOrders(_ input: Operations.ListPartnerOrders.Input) async throws -> Operations.ListPartnerOrders.Output {
        let caller = try authenticate()
        let partner = try await authorizedPartner(input.path.id, for: caller, to: .readOrders)
        let query = input.query
        let filter = try orderFilter(status: query.status, from: query.from, to: query.to)
        let page = try await services.orderReader.list(
            partnerIDs: [try partner.requireID()], dealersOnly: false, filter: filter,
            page: PageRequest(limit: query.limit, cursor: query.cursor))
        return .ok(.init(body: .json(.init(items: try page.items.map { try $0.api }, nextCursor: page.nextCursor))))
    }

    func getPartnerOrder(_ input: Operations.GetPartnerOrder.Input) async throws -> Operations.GetPartnerOrder.Output {
        let caller = try authenticate()
        let partner = try await authorizedPartner(input.path.id, for: caller, to: .readOrders)
        let order = try await visibleOrder(input.path.orderId, of: partner)
        return .ok(.init(body: .json(try order.api)))
    }

    func changePartnerOrderStatus(_ input: Operations.ChangePartnerOrderStatus.Input) async throws
        -> Operations.ChangePartnerOrderStatus.Output
    {
        let caller = try authenticate()
        let partner = try await authorizedPartner(input.path.id, for: caller, to: .readOrders)
        let order = try await visibleOrder(input.path.orderId, of: partner)
        guard case .json(let body) = input.body else { throw APIError.badRequest("Send a JSON body.") }
        let next = OrderStatus(body.status)
        try caller.authorize(.moveOrder(to: next), on: try partner.subject)
        var validator = FieldValidator()
        let note = validator.optionalText(body.note, "note", maxLength: 500)
        try validator.finish()
        try await services.orders.move(order, to: next, note: note)
        return .ok(.init(body: .json(try order.api)))
    }

    func listDealerOrders(_ input: Operations.ListDealerOrders.Input) async throws -> Operations.ListDealerOrders.Output {
        let caller = try authenticate()
        try caller.authorize(.readOrders)
        let query = input.query
        var partnerIDs = caller.scope.visiblePartnerIDs.map(Array.init)
        if let raw = query.dealerId {
            guard let dealerID = UUID(uuidString: raw) else { throw ValidationFailure(field: "dealerId", message: "must be a UUID") }
            partnerIDs = (partnerIDs ?? [dealerID]).filter { $0 == dealerID }
        }
        let filter = try orderFilter(status: query.status, from: query.from, to: query.to)
        let page = try await services.orderReader.list(
            partnerIDs: partnerIDs, dealersOnly: true, filter: filter, page: PageRequest(limit: query.limit, cursor: query.cursor))
        return .ok(.init(body: .json(.init(items: try page.items.map { try $0.api }, nextCursor: page.nextCursor))))
    }

    private func visibleOrder(_ rawID: String, of partner: PartnerRecord) async throws -> PartnerOrderRecord {
        let id = try uuid(rawID, name: "orderId")
        guard let order = try await services.orderReader.find(id, partnerID: try partner.requireID()) else {
            throw DomainError.notFound("No order with this id.")
        }
        return order
    }

    private func orderFilter(status: Components.Schemas.OrderStatus?, from: String?, to: String?) throws -> OrderFilter {
        var validator = FieldValidator()
        let fromDay = from.flatMap { CalendarDay.parse($0) }
        let toDay = to.flatMap { CalendarDay.parse($0) }
        validator.check(from == nil || fromDay != nil, "from", "must be a date as YYYY-MM-DD")
        validator.check(to == nil || toDay != nil, "to", "must be a date as YYYY-MM-DD")
        if let fromDay, let toDay { validator.check(fromDay <= toDay, "to", "must not be before from") }
        try validator.finish()
        return OrderFilter(status: status.map(OrderStatus.init), from: fromDay, until: toDay.map { $0.addingTimeInterval(86_400) })
    }
}
