import Fluent
import Foundation
import PartnerCore
import Vapor

/// What `--demo` prints: credentials exactly once, when they are created.
enum DemoConsole {
    static let adminEmail = "admin@example.com"

    static func prepare(_ app: Application, adminFromEnvironment: Bool) async throws {
        var lines: [String] = []
        if !adminFromEnvironment, try await UserRecord.query(on: app.db).count() == 0 {
            let password = DemoSeeder.randomPassword()
            try await AdminBootstrap.createAdmin(email: adminEmail, password: password, name: "Demo Administrator", on: app)
            lines.append("Demo admin:     \(adminEmail) / \(password)")
        }
        if let report = try await DemoSeeder(app: app).seedIfEmpty() {
            lines.append(
                "Demo network:   \(report.partners) partners, \(report.ownerUsers) partner owner users, \(report.products) products")
            lines.append(
                "Demo commerce:  \(report.orders) orders over 26 months, \(report.contracts) contracts, "
                    + "\(report.complianceDocuments) compliance documents, \(report.promotions) promotions")
            lines.append(
                "Demo stands:    \(report.stands) stand partners, \(report.standLocations) locations, "
                    + "\(report.standSales) stand sales over 12+ months, \(report.standPayouts) monthly payouts closed")
            if let owner = report.sampleOwnerEmail {
                lines.append("Partner login:  \(owner) / \(report.partnerPassword) (all demo owners share this password)")
            }
        }
        guard !lines.isEmpty else { return }
        let text = (["", "Partner OS demo — these credentials are shown only now:"] + lines.map { "  " + $0 } + ["", ""])
            .joined(separator: "\n")
        // Written unbuffered: print() is block-buffered when stdout is a file, and the credentials must show at once.
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
