import Foundation
import PartnerAPI
import PartnerCore

extension APIHandler {
    func createInventorySnapshot(_ input: Operations.CreateInventorySnapshot.Input) async throws
        -> Operations.CreateInventorySnapshot.Output
    {
        let caller = try authenticate()
        let standID = try await authorizedStand(input.path.id, for: caller, to: .countInventory).id
        guard case .json(let body) = input.body else { throw APIError.badRequest("Send a JSON body.") }
        // A replayed count must not overwrite the shelf again after sales since the first one.
        let replaySafe = try IdempotentRequest(
            caller: caller.userID, operation: "createInventorySnapshot", key: input.headers.idempotencyKey,
            request: Replayed(path: [standID.apiString], body: body))
        var validator = FieldValidator()
        let locationID = optionalUUID(body.locationId, field: "locationId", into: &validator)
        let note = validator.optionalText(body.note, "note", maxLength: 500)
        validator.check(body.takenAt <= now.addingTimeInterval(300), "takenAt", "must not be in the future")
        validator.check(!body.lines.isEmpty, "lines", "must contain at least one counted SKU")
        validator.check(body.lines.count <= 500, "lines", "must contain at most 500 lines")
        var seen: Set<String> = []
        let lines = body.lines.enumerated().map { index, line in
            let sku = line.sku.trimmingCharacters(in: .whitespaces).uppercased()
            validator.check(!sku.isEmpty, "lines[\(index)].sku", "must not be empty")
            validator.check(seen.insert(sku).inserted, "lines[\(index)].sku", "'\(sku)' is counted twice")
            validator.check(
                (0...OrderDraft.maxQuantity).contains(line.counted), "lines[\(index)].counted",
                "must be between 0 and \(OrderDraft.maxQuantity)")
            return (sku: sku, counted: line.counted, index: index)
        }
        try validator.finish()
        guard let locationID else { throw ValidationFailure(field: "locationId", message: "is required") }
        let count = StandCountService.Count(
            locationID: locationID, takenAt: body.takenAt, source: body.source.rawValue, note: note, lines: lines, countedBy: caller.userID)
        let showingCosts = caller.may(.readCosts)
        let snapshot = try await services.stands.counts.record(count, stand: standID, replaySafe: replaySafe) {
            $0.api(showingCosts: showingCosts)
        }
        return .created(.init(body: .json(snapshot)))
    }

    func listInventorySnapshots(_ input: Operations.ListInventorySnapshots.Input) async throws -> Operations.ListInventorySnapshots.Output {
        let caller = try authenticate()
        let stand = try await authorizedStand(input.path.id, for: caller, to: .readStand)
        let query = input.query
        var validator = FieldValidator()
        let locationID = optionalUUID(query.locationId, field: "locationId", into: &validator)
        try validator.finish()
        let page = try await services.stands.repository.snapshots(
            of: stand.id, locationID: locationID, page: PageRequest(limit: query.limit, cursor: query.cursor))
        let showingCosts = caller.may(.readCosts)
        return .ok(.init(body: .json(.init(items: page.items.map { $0.api(showingCosts: showingCosts) }, nextCursor: page.nextCursor))))
    }

    func onLowStock(_ input: Operations.OnLowStock.Input) async throws -> Operations.OnLowStock.Output {
        let caller = try authenticate()
        guard case .json(let body) = input.body else { throw APIError.badRequest("Send a JSON body.") }
        let standID = try await authorizedStand(body.standId, for: caller, to: .runLowStockCheck, field: "standId").id
        var validator = FieldValidator()
        let locationID = optionalUUID(body.locationId, field: "locationId", into: &validator)
        let skus = body.skus.map { Set($0.map { $0.trimmingCharacters(in: .whitespaces).uppercased() }) }
        if let skus { validator.check(!skus.isEmpty && skus.count <= 500, "skus", "must list between 1 and 500 SKUs") }
        try validator.finish()
        let check = try await services.stands.lowStock.check(standID, locationID: locationID, skus: skus)
        let results = check.evaluations.map { result in
            Components.Schemas.LowStockLocationResult(
                locationId: result.locationID.apiString, lowSkus: result.lowSKUs,
                action: Components.Schemas.LowStockAction(rawValue: result.action) ?? .none, refill: result.refill?.api)
        }
        return .ok(.init(body: .json(.init(standId: standID.apiString, evaluatedAt: check.evaluatedAt, locations: results))))
    }
}
