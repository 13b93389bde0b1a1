import Foundation
import PartnerCore

extension PriceContext {
    /// The context of a price judged on the terms it was charged under (`expectedPrice`). Peers and
    /// the partner's own earlier purchases were charged under other terms — a promotion then, an
    /// override, another tier — so each price they paid is restated on this price's terms: paid over
    /// what their terms gave, times `expectedPrice`. A partner in a promotion is then no outlier
    /// against peers who were not, and a tier change is no jump; a price off its terms still is.
    public init(
        listPrice: Int64, floor: Int64?, tierPrice: Int64?, expectedPrice: Int64, effectivePrice: Int64?, peers: [PaidPrice],
        own: [PaidPrice], currency: Currency = .eur
    ) {
        let scale = Double(expectedPrice)
        var byPeer: [UUID: [Double]] = [:]
        for paid in peers {
            guard let index = paid.index else { continue }
            byPeer[paid.partnerID, default: []].append(index * scale)
        }
        let history = own.sorted { ($0.placedAt, $0.unitPrice) < ($1.placedAt, $1.unitPrice) }.compactMap { $0.index.map { $0 * scale } }
        self.init(
            listPrice: listPrice, floor: floor, tierPrice: tierPrice, expectedPrice: expectedPrice, effectivePrice: effectivePrice,
            peerPrices: byPeer.values.compactMap(StandKPI.median).sorted(), ownHistory: history, currency: currency)
    }
}
