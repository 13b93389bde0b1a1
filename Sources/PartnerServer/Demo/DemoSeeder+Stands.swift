import Fluent
import Foundation
import PartnerCore

extension DemoSeeder {
    /// Enrols the demo's active stand partners (36 from `DemoPartnerFactory`; `DemoNetworkTests`
    /// holds it to at least 30) in the Stand Program and inserts the network `DemoStandNetwork`
    /// builds, in multi-row chunks inside one transaction.
    /// Closes every month of the demo's stand history through the payout service, so the network
    /// starts with its past commission paid, as a running one would.
    func closeStandMonths(before now: Date) async throws -> Int {
        let payouts = app.partnerOS.stands.payouts
        guard let first = try await StandOrderRecord.query(on: app.db).sort(\.$soldAtMillis).first() else { return 0 }
        var month = Month(containing: first.soldAt)
        var booked = 0
        while month < Month(containing: now) {
            booked += try await payouts.close(month).booked
            month = month.next
        }
        return booked
    }

    /// Enrols every active stand partner not yet in the program; the scale seed passes other seeds
    /// so its stands differ from the demo's.
    func seedStands(now: Date, seed: UInt64 = 20_261_205, locationSeed: UInt64 = 77_000) async throws
        -> (stands: Int, locations: Int, sales: Int)
    {
        try await app.partnerOS.writes.transaction(on: app.db) { db in
            let enrolled = Set(try await StandPartnerRecord.query(on: db).all(\.$id))
            let tiers = try await PartnerTierRecord.query(on: db).all()
            let tierByCode = Dictionary(firstValues: tiers.map { ($0.code, $0) })
            let codeByID = Dictionary(firstValues: tiers.map { ($0.id!, $0.code) })
            let partners = try await PartnerRecord.query(on: db).filter(\.$type == .stand).filter(\.$status == .active)
                .sort(\.$companyName).sort(\.$id).all()
            var stands: [DemoStandNetwork.Stand] = []
            for partner in partners where !enrolled.contains(partner.id ?? UUID()) {
                let package = partner.$tier.id.flatMap { codeByID[$0] }.flatMap(StandPackage.init(rawValue:)) ?? .starter
                // A stand's tier is its package's tier.
                if let tier = tierByCode[package.rawValue], partner.$tier.id != tier.id {
                    partner.$tier.id = tier.id
                    try await partner.update(on: db)
                }
                stands.append(
                    DemoStandNetwork.Stand(
                        id: try partner.requireID(), package: package, region: partner.region,
                        city: partner.city))
            }
            let products = try await ProductRecord.query(on: db).sort(\.$sku).all()
            var discounts: [StandPackage: Int] = [:]
            for package in StandPackage.allCases { discounts[package] = tierByCode[package.rawValue]?.baseDiscountBasisPoints ?? 0 }
            var network = DemoStandNetwork(now: now, discounts: discounts)
            network.seed = seed
            network.locationSeed = locationSeed
            let rows = network.make(stands: stands, products: products)
            try await rows.insert(on: db)
            return (rows.stands.count, rows.locations.count, rows.orders.count)
        }
    }
}
