import Fluent
import Foundation
import PartnerAdvisor
import PartnerCore

/// `POST /stand/ai/refill-forecast`: forecasts every planogram line of a stand (or one location)
/// from its daily sales, sizes reorder points and refills for the fill-rate target, stores the
/// insight and the reorder points, and — when asked — opens the refill through the Stand Program's
/// normal path (`StandRefillService`: same pricing, same one-in-flight rule).
///
/// The forecast is computed before the write transaction from committed data; the transaction then
/// takes the stand's lock first, as every stand write does.
struct RefillForecastService {
    let database: any Database
    let writes: WriteSerializer
    let idempotency: IdempotencyStore
    let refills: StandRefillService
    let demand: StandDemandReader
    let clock: AppClock

    func forecast<Response: Codable & Sendable>(
        _ request: RefillForecastRequest, replaySafe: IdempotentRequest?, render: @escaping @Sendable (RefillForecast) throws -> Response
    ) async throws -> Response {
        let now = clock.now
        let prepared = try await prepare(request, now: now)
        let store: @Sendable (any Database, [UUID: StandRefill]) async throws -> RefillForecast = { db, opened in
            let insight = try await InsightStore.record(
                prepared.insight, stand: request.standID, location: request.locationID, detail: prepared.details, on: db, at: now)
            try await StandReorderPoints.store(
                prepared.entries, stand: request.standID, serviceLevel: request.serviceLevel, insightID: insight.id, on: db, at: now)
            return prepared.forecast(insight: insight, refills: opened)
        }
        guard request.createRefill else {
            return try await writes.transaction(on: database) { db in
                try await db.lockPartner(request.standID)
                return try render(try await store(db, [:]))
            }
        }
        guard let replaySafe else {
            throw DomainError.malformed("Send an Idempotency-Key header with createRefill, so a retry never opens a second refill.")
        }
        return try await idempotency.perform(replaySafe) { db in
            _ = try await db.lockActivePartner(request.standID)
            var opened: [UUID: StandRefill] = [:]
            for location in prepared.locations where location.units > 0 {
                let record = try await StandSaleService.location(location.locationID, of: request.standID, on: db)
                let items = location.lines.filter { $0.recommendedQuantity > 0 }.enumerated().map { index, line in
                    OrderDraft.Line(sku: line.sku, quantity: line.recommendedQuantity, index: index)
                }
                let refill = try await refills.request(
                    .init(
                        items: items, source: "ai",
                        note: "AI refill forecast: \(items.count) lines at a \(NumberText.percent(request.serviceLevel)) fill-rate target",
                        requestedBy: request.requestedBy),
                    stand: request.standID, location: record, on: db, at: now)
                if let refill { opened[location.locationID] = try refill.value }
            }
            guard !opened.isEmpty else {
                throw ValidationFailure(
                    field: "createRefill", message: "nothing to refill: no line is at its reorder point, so no refill was opened")
            }
            return try render(try await store(db, opened))
        }
    }

    /// Everything computed before the write: the lines, the insight, the reorder points.
    struct Prepared: Sendable {
        let standID: UUID
        let generatedAt: Date
        let serviceLevel: Double
        let horizonDays: Int
        let locations: [RefillForecast.Location]
        let insight: Insight
        let entries: [StandReorderPoints.Entry]

        var details: [RefillForecast.Detail] {
            locations.map { .init(locationID: $0.locationID, leadTimeDays: $0.leadTimeDays, lines: $0.lines) }
        }

        func forecast(insight stored: StoredInsight, refills: [UUID: StandRefill]) -> RefillForecast {
            RefillForecast(
                standID: standID, generatedAt: generatedAt, serviceLevel: serviceLevel, horizonDays: horizonDays,
                locations: locations.map { location in
                    RefillForecast.Location(
                        locationID: location.locationID, name: location.name, leadTimeDays: location.leadTimeDays,
                        leadTimeSource: location.leadTimeSource, lines: location.lines, units: location.units, value: location.value,
                        refill: refills[location.locationID])
                },
                insight: stored)
        }
    }

    private func prepare(_ request: RefillForecastRequest, now: Date) async throws -> Prepared {
        let context = try await StandCoachContext.load(request.standID, location: request.locationID, on: database, now: now)
        let history = try await demand.daily(of: [request.standID], from: context.historyStart, through: context.yesterday)
        var requests: [RefillForecaster.Request] = []
        var leadTimes: [UUID: (days: Int, source: String)] = [:]
        for location in context.locations {
            let lead = try await leadTime(of: location.id, requested: request.leadTimeDays)
            leadTimes[location.id] = lead
            for line in context.shelf[location.id] ?? [] {
                let series = context.series(history[.init(locationID: location.id, sku: line.sku)], location: location)
                requests.append(
                    .init(
                        series: series,
                        line: RefillLine(onHand: line.onHand, onOrder: line.onOrder, parLevel: line.parLevel, packSize: line.packSize),
                        policy: RefillPolicy(
                            leadTimeDays: lead.days, reviewDays: RefillForecastRequest.reviewDays, fillRate: request.serviceLevel)))
            }
        }
        let results = RefillForecaster.forecast(requests, horizonDays: request.horizonDays, intervalLevel: request.serviceLevel)
        var next = 0
        var locations: [RefillForecast.Location] = []
        var coached: [RefillOutlookInsight.Location] = []
        var entries: [StandReorderPoints.Entry] = []
        let open = try await StandRefillOrderRecord.query(on: database).filter(\.$stand.$id == request.standID)
            .filter(\.$inFlightLocationID != nil).all()
        for location in context.locations {
            let shelf = context.shelf[location.id] ?? []
            let planned = Array(results[next..<(next + shelf.count)])
            next += shelf.count
            let quantities = LocationRefill.quantities(
                zip(shelf, planned).map {
                    .init(position: $0.onHand + $0.onOrder, packSize: $0.packSize, plan: $1.plan, emptyDays: $0.emptyDays)
                })
            let lead = leadTimes[location.id] ?? (RefillForecastRequest.defaultLeadTimeDays, "default")
            var lines: [RefillForecast.Line] = []
            var value: Int64 = 0
            for ((line, result), quantity) in zip(zip(shelf, planned), quantities) {
                lines.append(
                    RefillForecast.Line(
                        sku: line.sku, name: line.name, demandClass: result.demandClass, method: result.method,
                        forecast: NumberText.rounded(result.forecast), interval: rounded(result.interval), onHand: line.onHand,
                        onOrder: line.onOrder, reorderPoint: result.plan.reorderPoint, waitDays: result.plan.waitDays,
                        orderUpTo: result.plan.orderUpTo,
                        safetyStock: NumberText.rounded(result.plan.safetyStock), recommendedQuantity: quantity,
                        stockOutDate: result.plan.stockOutDay.map { context.today.addingTimeInterval(Double($0) * 86_400) },
                        mase: result.accuracy.map { ($0.mase * 1000).rounded() / 1000 },
                        rmsse: result.accuracy.map { ($0.rmsse * 1000).rounded() / 1000 }))
                value = try Checked.add(value, try Checked.multiply(line.listPriceMinor, Int64(quantity), field: "value"), field: "value")
                entries.append(.init(locationID: location.id, sku: line.sku, plan: result.plan, leadTimeDays: lead.days))
            }
            locations.append(
                .init(
                    locationID: location.id, name: location.name, leadTimeDays: lead.days, leadTimeSource: lead.source, lines: lines,
                    units: quantities.reduce(0, +), value: Money(minorUnits: value, currency: shelf.first?.currency ?? .eur), refill: nil))
            coached.append(
                .init(
                    name: location.name,
                    lines: zip(zip(shelf, planned), quantities).map { pair, quantity in
                        .init(
                            sku: pair.0.sku, onHand: pair.0.onHand, stockOutRisk: pair.1.stockOutRisk,
                            stockOutDay: pair.1.plan.stockOutDay.flatMap { $0 <= request.horizonDays ? $0 : nil },
                            reachesTarget: pair.1.plan.reachesTarget, recommended: quantity)
                    },
                    openRefill: open.first { $0.$location.id == location.id }?.number))
        }
        let insight = RefillOutlookInsight.insight(
            subject: context.name, locations: coached, horizonDays: request.horizonDays,
            window: .init(from: context.historyStart, through: context.yesterday), generatedAt: now)
        return Prepared(
            standID: request.standID, generatedAt: now, serviceLevel: request.serviceLevel, horizonDays: request.horizonDays,
            locations: locations, insight: insight, entries: entries)
    }

    private func rounded(_ interval: RefillForecaster.Interval) -> RefillForecaster.Interval {
        .init(level: interval.level, lower: NumberText.rounded(interval.lower), upper: NumberText.rounded(interval.upper))
    }

    /// The requested lead time, else the median days from request to delivery of the location's
    /// delivered refills (rounded up to whole days), else the default.
    func leadTime(of locationID: UUID, requested: Int?) async throws -> (days: Int, source: String) {
        if let requested { return (requested, "requested") }
        let delivered = try await StandRefillOrderRecord.query(on: database).filter(\.$location.$id == locationID)
            .filter(\.$deliveredAt != nil).sort(\.$requestedAtMillis, .descending).limit(50).all()
        let days = delivered.compactMap { refill in refill.deliveredAt.map { $0.timeIntervalSince(refill.requestedAt) / 86_400 } }
        guard let median = StandKPI.median(days), median.isFinite else { return (RefillForecastRequest.defaultLeadTimeDays, "default") }
        return (min(RefillForecastRequest.leadTimeRange.upperBound, max(1, Int(median.rounded(.up)))), "measured")
    }
}
