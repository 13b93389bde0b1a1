/// The kinds of channel partner the brand works with.
public enum PartnerType: String, CaseIterable, Codable, Sendable {
    case dealer
    case distributor
    case salon
    case stand
    case whiteLabel = "white_label"
    case affiliate

    /// Trade partners buy at tier prices; stands run on Stand Program packages.
    public var isTrade: Bool { self != .stand }
}
