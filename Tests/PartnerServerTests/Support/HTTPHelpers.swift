import Foundation
import Testing
import Vapor
import VaporTesting

@testable import PartnerServer

extension TestWorld {
    /// Sends a request through the whole middleware stack and returns the response.
    @discardableResult
    func send(
        _ method: HTTPMethod, _ path: String, as account: Account? = nil, json: String? = nil,
        headers extra: HTTPHeaders = [:]
    ) async throws -> TestingHTTPResponse {
        try await send(method, path, as: account, body: json, contentType: json == nil ? nil : "application/json", headers: extra)
    }

    @discardableResult
    func send(
        _ method: HTTPMethod, _ path: String, as account: Account? = nil, body: String?, contentType: String?,
        headers extra: HTTPHeaders = [:]
    ) async throws -> TestingHTTPResponse {
        var headers = account?.authorization ?? [:]
        for (name, value) in extra { headers.replaceOrAdd(name: name, value: value) }
        var captured: TestingHTTPResponse?
        try await app.testing().test(
            method, path, headers: headers,
            beforeRequest: { request in
                if let body {
                    if let contentType { request.headers.replaceOrAdd(name: .contentType, value: contentType) }
                    request.body = ByteBuffer(string: body)
                }
            },
            afterResponse: { response in
                captured = response
            })
        return try #require(captured)
    }
}

extension TestingHTTPResponse {
    func decoded<T: Decodable>(_ type: T.Type = T.self) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(T.self, from: Data(buffer: body))
    }

    var problem: ProblemDetails {
        get throws { try decoded(ProblemDetails.self) }
    }

    var json: [String: Any] {
        get throws {
            try #require(JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any])
        }
    }

    /// Asserts an RFC 9457 problem with this status; returns it for further checks.
    @discardableResult
    func expectProblem(_ status: HTTPStatus, sourceLocation: SourceLocation = #_sourceLocation) throws -> ProblemDetails {
        #expect(self.status == status, "body: \(body.string)", sourceLocation: sourceLocation)
        #expect(headers.contentType?.description.hasPrefix("application/problem+json") == true, sourceLocation: sourceLocation)
        let problem = try problem
        #expect(problem.status == Int(status.code), sourceLocation: sourceLocation)
        return problem
    }

    func fieldErrors() throws -> [String] {
        try problem.errors?.map(\.field) ?? []
    }
}
