import Fluent
import Foundation
import PartnerCore

/// What happens when SKUs at a location cross into low stock: one `stand.low_stock` event, one
/// partner alert, and — when the package refills automatically and nothing is in flight — one
/// refill request. Runs inside the caller's transaction, after the stand's lock.
struct LowStockPolicy {
    let database: any Database
    let writes: WriteSerializer
    let refills: StandRefillService
    let clock: AppClock

    /// What the hook found at each location, and when.
    struct Check: Sendable {
        struct Location: Sendable {
            let locationID: UUID
            let lowSKUs: [String]
            /// `none`, `created` or `existing`.
            let action: String
            let refill: StandRefill?
        }

        let evaluatedAt: Date
        let evaluations: [Location]
    }

    /// The Automation OS hook as one transaction after the stand's lock: the given location (or
    /// every location) is evaluated for `skus` (or every SKU), each of which must be on the stand's
    /// planogram.
    func check(_ standID: UUID, locationID: UUID?, skus: Set<String>?) async throws -> Check {
        let now = clock.now
        return try await writes.transaction(on: database) { db in
            try await db.lockPartner(standID)
            guard let stand = try await StandPartnerRecord.find(standID, on: db) else {
                throw DomainError.notFound("No stand with this id.")
            }
            let locations =
                if let locationID {
                    [try await StandSaleService.location(locationID, of: standID, on: db)]
                } else {
                    try await StandLocationRecord.query(on: db).filter(\.$stand.$id == standID).sort(\.$name).all()
                }
            if let skus {
                let planogram = Set(try await StandInventoryRecord.query(on: db).filter(\.$stand.$id == standID).all(\.$sku))
                let unknown = skus.subtracting(planogram).sorted()
                guard unknown.isEmpty else {
                    throw ValidationFailure(field: "skus", message: "not on this stand's planogram: \(unknown.joined(separator: ", "))")
                }
            }
            let evaluations = try await evaluate(stand: stand, locations: locations, skus: skus, on: db, at: now)
            return Check(
                evaluatedAt: now,
                evaluations: try evaluations.map {
                    Check.Location(
                        locationID: try $0.location.requireID(), lowSKUs: $0.lowSKUs, action: $0.action, refill: try $0.refill?.value)
                })
        }
    }

    /// Reacts to `skus` having just crossed; returns the refill it raised, if any.
    func react(
        to skus: [String], stand: StandPartnerRecord, location: StandLocationRecord, on db: any Database, at now: Date
    ) async throws -> StandRefillOrderRecord? {
        guard !skus.isEmpty else { return nil }
        let standID = try stand.requireID()
        let locationID = try location.requireID()
        var raised: StandRefillOrderRecord?
        if stand.autoRefill, try await StandRefillService.inFlight(at: locationID, on: db) == nil {
            raised = try await refills.request(
                .init(items: nil, source: "automation", note: "Low stock: \(skus.joined(separator: ", "))"),
                stand: standID, location: location, on: db, at: now)
        }
        try await EventOutbox.append(
            StandEvents.lowStock(standID: standID, locationID: locationID, skus: skus, refillID: raised?.id), on: db, at: now)
        let action = raised.map { " Refill \($0.number) was requested automatically." } ?? ""
        try await PartnerAlerts.raise(
            for: standID, kind: "stand_low_stock", severity: .warning, title: "Low stock at \(location.name)",
            message: "\(skus.joined(separator: ", ")) reached the minimum level.\(action)",
            link: "/api/v1/stand/\(standID.apiString)/details", subject: ("stand_location", locationID), on: db, at: now)
        return raised
    }

    private struct Evaluation {
        let location: StandLocationRecord
        let lowSKUs: [String]
        let action: String
        let refill: StandRefillOrderRecord?
    }

    /// For each location, the SKUs at or below minimum (only `skus` when given); a refill is
    /// created if none is in flight, else the open one is reported.
    private func evaluate(
        stand: StandPartnerRecord, locations: [StandLocationRecord], skus: Set<String>?, on db: any Database, at now: Date
    ) async throws -> [Evaluation] {
        var results: [Evaluation] = []
        for location in locations {
            let locationID = try location.requireID()
            let shelf = try await StandInventoryRecord.query(on: db).filter(\.$location.$id == locationID).all()
            try await StandReorderPoints.apply(to: shelf, at: locationID, on: db, now: now)
            let low = shelf.filter { $0.level.isLow && (skus?.contains($0.sku) ?? true) }.map(\.sku).sorted()
            guard !low.isEmpty else {
                results.append(Evaluation(location: location, lowSKUs: [], action: "none", refill: nil))
                continue
            }
            if let open = try await StandRefillService.inFlight(at: locationID, on: db) {
                results.append(Evaluation(location: location, lowSKUs: low, action: "existing", refill: open))
                continue
            }
            let refill = try await refills.request(
                .init(
                    items: nil, onlySKUs: skus, source: "automation", note: "Automation OS low-stock check: \(low.joined(separator: ", "))"),
                stand: try stand.requireID(), location: location, on: db, at: now)
            results.append(Evaluation(location: location, lowSKUs: low, action: refill == nil ? "none" : "created", refill: refill))
        }
        return results
    }
}
