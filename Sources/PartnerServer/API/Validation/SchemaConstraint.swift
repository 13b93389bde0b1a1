import Foundation
import PartnerCore

/// The limits the spec states for one value — lengths, bounds, counts and patterns — and those of
/// the values it contains. Built once from the spec and never changed after, so it is shared freely
/// (`NSRegularExpression` is immutable and safe to use from several threads).
final class SchemaConstraint: @unchecked Sendable {
    var isNumeric = false
    var minLength: Int?
    var maxLength: Int?
    var pattern: (text: String, regex: NSRegularExpression)?
    var minimum: Double?
    var maximum: Double?
    var exclusiveMinimum: Double?
    var exclusiveMaximum: Double?
    var minItems: Int?
    var maxItems: Int?
    var items: SchemaConstraint?
    var properties: [String: SchemaConstraint] = [:]
    /// `allOf` parts: every one applies.
    var parts: [SchemaConstraint] = []

    /// Appends a field error for every limit `value` (decoded JSON) breaks, naming fields the way
    /// the rest of the API does (`items[2].quantity`).
    func check(_ value: Any, at field: String, into errors: inout [FieldError]) {
        for part in parts { part.check(value, at: field, into: &errors) }
        switch value {
        case let text as String:
            check(text: text, at: field, into: &errors)
        case let list as [Any]:
            if let minItems, list.count < minItems { errors.append(.init(field: field, message: "must list at least \(minItems) entries")) }
            if let maxItems, list.count > maxItems { errors.append(.init(field: field, message: "must list at most \(maxItems) entries")) }
            guard let items else { return }
            // One message per field is enough; a 10,000-entry list must not produce 10,000 errors.
            for (index, element) in list.enumerated() where errors.count < 50 {
                items.check(element, at: "\(field)[\(index)]", into: &errors)
            }
        case let object as [String: Any]:
            for (name, constraint) in properties {
                guard let member = object[name], !(member is NSNull) else { continue }
                constraint.check(member, at: field.isEmpty ? name : "\(field).\(name)", into: &errors)
            }
        case let number as NSNumber where isNumeric && !number.isBoolean:
            check(number: number.doubleValue, at: field, into: &errors)
        default:
            return
        }
    }

    /// Query and header values arrive as text; numeric ones are bounded as numbers.
    func check(parameter raw: String, at field: String, into errors: inout [FieldError]) {
        if isNumeric {
            if let number = Double(raw) { check(number: number, at: field, into: &errors) }
        } else {
            check(text: raw, at: field, into: &errors)
        }
    }

    private func check(text: String, at field: String, into errors: inout [FieldError]) {
        let length = text.count
        if let minLength, length < minLength { errors.append(.init(field: field, message: "must be at least \(minLength) characters")) }
        if let maxLength, length > maxLength { errors.append(.init(field: field, message: "must be at most \(maxLength) characters")) }
        if let pattern,
            pattern.regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil
        {
            errors.append(.init(field: field, message: "must match \(pattern.text)"))
        }
    }

    private func check(number: Double, at field: String, into errors: inout [FieldError]) {
        let below = minimum.map { number < $0 } ?? false || exclusiveMinimum.map { number <= $0 } ?? false
        let above = maximum.map { number > $0 } ?? false || exclusiveMaximum.map { number >= $0 } ?? false
        guard below || above || !number.isFinite else { return }
        let low = (minimum ?? exclusiveMinimum).map(Self.format)
        let high = (maximum ?? exclusiveMaximum).map(Self.format)
        let message =
            switch (low, high) {
            case (let low?, let high?): "must be between \(low) and \(high)"
            case (let low?, nil): "must be at least \(low)"
            case (nil, let high?): "must be at most \(high)"
            case (nil, nil): "must be a finite number"
            }
        errors.append(.init(field: field, message: message))
    }

    private static func format(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
    }
}

extension NSNumber {
    /// JSONSerialization returns `true` and `false` as NSNumbers of C type `char` (numbers are
    /// `int`, `double` or decimal); a limit on numbers must not judge them.
    fileprivate var isBoolean: Bool { objCType.pointee == CChar(UInt8(ascii: "c")) }
}
