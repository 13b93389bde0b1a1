import ArgumentParser
import Fluent
import Foundation
import PartnerCore
import Testing

@testable import PartnerServer

/// `GET /api/v1/automations`, partner alerts read, HQ alerts, and `partneros run-automation`'s
/// arguments.
@Suite("Automations and alerts API")
struct AutomationAPITests {
    @Test func automationsAreListedForHQOnly() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            let partner = try await world.partner()
            let owner = try await world.member(of: partner)
            try await world.send(.GET, "/api/v1/automations").expectProblem(.unauthorized)
            try await world.send(.GET, "/api/v1/automations", as: owner).expectProblem(.forbidden)
            _ = try await world.services.automations.run(.prune, at: world.now)
            let listed = try await world.send(.GET, "/api/v1/automations", as: staff)
            #expect(listed.status == .ok)
            let items = try #require(try listed.json["items"] as? [[String: Any]])
            #expect(items.compactMap { $0["name"] as? String } == AutomationName.allCases.map(\.rawValue))
            let prune = try #require(items.first { $0["name"] as? String == "prune" })
            #expect(prune["lastOutcome"] as? String == "succeeded")
            #expect(prune["cadence"] as? String == "daily at 04:00 UTC")
            #expect((prune["lastSummary"] as? String)?.contains("idempotency keys") == true)
            let never = try #require(items.first { $0["name"] as? String == "tier-review" })
            #expect(never["lastOutcome"] == nil && never["nextRunAt"] is String && never["running"] as? Bool == false)
        }
    }

    private func raise(_ title: String, for partner: Partner, in world: TestWorld) async throws -> PartnerAlert {
        try await world.services.writes.transaction(on: world.app.db) { db in
            try await PartnerAlerts.raise(
                for: partner.id, kind: "test", severity: .warning, title: title, message: "Look.", link: "/api/v1/partners",
                subject: nil, on: db, at: TestWorld.now)
        }
    }

    @Test func membersMarkTheirAlertsRead() async throws {
        try await withTestApp { world in
            let partner = try await world.partner()
            let other = try await world.partner()
            let viewer = try await world.member(of: partner, role: .viewer)
            let outsider = try await world.member(of: other)
            let alert = try await raise("Mine", for: partner, in: world)
            let path = "/api/v1/partners/\(partner.id.apiString)/alerts/\(alert.id.apiString)/read"
            try await world.send(.POST, path).expectProblem(.unauthorized)
            try await world.send(.POST, path, as: outsider).expectProblem(.notFound)
            // Another partner's alert through one's own partner is missing too.
            try await world.send(.POST, "/api/v1/partners/\(other.id.apiString)/alerts/\(alert.id.apiString)/read", as: outsider)
                .expectProblem(.notFound)
            let read = try await world.send(.POST, path, as: viewer)
            #expect(read.status == .ok, "\(read.body.string)")
            let first = try #require(try read.json["readAt"] as? String)
            #expect(try read.json["link"] as? String == "/api/v1/partners" && read.json["severity"] as? String == "warning")
            // Reading again keeps the first time.
            #expect(try await world.send(.POST, path, as: viewer).json["readAt"] as? String == first)
            let listed = try await world.send(.GET, "/api/v1/partners/\(partner.id.apiString)/alerts", as: viewer).json
            #expect((listed["items"] as? [[String: Any]])?.first?["readAt"] as? String == first)
            let staff = try await world.account(.staff)
            let unread = try await raise("Another", for: partner, in: world)
            let byHQ = try await world.send(
                .POST, "/api/v1/partners/\(partner.id.apiString)/alerts/\(unread.id.apiString)/read", as: staff)
            #expect(byHQ.status == .ok)
        }
    }

    @Test func everyAlertIsAlsoANotification() async throws {
        try await withTestApp { world in
            let partner = try await world.partner()
            let alert = try await raise("Both", for: partner, in: world)
            #expect(try await world.events(ofType: "partner.alert.raised").count == 1)
            let notification = try #require(try await world.events(ofType: "notification.partner_alert").first)
            let data = try #require(try JSONSerialization.jsonObject(with: Data(notification.data.utf8)) as? [String: Any])
            #expect(data["alertId"] as? String == alert.id.apiString && data["partnerId"] as? String == partner.id.apiString)
            #expect(data["audience"] as? String == "partner" && data["severity"] as? String == "warning")
            #expect(data["link"] as? String == "/api/v1/partners" && data["title"] as? String == "Both")
        }
    }

    @Test func hqAlertsAreForHQ() async throws {
        try await withTestApp { world in
            let staff = try await world.account(.staff)
            let partner = try await world.partner()
            let owner = try await world.member(of: partner)
            _ = try await world.services.writes.transaction(on: world.app.db) { db in
                try await PartnerAlerts.raiseHQ(
                    kind: "webhook_dead_lettered", severity: .critical, title: "A delivery was dead-lettered", message: "Replay it.",
                    link: "/api/v1/webhooks", partnerID: partner.id, subject: nil, on: db, at: TestWorld.now)
            }
            try await world.send(.GET, "/api/v1/alerts").expectProblem(.unauthorized)
            try await world.send(.GET, "/api/v1/alerts", as: owner).expectProblem(.forbidden)
            let listed = try await world.send(.GET, "/api/v1/alerts", as: staff)
            #expect(listed.status == .ok)
            let items = try #require(try listed.json["items"] as? [[String: Any]])
            #expect(items.count == 1 && items.first?["kind"] as? String == "webhook_dead_lettered")
            #expect(items.first?["partnerId"] as? String == partner.id.apiString && items.first?["severity"] as? String == "critical")
            // Not in the partner's own list.
            let own = try await world.send(.GET, "/api/v1/partners/\(partner.id.apiString)/alerts", as: owner).json
            #expect((own["items"] as? [[String: Any]])?.isEmpty == true)
        }
    }

    @Test func runAutomationChecksItsArguments() async throws {
        #expect(
            try AutomationArguments.parse(name: "prune", now: "2026-12-01T02:00:00Z").get()
                == AutomationArguments(selection: .one(.prune), now: Date(timeIntervalSince1970: 1_796_090_400)))
        #expect(try AutomationArguments.parse(name: nil, due: true, now: nil).get() == AutomationArguments(selection: .due, now: nil))
        #expect(try AutomationArguments.parse(name: "ai-refresh", now: "2026-12-01T02:00:00.250Z").get().now != nil)
        #expect(try AutomationArguments.parse(name: "payouts-close", now: nil).get().now == nil)
        guard case .failure(let problems) = AutomationArguments.parse(name: "renewals", now: "tomorrow") else {
            Issue.record("bad arguments were accepted")
            return
        }
        #expect(problems.messages.count == 2)
        #expect(problems.messages[0].contains(AutomationName.list))
        for (name, due) in [("prune", true), (nil, false)] as [(String?, Bool)] {
            guard case .failure(let problems) = AutomationArguments.parse(name: name, due: due, now: nil) else {
                Issue.record("name \(name ?? "none") with due \(due) was accepted")
                continue
            }
            #expect(problems.messages.count == 1 && problems.messages[0].contains("--due"))
        }
        let parsed = try PartnerOSCommand.parseAsRoot(["run-automation", "nonsense", "--database", "sqlite::memory:"])
        let command = try #require(parsed as? RunAutomationCommand)
        await #expect(throws: ExitCode(RunAutomationCommand.usageFailure)) { try await command.run() }
        for arguments in [["run-automation"], ["run-automation", "prune", "--due"]] {
            let command = try #require(
                try PartnerOSCommand.parseAsRoot(arguments + ["--database", "sqlite::memory:"]) as? RunAutomationCommand)
            await #expect(throws: ExitCode(RunAutomationCommand.usageFailure)) { try await command.run() }
        }
    }

    @Test func runAutomationRunsOneAsOfAnInstant() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("automation-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        var configuration = AppConfiguration(database: .sqliteFile(path: path), logLevel: .warning, passwordCost: 4)
        configuration.dataDirectory = FileManager.default.temporaryDirectory.path
        let arguments = try AutomationArguments.parse(name: "prune", now: "2026-12-01T04:00:00Z").get()
        let clock = TickingClock(start: TestWorld.now)
        configuration.clock = { clock.next() }
        let runs = try await CommandRunner.runAutomations(configuration, arguments: arguments)
        let run = try #require(runs.first)
        #expect(runs.count == 1 && run.name == .prune && run.ran)
        // The lease and the record follow the application's clock, moved to start at --now.
        let asOf = Date(timeIntervalSince1970: 1_796_097_600)
        #expect(run.startedAt > asOf && run.startedAt < asOf.addingTimeInterval(60))
    }
}
