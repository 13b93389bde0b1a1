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
}
