/// TSB as statsforecast 2.1.1 computes it (`_tsb`).
///
/// Teunter, R. H., Syntetos, A. A. & Babai, M. Z. (2011). Intermittent demand: linking forecasting
/// to inventory obsolescence. *European Journal of Operational Research* 214(3), 606–615: smooth the
/// probability of a demand every period (so the forecast decays while nothing sells) and the size
/// of non-zero demands, and forecast their product.
enum TSBKernel {
    /// Both smoothers in one pass. The probability series starts at the first period's indicator,
    /// the size series at the first demand; one-element series are their own forecast, as in
    /// statsforecast's `ses_forecast`. A series without demand forecasts 0.
    static func forecast(_ y: UnsafeBufferPointer<Double>, alphaD: Double, alphaP: Double) -> Double {
        let n = y.count
        guard n > 0 else { return 0 }
        let complementP = 1.0 - alphaP
        let complementD = 1.0 - alphaD
        var probability = y[0] != 0 ? 1.0 : 0.0
        var size = 0.0
        var firstSize = 0.0
        var count = 0
        for i in 0..<n {
            let value = y[i]
            let indicator = value != 0 ? 1.0 : 0.0
            probability = alphaP * indicator + complementP * probability
            if value > 0 {
                if count == 0 {
                    size = value
                    firstSize = value
                }
                size = alphaD * value + complementD * size
                count += 1
            }
        }
        if count == 0 { return 0 }
        if n == 1 { probability = y[0] != 0 ? 1.0 : 0.0 }
        if count == 1 { size = firstSize }
        return probability * size
    }
}
