import Foundation
import OpenAPIRuntime
import PartnerAPI
import PartnerCore
import Vapor

extension APIHandler {
    func listPartnerContracts(_ input: Operations.ListPartnerContracts.Input) async throws -> Operations.ListPartnerContracts.Output {
        let caller = try authenticate()
        let partner = try await authorizedPartner(input.path.id, for: caller, to: .readContracts)
        let now = self.now
        return .ok(
            .init(
                body: .json(.init(items: try await services.contracts.contracts(of: try partner.requireID()).map { try $0.api(at: now) }))))
    }

    func createPartnerContract(_ input: Operations.CreatePartnerContract.Input) async throws -> Operations.CreatePartnerContract.Output {
        let caller = try authenticate()
        let partner = try await authorizedPartner(input.path.id, for: caller, to: .manageContracts)
        guard case .json(let body) = input.body else { throw APIError.badRequest("Send a JSON body.") }
        var validator = FieldValidator()
        let startsOn = CalendarDay.parse(body.startsOn)
        let endsOn = CalendarDay.parse(body.endsOn)
        validator.check(startsOn != nil, "startsOn", "must be a date as YYYY-MM-DD")
        validator.check(endsOn != nil, "endsOn", "must be a date as YYYY-MM-DD")
        if let startsOn, let endsOn { validator.check(startsOn <= endsOn, "endsOn", "must not be before startsOn") }
        validator.check((0...365).contains(body.renewalNoticeDays), "renewalNoticeDays", "must be between 0 and 365")
        let commission = body.commissionRate.map { FixedPoint.scaled($0, decimals: 2) }
        if let commission {
            validator.check(
                commission.map { (0...10_000).contains($0) } ?? false, "commissionRate",
                "must be between 0 and 100 with at most two decimals")
        }
        if let days = body.paymentTermsDays { validator.check((0...180).contains(days), "paymentTermsDays", "must be between 0 and 180") }
        let terms = validator.optionalText(body.terms, "terms", maxLength: 20_000)
        let target = body.annualRevenueTarget.flatMap {
            ProductDefinition.money(($0.amount, $0.currency), field: "annualRevenueTarget", validator: &validator)
        }
        if let target {
            validator.check(target.currency == .eur && target.minorUnits > 0, "annualRevenueTarget", "must be a positive amount in EUR")
        }
        try validator.finish()
        let contract = PartnerContractRecord()
        contract.$partner.id = try partner.requireID()
        contract.kind = ContractKind(body.kind)
        contract.startsOn = startsOn ?? now
        contract.endsOn = endsOn ?? now
        contract.autoRenew = body.autoRenew
        contract.renewalNoticeDays = body.renewalNoticeDays
        contract.commissionBasisPoints = commission ?? nil
        contract.paymentTermsDays = body.paymentTermsDays
        contract.terms = terms
        contract.revenueTargetMinor = target?.minorUnits
        contract.createdBy = caller.userID
        try await services.contracts.create(contract)
        return .created(.init(body: .json(try contract.api(at: now))))
    }

    func terminateContract(_ input: Operations.TerminateContract.Input) async throws -> Operations.TerminateContract.Output {
        let caller = try authenticate()
        let partner = try await authorizedPartner(input.path.id, for: caller, to: .manageContracts)
        let contract = try await visibleContract(input.path.contractId, of: partner)
        guard case .json(let body) = input.body else { throw APIError.badRequest("Send a JSON body.") }
        var validator = FieldValidator()
        let reason = validator.requiredText(body.reason, "reason", maxLength: 500, minLength: 3) ?? ""
        try validator.finish()
        try await services.contracts.terminate(contract, reason: reason)
        return .ok(.init(body: .json(try contract.api(at: now))))
    }

    func uploadContractDocument(_ input: Operations.UploadContractDocument.Input) async throws -> Operations.UploadContractDocument.Output {
        let caller = try authenticate()
        let partner = try await authorizedPartner(input.path.id, for: caller, to: .manageContracts)
        let contract = try await visibleContract(input.path.contractId, of: partner)
        guard case .pdf(let body) = input.body else { throw APIError.badRequest("Send the signed contract as application/pdf.") }
        let data = try await Data(collecting: body, upTo: DocumentStore.maxBytes)
        let checksum = try Self.checkedPDF(data)
        try await services.contracts.attach(data, sha256: checksum, to: contract, store: services.documents)
        return .ok(.init(body: .json(try contract.api(at: now))))
    }

    func downloadContractDocument(_ input: Operations.DownloadContractDocument.Input) async throws
        -> Operations.DownloadContractDocument.Output
    {
        let caller = try authenticate()
        let partner = try await authorizedPartner(input.path.id, for: caller, to: .readContracts)
        let contract = try await visibleContract(input.path.contractId, of: partner)
        guard contract.documentSHA256 != nil else { throw DomainError.notFound("This contract has no signed document yet.") }
        let data = try services.documents.read(partnerID: contract.$partner.id, documentID: try contract.requireID())
        let filename = "\(contract.kind.rawValue)-\(CalendarDay.format(contract.startsOn)).pdf"
        try request.storage[AttachmentFilename.self] = filename
        return .ok(.init(body: .pdf(HTTPBody(data))))
    }

    func listComplianceDocuments(_ input: Operations.ListComplianceDocuments.Input) async throws
        -> Operations.ListComplianceDocuments.Output
    {
        let caller = try authenticate()
        let partner = try await authorizedPartner(input.path.id, for: caller, to: .readContracts)
        let documents = try await services.contracts.complianceDocuments(of: try partner.requireID())
        let summary = ComplianceSummary(type: partner.type, documents: documents.map { ($0.kind, $0.expiresOn) }, at: now)
        return .ok(.init(body: .json(.init(summary: .init(summary), items: try documents.map { try $0.api }))))
    }

    func createComplianceDocument(_ input: Operations.CreateComplianceDocument.Input) async throws
        -> Operations.CreateComplianceDocument.Output
    {
        let caller = try authenticate()
        let partner = try await authorizedPartner(input.path.id, for: caller, to: .manageContracts)
        guard case .json(let body) = input.body else { throw APIError.badRequest("Send a JSON body.") }
        var validator = FieldValidator()
        let document = ComplianceDocumentRecord()
        document.$partner.id = try partner.requireID()
        document.kind = ComplianceDocumentKind(body.kind)
        document.reference = validator.requiredText(body.reference, "reference", maxLength: 100) ?? ""
        document.issuer = validator.optionalText(body.issuer, "issuer", maxLength: 200)
        let issued = CalendarDay.parse(body.issuedOn)
        let expires = body.expiresOn.map { CalendarDay.parse($0) }
        validator.check(issued != nil, "issuedOn", "must be a date as YYYY-MM-DD")
        validator.check(expires != .some(nil), "expiresOn", "must be a date as YYYY-MM-DD")
        if let issued, let expires = expires ?? nil { validator.check(issued <= expires, "expiresOn", "must not be before issuedOn") }
        if let sku = body.productSku {
            validator.check(document.kind == .cpnpNotification, "productSku", "applies only to CPNP notifications")
            let normalized = ProductDefinition.normalizedSKU(sku)
            validator.check(try await !services.products.bySKU([normalized]).isEmpty, "productSku", "is not in the catalogue")
            document.productSKU = normalized
        }
        try validator.finish()
        document.issuedOn = issued ?? now
        document.expiresOn = expires ?? nil
        document.createdBy = caller.userID
        try await services.contracts.create(document)
        return .created(.init(body: .json(try document.api)))
    }

    private func visibleContract(_ rawID: String, of partner: PartnerRecord) async throws -> PartnerContractRecord {
        let id = try uuid(rawID, name: "contractId")
        guard let contract = try await services.contracts.find(id, partnerID: try partner.requireID()) else {
            throw DomainError.notFound("No contract with this id.")
        }
        return contract
    }
}

extension APIHandler {
    func uploadComplianceFile(_ input: Operations.UploadComplianceFile.Input) async throws -> Operations.UploadComplianceFile.Output {
        let caller = try authenticate()
        let partner = try await authorizedPartner(input.path.id, for: caller, to: .manageContracts)
        let document = try await visibleComplianceDocument(input.path.documentId, of: partner)
        guard case .pdf(let body) = input.body else { throw APIError.badRequest("Send the file as application/pdf.") }
        let data = try await Data(collecting: body, upTo: DocumentStore.maxBytes)
        let checksum = try Self.checkedPDF(data)
        try await services.contracts.attach(data, sha256: checksum, to: document, store: services.complianceFiles)
        return .ok(.init(body: .json(try document.api)))
    }

    func downloadComplianceFile(_ input: Operations.DownloadComplianceFile.Input) async throws -> Operations.DownloadComplianceFile.Output {
        let caller = try authenticate()
        let partner = try await authorizedPartner(input.path.id, for: caller, to: .readContracts)
        let document = try await visibleComplianceDocument(input.path.documentId, of: partner)
        guard document.fileSHA256 != nil else { throw DomainError.notFound("This compliance document has no file yet.") }
        let data = try services.complianceFiles.read(partnerID: document.$partner.id, documentID: try document.requireID())
        try request.storage[AttachmentFilename.self] = "\(document.kind.rawValue)-\(document.reference).pdf"
        return .ok(.init(body: .pdf(HTTPBody(data))))
    }

    /// The SHA-256 of a valid PDF, or the matching 413/422.
    static func checkedPDF(_ data: Data) throws -> String {
        do {
            return try DocumentStore.validatedPDF(data)
        } catch {
            guard case .tooLarge(let limit) = error else {
                throw ValidationFailure(field: "body", message: "must be a PDF document (it starts with %PDF-)")
            }
            throw APIError.payloadTooLarge(limit: limit)
        }
    }

    private func visibleComplianceDocument(_ rawID: String, of partner: PartnerRecord) async throws -> ComplianceDocumentRecord {
        let id = try uuid(rawID, name: "documentId")
        guard let document = try await services.contracts.complianceDocument(id, partnerID: try partner.requireID()) else {
            throw DomainError.notFound("No compliance document with this id.")
        }
        return document
    }
}
