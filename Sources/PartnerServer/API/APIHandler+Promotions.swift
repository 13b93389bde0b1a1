import Foundation
import PartnerAPI
import PartnerCore
import Vapor

extension APIHandler {
    func listPromotions(_ input: Operations.ListPromotions.Input) async throws -> Operations.ListPromotions.Output {
        let caller = try authenticate()
        try caller.authorize(.managePromotions)
        let page = try await services.promotions.list(
            status: input.query.status.map(PromotionStatus.init), page: PageRequest(limit: input.query.limit, cursor: input.query.cursor))
        return .ok(.init(body: .json(.init(items: try page.items.map { try $0.api }, nextCursor: page.nextCursor))))
    }

    func createPromotion(_ input: Operations.CreatePromotion.Input) async throws -> Operations.CreatePromotion.Output {
        let caller = try authenticate()
        try caller.authorize(.managePromotions)
        guard case .json(let body) = input.body else { throw APIError.badRequest("Send a JSON body.") }
        let record = try await validatedPromotion(body, createdBy: caller.userID)
        try await services.promotions.create(record)
        return .created(.init(body: .json(try record.api)))
    }

    func changePromotionStatus(_ input: Operations.ChangePromotionStatus.Input) async throws -> Operations.ChangePromotionStatus.Output {
        let caller = try authenticate()
        try caller.authorize(.managePromotions)
        guard let promotion = try await services.promotions.find(try uuid(input.path.promotionId, name: "promotionId")) else {
            throw DomainError.notFound("No promotion with this id.")
        }
        guard case .json(let body) = input.body else { throw APIError.badRequest("Send a JSON body.") }
        try await services.promotions.move(promotion, to: PromotionStatus(body.status))
        return .ok(.init(body: .json(try promotion.api)))
    }

    func listPartnerPromotions(_ input: Operations.ListPartnerPromotions.Input) async throws -> Operations.ListPartnerPromotions.Output {
        let caller = try authenticate()
        let partner = try await authorizedPartner(input.path.id, for: caller, to: .readPartner)
        let current = try await services.promotions.current(for: partner, at: now)
        // Partner users see what a promotion gives them, never which other partners it targets.
        let items = try current.map { promotion in
            var item = try promotion.api
            if !caller.may(.managePromotions) { item.audience = .init() }
            return item
        }
        return .ok(.init(body: .json(.init(items: items))))
    }

    private func validatedPromotion(_ body: Components.Schemas.PromotionCreate, createdBy: UUID) async throws -> PromotionRecord {
        var validator = FieldValidator()
        let record = PromotionRecord()
        record.name = validator.requiredText(body.name, "name", maxLength: 120) ?? ""
        record.details = validator.optionalText(body.description, "description", maxLength: 2_000)
        record.status = .draft
        record.createdBy = createdBy
        switch (body.discountPercent, body.pointsMultiplier) {
        case (.some(let percent), nil):
            let basisPoints = FixedPoint.scaled(percent, decimals: 2)
            validator.check(
                basisPoints.map { (1...9_000).contains($0) } ?? false, "discountPercent",
                "must be between 0.01 and 90 with at most two decimals")
            record.discountBasisPoints = basisPoints
        case (nil, .some(let multiplier)):
            let milli = FixedPoint.scaled(multiplier, decimals: 3)
            validator.check(
                milli.map { (1_001...10_000).contains($0) } ?? false, "pointsMultiplier",
                "must be between 1.001 and 10 with at most three decimals")
            record.pointsMultiplierMilli = milli
            validator.check((body.skus ?? []).isEmpty && (body.categories ?? []).isEmpty, "skus", "apply only to discount promotions")
        default:
            validator.fail("discountPercent", "set exactly one of discountPercent or pointsMultiplier")
        }
        validator.list(body.skus, "skus", maxItems: PromotionLimits.skus, maxLength: 64)
        validator.list(body.categories, "categories", maxItems: PromotionLimits.names)
        validator.list(body.audience?.regions, "audience.regions", maxItems: PromotionLimits.names)
        validator.list(body.audience?.tierCodes, "audience.tierCodes", maxItems: PromotionLimits.names, maxLength: 40)
        validator.list(body.audience?.partnerIds, "audience.partnerIds", maxItems: PromotionLimits.partners, maxLength: 36)
        try validator.finish()
        let skus = Set((body.skus ?? []).map(ProductDefinition.normalizedSKU))
        if !skus.isEmpty {
            let known = try await services.products.bySKU(skus)
            let unknown = skus.subtracting(known.keys).sorted()
            validator.check(unknown.isEmpty, "skus", "has SKUs that are not in the catalogue: \(unknown.joined(separator: ", "))")
        }
        record.skus = PromotionRecord.text(skus)
        record.categories = PromotionRecord.text(
            (body.categories ?? []).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        let audience = body.audience
        let texts = (body.categories ?? []) + (audience?.regions ?? []) + (audience?.tierCodes ?? [])
        validator.check(!texts.contains { $0.contains(",") }, "categories", "categories, regions and tier codes must not contain commas")
        record.partnerTypes = PromotionRecord.text((audience?.partnerTypes ?? []).map(\.rawValue))
        record.regions = PromotionRecord.text(audience?.regions ?? [])
        let tierCodes = Set(audience?.tierCodes ?? [])
        let knownTiers = Set(try await services.tiers.all().map(\.code))
        validator.check(
            tierCodes.isSubset(of: knownTiers), "audience.tierCodes",
            "has unknown tier codes: \(tierCodes.subtracting(knownTiers).sorted().joined(separator: ", "))")
        record.tierCodes = PromotionRecord.text(tierCodes)
        let partnerIDs = (audience?.partnerIds ?? []).map { UUID(uuidString: $0) }
        validator.check(!partnerIDs.contains(nil), "audience.partnerIds", "must all be UUIDs")
        record.partnerIDs = PromotionRecord.text(partnerIDs.compactMap { $0?.apiString })
        let from = CalendarDay.parse(body.validFrom)
        let to = CalendarDay.parse(body.validTo)
        validator.check(from != nil, "validFrom", "must be a date as YYYY-MM-DD")
        validator.check(to != nil, "validTo", "must be a date as YYYY-MM-DD")
        if let from, let to { validator.check(from <= to, "validTo", "must not be before validFrom") }
        try validator.finish()
        record.validFrom = from ?? now
        record.validTo = to ?? now
        return record
    }
}
