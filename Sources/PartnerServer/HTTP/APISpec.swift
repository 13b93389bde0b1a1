import Foundation

/// The OpenAPI document the API code is generated from (a resource linked to PartnerAPI/openapi.yaml).
enum APISpec {
    static func yaml() throws -> String {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml") else {
            throw CocoaError(.fileNoSuchFile)
        }
        return try String(contentsOf: url, encoding: .utf8)
    }
}
