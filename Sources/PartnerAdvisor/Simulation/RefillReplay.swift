/// Replays recorded daily demand through a refill policy, day by day, to compare policies on the
/// same history: the fill rate they reach, the days shelves stand empty, the stock they hold and the
/// refills they need. Pure and deterministic; `partneros simulate` feeds it the demo's sales.
///
/// Each day: refills due arrive in the morning; the day's demand takes what the shelf has (the
/// rest is lost, as at a real stand); in the evening the policy may request one refill per location
/// if none is in flight, which is on the shelf `leadTimeDays` later (after that day's sales). Both policies share lead times, pack
/// sizes, par levels and the one-refill-in-flight rule:
/// - `minMax`: when any line is at or below its minimum, every line is refilled to par (the Stand
///   Program's rule without the coach);
/// - `ai(fillRate:)`: every `reforecastDays` the coach forecasts each line from the history before
///   that day (`RefillForecaster`, pooled over the whole network) and sizes reorder points and
///   order-up-to levels for the fill rate; a line at its reorder point triggers a joint refill
///   (`LocationRefill`).
/// Recorded sales are the demand, so demand lost to past stock-outs is missing from both replays.
public enum RefillReplay {
    public enum Policy: Sendable, Hashable {
        case minMax
        case ai(fillRate: Double)

        public var name: String {
            switch self {
            case .minMax: "minmax"
            case .ai: "ai"
            }
        }
    }

    public struct Line: Sendable, Hashable {
        public var sku: String
        public var packSize: Int
        public var parLevel: Int
        public var minLevel: Int
        /// Units demanded per day on the replay's day axis (index 0 = the first day of the data).
        public var demand: [Double]

        public init(sku: String, packSize: Int, parLevel: Int, minLevel: Int, demand: [Double]) {
            self.sku = sku
            self.packSize = packSize
            self.parLevel = parLevel
            self.minLevel = minLevel
            self.demand = demand
        }
    }

    public struct Location: Sendable, Hashable {
        public var name: String
        public var leadTimeDays: Int
        /// The first day (index) of this location's history.
        public var firstDay: Int
        public var lines: [Line]

        public init(name: String, leadTimeDays: Int, firstDay: Int, lines: [Line]) {
            self.name = name
            self.leadTimeDays = leadTimeDays
            self.firstDay = firstDay
            self.lines = lines
        }
    }

    public struct Options: Sendable, Hashable {
        /// The replayed days: the last `days` of the data.
        public var days: Int
        public var reforecastDays = 7
        /// The review period that sizes each refill (`RefillPolicy.reviewDays`).
        public var reviewDays = RefillPolicy.defaultReviewDays

        public init(days: Int, reforecastDays: Int = 7, reviewDays: Int = RefillPolicy.defaultReviewDays) {
            self.days = days
            self.reforecastDays = max(1, reforecastDays)
            self.reviewDays = max(1, reviewDays)
        }
    }

    public struct Result: Sendable, Hashable, Codable {
        public var policy: String
        public var targetFillRate: Double?
        public var fillRate: Double
        public var demandUnits: Double
        public var servedUnits: Double
        /// Line-days that ended with an empty shelf.
        public var stockOutDays: Int
        public var lineDays: Int
        /// Mean units on all replayed shelves at the end of a day, and per line.
        public var averageOnHand: Double
        public var averageOnHandPerLine: Double
        public var refills: Int
        public var unitsRefilled: Int
        public var locations: Int
        public var lines: Int
    }

    /// Locations must have at least `minimumHistory` days before the window to be replayed.
    public static let minimumHistory = 28

    public static func run(_ all: [Location], policy: Policy, options: Options) -> Result {
        let length = all.flatMap(\.lines).map(\.demand.count).max() ?? 0
        let window = min(max(1, options.days), max(0, length - minimumHistory))
        let start = length - window
        let locations = all.filter { $0.firstDay + minimumHistory <= start && !$0.lines.isEmpty }
        var state = locations.map { LocationState($0) }
        var result = Result(
            policy: policy.name, targetFillRate: nil, fillRate: 1, demandUnits: 0, servedUnits: 0, stockOutDays: 0, lineDays: 0,
            averageOnHand: 0, averageOnHandPerLine: 0, refills: 0, unitsRefilled: 0, locations: locations.count,
            lines: locations.reduce(0) { $0 + $1.lines.count })
        var plans: [[RefillPlan]] = []
        var totalOnHand = 0.0
        for day in start..<length where window > 0 {
            if case .ai(let fillRate) = policy, (day - start) % options.reforecastDays == 0 {
                plans = plan(locations, through: day, fillRate: fillRate, options: options, state: state)
                result.targetFillRate = fillRate
            }
            if day == start {
                for index in state.indices {
                    state[index].stock(to: plans.isEmpty ? locations[index].lines.map(\.parLevel) : plans[index].map(\.orderUpTo))
                }
            }
            for index in state.indices {
                state[index].receive(on: day)
                let served = state[index].sell(locations[index].lines, on: day)
                result.demandUnits += served.demand
                result.servedUnits += served.served
                let onHand = state[index].onHand
                result.stockOutDays += onHand.filter { $0 <= 0 }.count
                result.lineDays += onHand.count
                totalOnHand += Double(onHand.reduce(0, +))
                state[index].noteEmptyShelves(on: day)
                guard state[index].arrival == nil else { continue }
                let order = quantities(
                    for: locations[index], state: state[index], day: day, policy: policy, plans: plans.isEmpty ? nil : plans[index])
                if order.contains(where: { $0 > 0 }) {
                    // Requested this evening, on the shelf L days later in the evening: L days of demand
                    // meet what is left, the exposure the fill-rate condition assumes.
                    state[index].request(order, arrivingOn: day + max(1, locations[index].leadTimeDays) + 1)
                    result.refills += 1
                    result.unitsRefilled += order.reduce(0, +)
                }
            }
        }
        result.fillRate = result.demandUnits > 0 ? result.servedUnits / result.demandUnits : 1
        result.averageOnHand = window > 0 ? totalOnHand / Double(window) : 0
        result.averageOnHandPerLine = result.lines > 0 ? result.averageOnHand / Double(result.lines) : 0
        return result
    }

    static func quantities(for location: Location, state: LocationState, day: Int, policy: Policy, plans: [RefillPlan]?) -> [Int] {
        switch policy {
        case .minMax:
            guard zip(location.lines, state.onHand).contains(where: { $1 <= $0.minLevel }) else { return location.lines.map { _ in 0 } }
            return location.lines.indices.map { index in
                let line = location.lines[index]
                return RefillSizing.orderQuantity(
                    position: state.onHand[index] + state.onOrder[index], orderUpTo: line.parLevel, packSize: line.packSize)
            }
        case .ai:
            guard let plans else { return location.lines.map { _ in 0 } }
            return LocationRefill.quantities(
                location.lines.indices.map { index in
                    LocationRefill.Line(
                        position: state.onHand[index] + state.onOrder[index], packSize: location.lines[index].packSize, plan: plans[index],
                        emptyDays: state.emptySince[index].map { day - $0 } ?? 0)
                })
        }
    }

    /// Plans every line from the history before `day`, in one pooled batch.
    static func plan(_ locations: [Location], through day: Int, fillRate: Double, options: Options, state: [LocationState])
        -> [[RefillPlan]]
    {
        var requests: [RefillForecaster.Request] = []
        for (location, current) in zip(locations, state) {
            for (index, line) in location.lines.enumerated() {
                let history = line.demand[min(location.firstDay, day)..<day].map { $0.isFinite ? max(0, $0) : 0 }
                let series = DemandSeries(validated: history.isEmpty ? [0] : history)
                requests.append(
                    .init(
                        series: series,
                        line: RefillLine(
                            onHand: current.onHand.indices.contains(index) ? current.onHand[index] : 0, parLevel: line.parLevel,
                            packSize: line.packSize),
                        policy: RefillPolicy(leadTimeDays: location.leadTimeDays, reviewDays: options.reviewDays, fillRate: fillRate)))
            }
        }
        let lines = RefillForecaster.forecast(requests, horizonDays: 1, intervalLevel: 0.9, accuracy: false)
        var plans: [[RefillPlan]] = []
        var next = 0
        for location in locations {
            plans.append(lines[next..<(next + location.lines.count)].map(\.plan))
            next += location.lines.count
        }
        return plans
    }
}

/// The shelves of one replayed location.
struct LocationState: Sendable {
    var onHand: [Int]
    var onOrder: [Int]
    var arrival: Int?
    /// The day each empty shelf (nothing on order) first ended empty; nil while it has stock.
    var emptySince: [Int?]

    init(_ location: RefillReplay.Location) {
        onHand = location.lines.map { _ in 0 }
        onOrder = onHand
        emptySince = onHand.map { _ in nil }
    }

    mutating func noteEmptyShelves(on day: Int) {
        for index in onHand.indices {
            if onHand[index] > 0 || onOrder[index] > 0 {
                emptySince[index] = nil
            } else if emptySince[index] == nil {
                emptySince[index] = day
            }
        }
    }

    mutating func stock(to levels: [Int]) {
        onHand = levels.map { max(0, $0) }
    }

    mutating func receive(on day: Int) {
        guard let arrival, arrival <= day else { return }
        for index in onHand.indices {
            onHand[index] += onOrder[index]
            onOrder[index] = 0
        }
        self.arrival = nil
    }

    /// Serves the day's demand from the shelf; returns the units demanded and served.
    mutating func sell(_ lines: [RefillReplay.Line], on day: Int) -> (demand: Double, served: Double) {
        var demand = 0.0
        var served = 0.0
        for (index, line) in lines.enumerated() where line.demand.indices.contains(day) {
            let wanted = max(0, line.demand[day])
            let sold = min(wanted, Double(onHand[index]))
            onHand[index] -= Int(sold.rounded(.up))
            onHand[index] = max(0, onHand[index])
            demand += wanted
            served += sold
        }
        return (demand, served)
    }

    mutating func request(_ quantities: [Int], arrivingOn day: Int) {
        for index in onOrder.indices where index < quantities.count {
            onOrder[index] += quantities[index]
        }
        arrival = day
    }
}
