/// Collects every field error of a request so a client learns all of them at once.
public struct FieldValidator: Sendable {
    public private(set) var errors: [FieldError] = []

    public init() {}

    public mutating func fail(_ field: String, _ message: String) {
        errors.append(FieldError(field: field, message: message))
    }

    public mutating func check(_ condition: Bool, _ field: String, _ message: @autoclosure () -> String) {
        if !condition { fail(field, message()) }
    }

    /// Trims a required text field and checks its length; `nil` when it failed.
    public mutating func requiredText(_ value: String, _ field: String, maxLength: Int, minLength: Int = 1) -> String? {
        let trimmed = value.trimmed
        if trimmed.count < minLength {
            fail(field, minLength <= 1 ? "must not be empty" : "must be at least \(minLength) characters")
            return nil
        }
        if trimmed.count > maxLength {
            fail(field, "must be at most \(maxLength) characters")
            return nil
        }
        return trimmed
    }

    /// Trims an optional text field; an empty value means "none".
    public mutating func optionalText(_ value: String?, _ field: String, maxLength: Int) -> String? {
        guard let trimmed = value?.trimmed, !trimmed.isEmpty else { return nil }
        if trimmed.count > maxLength {
            fail(field, "must be at most \(maxLength) characters")
            return nil
        }
        return trimmed
    }

    /// A list of at most `max` entries, each at most `maxLength` characters: the bounds the spec
    /// states as `maxItems` and `maxLength`.
    public mutating func list(_ values: [String]?, _ field: String, maxItems: Int, maxLength: Int = 100) {
        guard let values else { return }
        check(values.count <= maxItems, field, "must list at most \(maxItems) entries")
        if let index = values.firstIndex(where: { $0.count > maxLength }) {
            fail("\(field)[\(index)]", "must be at most \(maxLength) characters")
        }
    }

    public func finish() throws(ValidationFailure) {
        if !errors.isEmpty { throw ValidationFailure(errors) }
    }
}

extension String {
    var trimmed: String {
        var view = Substring(self)
        while let first = view.first, first.isWhitespace { view.removeFirst() }
        while let last = view.last, last.isWhitespace { view.removeLast() }
        return String(view)
    }
}
