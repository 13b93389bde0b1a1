import Foundation
import PartnerCore

/// The demo Stand Program: stand partners over every package, 40-odd shelves across all seven
/// regions, and well over a year of trade per location (sales, stock-outs, refills, monthly counts,
/// loyalty). Built without a database from a fixed seed and the given `now`, so the same clock
/// gives the same network and tests can check it on its own.
struct DemoStandNetwork {
    struct Stand {
        let id: UUID
        let package: StandPackage
        let region: String
        let city: String?
    }

    /// Everything the seeder inserts, in an order that satisfies the foreign keys.
    struct Rows {
        var stands: [StandPartnerRecord] = []
        var locations: [StandLocationRecord] = []
        var inventory: [StandInventoryRecord] = []
        var orders: [StandOrderRecord] = []
        var items: [StandOrderItemRecord] = []
        var stockOuts: [StandStockOutRecord] = []
        var refills: [StandRefillOrderRecord] = []
        var refillLines: [StandRefillOrderLineRecord] = []
        var snapshots: [StandInventorySnapshotRecord] = []
        var snapshotLines: [StandInventorySnapshotLineRecord] = []
        var ledger: [StandLoyaltyLedgerRecord] = []
        var alerts: [PartnerAlertRecord] = []
        /// SKUs launched during the history and the day each started selling.
        var launches: [String: Date] = [:]
    }

    /// One UTC calendar day of the history, computed once rather than per sale.
    struct Day {
        let start: Date
        let month: Month
        let dayOfMonth: Int
        /// 0 = Monday … 6 = Sunday.
        let weekday: Int
        /// `YYMMDD`, as document numbers carry it.
        let code: String
    }

    static let venueTypes: [(String, Int)] = [
        ("pharmacy", 25), ("department_store", 15), ("supermarket", 14), ("concept_store", 12), ("mall", 12), ("salon", 8),
        ("travel_retail", 8), ("other", 6),
    ]
    static let venueNames: [String: String] = [
        "pharmacy": "Pharmacy", "department_store": "Department Store", "supermarket": "Supermarket", "concept_store": "Concept Store",
        "mall": "Mall", "salon": "Salon", "travel_retail": "Airport", "other": "Pop-up",
    ]
    /// Relative footfall: an airport or mall shelf sells more than one in a salon.
    static let venueTraffic: [String: Double] = [
        "pharmacy": 1.0, "department_store": 1.2, "supermarket": 1.1, "concept_store": 0.9, "mall": 1.3, "salon": 0.7,
        "travel_retail": 1.5, "other": 0.8,
    ]
    /// SKUs per shelf. The packages' default planograms start at 12 facings; demo shelves carry at
    /// least 20 so every location shows a real assortment (capacity is set to match).
    static let shelfSize: [StandPackage: Int] = [.starter: 20, .plus: 24, .pro: 30]
    /// Days before `now` on which the three launched SKUs went on sale.
    static let launchAges = [150, 90, 45]

    let now: Date
    /// The tier discount each package buys refills at, in basis points.
    let discounts: [StandPackage: Int]
    var rules = StandLoyaltyRules()
    /// Other seeds give another network (the scale seed adds stands beside the demo's, whose
    /// locations' histories are seeded from `locationSeed` upwards).
    var seed: UInt64 = 20_261_205
    var locationSeed: UInt64 = 77_000

    func make(stands: [Stand], products: [ProductRecord]) -> Rows {
        var random = SeededGenerator(seed: seed)
        let today = CalendarDay.startOfDay(now)
        let days = Self.days(from: today.addingTimeInterval(-600 * 86_400), through: today)
        let catalogue = products.filter(\.active).sorted { $0.sku < $1.sku }
        var rows = Rows()
        for (product, age) in zip(catalogue.shuffled(using: &random).prefix(Self.launchAges.count), Self.launchAges) {
            rows.launches[product.sku] = today.addingTimeInterval(Double(-age * 86_400))
        }
        var numbers = Set<String>()
        for (standIndex, stand) in stands.enumerated() {
            // Everyone joined 13–19 months ago, so each location has more than a year of trade.
            let joinedAt = today.addingTimeInterval(Double(-Int.random(in: 410...560, using: &random) * 86_400 + 36_000))
            let record = StandPartnerRecord(partnerID: stand.id, package: stand.package, joinedAt: joinedAt)
            rows.stands.append(record)
            let trend = random.weighted([(0.0, 5), (0.6, 3), (-0.4, 2)])
            let region =
                DemoGeography.regions.first { $0.name == stand.region } ?? DemoGeography.regions[standIndex % DemoGeography.regions.count]
            let count =
                switch stand.package {
                case .starter: 1
                case .plus: Int.random(in: 1...2, using: &random)
                case .pro: Int.random(in: 2...3, using: &random)
                }
            for index in 0..<count {
                let opened = joinedAt.addingTimeInterval(index == 0 ? 0 : Double(Int.random(in: 5...35, using: &random) * 86_400))
                let city =
                    index == 0
                    ? region.cities.first { $0.name == stand.city } ?? region.cities.randomElement(using: &random)!
                    : region.cities.randomElement(using: &random)!
                let venue = random.weighted(Self.venueTypes)
                let location = makeLocation(stand, region: region.name, city: city, venue: venue, opened: opened, random: &random)
                let shelves = shelves(for: stand.package, catalogue: catalogue, launches: rows.launches, random: &random)
                location.capacityFacings = shelves.count + Int.random(in: 0...6, using: &random)
                if rows.locations.contains(where: { $0.$stand.id == stand.id && $0.name == location.name }) {
                    location.name += " \(index + 1)"
                }
                rows.locations.append(location)
                let packageVolume: [StandPackage: Double] = [.starter: 0.85, .plus: 1.0, .pro: 1.2]
                var history = DemoStandLocationHistory(
                    stand: record, location: location, shelves: shelves, now: now, discount: discounts[stand.package] ?? 0,
                    volume: (Self.venueTraffic[venue] ?? 1) * (packageVolume[stand.package] ?? 1)
                        * Double.random(in: 0.75...1.25, using: &random),
                    trend: trend, countDay: Int.random(in: 1...28, using: &random),
                    random: SeededGenerator(seed: locationSeed &+ UInt64(rows.locations.count)))
                history.rules = rules
                history.run(days: days, into: &rows, numbers: &numbers)
            }
        }
        rows.ledger = DemoStandLoyalty(rules: rules, now: now).ledger(
            stands: rows.stands, orders: rows.orders, stockOuts: rows.stockOuts, random: &random)
        return rows
    }

    private func makeLocation(
        _ stand: Stand, region: String, city: DemoGeography.City, venue: String, opened: Date, random: inout SeededGenerator
    ) -> StandLocationRecord {
        let location = StandLocationRecord()
        location.id = UUID(using: &random)
        location.$stand.id = stand.id
        location.name =
            switch venue {
            case "travel_retail": "\(city.name) Airport, Terminal \(Int.random(in: 1...3, using: &random))"
            case "mall": "\(city.name) Shopping Centre"
            default: "\(Self.venueNames[venue] ?? "Shop") \(city.street), \(city.name)"
            }
        location.venueType = venue
        location.address = "\(city.street) \(Int.random(in: 1...180, using: &random))"
        location.city = city.name
        location.region = region
        location.country = city.country
        // Within a few kilometres of the city centre, rounded like a geocoder's answer.
        location.latitude = ((city.latitude + Double.random(in: -0.03...0.03, using: &random)) * 10_000).rounded() / 10_000
        location.longitude = ((city.longitude + Double.random(in: -0.05...0.05, using: &random)) * 10_000).rounded() / 10_000
        location.capacityFacings = 0
        location.createdAt = opened
        return location
    }

    /// The location's planogram: the launched SKUs plus a round-robin mix of the rest (as the
    /// package default picks it), from a slightly different subset per shelf so shelves vary.
    private func shelves(
        for package: StandPackage, catalogue: [ProductRecord], launches: [String: Date], random: inout SeededGenerator
    ) -> [DemoStandLocationHistory.Shelf] {
        let regular = catalogue.filter { launches[$0.sku] == nil }
        let kept = regular.shuffled(using: &random).prefix(regular.count - 6)
        let size = (Self.shelfSize[package] ?? 20) - launches.count
        let lines = Planogram.defaultSelection(of: kept.map { ($0.sku, $0.category, $0.packSize) }, package: .pro).lines.prefix(size)
        let bySKU = Dictionary(firstValues: catalogue.map { ($0.sku, $0) })
        let launched = catalogue.filter { launches[$0.sku] != nil }.map { Planogram.defaultLine(sku: $0.sku, packSize: $0.packSize) }
        return (lines + launched).compactMap { line in
            guard let product = bySKU[line.sku] else { return nil }
            // Cheaper products turn faster; launches start strong.
            let price = max(Double(product.listPriceMinor), 500)
            let popularity =
                Double.random(in: 0.5...1.5, using: &random) * (2_500 / price).squareRoot() * (launches[line.sku] == nil ? 1 : 1.6)
            return DemoStandLocationHistory.Shelf(product: product, line: line, launch: launches[line.sku], popularity: popularity)
        }
    }

    static func days(from first: Date, through last: Date) -> [Day] {
        var days: [Day] = []
        var start = CalendarDay.startOfDay(first)
        while start <= last {
            let parts = CalendarDay.utc.dateComponents([.year, .month, .day], from: start)
            let (year, month, day) = (parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
            let index = Int((start.timeIntervalSince1970 / 86_400).rounded(.down))
            days.append(
                Day(
                    start: start, month: Month(year: year, month: month), dayOfMonth: day, weekday: (index + 3) % 7,
                    code: String(format: "%02d%02d%02d", year % 100, month, day)))
            start = start.addingTimeInterval(86_400)
        }
        return days
    }

    /// `PREFIX-YYMMDD-XXXXXX` like `DocumentNumber`, but drawn from the seeded generator so reseeds
    /// repeat; `taken` keeps every number unique.
    static func number(_ prefix: String, day: Day, random: inout SeededGenerator, taken: inout Set<String>) -> String {
        let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
        while true {
            let number = "\(prefix)-\(day.code)-\(String((0..<6).map { _ in alphabet.randomElement(using: &random)! }))"
            if taken.insert(number).inserted { return number }
        }
    }
}
