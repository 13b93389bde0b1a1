import Foundation
import PartnerCore

/// One stand location simulated day by day, from its opening stock to `now`. Demand is
/// intermittent per SKU (a Bernoulli occurrence × a small size), shaped by weekday, season and
/// the stand's trend; a sale takes only what is physically on the shelf, so an empty shelf sells
/// nothing. The system's on-hand moves like `StandStock`'s, shrinkage only shows at the monthly
/// count, and refills are raised the way the packages raise them. All times are whole seconds,
/// so every `*_ms` column equals its date exactly.
struct DemoStandLocationHistory {
    struct Shelf {
        let product: ProductRecord
        let line: Planogram.Line
        /// A launched SKU sells from this day on.
        let launch: Date?
        let popularity: Double
        /// What the system believes is on the shelf.
        var onHand = 0
        /// What is physically there: lower than `onHand` after theft or damage until a count.
        var actual = 0
        var onOrder = 0
        /// When the shelf last crossed into low stock; cleared when a delivery lifts it.
        var lowSince: Date?
        var openStockOut: StandStockOutRecord?
        var updatedAt: Date?

        init(product: ProductRecord, line: Planogram.Line, launch: Date?, popularity: Double) {
            self.product = product
            self.line = line
            self.launch = launch
            self.popularity = popularity
        }

        var level: StockLevel { StockLevel(onHand: onHand, onOrder: onOrder, parLevel: line.parLevel, minLevel: line.minLevel) }

        /// Launches are ordered ten days ahead so their first stock is on the shelf on launch day.
        func isListed(at date: Date) -> Bool { launch.map { $0.addingTimeInterval(-10 * 86_400) <= date } ?? true }
    }

    /// Per-SKU chance of selling on an average day at an average shelf.
    static let baseRate = 0.04
    /// Monday first: weekends sell most.
    static let weekdayFactor = [0.8, 0.85, 0.9, 1.0, 1.15, 1.5, 1.25]
    static let sizes: [(Int, Int)] = [(1, 85), (2, 12), (3, 3)]
    static let basketSizes: [(Int, Int)] = [(1, 50), (2, 30), (3, 14), (4, 6)]

    let stand: StandPartnerRecord
    let location: StandLocationRecord
    var shelves: [Shelf]
    let now: Date
    let discount: Int
    let volume: Double
    let trend: Double
    let countDay: Int
    var random: SeededGenerator
    var pending: DemoStandRefill?
    var rules = StandLoyaltyRules()

    init(
        stand: StandPartnerRecord, location: StandLocationRecord, shelves: [Shelf], now: Date, discount: Int, volume: Double,
        trend: Double, countDay: Int, random: SeededGenerator
    ) {
        self.stand = stand
        self.location = location
        self.shelves = shelves
        self.now = now
        self.discount = discount
        self.volume = volume
        self.trend = trend
        self.countDay = countDay
        self.random = random
    }

    var standID: UUID { stand.id! }
    var locationID: UUID { location.id! }

    mutating func run(days: [DemoStandNetwork.Day], into rows: inout DemoStandNetwork.Rows, numbers: inout Set<String>) {
        let opening = CalendarDay.startOfDay(location.createdAt)
        let history = days.filter { $0.start >= opening && $0.start <= now }
        for (offset, day) in history.enumerated() {
            if day.start == opening {
                requestRefill(
                    on: day, at: location.createdAt.addingTimeInterval(300), source: "automation", note: "Opening stock", opening: true,
                    rows: &rows, numbers: &numbers)
            }
            deliver(by: day.start.addingTimeInterval(9 * 3_600), rows: &rows)
            let morning = day.start.addingTimeInterval(Double(36_000 + Int.random(in: 0..<3_600, using: &random)))
            // Starter stands reorder by hand, on Mondays and Thursdays when someone remembers.
            if !stand.autoRefill, day.weekday == 0 || day.weekday == 3, Double.random(in: 0..<1, using: &random) < 0.8 {
                requestRefill(on: day, at: morning, source: "manual", note: nil, rows: &rows, numbers: &numbers)
            }
            sell(on: day, progress: Double(offset) / Double(max(history.count, 1)), rows: &rows, numbers: &numbers)
            // Now and then a unit walks off the shelf; only the next count notices.
            if Double.random(in: 0..<1, using: &random) < 0.05,
                let index = shelves.indices.filter({ shelves[$0].actual > 0 })
                    .randomElement(using: &random)
            {
                shelves[index].actual -= 1
            }
            if day.dayOfMonth == countDay { count(on: day, rows: &rows, numbers: &numbers) }
            if stand.autoRefill {
                let evening = day.start.addingTimeInterval(21 * 3_600)
                let low = lowSKUs(at: evening)
                if !low.isEmpty {
                    requestRefill(
                        on: day, at: evening, source: "automation", note: "Automation OS low-stock check: \(low.joined(separator: ", "))",
                        rows: &rows, numbers: &numbers)
                }
            }
        }
        finish(into: &rows)
    }

    private mutating func sell(
        on day: DemoStandNetwork.Day, progress: Double, rows: inout DemoStandNetwork.Rows, numbers: inout Set<String>
    ) {
        let factor =
            volume * Self.weekdayFactor[day.weekday] * DemoOrderHistory.seasonality[day.month.month - 1] * max(0.2, 1 + trend * progress)
        var demand: [(shelf: Int, quantity: Int)] = []
        for index in shelves.indices where shelves[index].launch.map({ $0 <= day.start }) ?? true {
            if Double.random(in: 0..<1, using: &random) < min(0.9, Self.baseRate * shelves[index].popularity * factor) {
                demand.append((index, random.weighted(Self.sizes)))
            }
        }
        demand.shuffle(using: &random)
        var baskets: [(time: Date, lines: ArraySlice<(shelf: Int, quantity: Int)>)] = []
        var first = 0
        while first < demand.count {
            let end = min(demand.count, first + random.weighted(Self.basketSizes))
            // Opening hours 09:00–20:00.
            baskets.append((day.start.addingTimeInterval(Double(32_400 + Int.random(in: 0..<39_600, using: &random))), demand[first..<end]))
            first = end
        }
        for basket in baskets.sorted(by: { $0.time < $1.time }) where basket.time <= now {
            record(basket.lines, at: basket.time, on: day, rows: &rows, numbers: &numbers)
        }
    }

    private mutating func record(
        _ lines: ArraySlice<(shelf: Int, quantity: Int)>, at time: Date, on day: DemoStandNetwork.Day, rows: inout DemoStandNetwork.Rows,
        numbers: inout Set<String>
    ) {
        let order = StandOrderRecord()
        let orderID = UUID(using: &random)
        order.id = orderID
        var items: [StandOrderItemRecord] = []
        var crossed: [String] = []
        var currency = Currency.eur.code
        for (index, wanted) in lines {
            // A sale takes what is physically there; an empty shelf loses the sale.
            let sold = min(wanted, shelves[index].actual)
            guard sold > 0 else { continue }
            let product = shelves[index].product
            currency = product.currency
            if shelves[index].level.crossesLowLine(selling: sold) {
                crossed.append(product.sku)
                shelves[index].lowSince = time
            }
            shelves[index].actual -= sold
            setOnHand(index, to: shelves[index].onHand - sold, at: time, rows: &rows)
            let item = StandOrderItemRecord()
            item.id = UUID(using: &random)
            item.$product.id = product.id!
            item.lineNumber = items.count + 1
            item.sku = product.sku
            item.name = product.name
            item.quantity = sold
            item.listPriceMinor = product.listPriceMinor
            item.unitPriceMinor = product.listPriceMinor
            item.lineTotalMinor = product.listPriceMinor * Int64(sold)
            item.shortfall = 0
            items.append(item)
        }
        guard !items.isEmpty else { return }
        order.number = DemoStandNetwork.number("SR", day: day, random: &random, taken: &numbers)
        order.$stand.id = standID
        order.$location.id = locationID
        order.sell(at: time)
        order.currency = currency
        order.totalMinor = items.reduce(0) { $0 + $1.lineTotalMinor }
        order.units = items.reduce(0) { $0 + $1.quantity }
        order.paymentMethod = random.weighted([("qr", 45), ("card", 40), ("cash", 15)])
        if order.paymentMethod == "qr" {
            order.qrCodeID = "QR-\(locationID.uuidString.prefix(8))"
        } else if order.paymentMethod == "card" {
            order.paymentReference =
                "ch_\(String(UUID(using: &random).uuidString.replacingOccurrences(of: "-", with: "").prefix(14)).lowercased())"
        }
        order.pointsEarned = rules.points(for: Money(minorUnits: order.totalMinor, currency: order.money), package: stand.packageLevel)
        order.lowStockSKUs = ""
        order.createdAt = order.soldAt
        for item in items { item.file(under: order, saleID: orderID) }
        rows.orders.append(order)
        rows.items.append(contentsOf: items)
        if stand.autoRefill, !crossed.isEmpty {
            requestRefill(
                on: day, at: time, source: "automation", note: "Low stock: \(crossed.joined(separator: ", "))", rows: &rows,
                numbers: &numbers)
        }
    }

    /// A monthly count after closing: the system learns what shrinkage took.
    private mutating func count(on day: DemoStandNetwork.Day, rows: inout DemoStandNetwork.Rows, numbers: inout Set<String>) {
        let time = day.start.addingTimeInterval(Double(73_800 + Int.random(in: 0..<1_800, using: &random)))
        guard time <= now else { return }
        let snapshot = StandInventorySnapshotRecord()
        snapshot.id = UUID(using: &random)
        snapshot.$stand.id = standID
        snapshot.$location.id = locationID
        snapshot.takenAtMillis = PartnerOrderRecord.millis(time)
        snapshot.takenAt = time
        snapshot.source = random.weighted([("count", 85), ("visit", 15)])
        snapshot.note = snapshot.source == "visit" ? "Counted during a field visit" : "Monthly count"
        snapshot.currency = Currency.eur.code
        snapshot.createdAt = time
        var crossed: [String] = []
        var lines: [StandInventorySnapshotLineRecord] = []
        for index in shelves.indices {
            let shelf = shelves[index]
            let variance = SnapshotVariance(sku: shelf.product.sku, expected: shelf.onHand, counted: shelf.actual)
            let line = StandInventorySnapshotLineRecord()
            line.id = UUID(using: &random)
            line.$snapshot.id = snapshot.id!
            line.sku = variance.sku
            line.expected = variance.expected
            line.counted = variance.counted
            // Demo costs are small catalogue prices: the product cannot overflow.
            line.shrinkageMinor =
                (try? variance.shrinkageValue(unitCost: shelf.product.unitCost ?? Money(minorUnits: 0, currency: .eur)).minorUnits) ?? 0
            line.soldSince = 0
            line.deliveredSince = 0
            line.onHandAfter = shelf.actual
            lines.append(line)
            if !shelf.level.isLow && shelf.actual <= shelf.line.minLevel {
                crossed.append(shelf.product.sku)
                shelves[index].lowSince = time
            }
            setOnHand(index, to: shelf.actual, at: time, rows: &rows)
        }
        snapshot.variance = lines.reduce(0) { $0 + $1.counted - $1.expected }
        snapshot.shrinkageUnits = lines.reduce(0) { $0 + max(0, $1.expected - $1.counted) }
        snapshot.shrinkageMinor = lines.reduce(0) { $0 + $1.shrinkageMinor }
        rows.snapshots.append(snapshot)
        rows.snapshotLines.append(contentsOf: lines)
        if stand.autoRefill, !crossed.isEmpty {
            requestRefill(
                on: day, at: time, source: "automation", note: "Low stock: \(crossed.joined(separator: ", "))", rows: &rows,
                numbers: &numbers)
        }
    }

    /// Moves the system's on-hand as `StandStock.setOnHand` does: reaching zero opens a
    /// stock-out, any stock closes it.
    mutating func setOnHand(_ index: Int, to value: Int, at time: Date, rows: inout DemoStandNetwork.Rows) {
        let before = shelves[index].onHand
        shelves[index].onHand = max(0, value)
        shelves[index].updatedAt = time
        if before > 0 && shelves[index].onHand == 0 {
            let stockOut = StandStockOutRecord(standID: standID, locationID: locationID, sku: shelves[index].product.sku, startedAt: time)
            stockOut.id = UUID(using: &random)
            shelves[index].openStockOut = stockOut
            rows.stockOuts.append(stockOut)
        } else if before == 0 && shelves[index].onHand > 0, let open = shelves[index].openStockOut {
            open.endedAt = max(time, open.startedAt)
            shelves[index].openStockOut = nil
        }
    }

    /// SKUs listed at `time` and at or below their minimum.
    func lowSKUs(at time: Date) -> [String] {
        shelves.filter { $0.isListed(at: time) && $0.level.isLow }.map(\.product.sku)
    }
}
