import Foundation
import Testing

@testable import PartnerCore

/// Where webhooks may go, judged on URL text and on resolver output — pure functions, so no test
/// sends traffic anywhere or depends on DNS.
@Suite("Webhook target rules")
struct WebhookTargetRulesTests {
    static let production = WebhookTargetRules(allowLoopback: false, requireHTTPS: true)
    static let development = WebhookTargetRules(allowLoopback: false, requireHTTPS: false)
    static let loopback = WebhookTargetRules(allowLoopback: true, requireHTTPS: true)

    @Test(arguments: [
        "https://127.0.0.1/hook", "https://[::1]/hook", "https://localhost/hook", "https://api.localhost/hook",
        "https://10.1.2.3/", "https://172.16.0.1/", "https://192.168.1.1/", "https://169.254.169.254/latest/meta-data",
        "https://100.64.0.1/", "https://0.0.0.0/", "https://[fd00::1]/", "https://[fe80::1]/", "https://[::ffff:127.0.0.1]/",
        "https://[::ffff:10.0.0.1]/", "https://2130706433/", "https://0x7f000001/", "https://0177.0.0.1/", "https://127.1/",
        "https://[64:ff9b::a00:1]/", "https://metadata.google.internal/", "http://hooks.example.com/", "ftp://hooks.example.com/",
        "https://user:pass@hooks.example.com/", "not a url", "https:///path-only",
    ])
    func productionRefuses(_ url: String) {
        #expect(throws: ValidationFailure.self) { try Self.production.check(url: url) }
    }

    @Test func productionAcceptsPublicHTTPS() throws {
        let parsed = try Self.production.check(url: "https://hooks.example.com:8443/partner-os")
        #expect(parsed.host == "hooks.example.com" && parsed.port == 8443 && parsed.https)
        #expect(try Self.production.check(url: "https://93.184.216.34/x").host == "93.184.216.34")
    }

    @Test func developmentAllowsHTTPButNotLoopback() throws {
        #expect(try Self.development.check(url: "http://hooks.example.com/").https == false)
        #expect(throws: ValidationFailure.self) { try Self.development.check(url: "http://127.0.0.1:9000/") }
    }

    @Test func loopbackModeAllowsLocalReceivers() throws {
        #expect(try Self.loopback.check(url: "http://127.0.0.1:9000/hooks").port == 9000)
        #expect(try Self.loopback.check(url: "http://localhost:9000/hooks").host == "localhost")
        #expect(try Self.loopback.check(url: "http://[::1]:9000/hooks").host == "::1")
        // Loopback is the only exception: private and metadata addresses stay refused.
        #expect(throws: ValidationFailure.self) { try Self.loopback.check(url: "http://192.168.0.10/") }
        #expect(throws: ValidationFailure.self) { try Self.loopback.check(url: "http://169.254.169.254/") }
    }

    @Test func resolvedAddressesAreJudgedEachOne() throws {
        func addresses(_ texts: String...) -> [IPAddress] { texts.compactMap(IPAddress.init) }
        let rules = Self.production
        #expect(
            try rules.check(resolved: addresses("93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946"), host: "a.example")
                == IPAddress("93.184.216.34"))
        // One private answer among public ones refuses the name: the next lookup may return it.
        for bad in [
            "93.184.216.34,10.0.0.7", "127.0.0.1", "::1", "fe80::1", "fc00::5", "::ffff:192.168.1.1", "169.254.169.254", "100.100.100.200",
            "::",
        ] {
            let list = bad.split(separator: ",").compactMap { IPAddress(String($0)) }
            #expect(throws: ValidationFailure.self, "\(bad)") { try rules.check(resolved: list, host: "rebind.example") }
        }
        #expect(throws: ValidationFailure.self) { try rules.check(resolved: [], host: "nowhere.example") }
    }

    @Test func addressesParseOnlyInCanonicalNotation() {
        #expect(IPAddress("127.0.0.1") == .v4([127, 0, 0, 1]))
        #expect(IPAddress("[::1]") != nil)
        #expect(IPAddress("2130706433") == nil)
        #expect(IPAddress("127.1") == nil)
        #expect(IPAddress("0x7f.0.0.1") == nil)
        #expect(IPAddress("hooks.example.com") == nil)
    }
}
