import Foundation
import Testing

@testable import PartnerCore

/// Cadences and the contract and compliance milestones the automations announce.
@Suite("Automation schedule and milestones")
struct AutomationScheduleTests {
    private func instant(_ text: String) throws -> Date { try #require(ISO8601DateFormatter().date(from: text)) }
    private func day(_ text: String) throws -> Date { try #require(CalendarDay.parse(text)) }

    @Test func cadencesGiveTheNextRunStrictlyAfter() throws {
        let now = try instant("2026-11-18T12:00:00Z")
        #expect(AutomationCadence.every(seconds: 3_600).next(after: now) == (try instant("2026-11-18T13:00:00Z")))
        #expect(AutomationCadence.daily(hour: 1, minute: 0).next(after: now) == (try instant("2026-11-19T01:00:00Z")))
        #expect(AutomationCadence.daily(hour: 23, minute: 30).next(after: now) == (try instant("2026-11-18T23:30:00Z")))
        #expect(AutomationCadence.daily(hour: 12, minute: 0).next(after: now) == (try instant("2026-11-19T12:00:00Z")))
        #expect(AutomationCadence.monthly(day: 1, hour: 2).next(after: now) == (try instant("2026-12-01T02:00:00Z")))
        #expect(
            AutomationCadence.monthly(day: 1, hour: 2).next(after: try instant("2026-12-31T23:00:00Z"))
                == (try instant("2027-01-01T02:00:00Z")))
        #expect(AutomationCadence.monthly(day: 1, hour: 2).description == "monthly on day 1 at 02:00 UTC")
        #expect(AutomationCadence.every(seconds: 900).description == "every 15 min")
        #expect(AutomationName(rawValue: "stand-streak-bonuses") == .standStreakBonuses && AutomationName.allCases.count == 10)
    }

    @Test func contractMilestonesFollowTheDerivedStatus() throws {
        let now = try instant("2026-11-18T12:00:00Z")
        func terms(_ starts: String, _ ends: String, autoRenew: Bool = false, notice: Int = 30) throws -> ContractTerms {
            ContractTerms(startsOn: try day(starts), endsOn: try day(ends), autoRenew: autoRenew, renewalNoticeDays: notice, signed: true)
        }
        #expect(
            ContractMilestone.reached(by: try terms("2025-12-02", "2026-12-01"), at: now) == [
                .renewalDue(termEnd: try day("2026-12-01"), daysLeft: 13)
            ])
        #expect(ContractMilestone.reached(by: try terms("2025-12-02", "2026-12-01", notice: 10), at: now).isEmpty)
        #expect(ContractMilestone.reached(by: try terms("2025-11-01", "2026-11-01"), at: now) == [.expired(endedOn: try day("2026-11-01"))])
        #expect(ContractMilestone.reached(by: try terms("2024-01-01", "2024-12-31"), at: now).isEmpty)
        let rolled = ContractMilestone.reached(by: try terms("2025-11-10", "2026-11-09", autoRenew: true), at: now)
        #expect(rolled == [.renewed(previousEnd: try day("2026-11-09"), termEnd: try day("2027-11-09"))])
        #expect(rolled.first?.key == "renewed:2027-11-09")
        var unsigned = try terms("2025-12-02", "2026-12-01")
        unsigned.signed = false
        #expect(ContractMilestone.reached(by: unsigned, at: now).isEmpty)
    }

    @Test func complianceMilestonesUseTheSummarysWindow() throws {
        let now = try instant("2026-11-18T12:00:00Z")
        #expect(
            ComplianceMilestone.reached(expiresOn: try day("2026-12-18"), at: now)
                == .expiring(expiresOn: try day("2026-12-18"), daysLeft: 30))
        #expect(ComplianceMilestone.reached(expiresOn: try day("2026-12-19"), at: now) == nil)
        #expect(
            ComplianceMilestone.reached(expiresOn: try day("2026-11-18"), at: now)
                == .expiring(expiresOn: try day("2026-11-18"), daysLeft: 0))
        #expect(ComplianceMilestone.reached(expiresOn: try day("2026-11-17"), at: now) == .expired(expiresOn: try day("2026-11-17")))
        #expect(ComplianceMilestone.reached(expiresOn: try day("2026-09-01"), at: now) == nil)
    }
}
