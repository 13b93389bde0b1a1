import Foundation
import PartnerCore

/// A subscription URL judged and resolved: the address the request will be sent to, which the rules
/// accepted. The sender connects to this address, not to a second lookup of the name.
struct WebhookTarget: Sendable, Equatable {
    let url: String
    let host: String
    let address: IPAddress

    /// Judges the URL's text, then every address its host resolves to.
    static func resolve(_ url: String, rules: WebhookTargetRules, resolver: any HostResolving) async throws -> WebhookTarget {
        let parsed = try rules.check(url: url)
        if let literal = IPAddress(parsed.host) { return WebhookTarget(url: url, host: parsed.host, address: literal) }
        let addresses = try await resolver.addresses(of: parsed.host)
        return WebhookTarget(url: url, host: parsed.host, address: try rules.check(resolved: addresses, host: parsed.host))
    }
}
