/// The one definition of a shelf's demand rate and cover, used by stand details, performance
/// reports and (next) the AI Stand Coach, so they cannot disagree.
public enum StandDemand {
    /// Average units sold a day: units over the window's whole days (0 for an empty window).
    public static func averageDaily(units: Int, days: Int) -> Double {
        days > 0 ? Double(units) / Double(days) : 0
    }

    /// Days the shelf lasts at the window's average rate; `nil` without demand.
    public static func daysOfCover(onHand: Int, units: Int, days: Int) -> Double? {
        let rate = averageDaily(units: units, days: days)
        return rate > 0 ? Double(onHand) / rate : nil
    }
}
