import Vapor

/// The address a request came from. Behind `trustedProxies` reverse proxies, each appends the
/// address it received from to `X-Forwarded-For`, so the client is the N-th entry from the right;
/// anything to the left of it was written by the client and is never trusted.
enum ClientAddress {
    static func of(_ request: Request, trustedProxies: Int) -> String {
        let peer = request.remoteAddress?.ipAddress ?? "unknown"
        guard trustedProxies > 0 else { return peer }
        let entries = request.headers[.xForwardedFor].flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        // Fewer entries than proxies: the chain was bypassed or misconfigured; trust only the peer.
        guard entries.count >= trustedProxies else { return peer }
        return entries[entries.count - trustedProxies]
    }
}
