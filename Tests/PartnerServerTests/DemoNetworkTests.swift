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
            let now = Date()
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
                .GET, "/api/v1/partners/\(signed.$partner.id.apiString)/contracts/\(signed.id!.apiString)/document", as: staff)
            #expect(download.status == .ok && download.body.string.hasPrefix("%PDF-1.4"))
        }
    }
}
