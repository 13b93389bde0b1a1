import Fluent
import Foundation
import PartnerCore
import Testing
import Vapor
import VaporTesting

@testable import PartnerServer

@Suite("AI Partner Advisor: partner insights")
struct PartnerAdvisorInsightTests {
    static let path = "/api/v1/partners/ai/insights"

    @Test func insightsAreScoredStoredAnnouncedAndShownOnTheDashboard() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            let partner = try await world.partner("Quiet Dealer")
            let response = try await world.send(.POST, Self.path, as: staff, json: #"{"partnerId":"\#(partner.id)"}"#)
            #expect(response.status == .ok, "\(response.body.string)")
            let items = try #require(try response.json["items"] as? [[String: Any]])
            #expect(items.compactMap { $0["kind"] as? String } == ["health", "expansion_readiness", "compliance"])
            for item in items {
                let factors = try #require(item["factors"] as? [[String: Any]])
                #expect(factors.compactMap { $0["contribution"] as? Int }.reduce(0, +) == item["score"] as? Int)
                #expect(item["partnerId"] as? String == partner.id.apiString)
                #expect(item["modelVersion"] as? String == "advisor-1")
                let story = try #require(item["storyboard"] as? [String: Any])
                #expect((story["headline"] as? String)?.hasPrefix("Quiet Dealer: ") == true)
            }
            // No orders, no contract, no licence: every kind is `act`. Health: half the trend points (no
            // history), all the cancellation points (none), nothing for a target of Silver's pace.
            let health = items[0]
            #expect(health["score"] as? Int == 25)
            #expect(health["level"] as? String == "act")
            let recency = (health["factors"] as? [[String: Any]])?.first { $0["key"] as? String == "order_recency" }
            #expect(recency?["contribution"] as? Int == 0)
            #expect(items[2]["score"] as? Int == 30)
            #expect((items[2]["recommendations"] as? [[String: Any]])?.first?["action"] as? String == "upload_document")
            #expect(try await world.events(ofType: "ai.insight.created").count == 3)
            let alerts = try await PartnerAlertRecord.query(on: world.app.db).filter(\.$kind == "ai_insight_act").count()
            #expect(alerts == 3)

            // A second run stays in `act`: stored and announced again, but no new alert.
            let again = try await world.send(.POST, Self.path, as: staff, json: #"{"partnerId":"\#(partner.id)","kinds":["health"]}"#)
            #expect((try again.json["items"] as? [[String: Any]])?.count == 1)
            #expect(try await PartnerAlertRecord.query(on: world.app.db).filter(\.$kind == "ai_insight_act").count() == 3)
            #expect(try await world.events(ofType: "ai.insight.created").count == 4)

            let history = try await world.send(.GET, "/api/v1/partners/\(partner.id.apiString)/insights", as: staff).json
            #expect((history["items"] as? [[String: Any]])?.count == 4)
            let healthOnly = try await world.send(
                .GET, "/api/v1/partners/\(partner.id.apiString)/insights?kind=health&limit=1", as: staff
            ).json
            #expect((healthOnly["items"] as? [[String: Any]])?.count == 1)
            #expect(healthOnly["nextCursor"] is String)

            let viewer = try await world.member(of: partner, role: .viewer)
            let dashboard = try await world.send(.GET, "/api/v1/partners/\(partner.id.apiString)/dashboard", as: viewer).json
            #expect(dashboard["aiScore"] as? Int == 25)
            #expect(dashboard["aiLevel"] as? String == "act")
        }
    }

    @Test func anAlertIsRaisedOnlyWhenAScoreMovesIntoAct() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            let partner = try await world.partner("Licensed Dealer")
            let licence = try await world.send(
                .POST, "/api/v1/partners/\(partner.id.apiString)/compliance-documents", as: staff,
                json: #"{"kind":"business_licence","reference":"HRB-1","issuedOn":"2024-01-01"}"#)
            #expect(licence.status == .created, "\(licence.body.string)")
            let body = #"{"partnerId":"\#(partner.id)","kinds":["compliance"]}"#
            let good = try #require(
                (try await world.send(.POST, Self.path, as: staff, json: body).json["items"] as? [[String: Any]])?.first)
            #expect(good["score"] as? Int == 100)
            func alerts() async throws -> Int {
                try await PartnerAlertRecord.query(on: world.app.db).filter(\.$kind == "ai_insight_act").count()
            }
            #expect(try await alerts() == 0)
            try await ComplianceDocumentRecord.query(on: world.app.db).filter(\.$partner.$id == partner.id).delete()
            let act = try #require((try await world.send(.POST, Self.path, as: staff, json: body).json["items"] as? [[String: Any]])?.first)
            #expect(act["level"] as? String == "act")
            #expect(try await alerts() == 1)
            let alert = try #require(try await PartnerAlertRecord.query(on: world.app.db).filter(\.$kind == "ai_insight_act").first())
            #expect(alert.title.hasPrefix("Licensed Dealer: compliance 30/100"))
            #expect(alert.subjectType == "partner_ai_insight")
        }
    }

    @Test func healthReadsOrdersContractAndPerformance() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            try await world.seedCatalogue(as: staff)
            let partner = try await world.partner("Busy Dealer")
            let month = Month(containing: TestWorld.now)
            for offset in 1...12 {
                let row = PartnerPerformanceRecord()
                row.$partner.id = partner.id
                row.month = month.adding(-offset).description
                row.currency = "EUR"
                row.revenueMinor = Int64(100_000 + (12 - offset) * 10_000)  // rising 100 EUR a month
                row.orders = 2
                row.loyaltyEarned = 0
                try await row.create(on: world.app.db)
            }
            _ = try await world.send(
                .POST, "/api/v1/partners/\(partner.id.apiString)/orders", as: staff, json: #"{"items":[{"sku":"SER-001","quantity":1}]}"#,
                headers: ["Idempotency-Key": UUID().uuidString])
            _ = try await world.send(
                .POST, "/api/v1/partners/\(partner.id.apiString)/contracts", as: staff,
                json: #"{"kind":"dealer_agreement","startsOn":"2025-01-01","endsOn":"2027-12-31","autoRenew":false,"renewalNoticeDays":30}"#
            )
            let owner = try await world.member(of: partner, role: .owner)
            let response = try await world.send(
                .POST, Self.path, as: owner, json: #"{"partnerId":"\#(partner.id)","kinds":["health"]}"#)
            #expect(response.status == .ok, "\(response.body.string)")
            let insight = try #require((try response.json["items"] as? [[String: Any]])?.first)
            let factors = try #require(insight["factors"] as? [[String: Any]])
            func factor(_ key: String) -> [String: Any]? { factors.first { $0["key"] as? String == key } }
            #expect(factor("revenue_trend")?["contribution"] as? Int == 20)
            #expect(factor("order_recency")?["value"] as? Double == 0)
            #expect(factor("order_recency")?["contribution"] as? Int == 10)  // one order: no rhythm yet
            #expect(factor("contract")?["contribution"] as? Int == 4)  // unsigned, still a draft: a quarter of 15
            #expect(factors.compactMap { $0["contribution"] as? Int }.reduce(0, +) == insight["score"] as? Int)
        }
    }

    @Test func whoMayRunTheAdvisor() async throws {
        try await withTestApp { world in
            let admin = try await world.account(.admin)
            let partner = try await world.partner("Mine")
            let other = try await world.partner("Theirs")
            let viewer = try await world.member(of: partner, role: .viewer)
            let body = #"{"partnerId":"\#(partner.id)"}"#
            #expect(try await world.send(.POST, Self.path, as: viewer, json: body).status == .ok)
            try await world.send(.POST, Self.path, as: viewer, json: #"{"partnerId":"\#(other.id)"}"#).expectProblem(.notFound)
            try await world.send(.GET, "/api/v1/partners/\(other.id.apiString)/insights", as: viewer).expectProblem(.notFound)
            #expect(try await world.send(.GET, "/api/v1/partners/\(partner.id.apiString)/insights", as: viewer).status == .ok)
            try await world.send(.POST, Self.path, json: body).expectProblem(.unauthorized)

            let reader = try await world.serviceToken(#""partners:read""#, as: admin)
            #expect(try await world.send(.POST, Self.path, json: body, headers: reader).status == .ok)
            let writer = try await world.serviceToken(#""orders:write""#, as: admin)
            try await world.send(.POST, Self.path, json: body, headers: writer).expectProblem(.forbidden)
            try await world.send(.GET, "/api/v1/partners/\(partner.id.apiString)/insights", headers: writer).expectProblem(.forbidden)

            let bad = try await world.send(.POST, Self.path, as: admin, json: #"{"partnerId":"not-a-uuid"}"#)
            try bad.expectProblem(.unprocessableEntity)
            #expect(try bad.fieldErrors() == ["partnerId"])
            let empty = try await world.send(.POST, Self.path, as: admin, json: #"{"partnerId":"\#(partner.id)","kinds":[]}"#)
            try empty.expectProblem(.unprocessableEntity)
            let unknown = try await world.send(.POST, Self.path, as: admin, json: #"{"partnerId":"\#(partner.id)","kinds":["luck"]}"#)
            #expect(unknown.status == .badRequest || unknown.status == .unprocessableEntity, "\(unknown.body.string)")
            #expect(unknown.headers.contentType?.description.contains("problem+json") == true)
            let limit = try await world.send(.GET, "/api/v1/partners/\(partner.id.apiString)/insights?limit=0", as: admin)
            try limit.expectProblem(.unprocessableEntity)
            try await world.send(.POST, Self.path, as: admin, json: #"{"partnerId":"\#(UUID())"}"#).expectProblem(.notFound)
        }
    }
}
