import Fluent
import Foundation
import PartnerCore
import SQLKit
import Testing

@testable import PartnerServer

/// A new document's random number may already be taken that day: the unique index rejects it and
/// the write runs again with a new one. Exercised with real unique violations on the test database.
@Suite("Document numbers")
struct DocumentNumberTests {
    @Test func numbersHaveThePrefixTheDayAndSixUnambiguousCharacters() {
        let number = DocumentNumber.make("SR", at: TestWorld.now)
        #expect(number.hasPrefix("SR-261118-"))
        let suffix = number.dropFirst("SR-261118-".count)
        #expect(suffix.count == 6)
        #expect(suffix.allSatisfy { "0123456789ABCDEFGHJKMNPQRSTVWXYZ".contains($0) })
    }

    @Test func aWriteThatHitATakenNumberRunsAgainWithANewOne() async throws {
        try await withTestApp { world in
            let db = world.app.db
            try await db.sql().raw("CREATE TABLE numbered (number TEXT NOT NULL UNIQUE)").run()
            try await db.sql().raw("INSERT INTO numbered (number) VALUES ('SR-261118-AAAAAA')").run()
            let attempts = Locked(0)
            let stored = try await DocumentNumber.retryingTaken {
                let attempt = attempts.withLock { count in
                    count += 1
                    return count
                }
                // The first draw is the number already taken; the second a fresh one.
                let number = attempt == 1 ? "SR-261118-AAAAAA" : "SR-261118-BBBBBB"
                return try await world.services.writes.transaction(on: db) { db in
                    try await db.sql().raw("INSERT INTO numbered (number) VALUES (\(bind: number))").run()
                    return number
                }
            }
            #expect(stored == "SR-261118-BBBBBB")
            #expect(attempts.withLock { $0 } == 2)
            let numbers = try await db.sql().raw("SELECT number FROM numbered ORDER BY number").all(
                decodingColumn: "number", as: String.self)
            #expect(numbers == ["SR-261118-AAAAAA", "SR-261118-BBBBBB"])
        }
    }

    @Test func aViolationThatIsNotANewDrawIsThrownAfterThreeAttempts() async throws {
        try await withTestApp { world in
            let db = world.app.db
            try await db.sql().raw("CREATE TABLE numbered (number TEXT NOT NULL UNIQUE)").run()
            try await db.sql().raw("INSERT INTO numbered (number) VALUES ('same')").run()
            let attempts = Locked(0)
            await #expect(throws: (any Error).self) {
                try await DocumentNumber.retryingTaken {
                    attempts.withLock { $0 += 1 }
                    try await world.services.writes.transaction(on: db) { db in
                        try await db.sql().raw("INSERT INTO numbered (number) VALUES ('same')").run()
                    }
                }
            }
            #expect(attempts.withLock { $0 } == 3)
            // Errors that are not constraint violations are not retried.
            attempts.withLock { $0 = 0 }
            await #expect(throws: DomainError.self) {
                try await DocumentNumber.retryingTaken {
                    attempts.withLock { $0 += 1 }
                    throw DomainError.conflict("not a number")
                }
            }
            #expect(attempts.withLock { $0 } == 1)
        }
    }
}
