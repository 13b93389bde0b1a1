import Testing

@testable import PartnerAdvisor

/// The two-steps-per-pass search must be bit-identical to statsforecast's one-point-per-pass loop.
@Suite struct GoldenSectionTests {
    @Test func speculativeSearchEqualsTheReferenceLoopBitForBit() {
        var generator = SplitMix64(seed: 7)
        for trial in 0..<400 {
            let n = 1 + trial % 60
            let sparsity = generator.nextUnit()
            let values = (0..<n).map { _ in generator.nextUnit() < sparsity ? (generator.nextUnit() * 40).rounded() : 0 }
            for bounds in [(0.01, 0.99), (0.1, 0.3)] {
                values.withUnsafeBufferPointer { x in
                    let fast = SESKernel.optimalAlpha(x, lower: bounds.0, upper: bounds.1)
                    let reference = SESKernel.optimalAlphaReference(x, lower: bounds.0, upper: bounds.1)
                    #expect(fast.bitPattern == reference.bitPattern, "series \(values) bounds \(bounds)")
                }
            }
        }
    }

    @Test func tiesStopAtTheMidpoint() {
        // Fewer than two points: the squared error is 0 everywhere, so the search stops at once.
        [5.0].withUnsafeBufferPointer { x in
            #expect(SESKernel.optimalAlpha(x, lower: 0.01, upper: 0.99) == 0.5)
        }
        [3.0, 3.0, 3.0].withUnsafeBufferPointer { x in
            #expect(SESKernel.optimalAlpha(x, lower: 0.1, upper: 0.3) == 0.2)
        }
    }
}
