import Foundation
import PartnerCore

/// Payloads of the Stand Program's events.
enum StandEvents {
    struct Created: Encodable, Sendable {
        let standId: UUID
        let packageLevel: String
        let locationIds: [UUID]
    }

    struct SaleRecorded: Encodable, Sendable {
        let standId: UUID
        let saleId: UUID
        let locationId: UUID
        let number: String
        let total: EventMoney
        let units: Int
        let paymentMethod: String?
    }

    struct LowStock: Encodable, Sendable {
        let standId: UUID
        let locationId: UUID
        let skus: [String]
        let refillId: UUID?
    }

    struct Refill: Encodable, Sendable {
        let standId: UUID
        let refillId: UUID
        let locationId: UUID
        let number: String
        let status: String
        let source: String
        let total: EventMoney
        let note: String?
    }

    struct PaymentScheduled: Encodable, Sendable {
        let standId: UUID
        let refillId: UUID
        let number: String
        let amount: EventMoney
        let dueDate: String
    }

    struct Counted: Encodable, Sendable {
        let standId: UUID
        let snapshotId: UUID
        let locationId: UUID
        let source: String
        let variance: Int
        let shrinkageUnits: Int
    }

    struct PointsBooked: Encodable, Sendable {
        let standId: UUID
        let entryId: UUID
        let kind: String
        let points: Int
        let reference: String?
    }

    struct PayoutDue: Encodable, Sendable {
        let standId: UUID
        let payoutId: UUID
        let period: String
        let sales: EventMoney
        let adjustment: EventMoney
        let adjustmentSales: Int
        let commission: EventMoney
    }

    static func created(_ stand: StandPartnerRecord, locations: [UUID]) throws -> DomainEvent {
        let id = try stand.requireID()
        return DomainEvent(
            type: .standCreated, subjectType: "stand", subjectID: id, partnerID: id,
            data: Created(standId: id, packageLevel: stand.packageLevel.rawValue, locationIds: locations))
    }

    static func saleRecorded(_ sale: StandOrderRecord) throws -> DomainEvent {
        let id = try sale.requireID()
        return DomainEvent(
            type: .standSaleRecorded, subjectType: "stand_sale", subjectID: id, partnerID: sale.$stand.id,
            data: SaleRecorded(
                standId: sale.$stand.id, saleId: id, locationId: sale.$location.id, number: sale.number,
                total: EventMoney(Money(minorUnits: sale.totalMinor, currency: sale.money)), units: sale.units,
                paymentMethod: sale.paymentMethod), version: 2)
    }

    static func lowStock(standID: UUID, locationID: UUID, skus: [String], refillID: UUID?) -> DomainEvent {
        DomainEvent(
            type: .standLowStock, subjectType: "stand_location", subjectID: locationID, partnerID: standID,
            data: LowStock(standId: standID, locationId: locationID, skus: skus, refillId: refillID))
    }

    static func refill(_ refill: StandRefillOrderRecord, note: String? = nil) throws -> DomainEvent {
        let id = try refill.requireID()
        return DomainEvent(
            type: eventType(of: refill.status), subjectType: "stand_refill", subjectID: id, partnerID: refill.$stand.id,
            data: Refill(
                standId: refill.$stand.id, refillId: id, locationId: refill.$location.id, number: refill.number,
                status: refill.status.rawValue, source: refill.source,
                total: EventMoney(Money(minorUnits: refill.totalMinor, currency: refill.money)), note: note), version: 2)
    }

    static func paymentScheduled(_ refill: StandRefillOrderRecord, dueDate: Date) throws -> DomainEvent {
        let id = try refill.requireID()
        return DomainEvent(
            type: .standPaymentScheduled, subjectType: "stand_refill", subjectID: id, partnerID: refill.$stand.id,
            data: PaymentScheduled(
                standId: refill.$stand.id, refillId: id, number: refill.number,
                amount: EventMoney(Money(minorUnits: refill.totalMinor, currency: refill.money)), dueDate: CalendarDay.format(dueDate)),
            version: 2)
    }

    static func counted(_ snapshot: StandInventorySnapshotRecord) throws -> DomainEvent {
        let id = try snapshot.requireID()
        return DomainEvent(
            type: .standInventoryCounted, subjectType: "stand_inventory_snapshot", subjectID: id, partnerID: snapshot.$stand.id,
            data: Counted(
                standId: snapshot.$stand.id, snapshotId: id, locationId: snapshot.$location.id, source: snapshot.source,
                variance: snapshot.variance, shrinkageUnits: snapshot.shrinkageUnits),
            // Version 2 dropped `shrinkageValue`: it is valued at unit cost, which a partner may not see.
            version: 2)
    }

    static func pointsBooked(_ entry: StandLoyaltyLedgerRecord) throws -> DomainEvent {
        let id = try entry.requireID()
        return DomainEvent(
            type: .standLoyaltyPointsBooked, subjectType: "stand_loyalty_entry", subjectID: id, partnerID: entry.$stand.id,
            data: PointsBooked(
                standId: entry.$stand.id, entryId: id, kind: entry.kind.rawValue, points: entry.points, reference: entry.reference))
    }

    struct StreakBonusAwarded: Encodable, Sendable {
        let standId: String
        let entryId: String
        let points: Int
        let reason: String
    }

    static func streakBonusAwarded(_ entry: StandLoyaltyLedgerRecord, note: String) throws -> DomainEvent {
        let id = try entry.requireID()
        return DomainEvent(
            type: .standStreakBonusAwarded, subjectType: "stand_loyalty_entry", subjectID: id, partnerID: entry.$stand.id,
            data: StreakBonusAwarded(standId: entry.$stand.id.apiString, entryId: id.apiString, points: entry.points, reason: note))
    }

    static func payoutDue(_ payout: StandPayoutRecord) throws -> DomainEvent {
        let id = try payout.requireID()
        let currency = Currency(payout.currency) ?? .eur
        return DomainEvent(
            type: .payoutDue, subjectType: "stand_payout", subjectID: id, partnerID: payout.$stand.id,
            data: PayoutDue(
                standId: payout.$stand.id, payoutId: id, period: payout.period,
                sales: EventMoney(Money(minorUnits: payout.salesMinor, currency: currency)),
                adjustment: EventMoney(Money(minorUnits: payout.adjustmentMinor, currency: currency)),
                adjustmentSales: payout.adjustmentSales,
                commission: EventMoney(Money(minorUnits: payout.commissionMinor, currency: currency))), version: 2)
    }

    private static func eventType(of status: RefillStatus) -> EventType {
        switch status {
        case .requested: .standRefillRequested
        case .approved: .standRefillApproved
        case .shipped: .standRefillShipped
        case .delivered: .standRefillDelivered
        case .confirmed: .standRefillConfirmed
        case .rejected: .standRefillRejected
        case .cancelled: .standRefillCancelled
        }
    }
}
