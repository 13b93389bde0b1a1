/// The Stand Program's packages, Starter → Pro. The package decides the default planogram size,
/// the commission the stand partner earns on sales, its loyalty earning rate and whether the
/// program refills it automatically. Codes match the stand tiers (`starter`, `plus`, `pro`).
public enum StandPackage: String, CaseIterable, Codable, Sendable, Comparable {
    case starter
    case plus
    case pro

    /// Facings (SKUs) on the default planogram.
    public var planogramSize: Int {
        switch self {
        case .starter: 12
        case .plus: 20
        case .pro: 30
        }
    }

    /// Commission on the stand's sales, in basis points.
    public var commissionBasisPoints: Int {
        switch self {
        case .starter: 1_000
        case .plus: 1_200
        case .pro: 1_500
        }
    }

    /// Loyalty points per whole currency unit sold, in thousandths.
    public var loyaltyRateMilli: Int {
        switch self {
        case .starter: 1_000
        case .plus: 1_500
        case .pro: 2_000
        }
    }

    /// Whether a sale that crosses the low-stock line raises a refill request by itself.
    public var autoRefill: Bool { self != .starter }

    private var rank: Int {
        switch self {
        case .starter: 0
        case .plus: 1
        case .pro: 2
        }
    }

    public static func < (lhs: StandPackage, rhs: StandPackage) -> Bool { lhs.rank < rhs.rank }
}
