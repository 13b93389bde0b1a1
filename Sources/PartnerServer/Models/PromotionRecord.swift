import Fluent
import Foundation
import PartnerCore

/// A promotion published to partners (see `Promotion`). Set-valued audience and scope fields are
/// stored as comma-separated text so the table is the same on both databases.
final class PromotionRecord: Model, @unchecked Sendable {
    static let schema = "promotions"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @OptionalField(key: "description") var details: String?
    @Field(key: "status") var status: PromotionStatus
    @OptionalField(key: "discount_bp") var discountBasisPoints: Int?
    @OptionalField(key: "points_multiplier_milli") var pointsMultiplierMilli: Int?
    @Field(key: "skus") var skus: String
    @Field(key: "categories") var categories: String
    @Field(key: "partner_types") var partnerTypes: String
    @Field(key: "tier_codes") var tierCodes: String
    @Field(key: "regions") var regions: String
    @Field(key: "partner_ids") var partnerIDs: String
    @Field(key: "valid_from") var validFrom: Date
    @Field(key: "valid_to") var validTo: Date
    @Field(key: "created_by") var createdBy: UUID
    /// When the promotion was last published and archived (nil before these were kept).
    @OptionalField(key: "published_at") var publishedAt: Date?
    @OptionalField(key: "archived_at") var archivedAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    convenience init(_ draft: PromotionDraft, createdBy: UUID) {
        self.init()
        name = draft.name
        details = draft.details
        status = .draft
        apply(draft.benefit, draft.audience)
        validFrom = draft.validFrom
        validTo = draft.validTo
        self.createdBy = createdBy
    }

    /// A promotion as it stands, with its id and status (the demo's history).
    convenience init(_ promotion: Promotion, createdBy: UUID) {
        self.init()
        id = promotion.id
        name = promotion.name
        details = promotion.details
        status = promotion.status
        apply(promotion.benefit, promotion.audience)
        validFrom = promotion.validFrom
        validTo = promotion.validTo
        publishedAt = promotion.publishedAt
        archivedAt = promotion.archivedAt
        self.createdBy = createdBy
    }

    private func apply(_ benefit: Promotion.Benefit, _ audience: Promotion.Audience) {
        switch benefit {
        case .discount(let basisPoints, let skus, let categories):
            discountBasisPoints = basisPoints
            self.skus = Self.text(skus)
            self.categories = Self.text(categories)
        case .pointsMultiplier(let milli):
            pointsMultiplierMilli = milli
            skus = ""
            categories = ""
        }
        partnerTypes = Self.text(audience.partnerTypes.map(\.rawValue))
        tierCodes = Self.text(audience.tierCodes)
        regions = Self.text(audience.regions)
        partnerIDs = Self.text(audience.partnerIDs.map(\.apiString))
    }

    var value: Promotion {
        get throws {
            let benefit: Promotion.Benefit =
                if let discountBasisPoints {
                    .discount(basisPoints: discountBasisPoints, skus: Self.set(skus), categories: Self.set(categories))
                } else {
                    .pointsMultiplier(milli: pointsMultiplierMilli ?? 1_000)
                }
            let created = createdAt ?? Date(timeIntervalSince1970: 0)
            return Promotion(
                id: try requireID(), name: name, details: details, status: status, benefit: benefit,
                audience: Promotion.Audience(
                    partnerTypes: Set(Self.set(partnerTypes).compactMap(PartnerType.init(rawValue:))), tierCodes: Self.set(tierCodes),
                    regions: Self.set(regions), partnerIDs: Set(Self.set(partnerIDs).compactMap(UUID.init(uuidString:)))),
                validFrom: validFrom, validTo: validTo, createdAt: created, updatedAt: updatedAt ?? created, publishedAt: publishedAt,
                archivedAt: archivedAt)
        }
    }

    static func set(_ text: String) -> Set<String> {
        Set(text.split(separator: ",").map(String.init))
    }

    static func text(_ values: some Sequence<String>) -> String {
        values.sorted().joined(separator: ",")
    }
}
