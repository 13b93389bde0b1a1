/// One invalid field of a request, named by its JSON path (`overrides[2].unitPrice`).
public struct FieldError: Equatable, Sendable {
    public let field: String
    public let message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }
}

/// A request that failed validation, with every offending field.
public struct ValidationFailure: Error, Equatable, Sendable {
    public let errors: [FieldError]

    public init(_ errors: [FieldError]) {
        self.errors = errors
    }

    public init(field: String, message: String) {
        self.errors = [FieldError(field: field, message: message)]
    }
}
