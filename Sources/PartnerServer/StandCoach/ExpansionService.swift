import Fluent
import Foundation
import PartnerAdvisor
import PartnerCore
import SQLKit

/// `POST /stand/ai/location-expansion` (HQ): scores candidate sites — or proposes cities where the
/// network sells — from the shelves around them, cannibalisation, the venue type and the region's
/// dealer demand (`ExpansionInsight`). Each scored site is stored as a network-wide `AIInsight`.
struct ExpansionService {
    static let windowDays = 90
    static let defaultLimit = 5

    struct Candidate: Sendable, Hashable {
        let name: String
        let latitude: Double
        let longitude: Double
        let venueType: String
    }

    struct Scored: Sendable, Equatable {
        let site: ExpansionInsight.Site
        let proposed: Bool
        let insight: StoredInsight
    }

    let database: any Database
    let writes: WriteSerializer
    let clock: AppClock

    func score(region: String?, candidates: [Candidate]?, limit: Int?, by userID: UUID?) async throws -> [Scored] {
        let now = clock.now
        let through = CalendarDay.startOfDay(now).addingTimeInterval(-86_400)
        let from = through.addingTimeInterval(-Double(Self.windowDays - 1) * 86_400)
        let network = ExpansionInsight.Network(
            shelves: try await shelves(from: from, through: through),
            dealerDemand: try await dealerDemand(since: now.addingTimeInterval(-365 * 86_400)))
        let window = Insight.Window(from: from, through: through)
        var sites: [(site: ExpansionInsight.Site, proposed: Bool)]
        if let candidates {
            sites = candidates.map { candidate in
                let point = GeoPoint(latitude: candidate.latitude, longitude: candidate.longitude)
                let nearest = network.shelves.min { point.distance(to: $0.point) < point.distance(to: $1.point) }
                let inferred = nearest.flatMap { point.distance(to: $0.point) <= 150 ? $0.region : nil }
                return (.init(name: candidate.name, point: point, venueType: candidate.venueType, region: region ?? inferred), false)
            }
        } else {
            sites = proposals(network, region: region).map { ($0, true) }
        }
        var scored = sites.map { entry in (entry, ExpansionInsight.insight(entry.site, network: network, window: window, generatedAt: now))
        }
        if candidates == nil {
            scored.sort { ($1.1.score, $0.0.site.name) < ($0.1.score, $1.0.site.name) }
            scored = Array(scored.prefix(limit ?? Self.defaultLimit))
        }
        let chosen = scored
        return try await writes.transaction(on: database) { db in
            var stored: [Scored] = []
            for (entry, insight) in chosen {
                let saved = try await InsightStore.recordNetwork(
                    insight, subject: entry.site.name, region: entry.site.region, detail: SiteDetail(entry.site), by: userID, on: db,
                    at: now)
                stored.append(Scored(site: entry.site, proposed: entry.proposed, insight: saved))
            }
            return stored
        }
    }

    struct SiteDetail: Codable, Sendable {
        let latitude: Double
        let longitude: Double
        let venueType: String

        init(_ site: ExpansionInsight.Site) {
            latitude = site.point.latitude
            longitude = site.point.longitude
            venueType = site.venueType
        }
    }

    /// One proposal per city with shelves (in `region`, when given): its shelves' centre, with the
    /// venue type that sells best across the network.
    private func proposals(_ network: ExpansionInsight.Network, region: String?) -> [ExpansionInsight.Site] {
        let venues = Set(network.shelves.map(\.venueType))
        let bestVenue =
            venues.max { a, b in
                let (ra, rb) = (network.venueRateOrZero(a), network.venueRateOrZero(b))
                return ra != rb ? ra < rb : a > b
            } ?? "pharmacy"
        var byCity: [String: [ExpansionInsight.Shelf]] = [:]
        for shelf in network.shelves where region == nil || shelf.region == region {
            byCity["\(shelf.region)|\(shelf.city)", default: []].append(shelf)
        }
        return byCity.keys.sorted().compactMap { key in
            guard let shelves = byCity[key], let first = shelves.first else { return nil }
            let latitude = shelves.map(\.point.latitude).reduce(0, +) / Double(shelves.count)
            let longitude = shelves.map(\.point.longitude).reduce(0, +) / Double(shelves.count)
            return .init(
                name: "\(first.city) (\(first.region))", point: GeoPoint(latitude: latitude, longitude: longitude), venueType: bestVenue,
                region: first.region)
        }
    }

    /// Every stand location with its units sold per day open in the window.
    private func shelves(from: Date, through: Date) async throws -> [ExpansionInsight.Shelf] {
        let locations = try await StandLocationRecord.query(on: database).all()
        struct Sold: Decodable {
            let locationId: UUID
            let units: Int64
        }
        let sold = try await database.sql().raw(
            """
            SELECT location_id AS "locationId", CAST(COALESCE(SUM(units), 0) AS BIGINT) AS units FROM \(ident: StandOrderRecord.schema)
            WHERE sold_at_ms >= \(bind: PartnerOrderRecord.millis(from))
              AND sold_at_ms < \(bind: PartnerOrderRecord.millis(through.addingTimeInterval(86_400)))
            GROUP BY location_id
            """
        ).all(decoding: Sold.self)
        let units = Dictionary(sold.map { ($0.locationId, $0.units) }, uniquingKeysWith: +)
        return try locations.map { location in
            let opened = max(CalendarDay.startOfDay(location.createdAt), from)
            let days = max(1, (through.timeIntervalSince(opened) / 86_400).rounded() + 1)
            return ExpansionInsight.Shelf(
                point: GeoPoint(latitude: location.latitude, longitude: location.longitude), venueType: location.venueType,
                region: location.region, city: location.city, unitsPerDay: Double(units[try location.requireID()] ?? 0) / days)
        }
    }

    /// Dealer order revenue per partner region since `since` (cancelled orders left out).
    private func dealerDemand(since: Date) async throws -> [String: Double] {
        struct Row: Decodable {
            let region: String
            let total: Int64
        }
        let rows = try await database.sql().raw(
            """
            SELECT p.region AS region, CAST(COALESCE(SUM(o.total_minor), 0) AS BIGINT) AS total
            FROM \(ident: PartnerOrderRecord.schema) o JOIN \(ident: PartnerRecord.schema) p ON p.id = o.partner_id
            WHERE p.type = \(bind: PartnerType.dealer.rawValue) AND o.placed_at_ms >= \(bind: PartnerOrderRecord.millis(since))
              AND o.status <> \(bind: OrderStatus.cancelled.rawValue)
            GROUP BY p.region
            """
        ).all(decoding: Row.self)
        return Dictionary(rows.map { ($0.region, Double($0.total)) }, uniquingKeysWith: +)
    }
}

extension ExpansionInsight.Network {
    func venueRateOrZero(_ venue: String) -> Double {
        let rates = shelves.filter { $0.venueType == venue }.map(\.unitsPerDay)
        return rates.isEmpty ? 0 : rates.reduce(0, +) / Double(rates.count)
    }
}
