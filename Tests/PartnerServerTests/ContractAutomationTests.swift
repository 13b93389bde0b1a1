import Fluent
import Foundation
import PartnerCore
import Testing

@testable import PartnerServer

/// `contract-renewals`, `compliance-expiry` and `tier-review`: each announces what it finds once,
/// with the right data, and a second run at the same moment does nothing.
@Suite("Contract, compliance and tier automations")
struct ContractAutomationTests {
    private var now: Date { TestWorld.now }  // 2026-11-18T12:00Z

    @discardableResult
    private func contract(
        _ partner: Partner, _ starts: String, _ ends: String, autoRenew: Bool = false, notice: Int = 30, terminated: Bool = false,
        in world: TestWorld
    ) async throws -> UUID {
        let draft = try ContractDraft.validated(
            kind: .dealerAgreement, startsOn: starts, endsOn: ends, autoRenew: autoRenew, renewalNoticeDays: notice, commissionRate: nil,
            paymentTermsDays: nil, text: nil, annualRevenueTarget: nil)
        let record = PartnerContractRecord(draft, partnerID: partner.id, createdBy: UUID())
        record.documentSHA256 = String(repeating: "a", count: 64)
        record.documentBytes = 100
        record.documentUploadedAt = now
        if terminated { record.terminatedAt = now.addingTimeInterval(-86_400) }
        try await record.create(on: world.app.db)
        return try record.requireID()
    }

    private func data(_ event: OutboxEventRecord) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(event.data.utf8)) as? [String: Any])
    }

    private func count(_ types: [String], in world: TestWorld) async throws -> [Int] {
        var counts: [Int] = []
        for type in types { counts.append(try await world.events(ofType: type).count) }
        return counts
    }

    @Test func contractRenewalsAreAnnouncedOncePerTerm() async throws {
        try await withTestApp { world in
            let partner = try await world.partner()
            let due = try await contract(partner, "2025-12-02", "2026-12-01", in: world)
            let ended = try await contract(partner, "2025-11-01", "2026-11-01", in: world)
            let rolled = try await contract(partner, "2025-11-10", "2026-11-09", autoRenew: true, in: world)
            try await contract(partner, "2024-01-01", "2024-12-31", in: world)  // expired long ago: history
            try await contract(partner, "2025-12-02", "2026-12-01", terminated: true, in: world)
            let runner = world.services.automations
            let first = try await runner.run(.contractRenewals, at: now)
            guard case .succeeded(let summary) = first.result else {
                Issue.record("the run did not succeed: \(first.result)")
                return
            }
            #expect(summary.contains("contract.renewal_due 1") && summary.contains("4 contracts checked"))
            let types = ["contract.renewal_due", "contract.expired", "contract.renewed"]
            #expect(try await count(types, in: world) == [1, 1, 1])
            let renewal = try data(try #require(try await world.events(ofType: "contract.renewal_due").first))
            #expect(renewal["contractId"] as? String == due.apiString && renewal["partnerId"] as? String == partner.id.apiString)
            #expect(renewal["endsOn"] as? String == "2026-12-01" && renewal["daysLeft"] as? Int == 13)
            #expect(renewal["autoRenew"] as? Bool == false && renewal["renewalNoticeDays"] as? Int == 30)
            let expired = try data(try #require(try await world.events(ofType: "contract.expired").first))
            #expect(expired["contractId"] as? String == ended.apiString && expired["endedOn"] as? String == "2026-11-01")
            let renewed = try data(try #require(try await world.events(ofType: "contract.renewed").first))
            #expect(renewed["contractId"] as? String == rolled.apiString)
            #expect(renewed["previousEndsOn"] as? String == "2026-11-09" && renewed["endsOn"] as? String == "2027-11-09")
            let alerts = try await world.services.alerts.list(of: partner.id, page: try PageRequest(limit: 10, cursor: nil)).items
            #expect(Set(alerts.map(\.kind)) == ["contract_renewal_due", "contract_expired", "contract_renewed"])
            #expect(alerts.first { $0.kind == "contract_expired" }?.severity == .critical)
            #expect(try await world.events(ofType: "notification.partner_alert").count == 3)

            // Again, and the next day: nothing new.
            _ = try await runner.run(.contractRenewals, at: now)
            _ = try await runner.run(.contractRenewals, at: now.addingTimeInterval(86_400))
            #expect(try await count(types, in: world) == [1, 1, 1])
            #expect(try await world.events(ofType: "notification.partner_alert").count == 3)
        }
    }

    private func document(
        _ partner: Partner, _ kind: ComplianceDocumentKind, _ reference: String, expires: String?, in world: TestWorld
    ) async throws -> UUID {
        let draft = try ComplianceDocumentDraft.validated(
            kind: kind, reference: reference, issuer: nil, productSKU: nil, issuedOn: "2024-01-01", expiresOn: expires)
        let record = ComplianceDocumentRecord(draft, partnerID: partner.id, createdBy: UUID())
        try await record.create(on: world.app.db)
        return try record.requireID()
    }

    @Test func complianceExpiriesAreAnnouncedOnce() async throws {
        try await withTestApp { world in
            let partner = try await world.partner(type: .distributor)
            let licence = try await document(partner, .businessLicence, "BL-1", expires: "2026-12-01", in: world)
            let gmp = try await document(partner, .iso22716, "GMP-1", expires: "2026-11-10", in: world)
            // Replaced by a newer certificate: not news.
            _ = try await document(partner, .iso9001, "ISO-OLD", expires: "2026-11-20", in: world)
            _ = try await document(partner, .iso9001, "ISO-NEW", expires: "2029-01-01", in: world)
            let runner = world.services.automations
            _ = try await runner.run(.complianceExpiry, at: now)
            let types = ["compliance.document.expiring", "compliance.document.expired"]
            #expect(try await count(types, in: world) == [1, 1])
            let expiring = try data(try #require(try await world.events(ofType: types[0]).first))
            #expect(expiring["documentId"] as? String == licence.apiString && expiring["kind"] as? String == "business_licence")
            #expect(expiring["expiresOn"] as? String == "2026-12-01" && expiring["daysLeft"] as? Int == 13)
            let expired = try data(try #require(try await world.events(ofType: types[1]).first))
            #expect(expired["documentId"] as? String == gmp.apiString && expired["reference"] as? String == "GMP-1")
            #expect(expired["daysLeft"] == nil)
            _ = try await runner.run(.complianceExpiry, at: now)
            #expect(try await count(types, in: world) == [1, 1])
            let alerts = try await world.services.alerts.list(of: partner.id, page: try PageRequest(limit: 10, cursor: nil)).items
            #expect(alerts.map(\.kind).sorted() == ["compliance_document_expired", "compliance_document_expiring"])
        }
    }

    private func revenue(_ partner: Partner, euros: Int64, in world: TestWorld) async throws {
        let row = PartnerPerformanceRecord()
        row.$partner.id = partner.id
        row.month = Month(containing: now).adding(-1).description
        row.currency = "EUR"
        row.revenueMinor = euros * 100
        row.orders = 1
        row.loyaltyEarned = 0
        try await row.create(on: world.app.db)
    }

    @Test func tierReviewsAreSuggestedOncePerMonthAndTierChangesAnnounced() async throws {
        try await withTestApp { world in
            let rising = try await world.partner(tierCode: "bronze")
            let falling = try await world.partner(tierCode: "gold")
            _ = try await world.partner(tierCode: "bronze")  // keeps its tier
            try await revenue(rising, euros: 30_000, in: world)
            let runner = world.services.automations
            _ = try await runner.run(.tierReview, at: now)
            let suggestions = try await world.events(ofType: "partner.tier.review_suggested")
            #expect(suggestions.count == 2)
            let up = try data(try #require(suggestions.first { $0.partnerID == rising.id }))
            #expect(up["action"] as? String == "upgrade" && up["suggestedTierCode"] as? String == "silver")
            #expect(up["currentTierCode"] as? String == "bronze" && up["period"] as? String == "2026-11")
            #expect(up["trailingRevenue"] as? [String: String] == ["amount": "30000.00", "currency": "EUR"])
            let down = try data(try #require(suggestions.first { $0.partnerID == falling.id }))
            #expect(down["action"] as? String == "downgrade" && down["suggestedTierCode"] as? String == "bronze")
            _ = try await runner.run(.tierReview, at: now)
            #expect(try await world.events(ofType: "partner.tier.review_suggested").count == 2)

            // HQ acts on it: the tier change is announced by the edit.
            var edit = PartnerEdit()
            edit.tierCode = "silver"
            _ = try await world.partners.update(rising.id, with: edit)
            let changed = try data(try #require(try await world.events(ofType: "partner.tier.changed").first))
            #expect(changed["partnerId"] as? String == rising.id.apiString)
            #expect(changed["fromTierCode"] as? String == "bronze" && changed["toTierCode"] as? String == "silver")
        }
    }
}
