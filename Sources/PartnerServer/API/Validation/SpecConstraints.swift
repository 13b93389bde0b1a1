import Foundation
import Yams

/// The limits the spec states for each operation's body, query parameters and headers, read once
/// from the served document, so the server enforces exactly what clients are told.
struct SpecConstraints: Sendable {
    struct Operation: Sendable {
        var body: SchemaConstraint?
        var query: [String: SchemaConstraint] = [:]
        var headers: [String: SchemaConstraint] = [:]
    }

    let operations: [String: Operation]

    init(spec: String) throws {
        guard let document = try Yams.load(yaml: spec) as? [String: Any] else {
            throw CocoaError(.fileReadCorruptFile)
        }
        var builder = Builder(components: document["components"] as? [String: Any] ?? [:])
        var operations: [String: Operation] = [:]
        for case let item as [String: Any] in (document["paths"] as? [String: Any] ?? [:]).values {
            let shared = item["parameters"] as? [Any] ?? []
            for case let operation as [String: Any] in item.values {
                guard let id = operation["operationId"] as? String else { continue }
                var constraints = Operation()
                for case let raw as [String: Any] in shared + (operation["parameters"] as? [Any] ?? []) {
                    let parameter = builder.resolve(raw, section: "parameters")
                    guard let name = parameter["name"] as? String, let schema = parameter["schema"] as? [String: Any],
                        let constraint = builder.constraint(for: schema)
                    else { continue }
                    switch parameter["in"] as? String {
                    case "query": constraints.query[name] = constraint
                    case "header": constraints.headers[name] = constraint
                    default: break
                    }
                }
                let body = builder.resolve(operation["requestBody"] as? [String: Any] ?? [:], section: "requestBodies")
                if let schema = ((body["content"] as? [String: Any])?["application/json"] as? [String: Any])?["schema"] as? [String: Any] {
                    constraints.body = builder.constraint(for: schema)
                }
                operations[id] = constraints
            }
        }
        self.operations = operations
    }

    /// Turns schema objects into constraints; named schemas are built once, so recursive ones
    /// terminate and share their node.
    private struct Builder {
        let components: [String: Any]
        var named: [String: SchemaConstraint] = [:]

        init(components: [String: Any]) {
            self.components = components
        }

        func resolve(_ object: [String: Any], section: String) -> [String: Any] {
            guard let ref = object["$ref"] as? String, let name = ref.split(separator: "/").last else { return object }
            return (components[section] as? [String: Any])?[String(name)] as? [String: Any] ?? [:]
        }

        /// nil when the schema states no limit at any depth.
        mutating func constraint(for schema: [String: Any]) -> SchemaConstraint? {
            if let ref = schema["$ref"] as? String, let name = ref.split(separator: "/").last.map(String.init) {
                if let built = named[name] { return built }
                let node = SchemaConstraint()
                named[name] = node
                fill(node, from: resolve(schema, section: "schemas"))
                return node
            }
            let node = SchemaConstraint()
            fill(node, from: schema)
            return node
        }

        private mutating func fill(_ node: SchemaConstraint, from schema: [String: Any]) {
            let types = (schema["type"] as? [String]) ?? (schema["type"] as? String).map { [$0] } ?? []
            node.isNumeric = types.contains("integer") || types.contains("number")
            node.minLength = schema["minLength"] as? Int
            node.maxLength = schema["maxLength"] as? Int
            if let text = schema["pattern"] as? String, let regex = try? NSRegularExpression(pattern: text) {
                node.pattern = (text, regex)
            }
            node.minimum = Self.number(schema["minimum"])
            node.maximum = Self.number(schema["maximum"])
            node.exclusiveMinimum = Self.number(schema["exclusiveMinimum"])
            node.exclusiveMaximum = Self.number(schema["exclusiveMaximum"])
            node.minItems = schema["minItems"] as? Int
            node.maxItems = schema["maxItems"] as? Int
            if let items = schema["items"] as? [String: Any] { node.items = constraint(for: items) }
            for case (let name, let property as [String: Any]) in schema["properties"] as? [String: Any] ?? [:] {
                node.properties[name] = constraint(for: property)
            }
            for case let part as [String: Any] in schema["allOf"] as? [Any] ?? [] {
                if let built = constraint(for: part) { node.parts.append(built) }
            }
        }

        private static func number(_ value: Any?) -> Double? {
            switch value {
            case let int as Int: Double(int)
            case let double as Double: double
            default: nil
            }
        }
    }
}
