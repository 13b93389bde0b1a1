import Fluent
import Foundation
import PartnerCore
import SQLKit

/// Compliance documents (CPNP notifications, ISO certificates, business licences), their scanned
/// files, and what a partner of its type still lacks.
struct ComplianceService {
    let database: any Database
    let writes: WriteSerializer
    let files: DocumentStore
    let products: CatalogService
    let clock: AppClock

    func documents(of partnerID: UUID) async throws -> [ComplianceDocument] {
        try await ComplianceDocumentRecord.query(on: database).filter(\.$partner.$id == partnerID)
            .sort(\.$kind).sort(\.$issuedOn, .descending).all().map { try $0.value }
    }

    /// Every document of every partner: what the expiry automation reads.
    func everyDocument() async throws -> [ComplianceDocument] {
        try await ComplianceDocumentRecord.query(on: database).sort(\.$id).all().map { try $0.value }
    }

    func find(_ id: UUID, partnerID: UUID) async throws -> ComplianceDocument? {
        try await record(id, partnerID: partnerID)?.value
    }

    /// What the partner's type requires, and what is missing, expiring or expired today.
    /// What the partner lacks, from its documents' kinds and expiry dates alone (read in SQL: the
    /// dashboard and the partner's page ask on every view).
    func summary(of partner: Partner) async throws -> ComplianceSummary {
        let query: SQLQueryString =
            #"SELECT kind AS "kind", expires_on AS "expiresOn" FROM compliance_documents WHERE partner_id = \#(bind: partner.id)"#
        let documents = try await RowReader.all(query, on: database).map { row in
            (kind: try row.value("kind", as: ComplianceDocumentKind.self), expiresOn: try row.optionalDate("expiresOn"))
        }
        return ComplianceSummary(type: partner.type, documents: documents, at: clock.now)
    }

    func summary(of partner: Partner, documents: [ComplianceDocument]) -> ComplianceSummary {
        ComplianceSummary(type: partner.type, documents: documents.map { ($0.kind, $0.expiresOn) }, at: clock.now)
    }

    func create(_ draft: ComplianceDocumentDraft, for partnerID: UUID, by userID: UUID) async throws -> ComplianceDocument {
        if let sku = draft.productSKU, try await products.bySKU([sku]).isEmpty {
            throw ValidationFailure(field: "productSku", message: "is not in the catalogue")
        }
        let document = ComplianceDocumentRecord(draft, partnerID: partnerID, createdBy: userID)
        try await writes.transaction(on: database) { db in try await document.create(on: db) }
        return try document.value
    }

    /// Stores the scanned file, then points the row at it.
    func attach(_ data: Data, toDocument id: UUID, of partnerID: UUID) async throws -> ComplianceDocument {
        guard try await record(id, partnerID: partnerID) != nil else { throw Self.missing }
        let sha256 = try DocumentStore.validatedPDF(data)
        try files.write(data, partnerID: partnerID, documentID: id)
        return try await writes.transaction(on: database) { db in
            guard
                let document = try await ComplianceDocumentRecord.query(on: db).filter(\.$id == id).filter(\.$partner.$id == partnerID)
                    .first()
            else { throw Self.missing }
            document.fileSHA256 = sha256
            document.fileBytes = data.count
            try await document.update(on: db)
            return try document.value
        }
    }

    /// The scanned file and a file name for it.
    func file(ofDocument id: UUID, of partnerID: UUID) async throws -> (data: Data, filename: String) {
        guard let document = try await find(id, partnerID: partnerID) else { throw Self.missing }
        guard document.file != nil else { throw DomainError.notFound("This compliance document has no file yet.") }
        return (try files.read(partnerID: partnerID, documentID: id), "\(document.kind.rawValue)-\(document.reference).pdf")
    }

    private static let missing = DomainError.notFound("No compliance document with this id.")

    private func record(_ id: UUID, partnerID: UUID) async throws -> ComplianceDocumentRecord? {
        try await ComplianceDocumentRecord.query(on: database).filter(\.$id == id).filter(\.$partner.$id == partnerID).first()
    }
}
