import Foundation
import PartnerCore

/// The demo's promotions over two years, relative to today: campaigns running now, a draft for
/// the spring, and past ones — seasonal, for one tier, and a reactivation offer for a few partners —
/// archived once they ended.
struct DemoPromotions {
    /// Midnight UTC of the demo's today.
    let today: Date

    func all(reactivating partnerIDs: Set<UUID>, random: inout SeededGenerator) -> [Promotion] {
        func promotion(
            _ name: String, discount: Int? = nil, multiplier: Int? = nil, categories: Set<String> = [], types: Set<PartnerType> = [],
            tiers: Set<String> = [], partners: Set<UUID> = [], startsIn: Int, lasts: Int
        ) -> Promotion {
            let validFrom = today.addingTimeInterval(Double(startsIn) * 86_400)
            let validTo = validFrom.addingTimeInterval(Double(lasts) * 86_400)
            // Past campaigns are archived, running ones published, future ones still drafts.
            let status: PromotionStatus = validTo < today ? .archived : validFrom <= today ? .published : .draft
            let benefit: Promotion.Benefit =
                discount.map { .discount(basisPoints: $0, skus: [], categories: categories) }
                ?? .pointsMultiplier(milli: multiplier ?? 1_000)
            // Published a week ahead, archived the morning after the last day.
            return Promotion(
                id: UUID(using: &random), name: name, status: status, benefit: benefit,
                audience: .init(partnerTypes: types, tierCodes: tiers, partnerIDs: partners), validFrom: validFrom, validTo: validTo,
                publishedAt: status == .draft ? nil : validFrom.addingTimeInterval(-7 * 86_400 + 9 * 3_600),
                archivedAt: status == .archived ? validTo.addingTimeInterval(86_400 + 9 * 3_600) : nil)
        }
        let trade: Set<PartnerType> = [.dealer, .distributor, .salon]
        // An empty audience would mean everyone: the offer runs only when it names partners.
        let reactivation =
            partnerIDs.isEmpty ? [] : [promotion("Reactivation offer", discount: 2_000, partners: partnerIDs, startsIn: -200, lasts: 30)]
        return reactivation + [
            promotion("Winter skin care", discount: 1_500, categories: ["skin"], types: [.dealer, .salon], startsIn: -10, lasts: 60),
            promotion("Fragrance gifting", discount: 1_000, categories: ["fragrance"], startsIn: -20, lasts: 45),
            promotion("Double points for Gold", multiplier: 2_000, tiers: ["gold"], startsIn: -5, lasts: 40),
            promotion("Spring colour launch", discount: 1_200, categories: ["lips", "eyes"], startsIn: 90, lasts: 30),
            promotion("Summer sun care", discount: 1_000, categories: ["body"], startsIn: -150, lasts: 60),
            promotion("Autumn trade week", discount: 1_500, types: trade, startsIn: -30, lasts: 7),
            promotion("Salon hair month", discount: 1_200, categories: ["hair"], types: [.salon], startsIn: -75, lasts: 30),
            promotion("Gold partner days", discount: 1_800, tiers: ["gold"], startsIn: -250, lasts: 14),
            promotion("Gifting season", discount: 1_000, categories: ["fragrance"], startsIn: -385, lasts: 45),
            promotion("Autumn trade week", discount: 1_500, types: trade, startsIn: -395, lasts: 7),
            promotion("Colour refresh", discount: 1_200, categories: ["lips", "eyes", "face"], startsIn: -480, lasts: 21),
            promotion("Sun care season", discount: 1_000, categories: ["body"], startsIn: -515, lasts: 60),
            promotion("Skin care launch", discount: 1_200, categories: ["skin"], startsIn: -690, lasts: 30),
        ]
    }
}
