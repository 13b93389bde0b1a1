import Foundation
import PartnerAdvisor
import Testing

@testable import PartnerServer

@Suite("partneros simulate")
struct SimulateCommandTests {
    @Test func flagsAreCheckedTogether() throws {
        let parsed = try PartnerOSCommand.parseAsRoot(["simulate", "--policy", "ai", "--service-level", "0.9", "--days", "90"])
        let command = try #require(parsed as? SimulateCommand)
        let arguments = try SimulationArguments.parse(policy: command.policy, days: command.days, serviceLevel: command.serviceLevel).get()
        #expect(arguments == SimulationArguments(policy: .ai(fillRate: 0.9), days: 90))
        #expect(try SimulationArguments.parse(policy: "minmax", days: "182", serviceLevel: "0.95").get().policy == .minMax)
        guard case .failure(let problems) = SimulationArguments.parse(policy: "random", days: "0", serviceLevel: "1") else {
            Issue.record("bad flags were accepted")
            return
        }
        #expect(problems.messages.count == 3)
    }

    @Test func replaysTheRecordedSalesOfEveryLocation() async throws {
        try await withTestApp { world in
            let (_, stand, _) = try await world.stockedStand(package: "starter")
            try await world.salesHistory(stand, days: 120) { day, sku in sku == "SER-001" ? day % 2 : (day % 5 == 0 ? 1 : 0) }
            let coach = world.services.coach
            let simulation = RefillSimulation(database: world.app.db, demand: coach.demand, leadTimes: coach.refillForecasts)
            let locations = try await simulation.locations()
            #expect(locations.count == 1)
            #expect(locations[0].lines.map(\.sku) == ["LIP-001", "SER-001"])
            #expect(locations[0].lines[1].demand.reduce(0, +) == 60)
            let minMax = RefillReplay.run(locations, policy: .minMax, options: .init(days: 60))
            let ai = RefillReplay.run(locations, policy: .ai(fillRate: 0.9), options: .init(days: 60))
            #expect(minMax.lines == 2 && ai.lines == 2)
            #expect(minMax.demandUnits == ai.demandUnits && minMax.demandUnits > 0)
            #expect(ai.averageOnHand < minMax.averageOnHand)
        }
    }
}
