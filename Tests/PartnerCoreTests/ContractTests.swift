import Foundation
import Testing

@testable import PartnerCore

@Suite("Contract status and compliance")
struct ContractTests {
    private func day(_ text: String) -> Date { CalendarDay.parse(text)! }

    private func terms(_ start: String, _ end: String, autoRenew: Bool = false, notice: Int = 30, signed: Bool = true) -> ContractTerms {
        ContractTerms(startsOn: day(start), endsOn: day(end), autoRenew: autoRenew, renewalNoticeDays: notice, signed: signed)
    }

    @Test func statusFollowsTheCalendar() {
        let contract = terms("2026-01-01", "2026-12-31")
        #expect(contract.status(at: day("2025-12-31")) == .draft)
        #expect(contract.status(at: day("2026-06-01")) == .active)
        #expect(contract.status(at: day("2026-12-01")) == .renewalDue)
        #expect(contract.daysToRenewal(at: day("2026-12-01")) == 30)
        #expect(contract.status(at: day("2026-12-31").addingTimeInterval(3_600)) == .renewalDue)
        #expect(contract.status(at: day("2027-01-01")) == .expired)
        #expect(terms("2026-01-01", "2026-12-31", signed: false).status(at: day("2026-06-01")) == .draft)
        var ended = contract
        ended.terminatedAt = day("2026-03-01")
        #expect(ended.status(at: day("2026-06-01")) == .terminated)
    }

    @Test func autoRenewingContractsRollOver() {
        let contract = terms("2025-01-01", "2025-12-31", autoRenew: true)
        #expect(CalendarDay.format(contract.currentEnd(at: day("2026-03-01"))) == "2026-12-31")
        #expect(contract.status(at: day("2026-03-01")) == .active)
        #expect(contract.status(at: day("2026-12-15")) == .renewalDue)
        #expect(CalendarDay.format(contract.currentEnd(at: day("2025-06-01"))) == "2025-12-31")
    }

    @Test func complianceNamesMissingExpiringAndExpiredKinds() {
        let today = day("2026-11-22")
        let summary = ComplianceSummary(
            type: .distributor,
            documents: [(.iso9001, day("2026-12-10")), (.iso22716, day("2026-01-01")), (.iso22716, day("2025-01-01"))], at: today)
        #expect(summary.required == [.businessLicence, .iso9001, .iso22716])
        #expect(summary.missing == [.businessLicence])
        #expect(summary.expiringSoon == [.iso9001])
        #expect(summary.expired == [.iso22716])
        #expect(!summary.isComplete)
        #expect(ComplianceSummary(type: .affiliate, documents: [], at: today).isComplete)
        #expect(ComplianceSummary(type: .salon, documents: [(.businessLicence, nil)], at: today).isComplete)
    }
}
