import Testing

@testable import PartnerCore

@Suite("Money")
struct MoneyTests {
    @Test(arguments: [("12.50", 1250), ("0", 0), ("-3.05", -305), ("7.5", 750), ("1000000", 100_000_000)])
    func parsesDecimalStrings(amount: String, minor: Int64) throws {
        let money = try #require(Money(amount: amount, currency: .eur))
        #expect(money.minorUnits == minor)
    }

    @Test(arguments: ["12.345", "1e3", "12,50", "", ".5", "5.", "--1", "abc", "99999999999999999999"])
    func rejectsAnythingElse(amount: String) {
        #expect(Money(amount: amount, currency: .eur) == nil)
    }

    @Test func formatsWithTheCurrencysDigits() throws {
        #expect(Money(minorUnits: 1250, currency: .eur).amount == "12.50")
        #expect(Money(minorUnits: -5, currency: .eur).amount == "-0.05")
        let yen = try #require(Currency("jpy"))
        #expect(Money(minorUnits: 1500, currency: yen).amount == "1500")
        #expect(Money(amount: "1500.5", currency: yen) == nil)
        let dinar = try #require(Currency("KWD"))
        #expect(Money(amount: "1.234", currency: dinar)?.minorUnits == 1234)
        #expect(Currency("EURO") == nil && Currency("E1R") == nil)
    }
}
