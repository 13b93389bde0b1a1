import Fluent
import Foundation
import PartnerCore

/// Contracts and their signed documents. Writes lock the partner first; files are stored before
/// the row points at them, so a crash leaves at most an orphaned file, never a dangling row.
struct ContractService {
    let database: any Database
    let writes: WriteSerializer
    let documents: DocumentStore
    let clock: AppClock

    func contracts(of partnerID: UUID) async throws -> [Contract] {
        try await ContractRows.contracts(of: partnerID, on: database)
    }

    /// Every signed contract not terminated, of every partner: what the renewal automation reads.
    func signedInForce() async throws -> [Contract] {
        try await PartnerContractRecord.query(on: database).filter(\.$documentSHA256 != nil).filter(\.$terminatedAt == nil)
            .sort(\.$id).all().map { try $0.value }
    }

    func find(_ id: UUID, partnerID: UUID) async throws -> Contract? {
        try await record(id, partnerID: partnerID, on: database)?.value
    }

    func create(_ draft: ContractDraft, for partnerID: UUID, by userID: UUID) async throws -> Contract {
        let contract = PartnerContractRecord(draft, partnerID: partnerID, createdBy: userID)
        let now = clock.now
        try await writes.transaction(on: database) { db in
            try await db.lockPartner(partnerID)
            try await contract.create(on: db)
            try await EventOutbox.append(ContractEvents.created(contract, id: try contract.requireID()), on: db, at: now)
        }
        return try contract.value
    }

    /// Stores the signed PDF and records `contract.signed`.
    func attach(_ data: Data, toContract id: UUID, of partnerID: UUID) async throws -> Contract {
        guard try await record(id, partnerID: partnerID, on: database) != nil else { throw Self.missing }
        let sha256 = try DocumentStore.validatedPDF(data)
        try documents.write(data, partnerID: partnerID, documentID: id)
        let now = clock.now
        return try await writes.transaction(on: database) { db in
            try await db.lockPartner(partnerID)
            guard let current = try await record(id, partnerID: partnerID, on: db) else { throw Self.missing }
            current.documentSHA256 = sha256
            current.documentBytes = data.count
            current.documentUploadedAt = now
            try await current.update(on: db)
            try await EventOutbox.append(ContractEvents.signed(current, id: id), on: db, at: now)
            return try current.value
        }
    }

    /// The signed PDF and a file name for it.
    func document(ofContract id: UUID, of partnerID: UUID) async throws -> (data: Data, filename: String) {
        guard let contract = try await find(id, partnerID: partnerID) else { throw Self.missing }
        guard contract.document != nil else { throw DomainError.notFound("This contract has no signed document yet.") }
        let data = try documents.read(partnerID: partnerID, documentID: id)
        return (data, "\(contract.kind.rawValue)-\(CalendarDay.format(contract.terms.startsOn)).pdf")
    }

    func terminate(_ id: UUID, of partnerID: UUID, reason: String) async throws -> Contract {
        var validator = FieldValidator()
        let reason = validator.requiredText(reason, "reason", maxLength: 500, minLength: 3) ?? ""
        try validator.finish()
        let now = clock.now
        return try await writes.transaction(on: database) { db in
            try await db.lockPartner(partnerID)
            guard let current = try await record(id, partnerID: partnerID, on: db) else { throw Self.missing }
            guard current.terminatedAt == nil else { throw DomainError.conflict("The contract is already terminated.") }
            current.terminatedAt = now
            current.terminationReason = reason
            try await current.update(on: db)
            try await EventOutbox.append(ContractEvents.terminated(current, id: id), on: db, at: now)
            return try current.value
        }
    }

    private static let missing = DomainError.notFound("No contract with this id.")

    private func record(_ id: UUID, partnerID: UUID, on db: any Database) async throws -> PartnerContractRecord? {
        try await PartnerContractRecord.query(on: db).filter(\.$id == id).filter(\.$partner.$id == partnerID).first()
    }
}
