/// The named positions in `event_cursors`: how far the outbox is sequenced, pruned and fanned out
/// to webhook subscriptions.
enum EventCursor: String, Sendable {
    /// The highest position handed out.
    case sequence
    /// Events at or below this position may have been deleted; older cursors are answered 410.
    case pruned
    /// The highest position turned into webhook deliveries.
    case fanout = "webhook-fanout"
}
