import Foundation
import OpenAPIRuntime
import Testing

@testable import PartnerServer

/// The fast response-date format is byte for byte the runtime's ISO 8601 transcoder's.
@Suite("Response dates")
struct ISO8601TranscoderTests {
    @Test func matchesTheStandardTranscoderAcrossCenturies() throws {
        let standard = ISO8601DateTranscoder()
        let fast = ISO8601Transcoder()
        var generator = SystemRandomNumberGenerator()
        var samples: [Double] = [
            0, -1, 86_399.999, 0.9996, -1.0006, 7_162_943_769.999868, 1_625_630_134.9995975, 951_782_400, 1_795_003_200.75, -2_208_988_800,
            4_102_444_800, 253_402_300_799,
        ]
        for _ in 0..<20_000 { samples.append(Double.random(in: -5_000_000_000...8_000_000_000, using: &generator)) }
        for seconds in samples {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(try fast.encode(date) == standard.encode(date), "\(seconds)")
        }
        #expect(try fast.decode("2026-11-18T12:00:00Z") == Date(timeIntervalSince1970: 1_795_003_200))
    }
}
