import PartnerAdvisor
import Testing

@Suite struct EdgeSeriesTests {
    @Test func invalidDemandIsRejected() {
        #expect(throws: DemandSeriesError.empty) { try DemandSeries([]) }
        #expect(throws: DemandSeriesError.negative(index: 1, value: -1)) { try DemandSeries([1, -1]) }
        #expect(throws: DemandSeriesError.notFinite(index: 0)) { try DemandSeries([.nan, 1]) }
        #expect(throws: DemandSeriesError.notFinite(index: 2)) { try DemandSeries([0, 1, .infinity]) }
    }

    @Test(arguments: ForecastMethod.allCases)
    func allZerosForecastZero(method: ForecastMethod) throws {
        let series = try DemandSeries([Double](repeating: 0, count: 30))
        #expect(method.forecast(series, horizon: 5, parameters: .init(seasonLength: 7)) == [0, 0, 0, 0, 0])
    }

    @Test func aSingleSale() throws {
        let series = try DemandSeries([0, 0, 0, 4, 0, 0])
        // Croston: one size (4) over one interval (4); SBA takes 95% of it.
        #expect(ForecastMethod.croston.forecast(series, horizon: 1) == [1])
        #expect(ForecastMethod.sba.forecast(series, horizon: 1) == [0.95])
        #expect(ForecastMethod.naive.forecast(series, horizon: 1) == [0])
        // ADIDA: mean interval 4 → one bucket of 4 holding the sale, spread over 4 periods.
        #expect(ForecastMethod.adida.forecast(series, horizon: 1) == [1])
    }

    @Test(arguments: ForecastMethod.allCases.filter { $0 != .sba })
    func aConstantIsForecastAsItself(method: ForecastMethod) throws {
        let series = try DemandSeries([Double](repeating: 3, count: 21))
        let forecast = method.forecast(series, horizon: 3, parameters: .init(seasonLength: 7))
        #expect(forecast.allSatisfy { abs($0 - 3) < 1e-12 })
    }

    @Test func shorterThanTheSeasonIsNaNInTheEngineAndFilledForTheCoach() throws {
        let series = try DemandSeries([2, 0, 4])
        let raw = ForecastMethod.seasonalNaive.forecast(series, horizon: 7, parameters: .init(seasonLength: 7))
        // statsforecast aligns the 3 observations to the season's last 3 positions.
        #expect(raw.prefix(4).allSatisfy { $0.isNaN })
        #expect(Array(raw.suffix(3)) == [2, 0, 4])
        let options = ForecastOptions(horizon: 7, method: .method(.seasonalNaive), parameters: .init(seasonLength: 7))
        let coached = DemandForecaster.forecast(series, options: options)
        #expect(coached.forecast == [2, 2, 2, 2, 2, 0, 4])
    }

    @Test func veryShortSeriesAreTotal() throws {
        for values in [[5.0], [0.0], [0, 3.0]] {
            let series = try DemandSeries(values)
            for method in ForecastMethod.allCases {
                let forecast = method.forecast(series, horizon: 2, parameters: .init(seasonLength: 1))
                #expect(forecast.count == 2)
                #expect(forecast.allSatisfy { $0.isFinite && $0 >= 0 })
            }
            let auto = DemandForecaster.forecast(series, options: ForecastOptions(horizon: 3, quantiles: [0.5, 0.9]))
            #expect(auto.forecast.count == 3)
            #expect(auto.cumulativeQuantiles.count == 2)
        }
    }
}

@Suite struct DemandClassTests {
    private func profile(_ values: [Double]) throws -> DemandProfile {
        DemandProfile(try DemandSeries(values))
    }

    @Test func syntetosBoylanCutOffs() throws {
        // ADI 1 (every period), equal sizes → smooth.
        #expect(try profile([2, 2, 2, 2]).demandClass == .smooth)
        // ADI 1, sizes 1 and 3: CV² = 1/4 → smooth; sizes 1 and 9: CV² = 16/25 = 0.64 → erratic.
        #expect(try profile([1, 3, 1, 3]).demandClass == .smooth)
        #expect(try profile([1, 9, 1, 9]).demandClass == .erratic)
        // ADI 2 → intermittent or lumpy by CV².
        #expect(try profile([0, 2, 0, 2]).demandClass == .intermittent)
        #expect(try profile([0, 1, 0, 9]).demandClass == .lumpy)
        #expect(try profile([0, 0, 0]).demandClass == .noDemand)
        #expect(try profile([0, 0, 0]).adi == nil)
    }

    @Test func valuesOnTheCutOffGoToTheLessRegularSide() throws {
        // 33 demands over 44 periods ending on a demand: ADI = 44/33 = 1.333… ≥ 1.32.
        var values = [Double](repeating: 1, count: 44)
        for i in stride(from: 0, to: 44, by: 4) { values[i] = 0 }
        let p = try profile(values)
        #expect(p.adi == 44.0 / 33.0)
        #expect(p.demandClass == .intermittent)
        // CV² exactly 0.49: sizes 3 and 17 (mean 10, variance 49) → erratic.
        #expect(try profile([3, 17]).cv2 == 0.49)
        #expect(try profile([3, 17]).demandClass == .erratic)
        #expect(try profile([5]).cv2 == 0)
    }
}
