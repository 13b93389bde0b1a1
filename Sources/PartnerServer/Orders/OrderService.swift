import Fluent
import Foundation
import PartnerCore
import SQLKit

/// Places orders priced by the engine and moves them through their lifecycle, each change with its
/// event in the same transaction. Each public write owns its transaction and takes the partner lock
/// first.
struct OrderService {
    /// An order as an entrance received it; `place` validates it.
    struct Placement: Sendable {
        let items: [(sku: String, quantity: Int)]
        let channel: String
        let externalRef: String?
        /// `YYYY-MM-DD`.
        let requestedDeliveryDate: String?
        let placedBy: UUID
    }

    /// A placement that passed validation.
    private struct Validated: Sendable {
        let draft: OrderDraft
        let placement: Placement
        let externalRef: String?
        let requestedDeliveryDate: Date?
    }

    let database: any Database
    let writes: WriteSerializer
    let idempotency: IdempotencyStore
    let pricing: PartnerPricingService
    let loyalty: LoyaltyService
    let products: CatalogService
    let promotions: PromotionService
    let performance: PerformanceService
    let clock: AppClock

    /// Places the order once per idempotent request; `render` is the entrance's view of the result,
    /// stored for replays.
    func place<Response: Codable & Sendable>(
        _ placement: Placement, for partnerID: UUID, replaySafe request: IdempotentRequest,
        render: @escaping @Sendable (PartnerOrder) throws -> Response
    ) async throws -> Response {
        let valid = try validated(placement)
        let now = clock.now
        return try await DocumentNumber.retryingTaken {
            try await idempotency.perform(request) { db in
                try render(try await place(valid, for: partnerID, on: db, at: now))
            }
        }
    }

    private func validated(_ placement: Placement) throws(ValidationFailure) -> Validated {
        var validator = FieldValidator()
        let externalRef = validator.optionalText(placement.externalRef, "externalRef", maxLength: 100)
        let delivery = placement.requestedDeliveryDate.map(CalendarDay.parse)
        if delivery == .some(nil) { validator.fail("requestedDeliveryDate", "must be a date as YYYY-MM-DD") }
        do {
            let draft = try OrderDraft(items: placement.items)
            try validator.finish()
            return Validated(draft: draft, placement: placement, externalRef: externalRef, requestedDeliveryDate: delivery ?? nil)
        } catch {
            throw ValidationFailure(validator.errors + error.errors)
        }
    }

    private func place(_ valid: Validated, for partnerID: UUID, on db: any Database, at now: Date) async throws -> PartnerOrder {
        let placement = valid.placement
        let current = try await db.lockActivePartner(partnerID)
        var validator = FieldValidator()
        let catalogue = try await products.bySKU(valid.draft.lines.map(\.sku), on: db)
        for line in valid.draft.lines {
            guard let product = catalogue[line.sku] else {
                validator.fail("items[\(line.index)].sku", "'\(line.sku)' is not in the catalogue")
                continue
            }
            validator.check(product.active, "items[\(line.index)].sku", "'\(line.sku)' is no longer sold")
        }
        try validator.finish()

        let ordered = valid.draft.lines.compactMap { catalogue[$0.sku] }
        let prices = try await pricing.prices(of: ordered, for: current, at: now, on: db)
        let currency = ordered.first?.listPrice.currency ?? .eur
        guard ordered.allSatisfy({ $0.listPrice.currency == currency }) else {
            throw ValidationFailure(field: "items", message: "must all be priced in one currency")
        }
        let order = PartnerOrderRecord()
        order.id = UUID()
        order.number = DocumentNumber.make("PO", at: now)
        order.$partner.id = partnerID
        order.status = .submitted
        order.channel = placement.channel
        order.externalRef = valid.externalRef
        order.requestedDeliveryDate = valid.requestedDeliveryDate
        order.currency = currency.code
        order.placedBy = placement.placedBy
        order.place(at: now)
        var subtotal: Int64 = 0
        var total: Int64 = 0
        var items: [PartnerOrderItemRecord] = []
        for (number, (line, priced)) in zip(valid.draft.lines, prices).enumerated() {
            let item = PartnerOrderItemRecord()
            item.id = UUID()
            item.$product.id = try priced.product.requireID()
            item.lineNumber = number + 1
            item.sku = priced.product.sku
            item.name = priced.product.name
            item.quantity = line.quantity
            item.listPriceMinor = priced.price.listPrice.minorUnits
            item.unitPriceMinor = priced.price.unitPrice.minorUnits
            item.priceSource = priced.price.source
            let quantity = Int64(line.quantity)
            item.lineTotalMinor = try Checked.multiply(priced.price.unitPrice.minorUnits, quantity, field: "items[\(line.index)]")
            subtotal = try Checked.add(
                subtotal, try Checked.multiply(priced.price.listPrice.minorUnits, quantity, field: "items[\(line.index)]"), field: "items")
            total = try Checked.add(total, item.lineTotalMinor, field: "items")
            items.append(item)
        }
        order.subtotalMinor = subtotal
        order.totalMinor = total
        let orderID = try order.requireID()
        order.updatedAt = now
        for item in items { item.$order.id = orderID }
        try await PartnerOrderRecord.insert([order], items: items, on: db.sql())
        try await EventOutbox.append(OrderEvents.created(order, id: orderID, lines: items.count), on: db, at: now)
        try await performance.refresh(partnerID, month: Month(containing: order.placedAt), on: db, at: now)
        return try order.value(items: items, partnerName: current.companyName)
    }

    /// Moves the order and records the event; delivery earns the partner's points.
    func move(_ orderID: UUID, of partnerID: UUID, to next: OrderStatus, note rawNote: String?) async throws -> PartnerOrder {
        var validator = FieldValidator()
        let note = validator.optionalText(rawNote, "note", maxLength: 500)
        try validator.finish()
        let now = clock.now
        return try await writes.transaction(on: database) { db in
            // Lock, then re-read: two concurrent moves cannot both start from the same state.
            try await db.lockPartner(partnerID)
            guard
                let current = try await PartnerOrderRecord.query(on: db).filter(\.$id == orderID).filter(\.$partner.$id == partnerID)
                    .with(\.$items).with(\.$partner).first()
            else {
                throw DomainError.notFound("No order with this id.")
            }
            let previous = current.status
            current.status = try previous.moving(to: next)
            current.stamp(next, at: now)
            try await current.update(on: db)
            try await EventOutbox.append(OrderEvents.statusChanged(current, id: orderID, from: previous, note: note), on: db, at: now)
            if next == .delivered {
                guard let partner = try await PartnerRecord.query(on: db).filter(\.$id == current.$partner.id).with(\.$tier).first() else {
                    throw DomainError.partnerNotFound
                }
                let multiplier = partner.tier?.loyaltyMultiplierMilli ?? 1_000
                // The best points promotion running at delivery applies on top of the tier multiplier.
                let running = try await promotions.current(for: partner, at: now, on: db)
                let promotion = running.compactMap(\.pointsMultiplierMilli).max() ?? 1_000
                try await loyalty.earn(for: current, tierMultiplierMilli: multiplier, promotionMultiplierMilli: promotion, on: db, at: now)
            }
            try await performance.refresh(current.$partner.id, month: Month(containing: current.placedAt), on: db, at: now)
            if Month(containing: now) != Month(containing: current.placedAt) {
                try await performance.refresh(current.$partner.id, month: Month(containing: now), on: db, at: now)
            }
            return try current.value
        }
    }
}
