import PartnerCore

/// The modified z-score of Iglewicz and Hoaglin: M = 0.6745 (x − median) / MAD, where MAD is the
/// median absolute deviation from the median; |M| > 3.5 marks an outlier. Median and MAD resist the
/// outliers they look for, where a mean and standard deviation would be dragged towards them.
/// When more than half the values are equal the MAD is 0; then the mean absolute deviation stands in,
/// M = (x − median) / (1.253314 · MeanAD) (1.253314 ≈ √(π/2) makes it consistent with σ for normal
/// data, as 1/0.6745 does the MAD). When every value is equal, any price more than `tolerance` away
/// is an outlier at `cap`, any closer one is not.
///
/// Iglewicz, B. & Hoaglin, D. C. (1993), *How to Detect and Handle Outliers*, ASQC Quality Press,
/// ch. 3; the MeanAD fallback as in IBM SPSS Modeler's anomaly detection and Leys et al. (2013),
/// "Detecting outliers", *J. Exp. Soc. Psychology* 49(4), 764–766.
public struct RobustZ: Sendable, Hashable {
    public static let threshold = 3.5
    /// The score given to any departure from a set of identical values.
    public static let cap = 99.0

    public let median: Double
    public let mad: Double
    public let meanAbsoluteDeviation: Double
    public let count: Int
    /// The relative distance from identical values still counted as equal (rounding of cents).
    public let tolerance: Double

    /// Nil without values; non-finite values are left out.
    public init?(_ values: [Double], tolerance: Double = 0.01) {
        let clean = values.filter(\.isFinite)
        guard let median = StandKPI.median(clean) else { return nil }
        let deviations = clean.map { abs($0 - median) }
        self.median = median
        mad = StandKPI.median(deviations) ?? 0
        meanAbsoluteDeviation = deviations.reduce(0, +) / Double(clean.count)
        count = clean.count
        self.tolerance = tolerance
    }

    /// The modified z of `value`, signed (positive above the median), within ±`cap`.
    public func z(_ value: Double) -> Double {
        guard value.isFinite else { return 0 }
        let difference = value - median
        let z: Double
        if mad > 0 {
            z = 0.6745 * difference / mad
        } else if meanAbsoluteDeviation > 0 {
            z = difference / (1.253314 * meanAbsoluteDeviation)
        } else {
            let scale = max(abs(median), .ulpOfOne)
            z = abs(difference) / scale <= tolerance ? 0 : (difference > 0 ? Self.cap : -Self.cap)
        }
        return min(Self.cap, max(-Self.cap, z))
    }

    public func isOutlier(_ value: Double) -> Bool { abs(z(value)) > Self.threshold }
}
