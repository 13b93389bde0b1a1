import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An IPv4 or IPv6 address as bytes, read from a resolver's textual output or a URL's host literal.
/// Only the canonical notations parse (`inet_pton`): `127.1`, `2130706433` or `0x7f.1` do not, so
/// the rules judge them as names, which `WebhookTargetRules` refuses.
public enum IPAddress: Hashable, Sendable, CustomStringConvertible {
    case v4([UInt8])
    case v6([UInt8])

    public init?(_ text: String) {
        let literal = text.hasPrefix("[") && text.hasSuffix("]") ? String(text.dropFirst().dropLast()) : text
        // A zone index (`fe80::1%eth0`) names an interface; the address before it is what is judged.
        let address = literal.split(separator: "%", maxSplits: 1).first.map(String.init) ?? literal
        var v4 = in_addr()
        if inet_pton(AF_INET, address, &v4) == 1 {
            self = .v4(withUnsafeBytes(of: &v4) { Array($0) })
            return
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, address, &v6) == 1 {
            self = .v6(withUnsafeBytes(of: &v6) { Array($0) })
            return
        }
        return nil
    }

    public var description: String {
        switch self {
        case .v4(let bytes): return bytes.map(String.init).joined(separator: ".")
        case .v6(let bytes):
            return stride(from: 0, to: 16, by: 2).map { String(UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]), radix: 16) }
                .joined(separator: ":")
        }
    }

    /// The IPv4 address carried inside an IPv6 one (IPv4-mapped, IPv4-compatible, NAT64, 6to4).
    var embeddedV4: [UInt8]? {
        guard case .v6(let bytes) = self else { return nil }
        let mapped = bytes[0..<10].allSatisfy { $0 == 0 } && bytes[10] == 0xff && bytes[11] == 0xff
        // `::` and `::1` are IPv6's own unspecified and loopback addresses, not IPv4-compatible ones.
        let compatible = bytes[0..<12].allSatisfy { $0 == 0 } && bytes[12] != 0
        let nat64 = bytes[0..<12] == [0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0]
        if mapped || compatible || nat64 { return Array(bytes[12..<16]) }
        if bytes[0] == 0x20, bytes[1] == 0x02 { return Array(bytes[2..<6]) }
        return nil
    }
}
