import Foundation
import NIOPosix
import PartnerCore

#if canImport(Glibc)
    import Glibc
#endif

/// Looks up a host name's addresses. The system resolver in production; the address rules are
/// tested on its output, as a pure function, so no test depends on DNS.
protocol HostResolving: Sendable {
    func addresses(of host: String) async throws -> [IPAddress]
}

/// `getaddrinfo` on NIO's blocking-work pool, so a slow DNS server never stalls an event loop.
struct SystemHostResolver: HostResolving {
    let threadPool: NIOThreadPool

    func addresses(of host: String) async throws -> [IPAddress] {
        try await threadPool.runIfActive { Self.lookUp(host) }
    }

    static func lookUp(_ host: String) -> [IPAddress] {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, nil, &hints, &list) == 0, let first = list else { return [] }
        defer { freeaddrinfo(list) }
        var addresses: [IPAddress] = []
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let entry = cursor {
            if let socketAddress = entry.pointee.ai_addr, let text = numericHost(socketAddress, length: entry.pointee.ai_addrlen),
                let address = IPAddress(text), !addresses.contains(address)
            {
                addresses.append(address)
            }
            cursor = entry.pointee.ai_next
        }
        return addresses
    }

    private static func numericHost(_ address: UnsafeMutablePointer<sockaddr>, length: socklen_t) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(NI_MAXHOST))
        guard getnameinfo(address, length, &buffer, socklen_t(buffer.count), nil, 0, NI_NUMERICHOST) == 0 else { return nil }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
