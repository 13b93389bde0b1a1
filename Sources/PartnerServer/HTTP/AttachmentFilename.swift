import Vapor

/// A download's file name, set by a handler and written as `Content-Disposition` by
/// `AttachmentMiddleware`. The generated server would percent-encode a declared header value, which
/// breaks the quoted filename syntax of RFC 6266.
enum AttachmentFilename: StorageKey {
    typealias Value = String
}

struct AttachmentMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        if let name = request.storage[AttachmentFilename.self] {
            let safe = name.filter { $0.isASCII && $0 != "\"" && $0 != "\\" && !$0.isNewline }
            response.headers.replaceOrAdd(name: .contentDisposition, value: #"attachment; filename="\#(safe)""#)
        }
        return response
    }
}
