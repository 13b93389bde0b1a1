import Foundation
import PartnerCore

/// A refill raised by the simulation. Its whole lifecycle is drawn when it is raised; the record
/// shows only the steps reached by `now`, so the newest refill of a location may still be in flight.
struct DemoStandRefill {
    let record: StandRefillOrderRecord
    let lines: [(shelf: Int, line: StandRefillOrderLineRecord, delivered: Int)]
    let shippedAt: Date?
    let deliveredAt: Date?
    /// From here a new refill may be raised: once delivered, rejected or cancelled, as only
    /// requested, approved and shipped refills hold the location's in-flight slot.
    let settledAt: Date
}

extension DemoStandLocationHistory {
    /// Raises a refill that restores par for every listed SKU (as `StandRefillService` does
    /// without items), unless one is still open or nothing is missing.
    mutating func requestRefill(
        on day: DemoStandNetwork.Day, at time: Date, source: String, note: String?, opening: Bool = false,
        rows: inout DemoStandNetwork.Rows, numbers: inout Set<String>
    ) {
        deliver(by: time, rows: &rows)
        guard pending == nil, time <= now else { return }
        let wanted: [(shelf: Int, quantity: Int)] = shelves.indices.compactMap { index in
            guard shelves[index].isListed(at: time) else { return nil }
            let quantity = shelves[index].level.refillQuantity(packSize: shelves[index].product.packSize)
            return quantity > 0 ? (index, quantity) : nil
        }
        guard !wanted.isEmpty else { return }
        let refill = StandRefillOrderRecord()
        refill.id = UUID(using: &random)
        refill.number = DemoStandNetwork.number("RF", day: day, random: &random, taken: &numbers)
        refill.$stand.id = standID
        refill.$location.id = locationID
        refill.source = source
        refill.note = note
        refill.currency = Currency.eur.code
        refill.request(at: time)
        let steps = lifecycle(from: time, opening: opening)
        let reached = steps.filter { $0.date <= now }
        refill.status = reached.last?.status ?? .requested
        for step in reached.dropFirst() { refill.stamp(step.status, at: step.date) }
        refill.inFlightLocationID = refill.status.isInFlight ? locationID : nil
        if let confirmed = refill.confirmedAt {
            refill.paymentDueDate = CalendarDay.utc.date(
                byAdding: .day, value: StandRefillService.paymentTermDays, to: CalendarDay.startOfDay(confirmed))
        }
        let deliveredAt = steps.first { $0.status == .delivered }?.date
        // Now and then the warehouse is a pack short on one line.
        let short =
            deliveredAt != nil && Double.random(in: 0..<1, using: &random) < 0.06 ? wanted.indices.randomElement(using: &random) : nil
        var lines: [(shelf: Int, line: StandRefillOrderLineRecord, delivered: Int)] = []
        for (number, want) in wanted.enumerated() {
            let product = shelves[want.shelf].product
            let price = PricingEngine.price(
                PriceInputs(sku: product.sku, listPrice: product.listPrice, tierDiscountBasisPoints: discount), at: time)
            let delivered = number == short ? max(0, want.quantity - product.packSize) : want.quantity
            let line = StandRefillOrderLineRecord()
            line.id = UUID(using: &random)
            line.$refill.id = refill.id!
            line.$product.id = product.id!
            line.lineNumber = number + 1
            line.sku = product.sku
            line.name = product.name
            line.requestedQuantity = want.quantity
            line.quantity = want.quantity
            line.deliveredQuantity = refill.deliveredAt == nil ? nil : delivered
            line.listPriceMinor = product.listPriceMinor
            line.unitPriceMinor = price.unitPrice.minorUnits
            line.priceSource = price.source
            line.lineTotalMinor = price.unitPrice.minorUnits * Int64(line.deliveredQuantity ?? line.quantity)
            lines.append((want.shelf, line, delivered))
        }
        refill.totalMinor = lines.reduce(0) { $0 + $1.line.lineTotalMinor }
        rows.refills.append(refill)
        rows.refillLines.append(contentsOf: lines.map(\.line))
        pending = DemoStandRefill(
            record: refill, lines: lines, shippedAt: steps.first { $0.status == .shipped }?.date, deliveredAt: deliveredAt,
            settledAt: deliveredAt ?? steps[steps.count - 1].date)
    }

    /// The steps a refill raised at `time` goes through: mostly delivered 2–7 days later (starter
    /// stands, not refilled automatically, wait longer), a few cancelled or rejected before shipping.
    private mutating func lifecycle(from time: Date, opening: Bool) -> [(status: RefillStatus, date: Date)] {
        var steps: [(status: RefillStatus, date: Date)] = [(.requested, time)]
        let outcome: RefillStatus = opening ? .confirmed : random.weighted([(.confirmed, 95), (.cancelled, 3), (.rejected, 2)])
        switch outcome {
        case .cancelled:
            steps.append((.cancelled, time.addingTimeInterval(Double(3_600 + Int.random(in: 0..<32_400, using: &random)))))
        case .rejected:
            steps.append((.rejected, time.addingTimeInterval(Double(7_200 + Int.random(in: 0..<64_800, using: &random)))))
        default:
            let lead =
                stand.autoRefill || opening
                ? random.weighted([(2, 3), (3, 4), (4, 3), (5, 2)]) : random.weighted([(3, 2), (4, 3), (5, 3), (6, 2)])
            let approved = time.addingTimeInterval(Double(3_600 + Int.random(in: 0..<61_200, using: &random)))
            // Delivered in the morning, before the shop opens, `lead` to `lead + 1` days after the request.
            var delivered = CalendarDay.startOfDay(time.addingTimeInterval(Double(lead * 86_400))).addingTimeInterval(
                Double(25_200 + Int.random(in: 0..<7_200, using: &random)))
            if delivered.timeIntervalSince(time) < Double(lead * 86_400) { delivered.addTimeInterval(86_400) }
            let transit = delivered.timeIntervalSince(approved) * Double.random(in: 0.3...0.6, using: &random)
            let shipped = approved.addingTimeInterval(transit.rounded(.down))
            let confirmed = delivered.addingTimeInterval(Double(7_200 + Int.random(in: 0..<100_800, using: &random)))
            steps += [(.approved, approved), (.shipped, shipped), (.delivered, delivered), (.confirmed, confirmed)]
        }
        return steps
    }

    /// Puts a due delivery on the shelf (closing stock-outs) and frees the location for the next
    /// refill once the open one has settled.
    mutating func deliver(by time: Date, rows: inout DemoStandNetwork.Rows) {
        guard let open = pending, open.settledAt <= time, open.settledAt <= now else { return }
        if let deliveredAt = open.deliveredAt {
            for entry in open.lines where entry.delivered > 0 {
                shelves[entry.shelf].actual += entry.delivered
                setOnHand(entry.shelf, to: shelves[entry.shelf].onHand + entry.delivered, at: deliveredAt, rows: &rows)
                if !shelves[entry.shelf].level.isLow { shelves[entry.shelf].lowSince = nil }
            }
        }
        pending = nil
    }

    /// The shelf as it stands at `now`, and an alert for every location whose stock ran low in the
    /// last two weeks and still is.
    mutating func finish(into rows: inout DemoStandNetwork.Rows) {
        if let open = pending, let shipped = open.shippedAt, shipped <= now, (open.deliveredAt ?? .distantFuture) > now {
            for entry in open.lines { shelves[entry.shelf].onOrder += entry.line.quantity }
        }
        for shelf in shelves {
            let inventory = StandInventoryRecord()
            inventory.id = UUID(using: &random)
            inventory.$stand.id = standID
            inventory.$location.id = locationID
            inventory.$product.id = shelf.product.id!
            inventory.sku = shelf.product.sku
            inventory.onHand = shelf.onHand
            inventory.onOrder = shelf.onOrder
            inventory.parLevel = shelf.line.parLevel
            inventory.minLevel = shelf.line.minLevel
            inventory.unreconciledShortfall = 0
            inventory.updatedAt = shelf.updatedAt ?? location.createdAt
            rows.inventory.append(inventory)
        }
        let recent = now.addingTimeInterval(-14 * 86_400)
        let low = shelves.filter { $0.level.isLow && ($0.lowSince ?? .distantPast) >= recent }
        guard let raised = low.compactMap(\.lowSince).max() else { return }
        let open = pending.map(\.record).flatMap { $0.status.isInFlight ? $0 : nil }
        let alert = PartnerAlertRecord()
        alert.id = UUID(using: &random)
        alert.$partner.id = standID
        alert.kind = "stand_low_stock"
        alert.severity = "warning"
        alert.title = "Low stock at \(location.name)"
        alert.message =
            "\(low.map(\.product.sku).joined(separator: ", ")) reached the minimum level."
            + (open.map { " Refill \($0.number) is \($0.status.rawValue)." } ?? "")
        alert.subjectType = "stand_location"
        alert.subjectID = locationID
        alert.createdAtMillis = PartnerOrderRecord.millis(raised)
        alert.createdAt = raised
        rows.alerts.append(alert)
    }
}
