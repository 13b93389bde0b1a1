import Fluent
import Foundation
import PartnerCore
import Testing
import VaporTesting

@testable import PartnerServer

extension TestWorld {
    /// Writes `days` days of sales history before today straight into the stand's first location
    /// (or `location`): `units(day, sku)` units a day per SKU, day 1 = yesterday. The shelf is left
    /// as it is; the coach reads the history only.
    func salesHistory(
        _ stand: Stand, days: Int, location: String? = nil, units: (_ day: Int, _ sku: String) -> Int
    ) async throws {
        let standID = try #require(UUID(uuidString: stand.id))
        let locationID = try #require(UUID(uuidString: location ?? stand.locations[0]))
        let products = try await ProductRecord.query(on: app.db).filter(\.$sku ~~ ["LIP-001", "SER-001"]).all()
        let today = CalendarDay.startOfDay(Self.now)
        for day in 1...days {
            let items = products.compactMap { product -> (ProductRecord, Int)? in
                let quantity = units(day, product.sku)
                return quantity > 0 ? (product, quantity) : nil
            }
            guard !items.isEmpty else { continue }
            let order = StandOrderRecord()
            order.number = "SR-HIST-\(stand.id.prefix(8))-\(locationID.uuidString.prefix(4))-\(day)"
            order.$stand.id = standID
            order.$location.id = locationID
            order.sell(at: today.addingTimeInterval(Double(-day) * 86_400 + 43_200))
            order.currency = "EUR"
            order.totalMinor = items.reduce(0) { $0 + $1.0.listPriceMinor * Int64($1.1) }
            order.units = items.reduce(0) { $0 + $1.1 }
            order.pointsEarned = 0
            order.lowStockSKUs = ""
            order.createdAt = order.soldAt
            try await order.create(on: app.db)
            for (index, (product, quantity)) in items.enumerated() {
                let item = StandOrderItemRecord()
                item.file(under: order, saleID: try order.requireID())
                item.$product.id = try product.requireID()
                item.lineNumber = index + 1
                item.sku = product.sku
                item.name = product.name
                item.quantity = quantity
                item.listPriceMinor = product.listPriceMinor
                item.unitPriceMinor = product.listPriceMinor
                item.lineTotalMinor = product.listPriceMinor * Int64(quantity)
                item.shortfall = 0
                try await item.create(on: app.db)
            }
        }
    }

    func refillForecast(_ stand: Stand, as account: Account?, _ extra: String = "", key: String? = nil) async throws
        -> TestingHTTPResponse
    {
        try await send(
            .POST, "/api/v1/stand/ai/refill-forecast", as: account, json: #"{"standId":"\#(stand.id)"\#(extra)}"#,
            headers: key.map { ["Idempotency-Key": $0] } ?? [:])
    }
}
