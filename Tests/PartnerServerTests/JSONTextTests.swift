import Foundation
import PartnerCore
import Testing

@testable import PartnerServer

@Suite("JSON text of events")
struct JSONTextTests {
    @Test func uuidStringsAreLowerCasedAndNothingElse() {
        let id = UUID(uuidString: "0B6F3F1E-5A8C-4C55-9D1E-2F1F6C0E7A11")!
        let json = #"{"id":"\#(id.uuidString)","name":"ACME-GMBH","ids":["\#(id.uuidString)"],"note":"0B6F3F1E-5A8C"}"#
        let lowered = JSONText.lowercasingUUIDs(json)
        #expect(
            lowered
                == #"{"id":"0b6f3f1e-5a8c-4c55-9d1e-2f1f6c0e7a11","name":"ACME-GMBH","ids":["0b6f3f1e-5a8c-4c55-9d1e-2f1f6c0e7a11"],"note":"0B6F3F1E-5A8C"}"#
        )
        #expect(JSONText.lowercasingUUIDs("{}") == "{}")
        #expect(JSONText.lowercasingUUIDs(#"{"a":"\#(String(repeating: "Z", count: 36))"}"#).contains("ZZZ"))
    }

    @Test func stringsAreEscapedForJSON() throws {
        let text = "quote \" backslash \\ newline \n tab \t bell \u{7}"
        let json = #"{"v":"\#(JSONText.escaped(text))"}"#
        let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: String]
        #expect(decoded?["v"] == text)
    }

    @Test func eventMoneyIsTheAPIsMoneyObject() throws {
        let json = try JSONEncoder.sortedCompact.encode(EventMoney(Money(minorUnits: 41_280, currency: .eur)))
        #expect(String(decoding: json, as: UTF8.self) == #"{"amount":"412.80","currency":"EUR"}"#)
    }
}
