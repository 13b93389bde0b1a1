/// The Syntetos–Boylan demand categories.
///
/// Syntetos, A. A., Boylan, J. E. & Croston, J. D. (2005). On the categorization of demand
/// patterns. *Journal of the Operational Research Society* 56(5), 495–503: the cut-offs ADI = 1.32
/// and CV² = 0.49 separate the regions where Croston/SBA or SES forecast better.
public enum DemandClass: String, Sendable, Hashable, CaseIterable, Codable {
    /// Frequent demand of stable size (ADI < 1.32, CV² < 0.49).
    case smooth
    /// Frequent demand of variable size (ADI < 1.32, CV² ≥ 0.49).
    case erratic
    /// Infrequent demand of stable size (ADI ≥ 1.32, CV² < 0.49).
    case intermittent
    /// Infrequent demand of variable size (ADI ≥ 1.32, CV² ≥ 0.49).
    case lumpy
    /// No period with demand: nothing to measure, every method forecasts 0.
    case noDemand = "no-demand"
}

/// The statistics behind a demand class.
public struct DemandProfile: Sendable, Hashable, Codable {
    public static let adiCutoff = 1.32
    public static let cv2Cutoff = 0.49

    /// Average inter-demand interval: periods up to and including the last demand divided by the
    /// number of demands (the mean of Croston's intervals, the first counted from the start).
    /// Nil without demand.
    public let adi: Double?
    /// Squared coefficient of variation of the non-zero demand sizes (population variance over the
    /// squared mean); 0 for a single demand. Nil without demand.
    public let cv2: Double?
    /// Periods with demand.
    public let demandCount: Int
    public let demandClass: DemandClass

    /// Classifies a history; values on a cut-off go to the less regular side (≥).
    public init(_ series: DemandSeries) {
        var count = 0
        var last = -1
        var sum = 0.0
        for (index, value) in series.values.enumerated() where value > 0 {
            count += 1
            last = index
            sum += value
        }
        demandCount = count
        guard count > 0 else {
            adi = nil
            cv2 = nil
            demandClass = .noDemand
            return
        }
        let mean = sum / Double(count)
        var squares = 0.0
        for value in series.values where value > 0 {
            squares += (value - mean) * (value - mean)
        }
        let adi = Double(last + 1) / Double(count)
        let cv2 = squares / Double(count) / (mean * mean)
        self.adi = adi
        self.cv2 = cv2
        switch (adi < Self.adiCutoff, cv2 < Self.cv2Cutoff) {
        case (true, true): demandClass = .smooth
        case (true, false): demandClass = .erratic
        case (false, true): demandClass = .intermittent
        case (false, false): demandClass = .lumpy
        }
    }
}
