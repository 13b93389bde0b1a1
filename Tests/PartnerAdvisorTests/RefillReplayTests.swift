import PartnerAdvisor
import Testing

@Suite struct RefillReplayTests {
    /// Four locations × six lines of intermittent daily demand with a weekly pattern.
    static let network: [RefillReplay.Location] = {
        var generator = SplitMix64(seed: 42)
        return (0..<4).map { site in
            let lines = (0..<6).map { index -> RefillReplay.Line in
                let rate = 0.15 + 0.25 * generator.nextUnit()
                let demand = (0..<280).map { day -> Double in
                    let weekend = day % 7 >= 5 ? 1.5 : 1
                    guard generator.nextUnit() < min(0.9, rate * weekend) else { return 0 }
                    return generator.nextUnit() < 0.8 ? 1 : 2
                }
                return RefillReplay.Line(sku: "S\(index)", packSize: [1, 2, 3][index % 3], parLevel: 12, minLevel: 4, demand: demand)
            }
            return RefillReplay.Location(name: "L\(site)", leadTimeDays: 2 + site % 3, firstDay: 0, lines: lines)
        }
    }()

    /// Five locations × eight slow lines (0.04–0.3 units a day) in packs of 3–12, as at real stands.
    static let slowNetwork: [RefillReplay.Location] = {
        var generator = SplitMix64(seed: 7)
        return (0..<5).map { site in
            let lines = (0..<8).map { index -> RefillReplay.Line in
                let rate = 0.04 + 0.25 * generator.nextUnit()
                let demand = (0..<364).map { _ -> Double in
                    guard generator.nextUnit() < rate else { return 0 }
                    return generator.nextUnit() < 0.85 ? 1 : 2
                }
                return RefillReplay.Line(sku: "S\(index)", packSize: [6, 12, 4, 3][index % 4], parLevel: 24, minLevel: 4, demand: demand)
            }
            return RefillReplay.Location(name: "L\(site)", leadTimeDays: 2 + site % 4, firstDay: 0, lines: lines)
        }
    }()

    @Test func minMaxRefillsToParWhenALineReachesItsMinimum() {
        let line = RefillReplay.Line(sku: "A", packSize: 2, parLevel: 6, minLevel: 2, demand: [Double](repeating: 1, count: 40))
        let result = RefillReplay.run(
            [RefillReplay.Location(name: "L", leadTimeDays: 1, firstDay: 0, lines: [line])], policy: .minMax, options: .init(days: 12))
        // Start at 6; sell 1 a day; at 2 in the evening order 4, delivered the next morning.
        #expect(result.fillRate == 1)
        #expect(result.refills == 3)
        #expect(result.unitsRefilled == 12)
        #expect(result.stockOutDays == 0)
        #expect(result.lineDays == 12)
    }

    @Test func theAIPolicyReachesItsFillRateWithLessStockThanMinMax() {
        let options = RefillReplay.Options(days: 140)
        let minMax = RefillReplay.run(Self.network, policy: .minMax, options: options)
        for target in [0.95, 0.98] {
            let ai = RefillReplay.run(Self.network, policy: .ai(fillRate: target), options: options)
            #expect(abs(ai.fillRate - target) <= 0.02, "ai \(ai.fillRate) for \(target)")
        }
        let matched = RefillReplay.run(Self.network, policy: .ai(fillRate: min(0.995, minMax.fillRate)), options: options)
        #expect(matched.averageOnHand < minMax.averageOnHand, "ai \(matched.averageOnHand) vs min/max \(minMax.averageOnHand)")
        #expect(matched.fillRate >= minMax.fillRate - 0.02, "ai \(matched.fillRate) vs min/max \(minMax.fillRate)")
        #expect(matched.lines == 24 && matched.locations == 4)
    }

    /// On slow lines one pack at empty already serves ~97 %; lower targets are met by letting
    /// empty shelves wait (`RefillPlan.waitDays`), with less stock the lower the target.
    @Test func slowLinesReachLowTargetsByWaiting() {
        let options = RefillReplay.Options(days: 182)
        var previousStock = 0.0
        for target in [0.7, 0.8, 0.85, 0.95] {
            let ai = RefillReplay.run(Self.slowNetwork, policy: .ai(fillRate: target), options: options)
            if target < 0.9 { #expect(abs(ai.fillRate - target) <= 0.02, "ai \(ai.fillRate) for \(target)") }
            #expect(ai.averageOnHand > previousStock, "more stock for a higher target (at \(target))")
            previousStock = ai.averageOnHand
        }
    }
}
