import Foundation
import PartnerAPI
import PartnerCore

extension APIHandler {
    func createPartnerOrder(_ input: Operations.CreatePartnerOrder.Input) async throws -> Operations.CreatePartnerOrder.Output {
        let caller = try authenticate()
        let partner = try await authorizedPartner(input.path.id, for: caller, to: .placeOrder)
        guard case .json(let body) = input.body else { throw APIError.badRequest("Send a JSON body.") }
        let replaySafe = try IdempotentRequest(
            caller: caller.userID, operation: "createPartnerOrder", key: input.headers.idempotencyKey,
            request: Replayed(path: [partner.id.apiString], body: body))
        // Without a channel, an integration's order came through the API and a person's through the portal.
        let channel = body.channel ?? (caller.role == .service ? .api : .portal)
        let placement = OrderService.Placement(
            items: body.items.map { ($0.sku, $0.quantity) }, channel: channel.rawValue, externalRef: body.externalRef,
            requestedDeliveryDate: body.requestedDeliveryDate, placedBy: caller.userID)
        let order = try await services.orders.place(placement, for: partner.id, replaySafe: replaySafe, render: \.api)
        return .created(.init(body: .json(order)))
    }

    func listPartnerOrders(_ input: Operations.ListPartnerOrders.Input) async throws -> Operations.ListPartnerOrders.Output {
        let caller = try authenticate()
        let partner = try await authorizedPartner(input.path.id, for: caller, to: .readOrders)
        let query = input.query
        let filter = try orderFilter(status: query.status, from: query.from, to: query.to)
        let page = try await services.orderReader.list(
            partnerIDs: [partner.id], dealersOnly: false, filter: filter, page: PageRequest(limit: query.limit, cursor: query.cursor))
        return .ok(.init(body: .json(.init(items: page.items.map(\.api), nextCursor: page.nextCursor))))
    }

    func getPartnerOrder(_ input: Operations.GetPartnerOrder.Input) async throws -> Operations.GetPartnerOrder.Output {
        let caller = try authenticate()
        let partner = try await authorizedPartner(input.path.id, for: caller, to: .readOrders)
        let order = try await visibleOrder(input.path.orderId, of: partner)
        return .ok(.init(body: .json(order.api)))
    }

    func changePartnerOrderStatus(_ input: Operations.ChangePartnerOrderStatus.Input) async throws
        -> Operations.ChangePartnerOrderStatus.Output
    {
        let caller = try authenticate()
        let partner = try await authorizedPartner(input.path.id, for: caller, to: .readOrders)
        let order = try await visibleOrder(input.path.orderId, of: partner)
        guard case .json(let body) = input.body else { throw APIError.badRequest("Send a JSON body.") }
        let next = OrderStatus(body.status)
        try caller.authorize(.moveOrder(to: next), on: partner.subject)
        return .ok(.init(body: .json(try await services.orders.move(order.id, of: partner.id, to: next, note: body.note).api)))
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
        return .ok(.init(body: .json(.init(items: page.items.map(\.api), nextCursor: page.nextCursor))))
    }

    private func visibleOrder(_ rawID: String, of partner: Partner) async throws -> PartnerOrder {
        let id = try uuid(rawID, name: "orderId")
        guard let order = try await services.orderReader.find(id, partnerID: partner.id) else {
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
