import OpenAPIRuntime
import PartnerCore
import Vapor

/// The one place where errors become HTTP problems.
enum ProblemMapping {
    struct Mapped {
        var problem: ProblemDetails
        var headers: [(String, String)] = []
    }

    static func problem(for error: any Error) -> Mapped {
        switch error {
        case let error as ServerError:
            // The OpenAPI runtime wraps handler and decoding errors; map what is inside.
            let inner = problem(for: error.underlyingError)
            if inner.problem.status != 500 { return inner }
            let status = HTTPResponseStatus(statusCode: Int(error.httpStatus.code))
            guard status.code < 500 else { return inner }
            return Mapped(problem: ProblemDetails(status: status, detail: error.causeDescription))
        case let error as DomainError:
            return map(error)
        case let error as APIError:
            return map(error)
        case let error as ValidationFailure:
            return Mapped(
                problem: ProblemDetails(
                    status: .unprocessableEntity, detail: "The request has invalid fields.", kind: "validation",
                    errors: error.errors))
        case .tooLarge(let limit) as DocumentStore.Failure:
            return map(APIError.payloadTooLarge(limit: limit))
        case is DocumentStore.Failure:
            return problem(for: ValidationFailure(field: "body", message: "must be a PDF document (it starts with %PDF-)"))
        case let error as PartnerError:
            return map(error)
        case .illegalStatusTransition(let from, let to) as OrderError:
            return transitionConflict("An order", from: from.rawValue, to: to.rawValue, allowed: from.allowedNext.map(\.rawValue))
        case .illegalStatusTransition(let from, let to) as PromotionError:
            let allowed = PromotionStatus.allCases.filter { (try? from.moving(to: $0)) != nil }.map(\.rawValue)
            return transitionConflict("A promotion", from: from.rawValue, to: to.rawValue, allowed: allowed)
        case .illegalStatusTransition(let from, let to) as RefillError:
            return transitionConflict("A refill", from: from.rawValue, to: to.rawValue, allowed: from.allowedNext.map(\.rawValue))
        case is ConnectionPoolTimeoutError:
            // Every pooled connection stayed busy for the whole timeout: overload, not a bug.
            return Mapped(
                problem: ProblemDetails(status: .serviceUnavailable, detail: "The database is busy; retry the request shortly."),
                headers: [("Retry-After", "1")])
        case let error as DecodingError:
            return map(error)
        case let error as any AbortError:
            return Mapped(problem: ProblemDetails(status: error.status, detail: error.reason))
        default:
            return Mapped(problem: ProblemDetails(status: .internalServerError, detail: "An unexpected error occurred."))
        }
    }

    private static func map(_ error: APIError) -> Mapped {
        switch error {
        case .badRequest(let detail):
            Mapped(problem: ProblemDetails(status: .badRequest, detail: detail))
        case .payloadTooLarge(let limit):
            Mapped(problem: ProblemDetails(status: .payloadTooLarge, detail: "The request body exceeds the limit of \(limit) bytes."))
        }
    }

    private static func map(_ error: DomainError) -> Mapped {
        switch error {
        case .unauthenticated(let detail):
            Mapped(problem: ProblemDetails(status: .unauthorized, detail: detail), headers: [("WWW-Authenticate", "Bearer")])
        case .forbidden(let detail):
            Mapped(problem: ProblemDetails(status: .forbidden, detail: detail))
        case .notFound(let detail):
            Mapped(problem: ProblemDetails(status: .notFound, detail: detail))
        case .malformed(let detail):
            Mapped(problem: ProblemDetails(status: .badRequest, detail: detail))
        case .conflict(let detail):
            Mapped(problem: ProblemDetails(status: .conflict, detail: detail, kind: "conflict"))
        case .gone(let detail):
            Mapped(problem: ProblemDetails(status: .gone, detail: detail))
        case .limitExceeded(let field, let message):
            Mapped(
                problem: ProblemDetails(
                    status: .unprocessableEntity, detail: "A total is out of range.", kind: "validation",
                    errors: [FieldError(field: field, message: message)]))
        case .tooManyAttempts(let seconds):
            Mapped(
                problem: ProblemDetails(status: .tooManyRequests, detail: "Too many attempts; retry in \(seconds) seconds."),
                headers: [("Retry-After", String(seconds))])
        }
    }

    private static func map(_ error: PartnerError) -> Mapped {
        switch error {
        case .illegalStatusTransition(let from, let to):
            return transitionConflict("A partner", from: from.rawValue, to: to.rawValue, allowed: from.allowedNext.map(\.rawValue))
        case .tierNotApplicable(let code, let type):
            return Mapped(
                problem: ProblemDetails(
                    status: .unprocessableEntity, detail: "The request has invalid fields.", kind: "validation",
                    errors: [FieldError(field: "tierCode", message: "tier '\(code)' does not apply to \(type.rawValue) partners")]))
        }
    }

    private static func transitionConflict(_ subject: String, from: String, to: String, allowed: [String]) -> Mapped {
        let next = allowed.isEmpty ? "none" : allowed.sorted().joined(separator: ", ")
        return Mapped(
            problem: ProblemDetails(
                status: .conflict, detail: "\(subject) cannot move from \(from) to \(to); allowed next: \(next).",
                kind: "invalid-transition"))
    }

    /// Syntactically broken JSON is a 400; JSON of the wrong shape (missing field, wrong type,
    /// unknown enum value) is a 422 that names the field.
    private static func map(_ error: DecodingError) -> Mapped {
        let (path, message): ([any CodingKey], String)
        switch error {
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            // JSONDecoder reports broken syntax with the parser's error underneath; without one, the
            // culprit is a query or path parameter the generated server could not read.
            let detail =
                context.underlyingError != nil || context.debugDescription.contains("JSON")
                ? "The request body is not valid JSON."
                : "A parameter has an invalid value: \(context.debugDescription)"
            return Mapped(problem: ProblemDetails(status: .badRequest, detail: detail))
        case .dataCorrupted(let context):
            (path, message) = (context.codingPath, "has an invalid value")
        case .keyNotFound(let key, let context):
            (path, message) = (context.codingPath + [key], "is required")
        case .typeMismatch(let type, let context):
            (path, message) = (context.codingPath, "must be \(describe(type))")
        case .valueNotFound(let type, let context):
            (path, message) = (context.codingPath, "must be \(describe(type)), not null")
        @unknown default:
            return Mapped(problem: ProblemDetails(status: .badRequest, detail: "The request could not be read."))
        }
        let field = fieldName(path)
        return Mapped(
            problem: ProblemDetails(
                status: .unprocessableEntity, detail: "The request has invalid fields.", kind: "validation",
                errors: [FieldError(field: field.isEmpty ? "body" : field, message: field.isEmpty ? "must be a JSON object" : message)]))
    }

    /// `items[2].sku` from a coding path.
    static func fieldName(_ path: [any CodingKey]) -> String {
        path.reduce(into: "") { name, key in
            if let index = key.intValue, key.stringValue.hasPrefix("Index") || key.stringValue == String(index) {
                name += "[\(index)]"
            } else {
                name += name.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "a boolean"
        case is Int.Type, is Int64.Type, is Int32.Type: "an integer"
        case is Double.Type, is Float.Type: "a number"
        case is [Any].Type: "an array"
        default: "of type \(type)"
        }
    }
}
