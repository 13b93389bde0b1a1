import Fluent
import Foundation
import PartnerCore

struct ContractRepository {
    let database: any Database
    let writes: WriteSerializer

    func contracts(of partnerID: UUID) async throws -> [PartnerContractRecord] {
        try await PartnerContractRecord.query(on: database).filter(\.$partner.$id == partnerID)
            .sort(\.$startsOn, .descending).sort(\.$id).all()
    }

    func find(_ id: UUID, partnerID: UUID) async throws -> PartnerContractRecord? {
        try await PartnerContractRecord.query(on: database).filter(\.$id == id).filter(\.$partner.$id == partnerID).first()
    }

    func create(_ contract: PartnerContractRecord) async throws {
        try await writes.transaction(on: database) { db in
            try await contract.create(on: db)
            try await EventOutbox.append(ContractEvents.created(contract, id: try contract.requireID()), on: db)
        }
    }

    /// Stores the file first, then the checksum: a crash in between leaves a file no row points to,
    /// never a row pointing to a missing file.
    func attach(_ data: Data, sha256: String, to contract: PartnerContractRecord, store: DocumentStore, at now: Date = Date()) async throws
    {
        let contractID = try contract.requireID()
        try store.write(data, partnerID: contract.$partner.id, documentID: contractID)
        try await writes.transaction(on: database) { db in
            guard let current = try await PartnerContractRecord.find(contractID, on: db) else {
                throw DomainError.notFound("No contract with this id.")
            }
            current.documentSHA256 = sha256
            current.documentBytes = data.count
            current.documentUploadedAt = now
            try await current.update(on: db)
            try await EventOutbox.append(ContractEvents.signed(current, id: contractID), on: db, at: now)
        }
        contract.documentSHA256 = sha256
        contract.documentBytes = data.count
        contract.documentUploadedAt = now
    }

    func terminate(_ contract: PartnerContractRecord, reason: String, at now: Date = Date()) async throws {
        let contractID = try contract.requireID()
        try await writes.transaction(on: database) { db in
            try await db.lockPartner(contract.$partner.id)
            guard let current = try await PartnerContractRecord.find(contractID, on: db) else {
                throw DomainError.notFound("No contract with this id.")
            }
            guard current.terminatedAt == nil else { throw DomainError.conflict("The contract is already terminated.") }
            current.terminatedAt = now
            current.terminationReason = reason
            try await current.update(on: db)
            try await EventOutbox.append(ContractEvents.terminated(current, id: contractID), on: db, at: now)
        }
        contract.terminatedAt = now
        contract.terminationReason = reason
    }

    func complianceDocuments(of partnerID: UUID) async throws -> [ComplianceDocumentRecord] {
        try await ComplianceDocumentRecord.query(on: database).filter(\.$partner.$id == partnerID)
            .sort(\.$kind).sort(\.$issuedOn, .descending).all()
    }

    func create(_ document: ComplianceDocumentRecord) async throws {
        try await writes.transaction(on: database) { db in try await document.create(on: db) }
    }

    func complianceSummary(of partner: PartnerRecord, at date: Date = Date()) async throws -> ComplianceSummary {
        let documents = try await complianceDocuments(of: try partner.requireID())
        return ComplianceSummary(type: partner.type, documents: documents.map { ($0.kind, $0.expiresOn) }, at: date)
    }

    func complianceDocument(_ id: UUID, partnerID: UUID) async throws -> ComplianceDocumentRecord? {
        try await ComplianceDocumentRecord.query(on: database).filter(\.$id == id).filter(\.$partner.$id == partnerID).first()
    }

    /// File first, then the row, as for contract documents.
    func attach(_ data: Data, sha256: String, to document: ComplianceDocumentRecord, store: DocumentStore) async throws {
        let documentID = try document.requireID()
        try store.write(data, partnerID: document.$partner.id, documentID: documentID)
        document.fileSHA256 = sha256
        document.fileBytes = data.count
        try await writes.transaction(on: database) { db in try await document.update(on: db) }
    }
}
