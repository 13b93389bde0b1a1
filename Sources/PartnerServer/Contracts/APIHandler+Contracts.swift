import Foundation
import OpenAPIRuntime
import PartnerAPI
import PartnerCore

extension APIHandler {
    func listPartnerContracts(_ input: Operations.ListPartnerContracts.Input) async throws -> Operations.ListPartnerContracts.Output {
        let caller = try authenticate()
        let partner = try await authorizedPartner(input.path.id, for: caller, to: .readContracts)
        let now = self.now
        return .ok(.init(body: .json(.init(items: try await services.contracts.contracts(of: partner.id).map { $0.api(at: now) }))))
    }

    func createPartnerContract(_ input: Operations.CreatePartnerContract.Input) async throws -> Operations.CreatePartnerContract.Output {
        let caller = try authenticate()
        let partner = try await authorizedPartner(input.path.id, for: caller, to: .manageContracts)
        guard case .json(let body) = input.body else { throw APIError.badRequest("Send a JSON body.") }
        let draft = try ContractDraft.validated(
            kind: ContractKind(body.kind), startsOn: body.startsOn, endsOn: body.endsOn, autoRenew: body.autoRenew,
            renewalNoticeDays: body.renewalNoticeDays, commissionRate: body.commissionRate, paymentTermsDays: body.paymentTermsDays,
            text: body.terms, annualRevenueTarget: body.annualRevenueTarget.map { ($0.amount, $0.currency) })
        let contract = try await services.contracts.create(draft, for: partner.id, by: caller.userID)
        return .created(.init(body: .json(contract.api(at: now))))
    }

    func terminateContract(_ input: Operations.TerminateContract.Input) async throws -> Operations.TerminateContract.Output {
        let caller = try authenticate()
        let partner = try await authorizedPartner(input.path.id, for: caller, to: .manageContracts)
        let contractID = try uuid(input.path.contractId, name: "contractId")
        guard case .json(let body) = input.body else { throw APIError.badRequest("Send a JSON body.") }
        let contract = try await services.contracts.terminate(contractID, of: partner.id, reason: body.reason)
        return .ok(.init(body: .json(contract.api(at: now))))
    }

    func uploadContractDocument(_ input: Operations.UploadContractDocument.Input) async throws -> Operations.UploadContractDocument.Output {
        let caller = try authenticate()
        let partner = try await authorizedPartner(input.path.id, for: caller, to: .manageContracts)
        let contractID = try uuid(input.path.contractId, name: "contractId")
        guard case .pdf(let body) = input.body else { throw APIError.badRequest("Send the signed contract as application/pdf.") }
        let data = try await Data(collecting: body, upTo: DocumentStore.maxBytes)
        let contract = try await services.contracts.attach(data, toContract: contractID, of: partner.id)
        return .ok(.init(body: .json(contract.api(at: now))))
    }

    func downloadContractDocument(_ input: Operations.DownloadContractDocument.Input) async throws
        -> Operations.DownloadContractDocument.Output
    {
        let caller = try authenticate()
        let partner = try await authorizedPartner(input.path.id, for: caller, to: .readContracts)
        let file = try await services.contracts.document(ofContract: try uuid(input.path.contractId, name: "contractId"), of: partner.id)
        try request.storage[AttachmentFilename.self] = file.filename
        return .ok(.init(body: .pdf(HTTPBody(file.data))))
    }

    func listComplianceDocuments(_ input: Operations.ListComplianceDocuments.Input) async throws
        -> Operations.ListComplianceDocuments.Output
    {
        let caller = try authenticate()
        let partner = try await authorizedPartner(input.path.id, for: caller, to: .readContracts)
        let documents = try await services.compliance.documents(of: partner.id)
        let summary = services.compliance.summary(of: partner, documents: documents)
        return .ok(.init(body: .json(.init(summary: .init(summary), items: documents.map(\.api)))))
    }

    func createComplianceDocument(_ input: Operations.CreateComplianceDocument.Input) async throws
        -> Operations.CreateComplianceDocument.Output
    {
        let caller = try authenticate()
        let partner = try await authorizedPartner(input.path.id, for: caller, to: .manageContracts)
        guard case .json(let body) = input.body else { throw APIError.badRequest("Send a JSON body.") }
        let draft = try ComplianceDocumentDraft.validated(
            kind: ComplianceDocumentKind(body.kind), reference: body.reference, issuer: body.issuer, productSKU: body.productSku,
            issuedOn: body.issuedOn, expiresOn: body.expiresOn)
        return .created(.init(body: .json(try await services.compliance.create(draft, for: partner.id, by: caller.userID).api)))
    }

    func uploadComplianceFile(_ input: Operations.UploadComplianceFile.Input) async throws -> Operations.UploadComplianceFile.Output {
        let caller = try authenticate()
        let partner = try await authorizedPartner(input.path.id, for: caller, to: .manageContracts)
        let documentID = try uuid(input.path.documentId, name: "documentId")
        guard case .pdf(let body) = input.body else { throw APIError.badRequest("Send the file as application/pdf.") }
        let data = try await Data(collecting: body, upTo: DocumentStore.maxBytes)
        return .ok(.init(body: .json(try await services.compliance.attach(data, toDocument: documentID, of: partner.id).api)))
    }

    func downloadComplianceFile(_ input: Operations.DownloadComplianceFile.Input) async throws -> Operations.DownloadComplianceFile.Output {
        let caller = try authenticate()
        let partner = try await authorizedPartner(input.path.id, for: caller, to: .readContracts)
        let file = try await services.compliance.file(ofDocument: try uuid(input.path.documentId, name: "documentId"), of: partner.id)
        try request.storage[AttachmentFilename.self] = file.filename
        return .ok(.init(body: .pdf(HTTPBody(file.data))))
    }
}
