import Foundation

/// Scores a candidate site for a new stand location from the network around it.
///
/// Score: 100 points —
/// - `nearby_performance` (40): the kernel-weighted mean of units sold per day by the shelves around
///   the site (Gaussian kernel, bandwidth 25 km; `GeoKernel`), against the network's median shelf:
///   the median earns half the points, twice the median all of them; with no shelf within about
///   three bandwidths the evidence is missing and the site gets half;
/// - `cannibalisation` (20): 1 − the overlap with existing shelves, Σ K(d) with a 1.5 km bandwidth
///   (a shelf next door takes every point, one 5 km away almost none);
/// - `venue_type` (20): the venue type's mean units per shelf-day against the network's mean
///   (0.5 + ratio − 1, clamped to 0…1);
/// - `dealer_demand` (20): the mid-rank percentile of the region's dealer order revenue over the last
///   12 months among all regions (half without a region).
public enum ExpansionInsight {
    public static let kind = "location_expansion"
    public static let performanceKernel = GeoKernel(bandwidthKm: 25)
    public static let overlapKernel = GeoKernel(bandwidthKm: 1.5)

    public struct Site: Sendable, Hashable {
        public var name: String
        public var point: GeoPoint
        public var venueType: String
        public var region: String?

        public init(name: String, point: GeoPoint, venueType: String, region: String?) {
            self.name = name
            self.point = point
            self.venueType = venueType
            self.region = region
        }
    }

    public struct Shelf: Sendable, Hashable {
        public var point: GeoPoint
        public var venueType: String
        public var region: String
        public var city: String
        /// Units sold per day over the window.
        public var unitsPerDay: Double

        public init(point: GeoPoint, venueType: String, region: String, city: String = "", unitsPerDay: Double) {
            self.point = point
            self.venueType = venueType
            self.region = region
            self.city = city
            self.unitsPerDay = unitsPerDay
        }
    }

    public struct Network: Sendable, Hashable {
        public var shelves: [Shelf]
        /// Dealer order revenue per region (any unit; only ranks matter).
        public var dealerDemand: [String: Double]

        public init(shelves: [Shelf], dealerDemand: [String: Double]) {
            self.shelves = shelves
            self.dealerDemand = dealerDemand
        }

        var medianRate: Double? { DisplayHealthInsight.median(shelves.map(\.unitsPerDay)) }
        var meanRate: Double? { shelves.isEmpty ? nil : shelves.map(\.unitsPerDay).reduce(0, +) / Double(shelves.count) }

        func venueRate(_ venue: String) -> Double? {
            let rates = shelves.filter { $0.venueType == venue }.map(\.unitsPerDay)
            return rates.isEmpty ? nil : rates.reduce(0, +) / Double(rates.count)
        }
    }

    public static func scorecard(_ site: Site, network: Network) -> Scorecard {
        let nearby = performanceKernel.weightedMean(at: site.point, of: network.shelves.map { ($0.point, $0.unitsPerDay) })
        let median = network.medianRate ?? 0
        let ratio = nearby.weight >= 0.01 && median > 0 ? (nearby.mean ?? 0) / median : nil
        let distances = network.shelves.map { site.point.distance(to: $0.point) }
        let overlap = distances.map(overlapKernel.weight(distance:)).reduce(0, +)
        let nearest = distances.min()
        let venueRatio = network.venueRate(site.venueType).flatMap { rate in network.meanRate.map { $0 > 0 ? rate / $0 : 1 } }
        let regionRank = site.region.flatMap { region in
            network.dealerDemand[region].flatMap { own in
                DisplayHealthInsight.percentile(own, among: network.dealerDemand.filter { $0.key != region }.map(\.value))
            }
        }
        return Scorecard([
            .init(
                key: "nearby_performance", label: "Nearby shelves' sales against the network median (×)",
                value: NumberText.rounded(ratio ?? 0), weight: 40, attainment: ratio.map { $0 / 2 } ?? 0.5,
                display: ratio.map { "\(NumberText.decimal($0))× the median shelf" } ?? "no shelf nearby"),
            .init(
                key: "cannibalisation", label: "Distance to the nearest stand location (km)", value: NumberText.rounded(nearest ?? 0),
                weight: 20, attainment: 1 - overlap,
                display: nearest.map { "\(NumberText.decimal($0)) km to the nearest shelf" } ?? "no other shelf"),
            .init(
                key: "venue_type", label: "Venue type's sales against the network mean (×)", value: NumberText.rounded(venueRatio ?? 1),
                weight: 20, attainment: 0.5 + (venueRatio ?? 1) - 1,
                display: "\(site.venueType.replacingOccurrences(of: "_", with: " ")) at \(NumberText.decimal(venueRatio ?? 1))× the mean"),
            .init(
                key: "dealer_demand", label: "Region's dealer demand, percentile among regions",
                value: NumberText.rounded((regionRank ?? 0.5) * 100), weight: 20, attainment: regionRank ?? 0.5,
                display: regionRank.map { "the \(NumberText.percent($0)) percentile in \(site.region ?? "")" } ?? "unknown region"),
        ])
    }

    public static func recommendations(_ site: Site, scorecard: Scorecard) -> [InsightRecommendation] {
        var result: [InsightRecommendation] = []
        switch scorecard.level {
        case .good:
            result.append(
                .init(
                    action: "open_location", priority: .high,
                    rationale: "Open a \(site.venueType) stand at \(site.name): the area sells well"))
        case .watch:
            result.append(
                .init(
                    action: "pilot_location", priority: .medium,
                    rationale: "Pilot \(site.name) with a starter package and review it after 90 days"))
        case .act:
            result.append(
                .init(action: "skip_location", priority: .low, rationale: "Do not open at \(site.name) now; look for a stronger site"))
        }
        if let overlap = scorecard.factors.first(where: { $0.key == "cannibalisation" }), overlap.contribution < 10 {
            result.append(
                .init(
                    action: "avoid_cannibalisation", priority: .medium,
                    rationale: "An existing shelf is \(NumberText.decimal(overlap.value)) km away; a new one would take its customers"))
        }
        return result
    }

    public static func insight(_ site: Site, network: Network, window: Insight.Window, generatedAt: Date) -> Insight {
        let scorecard = scorecard(site, network: network)
        let recommendations = recommendations(site, scorecard: scorecard)
        let summary =
            "\(site.name) (\(site.venueType.replacingOccurrences(of: "_", with: " "))"
            + "\(site.region.map { ", \($0)" } ?? "")) was scored against \(network.shelves.count) shelves of the network."
        let storyboard = StoryboardBuilder.build(
            subject: site.name, title: "expansion score", scorecard: scorecard, summary: summary, recommendations: recommendations)
        return Insight(
            kind: kind, scorecard: scorecard, recommendations: recommendations, storyboard: storyboard, window: window,
            generatedAt: generatedAt)
    }
}
