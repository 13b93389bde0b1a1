/// Pricing OS limits for one SKU. Partner prices must respect them; the engine never prices below
/// the floor.
public struct Guardrail: Equatable, Sendable {
    public var floorPrice: Money
    public var ceilingPrice: Money?
    /// Deepest discount off list price allowed, in basis points (2500 = 25 %).
    public var maxDiscountBasisPoints: Int?
    /// Smallest margin over unit cost allowed, in basis points of the selling price.
    public var minMarginBasisPoints: Int?

    public init(floorPrice: Money, ceilingPrice: Money? = nil, maxDiscountBasisPoints: Int? = nil, minMarginBasisPoints: Int? = nil) {
        self.floorPrice = floorPrice
        self.ceilingPrice = ceilingPrice
        self.maxDiscountBasisPoints = maxDiscountBasisPoints
        self.minMarginBasisPoints = minMarginBasisPoints
    }

    /// Every limit `price` breaks, as human-readable messages naming the limit. Prices exactly at a
    /// limit are allowed.
    public func violations(of price: Money, listPrice: Money, unitCost: Money?) -> [String] {
        var messages: [String] = []
        if price.minorUnits < floorPrice.minorUnits {
            messages.append("is below the floor price of \(floorPrice.amount) \(floorPrice.currency.code)")
        }
        if let ceilingPrice, price.minorUnits > ceilingPrice.minorUnits {
            messages.append("is above the ceiling price of \(ceilingPrice.amount) \(ceilingPrice.currency.code)")
        }
        if let maxDiscountBasisPoints, listPrice.minorUnits > 0 {
            // discount = (list − price) / list; compared in integers: (list − price) × 10000 > max × list
            let discount = (listPrice.minorUnits - price.minorUnits) * 10_000
            if discount > Int64(maxDiscountBasisPoints) * listPrice.minorUnits {
                messages.append("is a deeper discount than the maximum of \(Percent.format(maxDiscountBasisPoints)) % off list")
            }
        }
        if let minMarginBasisPoints, let unitCost {
            // margin = (price − cost) / price
            let margin = (price.minorUnits - unitCost.minorUnits) * 10_000
            if price.minorUnits <= 0 || margin < Int64(minMarginBasisPoints) * price.minorUnits {
                messages.append("leaves less than the minimum margin of \(Percent.format(minMarginBasisPoints)) % over cost")
            }
        }
        return messages
    }
}

/// Formatting of basis-point percentages.
public enum Percent {
    /// 1250 → "12.5", 1000 → "10", 1234 → "12.34".
    public static func format(_ basisPoints: Int) -> String {
        let whole = basisPoints / 100
        let fraction = abs(basisPoints % 100)
        guard fraction != 0 else { return String(whole) }
        let text = fraction < 10 ? "0\(fraction)" : String(fraction)
        return "\(whole).\(text.hasSuffix("0") ? String(text.dropLast()) : text)"
    }

    /// `price × (1 − basisPoints / 10000)`, rounded half up to the minor unit.
    public static func discounted(_ price: Money, by basisPoints: Int) -> Money {
        let numerator = price.minorUnits * Int64(10_000 - basisPoints)
        let rounded = (numerator + 5_000) / 10_000
        return Money(minorUnits: rounded, currency: price.currency)
    }
}
