import Foundation
import PartnerCore

/// The compliance insight of a partner: the documents its type must have on file
/// (`ComplianceDocumentKind.required(for:)`, read through `ComplianceSummary` — the one rule), and
/// which of them are missing, expired or about to expire.
///
/// Score: 100 points —
/// - `documents_on_file` (70): the share of required kinds held by a valid document, a kind that
///   expires within 30 days counting half;
/// - `expired_documents` (15): 1 − the share of required kinds whose every document has expired;
/// - `expiring_documents` (15): 1 − the share of required kinds about to expire.
/// A type that needs no documents scores 100. Missing everything scores 30 (act); one of one
/// about to expire scores 50 (watch): a renewal in time keeps the partner trading.
public enum ComplianceInsight {
    public static let kind = PartnerInsightKind.compliance.rawValue

    public static func scorecard(_ summary: ComplianceSummary) -> Scorecard {
        let required = Double(summary.required.count)
        let held = summary.required.count - summary.missing.count - summary.expired.count
        func share(_ count: Int) -> Double { required > 0 ? Double(count) / required : 0 }
        let onFile = required > 0 ? (Double(held) - 0.5 * Double(summary.expiringSoon.count)) / required : 1
        return Scorecard([
            .init(
                key: "documents_on_file", label: "Required documents on file (%)", value: NumberText.rounded(share(held) * 100),
                weight: 70, attainment: onFile,
                display: summary.required.isEmpty ? "none required" : "\(held) of \(summary.required.count) required"),
            .init(
                key: "expired_documents", label: "Required documents expired", value: Double(summary.expired.count), weight: 15,
                attainment: 1 - share(summary.expired.count), display: "\(summary.expired.count) expired"),
            .init(
                key: "expiring_documents", label: "Required documents expiring within 30 days", value: Double(summary.expiringSoon.count),
                weight: 15, attainment: 1 - share(summary.expiringSoon.count), display: "\(summary.expiringSoon.count) expiring"),
        ])
    }

    public static func recommendations(_ summary: ComplianceSummary) -> [InsightRecommendation] {
        summary.missing.map {
            InsightRecommendation(
                action: "upload_document", priority: .high, rationale: "Collect and upload the partner's \(label($0)); none is on file")
        }
            + summary.expired.map {
                InsightRecommendation(
                    action: "renew_document", priority: .high, rationale: "The \(label($0)) has expired; request the renewed one")
            }
            + summary.expiringSoon.map {
                InsightRecommendation(
                    action: "renew_document", priority: .medium, rationale: "The \(label($0)) expires within 30 days; request its renewal")
            }
    }

    /// A document kind in words.
    public static func label(_ kind: ComplianceDocumentKind) -> String {
        switch kind {
        case .cpnpNotification: "CPNP notification"
        case .iso9001: "ISO 9001 certificate"
        case .iso22716: "ISO 22716 (cosmetics GMP) certificate"
        case .businessLicence: "business licence"
        }
    }

    public static func insight(_ signals: PartnerSignals, window: Insight.Window) -> Insight {
        let summary = signals.compliance
        let scorecard = scorecard(summary)
        let recommendations = recommendations(summary)
        let required = summary.required.map(label).joined(separator: ", ")
        let facts =
            summary.required.isEmpty
            ? "A \(signals.type.rawValue.replacingOccurrences(of: "_", with: " ")) needs no compliance documents."
            : "A \(signals.type.rawValue.replacingOccurrences(of: "_", with: " ")) needs: \(required). Missing \(summary.missing.count), "
                + "expired \(summary.expired.count), expiring within 30 days \(summary.expiringSoon.count)."
        let storyboard = StoryboardBuilder.build(
            subject: signals.name, title: "compliance", scorecard: scorecard, summary: facts, recommendations: recommendations)
        return Insight(
            kind: kind, scorecard: scorecard, recommendations: recommendations, storyboard: storyboard, window: window,
            generatedAt: signals.now)
    }
}
