import PartnerCore
import Vapor

/// An RFC 9457 problem document.
struct ProblemDetails: Content, Equatable {
    struct Field: Content, Equatable {
        let field: String
        let message: String
    }

    var type: String
    var title: String
    var status: Int
    var detail: String?
    var instance: String?
    var errors: [Field]?

    /// `about:blank` types mean "nothing beyond the status code"; specific problems get a URN.
    init(status: HTTPResponseStatus, detail: String?, kind: String? = nil, errors: [FieldError]? = nil) {
        self.type = kind.map { "urn:partneros:problem:\($0)" } ?? "about:blank"
        self.title = status.reasonPhrase
        self.status = Int(status.code)
        self.detail = detail
        self.errors = errors?.map { Field(field: $0.field, message: $0.message) }
    }

    static let mediaType = HTTPMediaType(type: "application", subType: "problem+json")
}
