import Fluent
import Foundation
import PartnerCore
import Testing
import Vapor
import VaporTesting

@testable import PartnerServer

@Suite("Contracts, signed documents and compliance")
struct ContractAPITests {
    static let pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"

    private func contract(_ partner: Partner, as staff: TestWorld.Account, in world: TestWorld, ends: String = "2099-12-31")
        async throws -> String
    {
        let response = try await world.send(
            .POST, "/api/v1/partners/\(partner.id.apiString)/contracts", as: staff,
            json:
                #"{"kind":"dealer_agreement","startsOn":"2026-01-01","endsOn":"\#(ends)","autoRenew":false,"renewalNoticeDays":60,"commissionRate":7.5,"paymentTermsDays":30}"#
        )
        #expect(response.status == .created)
        return try #require(try response.json["id"] as? String)
    }

    @Test func contractsAreDraftsUntilTheSignedPDFArrives() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            let partner = try await world.partner("Contract Dealer")
            let id = try await contract(partner, as: staff, in: world)
            let base = "/api/v1/partners/\(partner.id.apiString)/contracts"
            #expect((try await world.send(.GET, base, as: staff).json["items"] as? [[String: Any]])?.first?["status"] as? String == "draft")
            let upload = try await world.send(.PUT, base + "/\(id)/document", as: staff, body: Self.pdf, contentType: "application/pdf")
            #expect(upload.status == .ok)
            let document = try #require(try upload.json["document"] as? [String: Any])
            #expect(document["bytes"] as? Int == Self.pdf.utf8.count)
            #expect((document["sha256"] as? String)?.count == 64)
            #expect(try upload.json["status"] as? String == "active")
            #expect(try upload.json["commissionRate"] as? Double == 7.5)

            let owner = try await world.member(of: partner, role: .viewer)
            let download = try await world.send(.GET, base + "/\(id)/document", as: owner)
            #expect(download.status == .ok)
            #expect(download.headers.contentType?.description.hasPrefix("application/pdf") == true)
            #expect(download.headers.first(name: "Content-Disposition") == #"attachment; filename="dealer_agreement-2026-01-01.pdf""#)
            #expect(download.body.string == Self.pdf)
            #expect(try await world.events(ofType: "contract.signed").count == 1)
        }
    }

    @Test func onlyRealPDFsWithinTheLimitAreAccepted() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            let partner = try await world.partner()
            let id = try await contract(partner, as: staff, in: world)
            let path = "/api/v1/partners/\(partner.id.apiString)/contracts/\(id)/document"
            try await world.send(.PUT, path, as: staff, body: "<html>not a pdf</html>", contentType: "application/pdf")
                .expectProblem(.unprocessableEntity)
            let huge = "%PDF-" + String(repeating: "x", count: DocumentStore.maxBytes)
            try await world.send(.PUT, path, as: staff, body: huge, contentType: "application/pdf").expectProblem(.payloadTooLarge)
            try await world.send(.GET, path, as: staff).expectProblem(.notFound)
        }
    }

    @Test func partnersDownloadTheirOwnButNeverUpload() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            let partner = try await world.partner("Mine")
            let other = try await world.partner("Theirs")
            let id = try await contract(partner, as: staff, in: world)
            let base = "/api/v1/partners/\(partner.id.apiString)/contracts"
            _ = try await world.send(.PUT, base + "/\(id)/document", as: staff, body: Self.pdf, contentType: "application/pdf")
            let owner = try await world.member(of: partner, role: .owner)
            let outsider = try await world.member(of: other, role: .owner)
            try await world.send(.PUT, base + "/\(id)/document", as: owner, body: Self.pdf, contentType: "application/pdf").expectProblem(
                .forbidden)
            try await world.send(
                .POST, base, as: owner,
                json: #"{"kind":"nda","startsOn":"2026-01-01","endsOn":"2026-02-01","autoRenew":false,"renewalNoticeDays":0}"#
            )
            .expectProblem(.forbidden)
            try await world.send(.GET, base, as: outsider).expectProblem(.notFound)
            try await world.send(.GET, base + "/\(id)/document", as: outsider).expectProblem(.notFound)
            try await world.send(.GET, "/api/v1/partners/\(other.id.apiString)/contracts/\(id)/document", as: staff).expectProblem(
                .notFound)
            try await world.send(.GET, base + "/\(id)/document").expectProblem(.unauthorized)
        }
    }

    @Test func contractFieldsAreValidated() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            let partner = try await world.partner()
            let response = try await world.send(
                .POST, "/api/v1/partners/\(partner.id.apiString)/contracts", as: staff,
                json:
                    #"{"kind":"dealer_agreement","startsOn":"2026-05-01","endsOn":"2026-04-01","autoRenew":true,"renewalNoticeDays":400,"commissionRate":120,"paymentTermsDays":365}"#
            )
            #expect(try Set(response.fieldErrors()) == ["renewalNoticeDays", "commissionRate", "paymentTermsDays"])
            let rules = try await world.send(
                .POST, "/api/v1/partners/\(partner.id.apiString)/contracts", as: staff,
                json:
                    #"{"kind":"dealer_agreement","startsOn":"2026-05-01","endsOn":"2026-04-01","autoRenew":true,"renewalNoticeDays":30,"commissionRate":7.555}"#
            )
            #expect(try Set(rules.fieldErrors()) == ["endsOn", "commissionRate"])
            let kind = try await world.send(
                .POST, "/api/v1/partners/\(partner.id.apiString)/contracts", as: staff,
                json: #"{"kind":"handshake","startsOn":"2026-01-01","endsOn":"2026-02-01","autoRenew":false,"renewalNoticeDays":0}"#)
            #expect(try kind.fieldErrors() == ["kind"])
        }
    }

    @Test func complianceFilesSummarizeWhatIsMissing() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            try await world.seedCatalogue(as: staff)
            let partner = try await world.partner("Compliant Distribution", type: .distributor, tierCode: "gold")
            let base = "/api/v1/partners/\(partner.id.apiString)/compliance-documents"
            let iso = try await world.send(
                .POST, base, as: staff,
                json: #"{"kind":"iso_9001","reference":"ISO-9001-4711","issuer":"TÜV","issuedOn":"2024-01-01","expiresOn":"2027-01-01"}"#)
            #expect(iso.status == .created)
            _ = try await world.send(
                .POST, base, as: staff, json: #"{"kind":"iso_22716","reference":"GMP-1","issuedOn":"2020-01-01","expiresOn":"2023-01-01"}"#)
            let file = try await world.send(.GET, base, as: staff).json
            let summary = try #require(file["summary"] as? [String: Any])
            #expect(summary["missing"] as? [String] == ["business_licence"])
            #expect(summary["expired"] as? [String] == ["iso_22716"])
            #expect(summary["complete"] as? Bool == false)
            let detail = try await world.send(.GET, "/api/v1/partners/\(partner.id.apiString)", as: staff).json
            #expect((detail["compliance"] as? [String: Any])?["missing"] as? [String] == ["business_licence"])

            let invalid = try await world.send(
                .POST, base, as: staff,
                json: #"{"kind":"iso_9001","reference":"","issuedOn":"2026-05-01","expiresOn":"2026-04-01","productSku":"LIP-001"}"#)
            #expect(try Set(invalid.fieldErrors()) == ["reference", "expiresOn", "productSku"])
            let cpnp = try await world.send(
                .POST, base, as: staff,
                json: #"{"kind":"cpnp_notification","reference":"CPNP-123","issuedOn":"2026-01-01","productSku":"lip-001"}"#)
            #expect(try cpnp.json["productSku"] as? String == "LIP-001")

            let owner = try await world.member(of: partner)
            #expect(try await world.send(.GET, base, as: owner).status == .ok)
            try await world.send(.POST, base, as: owner, json: #"{"kind":"business_licence","reference":"BL-1","issuedOn":"2026-01-01"}"#)
                .expectProblem(.forbidden)
            let outsider = try await world.member(of: try await world.partner("Outsider"))
            try await world.send(.GET, base, as: outsider).expectProblem(.notFound)
        }
    }

    @Test func complianceDocumentsCarryAnOptionalPDF() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            let partner = try await world.partner("Certified Salon", type: .salon)
            let base = "/api/v1/partners/\(partner.id.apiString)/compliance-documents"
            let created = try await world.send(
                .POST, base, as: staff, json: #"{"kind":"business_licence","reference":"BL-2026-7","issuedOn":"2026-01-01"}"#)
            let id = try #require(try created.json["id"] as? String)
            let path = base + "/\(id)/file"
            try await world.send(.GET, path, as: staff).expectProblem(.notFound)
            try await world.send(.PUT, path, as: staff, body: "GIF89a", contentType: "application/pdf").expectProblem(.unprocessableEntity)
            let uploaded = try await world.send(.PUT, path, as: staff, body: Self.pdf, contentType: "application/pdf")
            #expect((try uploaded.json["file"] as? [String: Any])?["bytes"] as? Int == Self.pdf.utf8.count)
            let owner = try await world.member(of: partner, role: .viewer)
            let download = try await world.send(.GET, path, as: owner)
            #expect(download.body.string == Self.pdf)
            #expect(download.headers.first(name: "Content-Disposition") == #"attachment; filename="business_licence-BL-2026-7.pdf""#)
            try await world.send(.PUT, path, as: owner, body: Self.pdf, contentType: "application/pdf").expectProblem(.forbidden)
            let outsider = try await world.member(of: try await world.partner("Outsider"))
            try await world.send(.GET, path, as: outsider).expectProblem(.notFound)
            try await world.send(.GET, path).expectProblem(.unauthorized)
        }
    }

    @Test func terminationIsFinalAndAnnounced() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            let partner = try await world.partner("Ending Dealer")
            let id = try await contract(partner, as: staff, in: world)
            let path = "/api/v1/partners/\(partner.id.apiString)/contracts/\(id)/terminate"
            let owner = try await world.member(of: partner)
            try await world.send(.POST, path, as: owner, json: #"{"reason":"We quit"}"#).expectProblem(.forbidden)
            #expect(try await world.send(.POST, path, as: staff, json: #"{"reason":""}"#).fieldErrors() == ["reason"])
            let ended = try await world.send(.POST, path, as: staff, json: #"{"reason":"Breach of exclusivity"}"#)
            #expect(try ended.json["status"] as? String == "terminated")
            #expect(try ended.json["terminatedAt"] is String)
            try await world.send(.POST, path, as: staff, json: #"{"reason":"Again"}"#).expectProblem(.conflict)
            #expect(try await world.events(ofType: "contract.terminated").count == 1)
            let outsider = try await world.member(of: try await world.partner("Outsider"))
            try await world.send(.POST, path, as: outsider, json: #"{"reason":"Nope"}"#).expectProblem(.notFound)
            try await world.send(.POST, path, json: #"{"reason":"Nope"}"#).expectProblem(.unauthorized)
        }
    }

    @Test func aContractRevenueTargetDrivesTargetAttainment() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            try await world.seedCatalogue(as: staff)
            let partner = try await world.partner("Target Dealer", tierCode: "bronze")
            let created = try await world.send(
                .POST, "/api/v1/partners/\(partner.id.apiString)/contracts", as: staff,
                json:
                    #"{"kind":"dealer_agreement","startsOn":"2020-01-01","endsOn":"2099-12-31","autoRenew":false,"renewalNoticeDays":30,"annualRevenueTarget":{"amount":"8400.00","currency":"EUR"}}"#
            )
            #expect((try created.json["annualRevenueTarget"] as? [String: Any])?["amount"] as? String == "8400.00")
            _ = try await world.send(
                .PUT, "/api/v1/partners/\(partner.id.apiString)/contracts/\(try created.json["id"] as! String)/document", as: staff,
                body: Self.pdf, contentType: "application/pdf")
            _ = try await world.send(
                .POST, "/api/v1/partners/\(partner.id.apiString)/orders", as: staff, json: #"{"items":[{"sku":"SER-001","quantity":2}]}"#,
                headers: ["Idempotency-Key": UUID().uuidString])
            let series = try #require(
                try await world.send(.GET, "/api/v1/partners/\(partner.id.apiString)/performance", as: staff).json["items"]
                    as? [[String: Any]])
            #expect(series.last?["targetAttainmentPercent"] as? Double == 10)  // 70 of 700 a month
            // The dashboard reads the contracts once, for its running contract and the same target.
            let dashboard = try await world.send(.GET, "/api/v1/partners/\(partner.id.apiString)/dashboard", as: staff).json
            let thisMonth = (dashboard["performance"] as? [String: Any])?["thisMonth"] as? [String: Any]
            #expect(thisMonth?["targetAttainmentPercent"] as? Double == 10)
            let running = dashboard["contract"] as? [String: Any]
            #expect(running?["contractId"] as? String == (try created.json["id"] as? String))
            #expect(running?["status"] as? String == "active")
            let invalid = try await world.send(
                .POST, "/api/v1/partners/\(partner.id.apiString)/contracts", as: staff,
                json:
                    #"{"kind":"nda","startsOn":"2026-01-01","endsOn":"2026-02-01","autoRenew":false,"renewalNoticeDays":0,"annualRevenueTarget":{"amount":"-5","currency":"EUR"}}"#
            )
            #expect(try invalid.fieldErrors() == ["annualRevenueTarget"])
        }
    }
}
