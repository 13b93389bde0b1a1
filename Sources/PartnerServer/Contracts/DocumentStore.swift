import Crypto
import Foundation

/// PDFs on disk — signed contracts under `<data directory>/contracts/<partner>/<contract>.pdf`,
/// compliance files under `<data directory>/compliance/<partner>/<document>.pdf`.
/// Files are written to a temporary name and renamed, so a reader never sees half a file.
struct DocumentStore: Sendable {
    enum Failure: Error {
        case notPDF
        case tooLarge(limit: Int)
        case empty
    }

    static let maxBytes = 10 * 1024 * 1024

    let root: URL

    init(dataDirectory: String, folder: String = "contracts") {
        root = URL(fileURLWithPath: dataDirectory).appendingPathComponent(folder, isDirectory: true)
    }

    /// Checks the bytes are a PDF within the size limit; returns their SHA-256 (hex).
    static func validatedPDF(_ data: Data) throws(Failure) -> String {
        guard !data.isEmpty else { throw .empty }
        guard data.count <= maxBytes else { throw .tooLarge(limit: maxBytes) }
        // Every PDF starts with "%PDF-" (ISO 32000-1, 7.5.2).
        guard data.starts(with: Array("%PDF-".utf8)) else { throw .notPDF }
        return SHA256.hash(data: data).lowercaseHex
    }

    func write(_ data: Data, partnerID: UUID, documentID: UUID) throws {
        let directory = root.appendingPathComponent(partnerID.apiString, isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let target = directory.appendingPathComponent("\(documentID.apiString).pdf")
        let temporary = directory.appendingPathComponent(".\(documentID.apiString).\(UUID().apiString).tmp")
        try data.write(to: temporary)
        // rename(2) replaces an existing file atomically; FileManager's move refuses to.
        guard rename(temporary.path, target.path) == 0 else {
            try? FileManager.default.removeItem(at: temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target.path])
        }
    }

    func read(partnerID: UUID, documentID: UUID) throws -> Data {
        try Data(
            contentsOf: root.appendingPathComponent(partnerID.apiString, isDirectory: true).appendingPathComponent(
                "\(documentID.apiString).pdf"))
    }
}
