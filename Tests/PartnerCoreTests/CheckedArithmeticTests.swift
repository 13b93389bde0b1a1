import Testing

@testable import PartnerCore

@Suite("Checked arithmetic")
struct CheckedArithmeticTests {
    @Test func overflowIsADomainErrorNotATrap() throws {
        #expect(try Checked.add(1, 2, field: "x") == 3)
        #expect(throws: DomainError.limitExceeded(field: "x", message: "adds up to more than the platform can hold")) {
            try Checked.add(.max, 1, field: "x")
        }
        #expect(throws: DomainError.self) { try Checked.multiply(.max / 2, 3, field: "y") }
        #expect(throws: DomainError.self) { try Checked.sum([Int64.max, 1], field: "z") }
        #expect(throws: DomainError.self) { try Checked.sum([Int.max, 1], field: "z") }
    }

    @Test func basisPointsRoundHalfAwayFromZero() throws {
        #expect(try Checked.basisPoints(1_200, of: 12_345, field: "c") == 1_481)  // 1481.4
        #expect(try Checked.basisPoints(1_000, of: 5, field: "c") == 1)  // 0.5 → 1
        #expect(try Checked.basisPoints(1_000, of: -5, field: "c") == -1)
        #expect(try Checked.basisPoints(1_500, of: 0, field: "c") == 0)
    }

    @Test func repeatedKeysKeepTheFirstValue() {
        let dictionary = Dictionary(firstValues: [("a", 1), ("b", 2), ("a", 3)])
        #expect(dictionary == ["a": 1, "b": 2])
    }

    @Test func aRepeatedCSVColumnIsAFieldErrorNotACrash() {
        #expect(throws: ValidationFailure.self) {
            try ProductCSV.products(rows: [
                ["sku", "name", "category", "listPrice", "currency", "sku"], ["A-1", "Lip", "lips", "10.00", "EUR", "A-2"],
            ])
        }
        do {
            _ = try ProductCSV.products(rows: [
                ["sku", "name", "category", "listPrice", "currency", "sku"], ["A-1", "Lip", "lips", "10.00", "EUR", "A-2"],
            ])
        } catch {
            #expect(error.errors.contains(FieldError(field: "header", message: "repeats the columns sku")))
        }
    }
}
