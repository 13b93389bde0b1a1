import Foundation
import Testing

@testable import PartnerServer

/// The hand-written UUID parser of the SQLite fast path reads what Foundation reads and nothing else.
@Suite("Row reader")
struct RowReaderTests {
    @Test func parsesUUIDsLikeFoundation() {
        for _ in 0..<1_000 {
            let id = UUID()
            #expect(RowReader.uuid(id.uuidString) == id)
            #expect(RowReader.uuid(id.uuidString.lowercased()) == id)
        }
        for bad in [
            "", "not-a-uuid", "00000000-0000-0000-0000-00000000000", "00000000-0000-0000-0000-0000000000000",
            "00000000+0000-0000-0000-000000000000", "0000000g-0000-0000-0000-000000000000", "é0000000-0000-0000-0000-000000000000",
        ] {
            #expect(RowReader.uuid(bad) == nil, "\(bad)")
            #expect(UUID(uuidString: bad) == nil, "\(bad)")
        }
    }
}
