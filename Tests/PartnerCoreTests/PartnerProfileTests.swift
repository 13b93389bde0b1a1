import Testing

@testable import PartnerCore

@Suite("Partner profile validation")
struct PartnerProfileTests {
    private func profile(_ edit: (inout PartnerProfile) -> Void = { _ in }) -> PartnerProfile {
        var profile = PartnerProfile(
            type: .salon, companyName: "  Salon   Anna ", email: " Anna@Salon.Example.COM ", region: "DACH", country: "at")
        edit(&profile)
        return profile
    }

    @Test func normalizesWhatItKeeps() throws {
        let valid = try profile {
            $0.taxId = "atu 1234 5678"
            $0.city = "  "
            $0.phone = "+43 1 234 5678"
        }.validated()
        #expect(valid.companyName == "Salon   Anna")
        #expect(valid.companyKey == "salon anna")
        #expect(valid.email == "anna@salon.example.com")
        #expect(valid.country == "AT")
        #expect(valid.taxId == "ATU12345678")
        #expect(valid.city == nil)
        #expect(valid.searchText.contains("anna@salon.example.com"))
    }

    @Test func reportsEveryProblem() {
        let broken = profile {
            $0.companyName = "A"
            $0.email = "anna@"
            $0.region = ""
            $0.country = "AUT"
            $0.latitude = -91
            $0.longitude = 10
            $0.phone = "call me"
            $0.website = "www.example.com"
            $0.taxId = "!!"
        }
        #expect(throws: ValidationFailure.self) { try broken.validated() }
        do {
            _ = try broken.validated()
        } catch {
            #expect(
                Set(error.errors.map(\.field)) == ["companyName", "email", "region", "country", "latitude", "phone", "website", "taxId"])
        }
    }

    @Test func coordinatesComeInPairsAndInRange() {
        #expect(throws: ValidationFailure.self) { try profile { $0.latitude = 10 }.validated() }
        #expect(throws: Never.self) {
            try profile {
                $0.latitude = 90
                $0.longitude = -180
            }.validated()
        }
        #expect(throws: ValidationFailure.self) {
            try profile {
                $0.latitude = .nan
                $0.longitude = 0
            }.validated()
        }
    }

    @Test func changedFieldsNamesOnlyDifferences() {
        let before = profile()
        var after = before
        after.phone = "+43 1 111111"
        after.region = "Nordics"
        #expect(after.changedFields(from: before) == ["phone", "region"])
        #expect(before.changedFields(from: before).isEmpty)
    }

    @Test(arguments: ["a@b.co", "first.last+tag@sub.example.org"])
    func acceptsEmails(email: String) { #expect(EmailAddress(email) != nil) }

    @Test(arguments: ["", "plain", "a@b", "a@@b.com", "a b@c.com", "@b.com", "a@b.c", "a@-b.com", "a@b.c0m"])
    func rejectsEmails(email: String) { #expect(EmailAddress(email) == nil) }
}
