import Fluent
import Foundation
import PartnerCore

/// Raises refills priced by the pricing engine and moves them through their lifecycle, moving
/// stock as they go. Every write runs after the stand's lock, so the one-in-flight rule and the
/// stock arithmetic are exact under concurrency.
struct StandRefillService {
    struct Request: Sendable {
        var items: [OrderDraft.Line]?
        var onlySKUs: Set<String>?
        var source: String
        var note: String?
        var requestedBy: UUID?
    }

    struct Transition: Sendable {
        var next: RefillStatus
        var approvedItems: [OrderDraft.Line]?
        var deliveredItems: [(sku: String, quantity: Int)]?
        var note: String?
    }

    static let paymentTermDays = 30

    let database: any Database
    let writes: WriteSerializer
    let idempotency: IdempotencyStore
    let pricing: PartnerPricingService
    let clock: AppClock

    /// The refill in flight for a location, if any.
    static func inFlight(at locationID: UUID, on db: any Database) async throws -> StandRefillOrderRecord? {
        try await StandRefillOrderRecord.query(on: db).filter(\.$inFlightLocationID == locationID).with(\.$lines).first()
    }

    /// Creates a refill in `requested` inside the caller's transaction (the stand already locked).
    /// Returns nil when the policy finds nothing to refill and no items were given.
    /// A refill asked for by the stand or HQ, once per idempotent request, in one transaction after
    /// the stand's lock; 422 when nothing needs refilling.
    func request<Response: Codable & Sendable>(
        _ request: Request, stand standID: UUID, locationID: UUID, replaySafe: IdempotentRequest,
        render: @escaping @Sendable (StandRefill) throws -> Response
    ) async throws -> Response {
        let now = clock.now
        return try await DocumentNumber.retryingTaken {
            try await idempotency.perform(replaySafe) { db in
                _ = try await db.lockActivePartner(standID)
                let location = try await StandSaleService.location(locationID, of: standID, on: db)
                guard let refill = try await self.request(request, stand: standID, location: location, on: db, at: now) else {
                    throw ValidationFailure(
                        field: "items", message: "nothing to refill: every SKU is at or above par with what is on order")
                }
                return try render(try refill.value)
            }
        }
    }

    /// Raises a refill inside the caller's transaction (the stand locked): enrolment's opening
    /// stock and the low-stock policy's automatic refills.
    func request(_ request: Request, stand standID: UUID, location: StandLocationRecord, on db: any Database, at now: Date)
        async throws -> StandRefillOrderRecord?
    {
        let locationID = try location.requireID()
        if let open = try await Self.inFlight(at: locationID, on: db) {
            throw DomainError.conflict("Refill \(open.number) is already \(open.status.rawValue) for this location; change it instead.")
        }
        let shelf = try await StandInventoryRecord.query(on: db).filter(\.$location.$id == locationID).with(\.$product).all()
        let bySKU = Dictionary(firstValues: shelf.map { ($0.sku, $0) })
        var wanted: [(line: StandInventoryRecord, quantity: Int)] = []
        if let items = request.items {
            var validator = FieldValidator()
            for item in items {
                guard let line = bySKU[item.sku] else {
                    validator.fail("items[\(item.index)].sku", "'\(item.sku)' is not on this location's planogram")
                    continue
                }
                wanted.append((line, item.quantity))
            }
            try validator.finish()
        } else {
            for line in shelf.sorted(by: { $0.sku < $1.sku }) where request.onlySKUs?.contains(line.sku) ?? true {
                let quantity = line.level.refillQuantity(packSize: line.product.packSize)
                if quantity > 0 { wanted.append((line, quantity)) }
            }
        }
        guard !wanted.isEmpty else { return nil }

        guard let partner = try await PartnerRecord.find(location.$stand.id, on: db) else { throw DomainError.partnerNotFound }
        let prices = try await pricing.prices(of: wanted.map(\.line.product), for: partner, at: now, on: db)
        let refill = StandRefillOrderRecord()
        refill.number = DocumentNumber.make("RF", at: now)
        refill.$stand.id = standID
        refill.$location.id = locationID
        refill.status = .requested
        refill.source = request.source
        refill.note = request.note
        refill.inFlightLocationID = locationID
        refill.currency = prices.first?.product.currency ?? Currency.eur.code
        refill.requestedBy = request.requestedBy
        refill.request(at: now)
        var lines: [StandRefillOrderLineRecord] = []
        for (number, (want, priced)) in zip(wanted, prices).enumerated() {
            let line = StandRefillOrderLineRecord()
            line.$product.id = try priced.product.requireID()
            line.lineNumber = number + 1
            line.sku = priced.product.sku
            line.name = priced.product.name
            line.requestedQuantity = want.quantity
            line.quantity = want.quantity
            line.listPriceMinor = priced.price.listPrice.minorUnits
            line.unitPriceMinor = priced.price.unitPrice.minorUnits
            line.priceSource = priced.price.source
            line.lineTotalMinor = priced.price.unitPrice.minorUnits * Int64(want.quantity)
            lines.append(line)
        }
        refill.totalMinor = lines.reduce(0) { $0 + $1.lineTotalMinor }
        try await refill.create(on: db)
        let refillID = try refill.requireID()
        for line in lines {
            line.$refill.id = refillID
            try await line.create(on: db)
        }
        refill.$lines.value = lines
        try await EventOutbox.append(StandEvents.refill(refill, note: request.note), on: db, at: now)
        return refill
    }

    /// Applies a status change in its own transaction and returns the refill with its lines.
    func move(_ refillID: UUID, _ transition: Transition) async throws -> StandRefill {
        let now = clock.now
        return try await writes.transaction(on: database) { db in
            guard let standID = try await StandRefillOrderRecord.find(refillID, on: db)?.$stand.id else {
                throw DomainError.notFound("No refill with this id.")
            }
            try await db.lockPartner(standID)
            guard let refill = try await StandRefillOrderRecord.query(on: db).filter(\.$id == refillID).with(\.$lines).first() else {
                throw DomainError.notFound("No refill with this id.")
            }
            refill.status = try refill.status.moving(to: transition.next)
            let lines = refill.lines.sorted { $0.lineNumber < $1.lineNumber }
            switch transition.next {
            case .approved:
                if let items = transition.approvedItems { try Self.approve(items, lines: lines) }
            case .shipped:
                try await adjustShelf(of: refill, lines: lines, on: db, at: now) { line, item in
                    line.onOrder += item.quantity
                }
            case .delivered:
                try Self.recordDelivery(transition.deliveredItems, lines: lines)
                try await adjustShelf(of: refill, lines: lines, on: db, at: now) { line, item in
                    line.onOrder = max(0, line.onOrder - item.quantity)
                }
            case .confirmed:
                refill.paymentDueDate = CalendarDay.utc.date(byAdding: .day, value: Self.paymentTermDays, to: CalendarDay.startOfDay(now))
            case .requested, .rejected, .cancelled:
                break
            }
            for line in lines {
                line.lineTotalMinor = line.unitPriceMinor * Int64(line.deliveredQuantity ?? line.quantity)
                try await line.update(on: db)
            }
            refill.totalMinor = lines.reduce(0) { $0 + $1.lineTotalMinor }
            refill.stamp(transition.next, at: now)
            try await refill.update(on: db)
            refill.$lines.value = lines
            try await EventOutbox.append(StandEvents.refill(refill, note: transition.note), on: db, at: now)
            if transition.next == .confirmed, let due = refill.paymentDueDate {
                try await EventOutbox.append(StandEvents.paymentScheduled(refill, dueDate: due), on: db, at: now)
            }
            return try refill.value(lines: lines)
        }
    }

    /// Shipping puts quantities on order; delivery takes them off and puts what arrived on the shelf.
    private func adjustShelf(
        of refill: StandRefillOrderRecord, lines: [StandRefillOrderLineRecord], on db: any Database, at now: Date,
        _ change: (StandInventoryRecord, StandRefillOrderLineRecord) -> Void
    ) async throws {
        let shelf = try await StandInventoryRecord.query(on: db).filter(\.$location.$id == refill.$location.id).all()
        let bySKU = Dictionary(firstValues: shelf.map { ($0.sku, $0) })
        for item in lines where item.quantity > 0 {
            guard let line = bySKU[item.sku] else { continue }
            change(line, item)
            if let delivered = item.deliveredQuantity {
                try await StandStock.setOnHand(line, to: line.onHand + delivered, at: now, on: db)
            } else {
                line.updatedAt = now
                try await line.update(on: db)
            }
        }
    }

    private static func approve(_ items: [OrderDraft.Line], lines: [StandRefillOrderLineRecord]) throws {
        var validator = FieldValidator()
        let bySKU = Dictionary(firstValues: lines.map { ($0.sku, $0) })
        for item in items where bySKU[item.sku] == nil {
            validator.fail("items[\(item.index)].sku", "'\(item.sku)' is not on this refill")
        }
        try validator.finish()
        for item in items { bySKU[item.sku]?.quantity = item.quantity }
        guard lines.contains(where: { $0.quantity > 0 }) else {
            throw ValidationFailure(field: "items", message: "must approve at least one unit; reject the refill instead")
        }
    }

    private static func recordDelivery(_ items: [(sku: String, quantity: Int)]?, lines: [StandRefillOrderLineRecord]) throws {
        guard let items else {
            for line in lines { line.deliveredQuantity = line.quantity }
            return
        }
        var validator = FieldValidator()
        var delivered: [String: Int] = [:]
        let bySKU = Dictionary(firstValues: lines.map { ($0.sku, $0) })
        for (index, item) in items.enumerated() {
            let sku = item.sku.trimmingCharacters(in: .whitespaces).uppercased()
            guard let line = bySKU[sku] else {
                validator.fail("deliveredItems[\(index)].sku", "'\(item.sku)' is not on this refill")
                continue
            }
            if delivered[sku] != nil { validator.fail("deliveredItems[\(index)].sku", "'\(sku)' is listed twice") }
            validator.check(
                (0...line.quantity).contains(item.quantity), "deliveredItems[\(index)].quantity",
                "must be between 0 and the \(line.quantity) shipped")
            delivered[sku] = item.quantity
        }
        try validator.finish()
        for line in lines { line.deliveredQuantity = delivered[line.sku] ?? 0 }
    }
}
