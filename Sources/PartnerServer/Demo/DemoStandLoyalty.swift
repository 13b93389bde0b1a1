import Foundation
import PartnerCore

/// The stand loyalty ledger the demo trade earned. Earnings are booked as one entry per stand and
/// month (one per sale would add tens of thousands of rows); sales milestones and no-stock-out
/// streaks use the keys `StandLoyaltyService` uses, so live sales never book a seeded bonus twice.
struct DemoStandLoyalty {
    let rules: StandLoyaltyRules
    let now: Date

    func ledger(
        stands: [StandPartnerRecord], orders: [StandOrderRecord], stockOuts: [StandStockOutRecord], random: inout SeededGenerator
    ) -> [StandLoyaltyLedgerRecord] {
        let salesByStand = Dictionary(grouping: orders, by: { $0.$stand.id })
        let stockOutsByStand = Dictionary(grouping: stockOuts, by: { $0.$stand.id })
        var entries: [StandLoyaltyLedgerRecord] = []
        for stand in stands {
            let standID = stand.id!
            let sales = (salesByStand[standID] ?? []).sorted { ($0.soldAtMillis, $0.number) < ($1.soldAtMillis, $1.number) }
            entries += earnings(of: standID, sales: sales) + milestones(of: standID, sales: sales)
            entries += streaks(of: standID, joinedAt: stand.joinedAt, stockOuts: stockOutsByStand[standID] ?? [])
        }
        for entry in entries { entry.id = UUID(using: &random) }
        return entries
    }

    /// One `earn` per month with sales, dated at the month's last sale.
    private func earnings(of standID: UUID, sales: [StandOrderRecord]) -> [StandLoyaltyLedgerRecord] {
        var months: [Month: (points: Int, sales: Int, last: Date)] = [:]
        for sale in sales {
            let month = Month(containing: sale.soldAt)
            let total = months[month] ?? (0, 0, sale.soldAt)
            months[month] = (total.points + sale.pointsEarned, total.sales + 1, max(total.last, sale.soldAt))
        }
        return months.sorted { $0.key < $1.key }.compactMap { month, total in
            guard total.points > 0 else { return nil }
            return StandLoyaltyLedgerRecord(
                standID: standID, kind: .earn, points: total.points, occurredAt: total.last, key: "demo:earn:\(month)",
                reference: "sales:\(month)", note: "Points on \(total.sales) sales in \(month)")
        }
    }

    /// A bonus at the sale that took lifetime sales past each milestone.
    private func milestones(of standID: UUID, sales: [StandOrderRecord]) -> [StandLoyaltyLedgerRecord] {
        var lifetime: Int64 = 0
        var entries: [StandLoyaltyLedgerRecord] = []
        for sale in sales {
            let before = Money(minorUnits: lifetime, currency: sale.money)
            lifetime += sale.totalMinor
            for milestone in rules.milestonesCrossed(from: before, to: Money(minorUnits: lifetime, currency: sale.money)) {
                entries.append(
                    StandLoyaltyLedgerRecord(
                        standID: standID, kind: .bonus, points: milestone.bonus, occurredAt: sale.soldAt,
                        key: "bonus:sales:\(milestone.salesUnits)", reference: nil,
                        note: "Lifetime sales reached \(milestone.salesUnits) \(sale.money.code)"))
            }
        }
        return entries
    }

    /// A bonus for every completed run of `streakDays` without a stock-out anywhere at the stand.
    /// A run starts at joining or when the last stock-out ended; an open stock-out earns nothing.
    private func streaks(of standID: UUID, joinedAt: Date, stockOuts: [StandStockOutRecord]) -> [StandLoyaltyLedgerRecord] {
        var entries: [StandLoyaltyLedgerRecord] = []
        var runStart = joinedAt
        func book(until end: Date) {
            let completed = rules.completedStreaks(since: runStart, asOf: min(end, now))
            guard completed > 0 else { return }
            for ordinal in 1...completed {
                entries.append(
                    StandLoyaltyLedgerRecord(
                        standID: standID, kind: .bonus, points: rules.streakBonus,
                        occurredAt: runStart.addingTimeInterval(Double(ordinal * rules.streakDays * 86_400)),
                        key: "bonus:streak:\(PartnerOrderRecord.millis(runStart)):\(ordinal)", reference: nil,
                        note: "\(ordinal * rules.streakDays) days without a stock-out"))
            }
        }
        for stockOut in stockOuts.sorted(by: { $0.startedAt < $1.startedAt }) {
            if stockOut.startedAt > runStart { book(until: stockOut.startedAt) }
            guard let ended = stockOut.endedAt else { return entries }
            runStart = max(runStart, ended)
        }
        book(until: now)
        return entries
    }
}
