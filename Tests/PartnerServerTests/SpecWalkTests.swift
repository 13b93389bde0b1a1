import Foundation
import Testing
import Vapor

@testable import PartnerServer

/// Walks every operation of the spec: a body of the wrong shape or an out-of-range limit is a 422
/// naming the field, and another partner's object is a 404, for every operation that has one.
@Suite("Spec walk")
struct SpecWalkTests {
    private func fill(_ path: String, id: String) -> String {
        path.replacingOccurrences(of: "{id}", with: id)
            .replacingOccurrences(of: #"\{[A-Za-z]+\}"#, with: UUID().uuidString.lowercased(), options: .regularExpression)
    }

    @Test func everyInputIsValidatedWith422() async throws {
        let operations = try SpecAuthenticationTests.operations().filter { !$0.isPublic }
        try await withTestApp { world in
            let admin = try await world.account(.admin)
            let staff = try await world.account(.staff)
            try await world.seedCatalogue(as: staff)
            let stand = try await world.enrolStand(as: staff, name: "Walked Stand")
            #expect(operations.filter(\.takesJSON).count >= 25)
            for operation in operations where operation.takesJSON {
                let response = try await world.send(
                    HTTPMethod(rawValue: operation.method), fill(operation.path, id: stand.id), as: admin, body: "[]",
                    contentType: "application/json", headers: ["Idempotency-Key": UUID().uuidString])
                #expect(response.status == .unprocessableEntity, "\(operation.testDescription): \(response.body.string)")
                #expect(try response.fieldErrors() == ["body"], "\(operation.testDescription)")
            }
            let lists = operations.filter(\.takesLimit)
            #expect(lists.count >= 14)
            for operation in lists {
                let response = try await world.send(
                    HTTPMethod(rawValue: operation.method), fill(operation.path, id: stand.id) + "?limit=0", as: admin)
                #expect(try response.fieldErrors() == ["limit"], "\(operation.testDescription): \(response.body.string)")
            }
        }
    }

    @Test func anotherPartnersObjectIsA404OnEveryPartnerScopedRead() async throws {
        let operations = try SpecAuthenticationTests.operations().filter {
            $0.path.contains("{id}") && ($0.method == "GET" || $0.method == "DELETE")
        }
        #expect(operations.count >= 25)
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            try await world.seedCatalogue(as: staff)
            let mine = try await world.enrolStand(as: staff, name: "Mine Stand")
            let theirs = try await world.enrolStand(as: staff, name: "Their Stand")
            let owner = try await world.member(of: try await world.partner(of: mine))
            for operation in operations {
                let method = HTTPMethod(rawValue: operation.method)
                let other = try await world.send(method, fill(operation.path, id: theirs.id), as: owner)
                #expect(other.status == .notFound, "\(operation.testDescription): \(other.body.string)")
                #expect(!other.body.string.contains("Their Stand"), "\(operation.testDescription)")
                // The same call on the owner's own partner is no 404, so the walk can fail.
                if operation.path.filter({ $0 == "{" }).count == 1, operation.method == "GET" {
                    let own = try await world.send(method, fill(operation.path, id: mine.id), as: owner)
                    #expect(own.status != .notFound, "\(operation.testDescription): \(own.body.string)")
                }
            }
        }
    }
}
