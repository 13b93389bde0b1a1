import Testing

@testable import PartnerCore

@Suite("Catalogue: products, CSV, orders")
struct CatalogTests {
    /// Rows of unquoted CSV; the server parses real files with a CSV library before this rule.
    private func rows(_ text: String) -> [[String]] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
    }

    @Test func importsAValidCatalogue() throws {
        let text = """
            sku,name,category,listPrice,unitCost,currency,packSize,active
            lip-001,Velvet Lipstick,lips,19.90,6.10,EUR,6,true
            """
        let products = try ProductCSV.products(
            rows: rows(text) + [["SER-010", "Hydra Serum, 30 ml", "skin", "34.50", "", "EUR", "", ""], [""]])
        #expect(products.map(\.sku) == ["LIP-001", "SER-010"])
        #expect(products[0].packSize == 6 && products[0].unitCost?.minorUnits == 610)
        #expect(products[1].name == "Hydra Serum, 30 ml" && products[1].packSize == 1 && products[1].active)
    }

    @Test func reportsEveryBadCell() {
        let text = """
            sku,name,category,listPrice,unitCost,currency,packSize,active
            LIP-001,Lipstick,lips,19.999,,EUR,6,true
            x,,lips,5.00,,EURO,zero,maybe
            LIP-001,Again,lips,1.00,,EUR,1,true
            """
        do {
            _ = try ProductCSV.products(rows: rows(text))
            Issue.record("expected a validation failure")
        } catch {
            #expect(
                Set(error.errors.map(\.field)) == [
                    "rows[1].listPrice.amount", "rows[2].sku", "rows[2].name", "rows[2].listPrice.currency", "rows[2].packSize",
                    "rows[2].active", "rows[3].sku",
                ])
        }
        #expect(throws: ValidationFailure.self) { try ProductCSV.products(rows: rows("sku,name\nA1,B")) }
        #expect(throws: ValidationFailure.self) { try ProductCSV.products(rows: []) }
    }

    @Test func ordersMergeLinesAndRejectBadQuantities() throws {
        let draft = try OrderDraft(items: [("lip-1", 2), ("LIP-1", 3), ("ser-2", 1)])
        #expect(draft.lines == [.init(sku: "LIP-1", quantity: 5, index: 0), .init(sku: "SER-2", quantity: 1, index: 2)])
        do {
            _ = try OrderDraft(items: [("A1", 0), ("", 1), ("B2", -4)])
            Issue.record("expected a validation failure")
        } catch {
            #expect(error.errors.map(\.field) == ["items[0].quantity", "items[1].sku", "items[2].quantity"])
        }
        #expect(throws: ValidationFailure.self) { try OrderDraft(items: []) }
    }

    @Test func orderLifecycle() throws {
        #expect(try OrderStatus.submitted.moving(to: .confirmed) == .confirmed)
        #expect(try OrderStatus.confirmed.moving(to: .cancelled) == .cancelled)
        #expect(throws: OrderError.illegalStatusTransition(from: .shipped, to: .cancelled)) {
            try OrderStatus.shipped.moving(to: .cancelled)
        }
        #expect(throws: OrderError.self) { try OrderStatus.delivered.moving(to: .submitted) }
    }
}
