/// A transparent weighted score: each component earns `weight × attainment` points (weights add up
/// to 100, attainment in 0…1); the score is the rounded sum, and the factors' whole-point
/// contributions are the components' points rounded by largest remainder so they add up to it.
public struct Scorecard: Sendable, Hashable {
    public struct Component: Sendable, Hashable {
        public let key: String
        public let label: String
        /// The measurement shown to people, in the unit of `label`.
        public let value: Double
        /// The points available.
        public let weight: Double
        /// 0 (earns nothing) … 1 (earns every point).
        public let attainment: Double
        /// How the value reads in a sentence (`"83 %"`, `"4 days"`).
        public let display: String

        public init(key: String, label: String, value: Double, weight: Double, attainment: Double, display: String) {
            self.key = key
            self.label = label
            self.value = value
            self.weight = max(0, weight.isFinite ? weight : 0)
            self.attainment = attainment.isFinite ? min(max(attainment, 0), 1) : 0
            self.display = display
        }

        var points: Double { weight * attainment }
        /// Points not earned.
        var shortfall: Double { weight - points }
    }

    public let components: [Component]
    public let score: Int
    public let level: InsightLevel
    public let factors: [InsightFactor]

    public init(_ components: [Component]) {
        self.components = components
        let raw = components.map(\.points)
        let score = min(100, max(0, Int(raw.reduce(0, +).rounded())))
        let points = LargestRemainder.apportion(raw, total: score)
        self.score = points.reduce(0, +)
        level = InsightLevel(score: self.score)
        factors = zip(components, points).map { component, points in
            InsightFactor(key: component.key, label: component.label, value: component.value, contribution: points)
        }
    }

    /// Components that cost the most points first (ties in declared order).
    public var weakest: [Component] {
        components.enumerated().sorted { a, b in
            a.element.shortfall != b.element.shortfall ? a.element.shortfall > b.element.shortfall : a.offset < b.offset
        }.map(\.element)
    }

    /// The points a factor earned, for sentences.
    func contribution(of key: String) -> Int {
        factors.first { $0.key == key }?.contribution ?? 0
    }
}
