/// Joins a location's lines into one refill. Only one refill may be in flight per location, so
/// when any line reaches its reorder point the refill also tops up every line expected to reach its
/// own reorder point before that refill arrives: position ≤ s + ⌈E[D_L]⌉, the can-order level of
/// the joint-replenishment (s, c, S) policy (Balintfy 1964, "On a basic class of multi-item
/// inventory problems", *Management Science* 10(2)). Otherwise such a line would run out while the
/// location waits for the refill it just missed.
public enum LocationRefill {
    public struct Line: Sendable, Hashable {
        public var position: Int
        public var packSize: Int
        public var plan: RefillPlan
        /// Whole days the shelf has stood empty with nothing on order.
        public var emptyDays: Int

        public init(position: Int, packSize: Int, plan: RefillPlan, emptyDays: Int = 0) {
            self.position = position
            self.packSize = packSize
            self.plan = plan
            self.emptyDays = emptyDays
        }

        /// Reordering this line is due: at its reorder point, or — for a line that waits — once it
        /// has stood empty for its wait.
        public var isDue: Bool {
            plan.waitDays > 0 ? position <= 0 && emptyDays >= plan.waitDays : position <= plan.reorderPoint
        }
        /// Reordering this line is worth it once a refill goes out anyway (a waiting line only
        /// when due: topping it up early would serve more than its target asks).
        public var canOrder: Bool {
            plan.waitDays > 0 ? isDue : Double(position) <= Double(plan.reorderPoint) + plan.demandOverLeadTime.rounded(.up)
        }
    }

    /// The quantity of each line: nothing unless some line is due; then every due or can-order line
    /// is brought up to its order-up-to level in whole packs.
    public static func quantities(_ lines: [Line]) -> [Int] {
        guard lines.contains(where: \.isDue) else { return lines.map { _ in 0 } }
        return lines.map { line in
            guard line.isDue || line.canOrder else { return 0 }
            return RefillSizing.orderQuantity(position: line.position, orderUpTo: line.plan.orderUpTo, packSize: line.packSize)
        }
    }
}
