import Foundation

/// A partner-specific promotion: a discount on SKUs or categories, or a loyalty-points multiplier,
/// for an audience, within a window of calendar days (both ends inclusive).
public struct Promotion: Equatable, Sendable {
    public enum Benefit: Equatable, Sendable {
        /// Percent off list price in basis points; empty SKUs and categories mean every product.
        case discount(basisPoints: Int, skus: Set<String>, categories: Set<String>)
        /// Loyalty points multiplier in thousandths (2000 = double points).
        case pointsMultiplier(milli: Int)
    }

    /// Who the promotion is for; an empty set means "any".
    public struct Audience: Equatable, Sendable {
        public var partnerTypes: Set<PartnerType>
        public var tierCodes: Set<String>
        public var regions: Set<String>
        public var partnerIDs: Set<UUID>

        public init(partnerTypes: Set<PartnerType> = [], tierCodes: Set<String> = [], regions: Set<String> = [], partnerIDs: Set<UUID> = [])
        {
            self.partnerTypes = partnerTypes
            self.tierCodes = tierCodes
            self.regions = regions
            self.partnerIDs = partnerIDs
        }

        public func includes(partnerID: UUID, type: PartnerType, tierCode: String?, region: String) -> Bool {
            (partnerTypes.isEmpty || partnerTypes.contains(type))
                && (tierCodes.isEmpty || tierCode.map(tierCodes.contains) == true)
                && (regions.isEmpty || regions.contains(region))
                && (partnerIDs.isEmpty || partnerIDs.contains(partnerID))
        }
    }

    public var id: UUID
    public var name: String
    public var details: String?
    public var status: PromotionStatus
    public var benefit: Benefit
    public var audience: Audience
    public var validFrom: Date
    public var validTo: Date
    public var createdAt: Date
    public var updatedAt: Date
    /// When it was published and archived, where known.
    public var publishedAt: Date?
    public var archivedAt: Date?

    public init(
        id: UUID, name: String = "", details: String? = nil, status: PromotionStatus = .published, benefit: Benefit,
        audience: Audience, validFrom: Date, validTo: Date, createdAt: Date = .distantPast, updatedAt: Date = .distantPast,
        publishedAt: Date? = nil, archivedAt: Date? = nil
    ) {
        self.id = id
        self.name = name
        self.details = details
        self.status = status
        self.benefit = benefit
        self.audience = audience
        self.validFrom = validFrom
        self.validTo = validTo
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.publishedAt = publishedAt
        self.archivedAt = archivedAt
    }

    public func isCurrent(at date: Date) -> Bool {
        validFrom <= date && date < validTo.addingTimeInterval(86_400)
    }

    /// Whether the promotion was live on `date`: published by then and not yet archived. A draft never
    /// ran; where the times are not known (promotions from before they were kept) a published or
    /// archived promotion counts as live over its whole window.
    public func wasLive(at date: Date) -> Bool {
        status != .draft && (publishedAt.map { $0 <= date } ?? true) && (archivedAt.map { date < $0 } ?? true)
    }

    /// Whether the promotion runs on `date` for a partner with this id, type, tier and region (its
    /// status aside: the caller knows which statuses count).
    public func applies(partnerID: UUID, type: PartnerType, tierCode: String?, region: String, at date: Date) -> Bool {
        isCurrent(at: date) && audience.includes(partnerID: partnerID, type: type, tierCode: tierCode, region: region)
    }

    /// The discount this promotion gives on a product, if any.
    public func discount(sku: String, category: String) -> Int? {
        guard case .discount(let basisPoints, let skus, let categories) = benefit else { return nil }
        let matches = (skus.isEmpty && categories.isEmpty) || skus.contains(sku) || categories.contains(category)
        return matches ? basisPoints : nil
    }

    public var pointsMultiplierMilli: Int? {
        guard case .pointsMultiplier(let milli) = benefit else { return nil }
        return milli
    }
}

/// The lifecycle of a promotion: draft → published → archived (a draft may be archived unpublished).
public enum PromotionStatus: String, CaseIterable, Codable, Sendable {
    case draft
    case published
    case archived

    public func moving(to next: PromotionStatus) throws(PromotionError) -> PromotionStatus {
        let allowed: Set<PromotionStatus> =
            switch self {
            case .draft: [.published, .archived]
            case .published: [.archived]
            case .archived: []
            }
        guard allowed.contains(next) else { throw .illegalStatusTransition(from: self, to: next) }
        return next
    }
}

public enum PromotionError: Error, Equatable, Sendable {
    case illegalStatusTransition(from: PromotionStatus, to: PromotionStatus)
}
