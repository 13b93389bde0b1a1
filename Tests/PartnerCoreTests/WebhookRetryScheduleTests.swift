import Foundation
import Testing

@testable import PartnerCore

@Suite("Webhook retry schedule")
struct WebhookRetryScheduleTests {
    let schedule = WebhookRetrySchedule.standard

    @Test func delaysFollowTheScheduleThenStop() {
        let expected: [TimeInterval] = [5, 300, 1_800, 7_200, 18_000, 36_000, 50_400, 72_000, 86_400]
        for (index, delay) in expected.enumerated() {
            #expect(schedule.delay(afterFailedAttempt: index + 1, retryAfter: nil, jitter: 0) == delay)
        }
        #expect(schedule.delay(afterFailedAttempt: 10, retryAfter: nil, jitter: 0) == nil)
        #expect(schedule.maxAttempts == 10)
    }

    @Test func jitterAddsAtMostATenth() {
        #expect(schedule.delay(afterFailedAttempt: 2, retryAfter: nil, jitter: 1) == 330)
        #expect(schedule.delay(afterFailedAttempt: 2, retryAfter: nil, jitter: 7) == 330)
        #expect(schedule.delay(afterFailedAttempt: 2, retryAfter: nil, jitter: -3) == 300)
    }

    @Test func retryAfterIsHonouredUpToAnHour() {
        #expect(schedule.delay(afterFailedAttempt: 1, retryAfter: 120, jitter: 0.5) == 120)
        #expect(schedule.delay(afterFailedAttempt: 1, retryAfter: 86_400, jitter: 0) == 3_600)
        // The last attempt stays the last, whatever the receiver asks.
        #expect(schedule.delay(afterFailedAttempt: 10, retryAfter: 60, jitter: 0) == nil)
    }

    @Test func retryAfterHeaderReadsSecondsAndHTTPDates() {
        let now = Date(timeIntervalSince1970: 1_795_003_200)  // 2026-11-18T12:00:00Z
        #expect(WebhookRetrySchedule.retryAfter("120", now: now) == 120)
        #expect(WebhookRetrySchedule.retryAfter("Wed, 18 Nov 2026 12:10:00 GMT", now: now) == 600)
        #expect(WebhookRetrySchedule.retryAfter("-5", now: now) == nil)
        #expect(WebhookRetrySchedule.retryAfter("soon", now: now) == nil)
        #expect(WebhookRetrySchedule.retryAfter(nil, now: now) == nil)
    }
}
