import Fluent
import Foundation
import PartnerCore
import Testing

@testable import PartnerServer

@Suite("Demo network")
struct DemoNetworkTests {
    @Test func isDeterministicLargeAndVaried() throws {
        let first = DemoPartnerFactory().make()
        let second = DemoPartnerFactory().make()
        #expect(first.map(\.profile) == second.map(\.profile))
        #expect(first.map(\.id) == second.map(\.id))
        #expect(Set(first.map(\.id)).count == first.count)
        #expect(first.count >= 200)
        #expect(Set(first.map(\.profile.type)) == Set(PartnerType.allCases))
        #expect(Set(first.map(\.profile.region)).count >= 5)
        #expect(first.contains { $0.status == .applicant } && first.contains { $0.status == .suspended })
        #expect(first.filter(\.hasOwner).count >= 20)
        for partner in first {
            #expect(throws: Never.self) { try partner.profile.validated() }
            let tier = try #require(TierDefinition.defaults.first { $0.code == partner.tierCode })
            #expect(tier.applies(to: partner.profile.type))
        }
        let keys = first.map { "\($0.profile.type.rawValue)|\($0.profile.companyKey)" }
        #expect(Set(keys).count == keys.count)
    }

    @Test func seedsPartnersOwnersAndLogins() async throws {
        try await withTestApp { world in
            let report = try #require(try await DemoSeeder(app: world.app).seedIfEmpty())
            #expect(report.partners == DemoPartnerFactory().make().count)
            #expect(try await PartnerRecord.query(on: world.app.db).count() == report.partners)
            #expect(try await PartnerRecord.query(on: world.app.db).filter(\.$tier.$id == nil).count() == 0)
            #expect(try await PartnerUserRecord.query(on: world.app.db).count() == report.ownerUsers)
            let owner = try #require(report.sampleOwnerEmail)
            let login = try await world.send(
                .POST, "/api/v1/auth/login", json: #"{"email":"\#(owner)","password":"\#(report.partnerPassword)"}"#)
            #expect(login.status == .ok)
            #expect(try await DemoSeeder(app: world.app).seedIfEmpty() == nil)
        }
    }

    @Test func seedsTwoYearsOfCommerce() async throws {
        try await withTestApp { world in
            let report = try #require(try await DemoSeeder(app: world.app).seedIfEmpty())
            let db = world.app.db
            #expect(report.products >= 40)
            #expect(try await GuardrailRecord.query(on: db).count() == report.products)
            #expect(report.orders > 2_000)
            let orders = try await PartnerOrderRecord.query(on: db).all()
            let months = Set(orders.map { Month(containing: $0.placedAt) })
            #expect(months.count >= 24)
            #expect(Set(orders.map(\.status)) == Set(OrderStatus.allCases))
            let now = TestWorld.now
            let statuses = try await PartnerContractRecord.query(on: db).all().map { $0.contractTerms.status(at: now) }
            #expect(statuses.contains(.renewalDue) && statuses.contains(.expired) && statuses.contains(.active))
            let expired = try await ComplianceDocumentRecord.query(on: db).all().filter { ($0.expiresOn ?? .distantFuture) < now }
            #expect(!expired.isEmpty)
            #expect(try await LoyaltyEntryRecord.query(on: db).filter(\.$kind == .bonus).count() > 0)
            #expect(try await LoyaltyEntryRecord.query(on: db).filter(\.$kind == .redeem).count() > 0)
            #expect(try await LoyaltyEntryRecord.query(on: db).filter(\.$kind == .expire).count() > 0)
            #expect(try await PromotionRecord.query(on: db).filter(\.$status == .published).count() >= 2)
            // Every seeded contract document is a real, downloadable PDF.
            let staff = try await world.account(.staff)
            let signed = try #require(try await PartnerContractRecord.query(on: db).filter(\.$documentSHA256 != nil).first())
            let download = try await world.send(
                .GET, "/api/v1/partners/\(signed.$partner.id.apiString)/contracts/\(try #require(signed.id).apiString)/document", as: staff)
            #expect(download.status == .ok && download.body.string.hasPrefix("%PDF-1.4"))
        }
    }

    @Test func buildsAStandNetworkWithAYearOfTrade() throws {
        let now = Date(timeIntervalSince1970: 1_795_000_000.123)
        let rows = Self.standNetwork(now: now)
        #expect(rows.stands.count >= 30)
        #expect(Set(rows.stands.map(\.packageLevel)) == Set(StandPackage.allCases))
        #expect(rows.locations.count >= 40)
        #expect(Set(rows.locations.map(\.region)).count >= 5)
        for location in rows.locations {
            #expect(StandLocationDraft.venueTypes.contains(location.venueType))
            let city = try #require(DemoGeography.regions.flatMap(\.cities).first { $0.name == location.city })
            #expect(abs(location.latitude - city.latitude) < 0.1 && abs(location.longitude - city.longitude) < 0.1)
        }
        let shelves = Dictionary(grouping: rows.inventory, by: { $0.$location.id })
        #expect(rows.locations.allSatisfy { (shelves[$0.id!]?.count ?? 0) >= 20 && (shelves[$0.id!]?.count ?? 0) <= $0.capacityFacings })

        // More than a year of daily trade everywhere, busier at weekends, baskets of one to four SKUs.
        let sales = Dictionary(grouping: rows.orders, by: { $0.$location.id })
        for location in rows.locations {
            let sold = try #require(sales[location.id!]).map(\.soldAt)
            #expect(sold.max()!.timeIntervalSince(sold.min()!) >= 365 * 86_400)
        }
        let weekdays = Dictionary(grouping: rows.orders, by: { CalendarDay.utc.component(.weekday, from: $0.soldAt) }).mapValues(\.count)
        let weekend = Double((weekdays[1] ?? 0) + (weekdays[7] ?? 0)) / 2
        #expect(weekend > Double((2...6).reduce(0) { $0 + (weekdays[$1] ?? 0) }) / 5 * 1.2)
        let items = Dictionary(grouping: rows.items, by: { $0.$order.id })
        #expect(items.values.allSatisfy { (1...4).contains($0.count) })
        #expect(Set(rows.orders.map(\.number)).count == rows.orders.count)
        let packages = Dictionary(uniqueKeysWithValues: rows.stands.map { ($0.id!, $0.packageLevel) })
        let rules = StandLoyaltyRules()
        let wrong = rows.orders.filter { order in
            order.soldAtMillis != PartnerOrderRecord.millis(order.soldAt) || order.soldAt > now
                || order.pointsEarned
                    != rules.points(for: Money(minorUnits: order.totalMinor, currency: .eur), package: packages[order.$stand.id]!)
                || order.totalMinor != items[order.id!]!.reduce(0) { $0 + $1.lineTotalMinor }
        }
        #expect(wrong.isEmpty)

        // Nothing sells from an empty shelf or before its launch.
        #expect(!rows.stockOuts.isEmpty && rows.stockOuts.contains { $0.endedAt != nil })
        #expect(rows.launches.count == 3)
        let orders = Dictionary(uniqueKeysWithValues: rows.orders.map { ($0.id!, $0) })
        let outs = Dictionary(grouping: rows.stockOuts, by: { "\($0.$location.id)|\($0.sku)" })
        let impossible = rows.items.filter { item in
            let order = orders[item.$order.id]!
            let empty = outs["\(order.$location.id)|\(item.sku)"]?.contains {
                order.soldAt > $0.startedAt && order.soldAt < $0.endedAt ?? .distantFuture
            }
            return order.soldAt < rows.launches[item.sku] ?? .distantPast || empty == true
        }
        #expect(impossible.isEmpty)

        // Refills: delivered 2–7 days after the request, at most one in flight per location, some in flight now.
        #expect(rows.refills.filter { $0.status == .confirmed }.count > rows.locations.count * 5)
        let misdated = rows.refills.filter { refill in
            refill.requestedAtMillis != PartnerOrderRecord.millis(refill.requestedAt)
                || refill.inFlightLocationID != (refill.status.isInFlight ? refill.$location.id : nil)
                || refill.deliveredAt.map { !(2 * 86_400...7 * 86_400).contains($0.timeIntervalSince(refill.requestedAt)) } ?? false
        }
        #expect(misdated.isEmpty)
        let inFlight = rows.refills.compactMap(\.inFlightLocationID)
        #expect(!inFlight.isEmpty && Set(inFlight).count == inFlight.count)

        // Monthly counts find shrinkage; the ledger earns monthly with bonuses on top; some shelves are low now.
        #expect(rows.snapshots.count >= rows.locations.count * 12 && rows.snapshots.contains { $0.shrinkageMinor > 0 })
        #expect(rows.ledger.contains { $0.kind == .earn } && rows.ledger.contains { $0.kind == .bonus })
        #expect(Set(rows.ledger.map { "\($0.$stand.id)|\($0.idempotencyKey)" }).count == rows.ledger.count)
        #expect(rows.ledger.allSatisfy { $0.occurredAt <= now && $0.occurredAtMillis == PartnerOrderRecord.millis($0.occurredAt) })
        #expect(!rows.alerts.isEmpty && rows.alerts.allSatisfy { $0.kind == "stand_low_stock" })

        let second = Self.standNetwork(now: now)
        #expect(second.orders.map(\.number) == rows.orders.map(\.number))
        #expect(second.refills.map(\.id) == rows.refills.map(\.id) && second.ledger.map(\.points) == rows.ledger.map(\.points))
    }

    @Test func seedsTheStandProgram() async throws {
        try await withTestApp { world in
            let report = try #require(try await DemoSeeder(app: world.app).seedIfEmpty())
            let db = world.app.db
            #expect(report.stands >= 30 && report.standLocations >= 40 && report.standSales > 10_000)
            #expect(try await StandPartnerRecord.query(on: db).count() == report.stands)
            #expect(try await StandLocationRecord.query(on: db).count() == report.standLocations)
            #expect(try await StandOrderRecord.query(on: db).count() == report.standSales)
            let tiers = Dictionary(uniqueKeysWithValues: try await PartnerTierRecord.query(on: db).all().map { ($0.id!, $0.code) })
            for stand in try await StandPartnerRecord.query(on: db).all() {
                let partner = try #require(try await PartnerRecord.find(stand.id, on: db))
                #expect(partner.type == .stand && partner.$tier.id.flatMap { tiers[$0] } == stand.packageLevel.rawValue)
            }
            #expect(try await StandRefillOrderRecord.query(on: db).filter(\.$inFlightLocationID != nil).count() > 0)
            #expect(try await StandLoyaltyLedgerRecord.query(on: db).filter(\.$kind == .bonus).count() > 0)
            #expect(try await PartnerAlertRecord.query(on: db).filter(\.$kind == "stand_low_stock").count() > 0)
            // The live services read the seeded stand as they read their own writes.
            let staff = try await world.account(.staff)
            let stand = try #require(try await StandPartnerRecord.query(on: db).filter(\.$packageLevel == .pro).first()).id!.apiString
            #expect(try await world.send(.GET, "/api/v1/stand/performance/\(stand)", as: staff).status == .ok)
            let loyalty = try await world.send(.GET, "/api/v1/stand/\(stand)/loyalty", as: staff).json
            let standID = try #require(UUID(uuidString: stand))
            let ledger = try await StandLoyaltyLedgerRecord.query(on: db).filter(\.$stand.$id == standID).all()
            #expect(!ledger.isEmpty)
            #expect(loyalty["balance"] as? Int == ledger.reduce(0) { $0 + $1.points })
            // The demo's past months are closed: every sale before this month is paid exactly once.
            #expect(report.standPayouts > report.stands * 6)
            let thisMonth = PartnerOrderRecord.millis(Month(containing: TestWorld.now).start)
            #expect(try await StandOrderRecord.query(on: db).filter(\.$payoutID == nil).filter(\.$soldAtMillis < thisMonth).count() == 0)
            let payouts = try await world.send(.GET, "/api/v1/stand/\(stand)/payouts", as: staff).json
            let items = try #require(payouts["items"] as? [[String: Any]])
            #expect(items.first?["status"] as? String == "accruing")
            #expect(items.dropFirst().allSatisfy { $0["status"] as? String == "due" } && items.count > 6)
        }
    }

    /// The demo stand network over the demo catalogue and stand partners, without a database.
    private static func standNetwork(now: Date) -> DemoStandNetwork.Rows {
        var random = SeededGenerator(seed: 40_404)
        var ids = SeededGenerator(seed: 1)
        let products = DemoCatalog.products(random: &random).map { definition, _ in
            let product = ProductRecord(definition)
            product.id = UUID(using: &ids)
            return product
        }
        let stands = DemoPartnerFactory().make().filter { $0.profile.type == .stand && $0.status == .active }.map {
            DemoStandNetwork.Stand(
                id: $0.id, package: StandPackage(rawValue: $0.tierCode)!, region: $0.profile.region, city: $0.profile.city)
        }
        let network = DemoStandNetwork(now: now, discounts: [.starter: 0, .plus: 300, .pro: 600])
        return network.make(stands: stands, products: products)
    }
}
