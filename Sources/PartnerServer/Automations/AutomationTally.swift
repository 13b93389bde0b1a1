/// Counts what a run did, for its one-line summary ("contract.renewal_due 2, contract.expired 1;
/// 225 contracts checked").
struct AutomationTally: Sendable {
    private var counts: [String: Int] = [:]
    private var order: [String] = []

    mutating func add(_ what: String, _ count: Int = 1) {
        if counts[what] == nil { order.append(what) }
        counts[what, default: 0] += count
    }

    func summary(checked: Int, of noun: String) -> String {
        let done = order.compactMap { key in counts[key].flatMap { $0 > 0 ? "\(key) \($0)" : nil } }
        return "\(done.isEmpty ? "nothing new" : done.joined(separator: ", ")); \(checked) \(noun) checked"
    }
}
