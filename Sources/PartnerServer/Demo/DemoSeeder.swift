import Fluent
import Foundation
import PartnerCore
import Vapor

/// Seeds the demo network. Each capability adds its own step (partners now; orders, contracts and
/// stands as they land), all deterministic so every run shows the same network.
struct DemoSeeder {
    struct Report: Sendable {
        var partners = 0
        var ownerUsers = 0
        /// Demo partner users share this password; printed once by `serve --demo` and `seed --demo`.
        var partnerPassword = ""
        var sampleOwnerEmail: String?
        var products = 0
        var orders = 0
        var contracts = 0
        var complianceDocuments = 0
        var promotions = 0
        var stands = 0
        var standLocations = 0
        var standSales = 0
        var standPayouts = 0
    }

    let app: Application

    /// Seeds only when the registry is empty; returns `nil` when it was not.
    func seedIfEmpty() async throws -> Report? {
        guard try await PartnerRecord.query(on: app.db).count() == 0 else { return nil }
        return try await seed()
    }

    func seed() async throws -> Report {
        var report = Report()
        report.partnerPassword = Self.randomPassword()
        // One bcrypt hash shared by the demo users: hashing hundreds at cost 12 would take minutes.
        let sharedHash = try await app.partnerOS.signIn.hash(report.partnerPassword)
        let generated = DemoPartnerFactory().make()
        let finished = try await app.partnerOS.writes.transaction(on: app.db) { db in
            try await Self.seedPartners(generated, passwordHash: sharedHash, on: db)
        }
        let now = app.partnerOS.clock.now
        report.products = try await app.partnerOS.writes.transaction(on: app.db) { db in
            try await Self.seedCatalog(on: db, at: now)
        }
        let commerce = try await seedCommerce(
            adminID: try await UserRecord.query(on: app.db).filter(\.$role == .admin).first()?.requireID())
        report.orders = commerce.orders
        report.contracts = commerce.contracts
        report.complianceDocuments = commerce.compliance
        report.promotions = commerce.promotions
        let stands = try await seedStands(now: now)
        report.standPayouts = try await closeStandMonths(before: now)
        report.stands = stands.stands
        report.standLocations = stands.locations
        report.standSales = stands.sales
        report.partners = finished.partners
        report.ownerUsers = finished.owners
        report.sampleOwnerEmail = finished.sampleOwner
        return report
    }

    private static func seedPartners(_ generated: [DemoPartnerFactory.Partner], passwordHash: String, on db: any Database) async throws -> (
        partners: Int, owners: Int, sampleOwner: String?
    ) {
        let tiers = Dictionary(firstValues: try await PartnerTierRecord.query(on: db).all().map { ($0.code, $0) })
        var owners: [String] = []
        for entry in generated {
            let partner = PartnerRecord(id: entry.id, profile: entry.profile, status: entry.status, tierID: tiers[entry.tierCode]?.id)
            try await partner.create(on: db)
            guard entry.hasOwner else { continue }
            var email = "owner.\(DemoPartnerFactory.slug(entry.profile.companyName))@example.com"
            if owners.contains(email) { email = "owner\(owners.count).\(DemoPartnerFactory.slug(entry.profile.companyName))@example.com" }
            let user = UserRecord(
                id: entry.ownerID, email: email, name: "Owner of \(entry.profile.companyName)", passwordHash: passwordHash, role: .partner)
            try await user.create(on: db)
            try await PartnerUserRecord(partnerID: try partner.requireID(), userID: try user.requireID(), role: .owner).create(on: db)
            owners.append(email)
        }
        return (generated.count, owners.count, owners.first)
    }

    /// Promotions, pricing changes, orders, loyalty, performance, contracts and compliance over the
    /// seeded registry.
    private func seedCommerce(adminID: UUID?) async throws -> (orders: Int, contracts: Int, compliance: Int, promotions: Int) {
        let now = app.partnerOS.clock.now
        let configuration = app.partnerOS.configuration
        let history = DemoOrderHistory(now: now, rules: configuration.loyaltyRules)
        let createdBy = adminID ?? UUID()
        let agreements = DemoAgreements(
            now: now, documents: DocumentStore(dataDirectory: configuration.dataDirectory), createdBy: createdBy)
        return try await app.partnerOS.writes.transaction(on: app.db) { db in
            let partners = try await PartnerRecord.query(on: db).sort(\.$companyName).sort(\.$id).all()
            let products = try await ProductRecord.query(on: db).sort(\.$sku).all()
            let tierRecords = try await PartnerTierRecord.query(on: db).sort(\.$code).all()
            let tiers = Dictionary(firstValues: tierRecords.compactMap { tier in tier.id.map { ($0, tier) } })
            let plan = DemoPricingPlan.make(
                partners: partners, products: products, guardrails: try await app.partnerOS.guardrails.byProduct(on: db),
                tiers: tierRecords,
                now: now, changedBy: createdBy)
            try await plan.insert(products: products, createdBy: createdBy, on: db)
            let orders = try await history.seed(partners: partners, products: products, tiers: tiers, pricing: plan, on: db)
            let seeded = try await agreements.seed(partners: partners, on: db)
            return (orders, seeded.contracts, seeded.compliance, plan.promotions.count)
        }
    }

    private static func seedCatalog(on db: any Database, at now: Date) async throws -> Int {
        var random = SeededGenerator(seed: 40_404)
        let catalogue = DemoCatalog.products(random: &random)
        for (definition, guardrail) in catalogue {
            let product = ProductRecord(definition)
            try await product.create(on: db)
            let record = GuardrailRecord()
            record.$product.id = try product.requireID()
            record.apply(guardrail, at: now)
            try await record.create(on: db)
        }
        return catalogue.count
    }

    static func randomPassword() -> String {
        let alphabet = Array("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<16).map { _ in alphabet.randomElement(using: &generator)! })
    }
}
