import Foundation
import HTTPTypes
import OpenAPIRuntime
import PartnerCore

/// The one validation layer for the limits the spec states (`maxLength`, `maxItems`, `minimum`,
/// `pattern`, …): swift-openapi-generator decodes types but does not enforce them. Runs after
/// authentication, so an anonymous caller learns nothing about a body's rules; every violation is
/// reported at once as a 422 naming the field. Types and required fields stay the decoder's job.
struct SpecValidationMiddleware: ServerMiddleware {
    let constraints: SpecConstraints
    /// Bodies are already bounded by `BodyLimitMiddleware`; this is a second, generous fence.
    let maxBodyBytes: Int

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        guard let operation = constraints.operations[operationID] else { return try await next(request, body, metadata) }
        var errors: [FieldError] = []
        if !operation.query.isEmpty, let query = request.path.flatMap({ URLComponents(string: $0)?.queryItems }) {
            for item in query {
                guard let value = item.value, let constraint = operation.query[item.name] else { continue }
                constraint.check(parameter: value, at: item.name, into: &errors)
            }
        }
        for (name, constraint) in operation.headers {
            guard let field = HTTPField.Name(name), let value = request.headerFields[field] else { continue }
            constraint.check(parameter: value, at: name, into: &errors)
        }
        var forwarded = body
        if let rule = operation.body, let body, Self.isJSON(request) {
            let data = try await Data(collecting: body, upTo: maxBodyBytes)
            forwarded = HTTPBody(data)
            // Unreadable JSON is left to the decoder, which names what is wrong with it.
            if let json = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) {
                rule.check(json, at: "", into: &errors)
            }
        }
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        return try await next(request, forwarded, metadata)
    }

    private static func isJSON(_ request: HTTPRequest) -> Bool {
        request.headerFields[.contentType]?.lowercased().contains("json") ?? false
    }
}
