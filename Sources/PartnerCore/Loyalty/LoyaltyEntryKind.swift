/// Kinds of loyalty ledger entries. Earn, bonus and positive adjustments add points (lots that
/// expire); redeem, expire and negative adjustments spend them, oldest lot first.
public enum LoyaltyEntryKind: String, CaseIterable, Codable, Sendable {
    case earn
    case bonus
    case redeem
    case expire
    case adjust
}
