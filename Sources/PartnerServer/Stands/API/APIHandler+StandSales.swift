import Foundation
import PartnerAPI
import PartnerCore

extension APIHandler {
    func recordStandSale(_ input: Operations.RecordStandSale.Input) async throws -> Operations.RecordStandSale.Output {
        let caller = try authenticate()
        guard case .json(let body) = input.body else { throw APIError.badRequest("Send a JSON body.") }
        let replaySafe = try IdempotentRequest(
            caller: caller.userID, operation: "recordStandSale", key: input.headers.idempotencyKey, request: body)
        let standID = try await authorizedStand(body.standId, for: caller, to: .recordSale, field: "standId").id
        var validator = FieldValidator()
        let locationID = optionalUUID(body.locationId, field: "locationId", into: &validator)
        validator.check(body.soldAt <= now.addingTimeInterval(300), "soldAt", "must not be in the future")
        validator.check(body.soldAt >= Date(timeIntervalSince1970: 946_684_800), "soldAt", "must be after 2000-01-01")
        var lines: [StandSaleService.Line] = []
        do {
            let draft = try OrderDraft(items: body.items.map { ($0.sku, $0.quantity) })
            for line in draft.lines {
                let item = body.items[line.index]
                let price = item.unitPrice.flatMap {
                    ProductDefinition.money(($0.amount, $0.currency), field: "items[\(line.index)].unitPrice", validator: &validator)
                }
                lines.append(.init(sku: line.sku, quantity: line.quantity, unitPrice: price, index: line.index))
            }
        } catch {
            for failure in error.errors { validator.fail(failure.field, failure.message) }
        }
        let payment = body.payment.map {
            StandSaleService.Payment(
                method: $0.method.rawValue, reference: validator.optionalText($0.reference, "payment.reference", maxLength: 120),
                qrCodeID: validator.optionalText($0.qrCodeId, "payment.qrCodeId", maxLength: 120))
        }
        try validator.finish()
        let sale = StandSaleService.Sale(
            locationID: locationID, soldAt: body.soldAt, lines: lines, payment: payment, recordedBy: caller.userID)
        let recorded = try await services.stands.sales.record(sale, stand: standID, replaySafe: replaySafe, render: \.api)
        return .created(.init(body: .json(recorded)))
    }

    func listStandSales(_ input: Operations.ListStandSales.Input) async throws -> Operations.ListStandSales.Output {
        let caller = try authenticate()
        let stand = try await authorizedStand(input.path.id, for: caller, to: .readStand)
        let query = input.query
        var validator = FieldValidator()
        let locationID = optionalUUID(query.locationId, field: "locationId", into: &validator)
        let range = dayRange(from: query.from, to: query.to, into: &validator)
        try validator.finish()
        let page = try await services.stands.repository.sales(
            of: stand.id, locationID: locationID, from: range.from, until: range.until,
            page: PageRequest(limit: query.limit, cursor: query.cursor))
        return .ok(.init(body: .json(.init(items: page.items.map(\.api), nextCursor: page.nextCursor))))
    }

    func getStandSale(_ input: Operations.GetStandSale.Input) async throws -> Operations.GetStandSale.Output {
        let caller = try authenticate()
        let stand = try await authorizedStand(input.path.id, for: caller, to: .readStand)
        let saleID = try uuid(input.path.saleId, name: "saleId")
        guard let sale = try await services.stands.repository.sale(saleID, of: stand.id) else {
            throw DomainError.notFound("No sale with this id.")
        }
        return .ok(.init(body: .json(sale.api)))
    }

    /// A body or query id that may be absent: 422 naming the field when it is not a UUID.
    func optionalUUID(_ raw: String?, field: String, into validator: inout FieldValidator) -> UUID? {
        guard let raw else { return nil }
        guard let id = UUID(uuidString: raw) else {
            validator.fail(field, "must be a UUID")
            return nil
        }
        return id
    }

    /// `from`/`to` days (inclusive) as a half-open time range.
    func dayRange(from: String?, to: String?, into validator: inout FieldValidator) -> (from: Date?, until: Date?) {
        let fromDay = from.flatMap { CalendarDay.parse($0) }
        let toDay = to.flatMap { CalendarDay.parse($0) }
        validator.check(from == nil || fromDay != nil, "from", "must be a date as YYYY-MM-DD")
        validator.check(to == nil || toDay != nil, "to", "must be a date as YYYY-MM-DD")
        if let fromDay, let toDay { validator.check(fromDay <= toDay, "to", "must not be before from") }
        return (fromDay, toDay.map { $0.addingTimeInterval(86_400) })
    }
}
