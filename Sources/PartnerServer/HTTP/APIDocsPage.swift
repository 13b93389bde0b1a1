import Foundation
import Yams

/// Renders the OpenAPI document as one self-contained HTML page (no scripts, no CDN): every
/// operation with its parameters, body and responses, then every schema with its properties.
struct APIDocsPage {
    private let root: Node

    init(specYAML: String) throws {
        guard let root = try Yams.compose(yaml: specYAML) else { throw APIDocsError.emptySpec }
        self.root = root
    }

    func html() -> String {
        let info = root["info"]
        let title = info?["title"]?.string ?? "API"
        var body = "<h1>\(escape(title)) <small>\(escape(info?["version"]?.string ?? ""))</small></h1>"
        body += "<p>\(escape(info?["description"]?.string ?? ""))</p>"
        body += #"<p>Machine-readable spec: <a href="/openapi.yaml">/openapi.yaml</a></p><h2>Operations</h2>"#
        for (path, item) in root["paths"]?.mapping ?? [:] {
            for (method, operation) in item.mapping ?? [:] where method.string != "parameters" {
                body += renderOperation(path: path.string ?? "", method: method.string ?? "", operation, shared: item["parameters"])
            }
        }
        body += "<h2>Schemas</h2>"
        for (name, schema) in root["components"]?["schemas"]?.mapping ?? [:] {
            body += renderSchema(name: name.string ?? "", schema)
        }
        return """
            <!doctype html><html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(title)) — reference</title><style>\(Self.style)</style></head>
            <body><main>\(body)</main></body></html>
            """
    }

    private func renderOperation(path: String, method: String, _ operation: Node, shared: Node?) -> String {
        let id = operation["operationId"]?.string ?? ""
        var html =
            #"<section class="op" id="\#(escape(id))"><h3><span class="m \#(escape(method))">\#(escape(method.uppercased()))</span> <code>\#(escape(path))</code></h3>"#
        html += "<p>\(escape(operation["summary"]?.string ?? ""))</p>"
        if let description = operation["description"]?.string { html += "<p>\(escape(description))</p>" }
        if let security = operation["security"]?.sequence, security.isEmpty { html += "<p><em>No authentication.</em></p>" }
        let parameters = (shared?.sequence ?? []) + (operation["parameters"]?.sequence ?? [])
        if !parameters.isEmpty {
            html += "<table><tr><th>Parameter</th><th>In</th><th>Type</th><th>Description</th></tr>"
            for parameter in parameters.map(resolve) {
                html +=
                    "<tr><td><code>\(escape(parameter["name"]?.string ?? ""))</code>\(parameter["required"]?.bool == true ? " *" : "")</td>"
                html += "<td>\(escape(parameter["in"]?.string ?? ""))</td><td>\(escape(typeName(parameter["schema"])))</td>"
                html += "<td>\(escape(parameter["description"]?.string ?? ""))</td></tr>"
            }
            html += "</table>"
        }
        if let schema = operation["requestBody"]?["content"]?.mapping?.first?.value["schema"] {
            html += "<p>Body: \(link(typeName(schema)))</p>"
        }
        html += "<ul>"
        for (status, response) in operation["responses"]?.mapping ?? [:] {
            let resolved = resolve(response)
            let schema = resolved["content"]?.mapping?.first?.value["schema"]
            html +=
                "<li><code>\(escape(status.string ?? ""))</code> \(escape(resolved["description"]?.string ?? ""))\(schema.map { " — " + link(typeName($0)) } ?? "")</li>"
        }
        return html + "</ul></section>"
    }

    private func renderSchema(name: String, _ schema: Node) -> String {
        var html = #"<section id="schema-\#(escape(name))"><h3>\#(escape(name))</h3>"#
        if let description = schema["description"]?.string { html += "<p>\(escape(description))</p>" }
        if let values = schema["enum"]?.sequence {
            return html + "<p>One of: " + values.compactMap(\.string).map { "<code>\(escape($0))</code>" }.joined(separator: ", ")
                + "</p></section>"
        }
        let required = Set(schema["required"]?.sequence?.compactMap(\.string) ?? [])
        html += "<table><tr><th>Property</th><th>Type</th><th>Description</th></tr>"
        for (property, definition) in schema["properties"]?.mapping ?? [:] {
            let key = property.string ?? ""
            html +=
                "<tr><td><code>\(escape(key))</code>\(required.contains(key) ? " *" : "")</td><td>\(link(typeName(definition)))</td><td>\(escape(definition["description"]?.string ?? ""))</td></tr>"
        }
        return html + "</table></section>"
    }

    private func resolve(_ node: Node) -> Node {
        guard let reference = node["$ref"]?.string, reference.hasPrefix("#/") else { return node }
        var current: Node? = root
        for part in reference.dropFirst(2).split(separator: "/") { current = current?[String(part)] }
        return current ?? node
    }

    private func typeName(_ schema: Node?) -> String {
        guard let schema else { return "" }
        if let reference = schema["$ref"]?.string { return String(reference.split(separator: "/").last ?? "") }
        if schema["type"]?.string == "array" { return "[" + typeName(schema["items"]) + "]" }
        if let types = schema["type"]?.sequence { return types.compactMap(\.string).joined(separator: " | ") }
        let format = schema["format"]?.string.map { " (\($0))" } ?? ""
        return (schema["type"]?.string ?? "object") + format
    }

    /// Links schema names to their section; leaves primitive type names as text.
    private func link(_ type: String) -> String {
        let bare = type.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        guard root["components"]?["schemas"]?[bare] != nil else { return escape(type) }
        return type.replacingOccurrences(of: bare, with: ##"<a href="#schema-\##(escape(bare))">\##(escape(bare))</a>"##)
    }

    private func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    private static let style = """
        body{font:16px/1.5 system-ui,sans-serif;color:#1d1d1f;margin:0;background:#fafafa}
        main{max-width:960px;margin:0 auto;padding:1rem}
        h3{margin-bottom:.25rem}.op{border-bottom:1px solid #ddd;padding-bottom:.5rem}
        .m{display:inline-block;min-width:4.5em;text-align:center;border-radius:4px;color:#fff;background:#555;font-size:.8em;padding:.1em .4em}
        .m.get{background:#1f6f43}.m.post{background:#1a4f8b}.m.patch,.m.put{background:#8a5a00}.m.delete{background:#a12622}
        table{border-collapse:collapse;width:100%;font-size:.9em}td,th{border:1px solid #ddd;padding:.25em .5em;text-align:left;vertical-align:top}
        code{background:#eee;padding:0 .2em;border-radius:3px}
        """
}

enum APIDocsError: Error {
    case emptySpec
}
