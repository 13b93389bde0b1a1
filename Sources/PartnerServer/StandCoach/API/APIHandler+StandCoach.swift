import Foundation
import PartnerAPI
import PartnerCore

extension APIHandler {
    func standRefillForecast(_ input: Operations.StandRefillForecast.Input) async throws -> Operations.StandRefillForecast.Output {
        let caller = try authenticate()
        guard case .json(let body) = input.body else { throw APIError.badRequest("Send a JSON body.") }
        let createRefill = body.createRefill ?? false
        let stand = try await authorizedStand(
            body.standId, for: caller, to: createRefill ? .requestRefill : .runStandCoach, field: "standId")
        var validator = FieldValidator()
        let locationID = optionalUUID(body.locationId, field: "locationId", into: &validator)
        var request = RefillForecastRequest(
            standID: stand.id, locationID: locationID, createRefill: createRefill, requestedBy: caller.userID)
        if let horizon = body.horizonDays {
            validator.check(RefillForecastRequest.horizonRange.contains(horizon), "horizonDays", "must be between 1 and 90 days")
            request.horizonDays = horizon
        }
        if let level = body.serviceLevel {
            let bounds = RefillForecastRequest.serviceLevelBounds
            validator.check(
                level > bounds.lower && level < bounds.upper, "serviceLevel",
                "must be a fill rate above \(bounds.lower) and below \(bounds.upper), e.g. 0.95")
            request.serviceLevel = level
        }
        if let lead = body.leadTimeDays {
            validator.check(RefillForecastRequest.leadTimeRange.contains(lead), "leadTimeDays", "must be between 1 and 60 days")
            request.leadTimeDays = lead
        }
        try validator.finish()
        let replaySafe = try input.headers.idempotencyKey.map {
            try IdempotentRequest(caller: caller.userID, operation: "standRefillForecast", key: $0, request: body)
        }
        let forecast = try await services.coach.refillForecasts.forecast(request, replaySafe: createRefill ? replaySafe : nil) {
            $0.api
        }
        return .ok(.init(body: .json(forecast)))
    }

    func standPerformanceInsights(_ input: Operations.StandPerformanceInsights.Input) async throws
        -> Operations.StandPerformanceInsights.Output
    {
        let caller = try authenticate()
        guard case .json(let body) = input.body else { throw APIError.badRequest("Send a JSON body.") }
        let stand = try await authorizedStand(body.standId, for: caller, to: .runStandCoach, field: "standId")
        let (insight, detail) = try await services.coach.performance.generate(for: stand.id)
        return .ok(.init(body: .json(.init(insight: insight.api, detail: detail.api))))
    }

    func standLocationExpansion(_ input: Operations.StandLocationExpansion.Input) async throws
        -> Operations.StandLocationExpansion.Output
    {
        let caller = try authenticate()
        try caller.authorize(.planExpansion)
        guard case .json(let body) = input.body else { throw APIError.badRequest("Send a JSON body.") }
        var validator = FieldValidator()
        let region = validator.optionalText(body.region, "region", maxLength: 100)
        if let limit = body.limit { validator.check((1...50).contains(limit), "limit", "must be between 1 and 50") }
        if let candidates = body.candidates {
            validator.check(!candidates.isEmpty, "candidates", "must list at least one site (or leave it out for proposals)")
            validator.check(candidates.count <= 50, "candidates", "must list at most 50 sites")
        }
        let candidates = body.candidates?.enumerated().compactMap { index, candidate -> ExpansionService.Candidate? in
            let field = "candidates[\(index)]"
            let name = validator.requiredText(candidate.name, "\(field).name", maxLength: 200)
            validator.check(
                candidate.latitude.isFinite && abs(candidate.latitude) <= 90, "\(field).latitude", "must be between -90 and 90")
            validator.check(
                candidate.longitude.isFinite && abs(candidate.longitude) <= 180, "\(field).longitude", "must be between -180 and 180")
            guard let name else { return nil }
            return .init(name: name, latitude: candidate.latitude, longitude: candidate.longitude, venueType: candidate.venueType.rawValue)
        }
        try validator.finish()
        let scored = try await services.coach.expansion.score(region: region, candidates: candidates, limit: body.limit, by: caller.userID)
        return .ok(.init(body: .json(.init(generatedAt: now, sites: scored.map(\.api)))))
    }

    func listStandInsights(_ input: Operations.ListStandInsights.Input) async throws -> Operations.ListStandInsights.Output {
        let caller = try authenticate()
        let stand = try await authorizedStand(input.path.id, for: caller, to: .readStand)
        let page = try await services.coach.insights(
            of: stand.id, kind: input.query.kind?.rawValue, page: PageRequest(limit: input.query.limit, cursor: input.query.cursor))
        return .ok(.init(body: .json(.init(items: page.items.map(\.api), nextCursor: page.nextCursor))))
    }
}
