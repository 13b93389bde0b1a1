import Foundation
import PartnerCore

/// An outbox event with its position, as readers see it.
struct StoredEvent: Sendable, Equatable {
    let position: Int64
    let id: UUID
    let type: String
    let version: Int
    let occurredAt: Date
    let subjectType: String
    let subjectID: UUID
    let partnerID: UUID?
    /// The `data` object as JSON text.
    let data: String

    init(_ row: RowReader) throws {
        position = try row.int64("position")
        id = try row.uuid("id")
        type = try row.string("type")
        version = try row.int("version")
        occurredAt = try row.date("occurred_at")
        subjectType = try row.string("subject_type")
        subjectID = try row.uuid("subject_id")
        partnerID = try row.optionalUUID("partner_id")
        data = try row.string("data")
    }

    static let columns = "position, id, type, version, occurred_at, subject_type, subject_id, partner_id, data"

    /// The envelope as sent to webhooks and shown in the feed, with `data` embedded as stored.
    var envelopeJSON: String {
        var json = #"{"id":"\#(id.apiString)","type":"\#(JSONText.escaped(type))","version":\#(version),"#
        json += #""occurredAt":"\#((try? ISO8601Transcoder().encode(occurredAt)) ?? "")","#
        json += #""subject":{"type":"\#(JSONText.escaped(subjectType))","id":"\#(subjectID.apiString)"},"#
        if let partnerID { json += #""partnerId":"\#(partnerID.apiString)","# }
        json += #""data":\#(data)}"#
        return json
    }
}
