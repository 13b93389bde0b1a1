import Crypto
import Fluent
import Foundation
import PartnerCore

/// Contracts (with generated signed PDFs) and compliance files for the demo network:
/// some contracts due for renewal within 30 days, some expired, some compliance documents expired
/// or missing, so every dashboard state shows up.
struct DemoAgreements {
    let now: Date
    let documents: DocumentStore
    let createdBy: UUID

    func seed(partners: [PartnerRecord], on db: any Database) async throws -> (contracts: Int, compliance: Int) {
        var random = SeededGenerator(seed: 7_7_7)
        let today = CalendarDay.parse(CalendarDay.format(now)) ?? now
        var contracts: [PartnerContractRecord] = []
        var compliance: [ComplianceDocumentRecord] = []
        for partner in partners where partner.status != .applicant {
            let partnerID = try partner.requireID()
            let contract = PartnerContractRecord()
            contract.id = UUID(using: &random)
            contract.$partner.id = partnerID
            contract.kind = Self.kind(for: partner.type)
            contract.renewalNoticeDays = random.weighted([(30, 2), (60, 2), (90, 1)])
            contract.startsOn = today.addingTimeInterval(-Double(Int.random(in: 200...1_000, using: &random)) * 86_400)
            switch random.weighted([("renewal_due", 15), ("expired", 10), ("auto", 40), ("fixed", 35)]) {
            case "renewal_due":
                contract.endsOn = today.addingTimeInterval(Double(Int.random(in: 3...28, using: &random)) * 86_400)
                contract.renewalNoticeDays = max(contract.renewalNoticeDays, 30)
                contract.autoRenew = false
            case "expired":
                contract.endsOn = today.addingTimeInterval(-Double(Int.random(in: 5...120, using: &random)) * 86_400)
                contract.autoRenew = false
            case "auto":
                contract.endsOn = contract.startsOn.addingTimeInterval(364 * 86_400)
                contract.autoRenew = true
            default:
                contract.endsOn = today.addingTimeInterval(Double(Int.random(in: 120...540, using: &random)) * 86_400)
                contract.autoRenew = false
            }
            contract.commissionBasisPoints = partner.type == .affiliate ? Int.random(in: 5...15, using: &random) * 100 : nil
            contract.paymentTermsDays = random.weighted([(30, 3), (45, 1), (60, 1)])
            contract.createdBy = createdBy
            if Int.random(in: 0..<10, using: &random) < 9 {
                let pdf = Self.pdf(for: partner, contract: contract)
                try documents.write(pdf, partnerID: partnerID, documentID: try contract.requireID())
                contract.documentSHA256 = SHA256.hash(data: pdf).lowercaseHex
                contract.documentBytes = pdf.count
                contract.documentUploadedAt = contract.startsOn
            }
            contracts.append(contract)
            for kind in ComplianceDocumentKind.required(for: partner.type) {
                let state = random.weighted([("valid", 80), ("expiring", 8), ("expired", 7), ("missing", 5)])
                guard state != "missing" else { continue }
                let document = ComplianceDocumentRecord()
                document.$partner.id = partnerID
                document.kind = kind
                document.reference =
                    "\(kind.rawValue.uppercased().replacingOccurrences(of: "_", with: "-"))-\(Int.random(in: 10_000...99_999, using: &random))"
                document.issuer = kind == .businessLicence ? "Chamber of Commerce" : kind == .cpnpNotification ? "EU CPNP" : "TÜV Rheinland"
                document.issuedOn = today.addingTimeInterval(-Double(Int.random(in: 200...900, using: &random)) * 86_400)
                let days =
                    switch state {
                    case "expiring": Int.random(in: 2...28, using: &random)
                    case "expired": -Int.random(in: 10...200, using: &random)
                    default: Int.random(in: 90...1_000, using: &random)
                    }
                document.expiresOn = kind == .cpnpNotification ? nil : today.addingTimeInterval(Double(days) * 86_400)
                document.createdBy = createdBy
                compliance.append(document)
            }
        }
        try await contracts.createInChunks(on: db)
        try await compliance.createInChunks(on: db)
        return (contracts.count, compliance.count)
    }

    static func kind(for type: PartnerType) -> ContractKind {
        switch type {
        case .dealer: .dealerAgreement
        case .distributor: .distributionAgreement
        case .salon: .salonAgreement
        case .stand: .standAgreement
        case .whiteLabel: .whiteLabelAgreement
        case .affiliate: .affiliateAgreement
        }
    }

    /// A small but valid one-page PDF naming the parties and the term.
    static func pdf(for partner: PartnerRecord, contract: PartnerContractRecord) -> Data {
        let text =
            "\(contract.kind.rawValue) - \(partner.companyName) - \(CalendarDay.format(contract.startsOn)) to \(CalendarDay.format(contract.endsOn))"
            .filter { $0.isASCII && $0 != "(" && $0 != ")" && $0 != "\\" }
        let stream = "BT /F1 12 Tf 72 720 Td (\(text)) Tj ET"
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length \(stream.utf8.count) >>\nstream\n\(stream)\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
        var body = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(body.utf8.count)
            body += "\(index + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = body.utf8.count
        body += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { body += String(format: "%010d 00000 n \n", offset) }
        body += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Data(body.utf8)
    }
}
