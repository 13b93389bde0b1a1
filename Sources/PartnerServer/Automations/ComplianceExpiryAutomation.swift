import Foundation
import PartnerCore

/// `compliance-expiry`: announces compliance documents entering the 30-day expiry window and
/// expiring — once per document and expiry date. Only the latest-expiring document of each
/// partner, kind and product counts: a certificate already replaced by a newer one is not news.
struct ComplianceExpiryAutomation: Automation {
    let name = AutomationName.complianceExpiry
    let cadence = AutomationCadence.daily(hour: 1, minute: 10)
    let compliance: ComplianceService
    let notices: AutomationNotices

    func run(at now: Date) async throws -> String {
        let documents = try await compliance.everyDocument()
        var latest: [String: ComplianceDocument] = [:]
        for document in documents {
            let group = "\(document.partnerID.apiString) \(document.kind.rawValue) \(document.productSKU ?? "")"
            if let held = latest[group], (held.expiresOn ?? .distantFuture) >= (document.expiresOn ?? .distantFuture) { continue }
            latest[group] = document
        }
        var tally = AutomationTally()
        for document in latest.values.sorted(by: { $0.id.uuidString < $1.id.uuidString }) {
            try Task.checkCancellation()
            guard let expiresOn = document.expiresOn, let milestone = ComplianceMilestone.reached(expiresOn: expiresOn, at: now) else {
                continue
            }
            let event = ComplianceMilestoneEvents.event(milestone, of: document)
            let announced = try await notices.announceOnce(
                name, partnerID: document.partnerID, subjectID: document.id, key: milestone.key, events: [event],
                alert: ComplianceMilestoneEvents.alert(milestone, of: document), at: now)
            if announced { tally.add(event.type.rawValue) }
        }
        return tally.summary(checked: documents.count, of: "documents")
    }
}
