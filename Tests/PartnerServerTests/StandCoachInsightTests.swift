import Fluent
import Foundation
import PartnerCore
import Testing
import Vapor
import VaporTesting

@testable import PartnerServer

@Suite("AI Stand Coach: performance and expansion")
struct StandCoachInsightTests {
    @Test func performanceInsightsCompareTheStandWithItsCohort() async throws {
        try await withTestApp { world in
            let (staff, stand, manager) = try await world.stockedStand()
            let peer = try await world.enrolStand(as: staff, name: "Peer Stand")
            try await world.salesHistory(stand, days: 84) { day, sku in sku == "SER-001" && day % 3 == 0 ? 1 : 0 }
            try await world.salesHistory(peer, days: 84) { _, _ in 1 }
            let response = try await world.send(
                .POST, "/api/v1/stand/ai/performance-insights", as: manager, json: #"{"standId":"\#(stand.id)"}"#)
            #expect(response.status == .ok, "\(response.body.string)")
            let body = try response.json
            let insight = try #require(body["insight"] as? [String: Any])
            #expect(insight["kind"] as? String == "performance")
            let factors = try #require(insight["factors"] as? [[String: Any]])
            #expect(
                factors.compactMap { $0["key"] as? String } == [
                    "facings_filled", "stock_out_days", "sales_vs_cohort", "sell_through", "trend",
                ])
            #expect(factors.compactMap { $0["contribution"] as? Int }.reduce(0, +) == insight["score"] as? Int)
            // The peer sells more, so this stand ranks at the bottom of its cohort of one.
            #expect(factors.first { $0["key"] as? String == "sales_vs_cohort" }?["value"] as? Double == 0)
            let detail = try #require(body["detail"] as? [String: Any])
            #expect(detail["cohortSize"] as? Int == 1)
            #expect((detail["slowMovers"] as? [[String: Any]])?.first?["sku"] as? String == "LIP-001")
            let recommendations = try #require(insight["recommendations"] as? [[String: Any]])
            #expect(recommendations.contains { $0["action"] as? String == "coach_visit" })
            let story = try #require(insight["storyboard"] as? [String: Any])
            #expect((story["why"] as? String)?.contains("points") == true)
            let listed = try await world.send(.GET, "\(stand.path)/insights?kind=performance", as: manager).json
            #expect((listed["items"] as? [[String: Any]])?.count == 1)
            #expect(try await world.events(ofType: "ai.insight.created").count == 1)
        }
    }

    @Test func performanceInsightsAreTheStandsOwn() async throws {
        try await withTestApp { world in
            let (staff, stand, _) = try await world.stockedStand()
            let other = try await world.enrolStand(as: staff, name: "Other Stand")
            let stranger = try await world.member(of: try await world.partner(of: other), role: .viewer)
            let path = "/api/v1/stand/ai/performance-insights"
            try await world.send(.POST, path, as: stranger, json: #"{"standId":"\#(stand.id)"}"#).expectProblem(.notFound)
            #expect(try await world.send(.POST, path, as: stranger, json: #"{"standId":"\#(other.id)"}"#).status == .ok)
            let bad = try await world.send(.POST, path, as: staff, json: #"{"standId":"not-a-uuid"}"#)
            try bad.expectProblem(.unprocessableEntity)
            #expect(try bad.fieldErrors() == ["standId"])
            try await world.send(.POST, path, json: #"{"standId":"\#(stand.id)"}"#).expectProblem(.unauthorized)
        }
    }

    @Test func expansionScoresCandidatesAndProposesCitiesForHQOnly() async throws {
        try await withTestApp { world in
            let (staff, stand, manager) = try await world.stockedStand()
            try await world.salesHistory(stand, days: 60) { _, _ in 1 }
            let path = "/api/v1/stand/ai/location-expansion"
            let candidates = #"""
                {"candidates":[{"name":"Berlin Ost","latitude":52.51,"longitude":13.45,"venueType":"pharmacy"},
                               {"name":"Hamburg Hafen","latitude":53.54,"longitude":9.99,"venueType":"mall"}]}
                """#
            let response = try await world.send(.POST, path, as: staff, json: candidates)
            #expect(response.status == .ok, "\(response.body.string)")
            let sites = try #require(try response.json["sites"] as? [[String: Any]])
            #expect(sites.map { $0["name"] as? String } == ["Berlin Ost", "Hamburg Hafen"])
            #expect(sites[0]["region"] as? String == "DACH")
            for site in sites {
                let insight = try #require(site["insight"] as? [String: Any])
                #expect(insight["kind"] as? String == "location_expansion")
                let factors = try #require(insight["factors"] as? [[String: Any]])
                #expect(factors.compactMap { $0["contribution"] as? Int }.reduce(0, +) == insight["score"] as? Int)
                #expect(insight["subject"] as? String == site["name"] as? String)
            }
            #expect(try await AIInsightRecord.query(on: world.app.db).count() == 2)
            #expect(try await world.events(ofType: "ai.insight.created").count == 2)
            let proposals = try await world.send(.POST, path, as: staff, json: #"{"limit":1}"#).json
            let proposed = try #require(proposals["sites"] as? [[String: Any]])
            #expect(proposed.count == 1 && proposed[0]["proposed"] as? Bool == true)

            try await world.send(.POST, path, as: manager, json: "{}").expectProblem(.forbidden)
            try await world.send(.POST, path, json: "{}").expectProblem(.unauthorized)
            let bad = try await world.send(
                .POST, path, as: staff,
                json: #"{"limit":0,"candidates":[{"name":" ","latitude":91,"longitude":13,"venueType":"pharmacy"}]}"#)
            try bad.expectProblem(.unprocessableEntity)
            // The spec's limits first, then the business rules.
            #expect(Set(try bad.fieldErrors()) == ["limit", "candidates[0].latitude"])
            let blank = try await world.send(
                .POST, path, as: staff, json: #"{"candidates":[{"name":" ","latitude":52,"longitude":13,"venueType":"pharmacy"}]}"#)
            #expect(try blank.fieldErrors() == ["candidates[0].name"])
            let empty = try await world.send(.POST, path, as: staff, json: #"{"candidates":[]}"#)
            #expect(try empty.fieldErrors() == ["candidates"])
        }
    }
}
