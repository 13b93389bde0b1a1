import Foundation

/// Where webhooks may be sent. A subscription URL is judged twice: its text at registration, and the
/// addresses its host resolves to, at registration and again before every delivery (the connection
/// then goes to the address that was judged, so a second lookup cannot rebind it).
///
/// Refused targets follow the IANA special-purpose registries (RFC 6890 and its updates): loopback,
/// private (RFC 1918), shared (RFC 6598), link-local (which holds the cloud metadata service at
/// 169.254.169.254), unique-local IPv6, multicast, reserved and documentation ranges, and IPv6 forms
/// that carry such an IPv4 address inside them.
public struct WebhookTargetRules: Sendable {
    /// Plain http and loopback targets, for development and tests only.
    public var allowLoopback: Bool
    /// http is accepted in development; production needs https.
    public var requireHTTPS: Bool

    public init(allowLoopback: Bool, requireHTTPS: Bool) {
        self.allowLoopback = allowLoopback
        self.requireHTTPS = requireHTTPS && !allowLoopback
    }

    /// The URL's own text: scheme, no credentials, and a host that is a name or a canonical address.
    /// Returns the parsed URL's host and port for the resolver.
    public func check(url text: String) throws(ValidationFailure) -> (host: String, port: Int, https: Bool) {
        func refuse(_ message: String) -> ValidationFailure { ValidationFailure(field: "url", message: message) }
        guard text.count <= 2000, let components = URLComponents(string: text), let scheme = components.scheme?.lowercased() else {
            throw refuse("must be an absolute URL of at most 2,000 characters")
        }
        guard scheme == "https" || scheme == "http" else { throw refuse("must be an https URL") }
        if scheme == "http", requireHTTPS { throw refuse("must use https (http is allowed only in development)") }
        guard components.user == nil, components.password == nil else { throw refuse("must not carry credentials") }
        guard let rawHost = components.host?.lowercased(), !rawHost.isEmpty else { throw refuse("must name a host") }
        let host = rawHost.hasPrefix("[") ? String(rawHost.dropFirst().dropLast()) : rawHost
        let port = components.port ?? (scheme == "https" ? 443 : 80)
        guard (1...65535).contains(port) else { throw refuse("has an invalid port") }
        if let address = IPAddress(host) {
            if let reason = refusal(for: address) { throw refuse("must not point at \(reason) addresses") }
        } else {
            if let reason = refusal(forName: host) { throw refuse(reason) }
        }
        return (host, port, scheme == "https")
    }

    /// Why a host name that is not a canonical address literal is refused, if it is.
    func refusal(forName host: String) -> String? {
        let name = host.hasSuffix(".") ? String(host.dropLast()) : host
        if !allowLoopback, name == "localhost" || name.hasSuffix(".localhost") { return "must not point at loopback addresses" }
        // `2130706433`, `0x7f000001`, `0177.0.0.1` and `127.1` all reach 127.0.0.1 through the C
        // resolver; a real host name always has a label that is not a number.
        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        let numeric = labels.allSatisfy { label in
            let digits = label.hasPrefix("0x") ? label.dropFirst(2) : label[...]
            return !digits.isEmpty && digits.allSatisfy(\.isHexDigit)
        }
        if numeric && labels.allSatisfy({ $0.first?.isNumber == true }) {
            return "must not use a numeric host in a non-standard notation"
        }
        if name.hasSuffix(".internal") || name == "metadata" { return "must not point at a metadata service" }
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-.")
        guard !name.isEmpty, name.count <= 253, name.allSatisfy({ allowed.contains($0) }) else { return "must name a valid host" }
        return nil
    }

    /// Why a resolved address may not receive webhooks, if it may not.
    public func refusal(for address: IPAddress) -> String? {
        if let v4 = address.embeddedV4 {
            if case .v6(let bytes) = address, bytes[10] == 0xff, bytes[11] == 0xff, !allowLoopback { return "IPv4-mapped" }
            return refusal(v4: v4)
        }
        switch address {
        case .v4(let bytes): return refusal(v4: bytes)
        case .v6(let bytes): return refusal(v6: bytes)
        }
    }

    /// Judges every address a name resolved to; one bad address refuses the name (a resolver may
    /// answer differently next time).
    public func check(resolved addresses: [IPAddress], host: String) throws(ValidationFailure) -> IPAddress {
        guard let first = addresses.first else {
            throw ValidationFailure(field: "url", message: "host \(host) could not be resolved")
        }
        for address in addresses {
            if let reason = refusal(for: address) {
                throw ValidationFailure(field: "url", message: "host \(host) resolves to \(reason) address \(address)")
            }
        }
        return first
    }

    private func refusal(v4 b: [UInt8]) -> String? {
        if b[0] == 127 { return allowLoopback ? nil : "loopback" }
        if b == [169, 254, 169, 254] || b == [100, 100, 100, 200] { return "metadata" }
        switch (b[0], b[1]) {
        case (0, _): return "unspecified"
        case (10, _), (172, 16...31), (192, 168): return "private"
        case (100, 64...127): return "shared (carrier-grade NAT)"
        case (169, 254): return "link-local"
        case (192, 0) where b[2] == 0 || b[2] == 2: return "reserved"
        case (198, 18...19): return "benchmarking"
        case (198, 51) where b[2] == 100, (203, 0) where b[2] == 113: return "documentation"
        case (224...239, _): return "multicast"
        case (240...255, _): return "reserved"
        default: return nil
        }
    }

    private func refusal(v6 b: [UInt8]) -> String? {
        if b[0..<15].allSatisfy({ $0 == 0 }) {
            if b[15] == 1 { return allowLoopback ? nil : "loopback" }
            if b[15] == 0 { return "unspecified" }
        }
        if b[0] == 0xfe, b[1] & 0xc0 == 0x80 { return "link-local" }
        if b[0] & 0xfe == 0xfc { return "unique-local" }
        if b[0] == 0xff { return "multicast" }
        if b[0] == 0x20, b[1] == 0x01, b[2] == 0x0d, b[3] == 0xb8 { return "documentation" }
        if b[0] == 0x01, b[1..<8].allSatisfy({ $0 == 0 }) { return "discard-only" }
        return nil
    }
}
