import Foundation

/// A partner's pricing terms as they changed over time, rebuilt from its pricing versions: the tier
/// and each SKU's override in force on any date. Every version records each value before and after
/// its change, so the value on a date is the one the latest earlier change set; before the first
/// change it is the value that change replaced, and a field never changed is as it is now.
public struct PricingTimeline: Sendable {
    private struct Change: Sendable {
        let at: Date
        let previous: String?
        let current: String?
    }

    public let tierCode: String?
    public let overrides: [String: PriceOverride]
    /// The changes of each field, oldest first.
    private let changes: [String: [Change]]

    /// `tierCode` and `overrides` (by SKU) as they are now; `versions` in any order.
    public init(tierCode: String?, overrides: [String: PriceOverride], versions: [PricingVersion]) {
        self.tierCode = tierCode
        self.overrides = overrides
        var changes: [String: [Change]] = [:]
        for version in versions.sorted(by: { ($0.changedAt, $0.version) < ($1.changedAt, $1.version) }) {
            for entry in version.changes {
                changes[entry.field, default: []].append(Change(at: version.changedAt, previous: entry.previous, current: entry.current))
            }
        }
        self.changes = changes
    }

    /// The partner's tier code on `date`.
    public func tierCode(at date: Date) -> String? {
        recorded(PricingChangeEntry.tierField, at: date) ?? tierCode
    }

    /// The override of `sku` stored on `date` (whether its own window covers the date is the engine's
    /// check, as for today's overrides).
    public func override(sku: String, at date: Date) -> PriceOverride? {
        guard let value = recorded(PricingChangeEntry.overrideField(sku: sku), at: date) else { return overrides[sku] }
        return value.flatMap { PriceOverride(sku: sku, summary: $0) }
    }

    /// The value the versions give `field` on `date`, or `nil` when no version changed it.
    private func recorded(_ field: String, at date: Date) -> String?? {
        guard let list = changes[field], let first = list.first else { return nil }
        if let last = list.last(where: { $0.at <= date }) { return .some(last.current) }
        return .some(first.previous)
    }
}
