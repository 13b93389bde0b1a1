import Fluent
import Foundation
import PartnerCore
import Testing
import Vapor
import VaporTesting

@testable import PartnerServer

extension TestWorld {
    /// A stand enrolled through the API with a new stand partner, on the small test catalogue:
    /// LIP-001 (par 12, min 4, packs of 6) and SER-001 (par 5, min 2, packs of 1) on every location.
    struct Stand {
        let id: String
        let locations: [String]
        var path: String { "/api/v1/stand/\(id)" }
    }

    static let standPlanogram = #"[{"sku":"LIP-001","parLevel":12,"minLevel":4},{"sku":"SER-001","parLevel":5,"minLevel":2}]"#

    static func standLocation(_ name: String, region: String = "DACH") -> String {
        #"{"name":"\#(name)","venueType":"pharmacy","address":"Hauptstraße 1","city":"Berlin","region":"\#(region)","country":"de","latitude":52.52,"longitude":13.405}"#
    }

    func enrolStand(
        as staff: Account, name: String = "Stand \(UUID().uuidString.prefix(6))", package: String = "plus", region: String = "DACH",
        locations: Int = 1, stocked: Bool = true
    ) async throws -> Stand {
        let sites = (1...locations).map { Self.standLocation("\(name) site \($0)", region: region) }.joined(separator: ",")
        let body = #"""
            {"partner":{"type":"stand","companyName":"\#(name)","email":"stand@example.com","region":"\#(region)","country":"DE","city":"Berlin"},
             "packageLevel":"\#(package)","locations":[\#(sites)],"planogram":\#(Self.standPlanogram)}
            """#
        let response = try await send(.POST, "/api/v1/stand/create", as: staff, json: body)
        #expect(response.status == .created, "\(response.body.string)")
        let details = try response.json
        let stand = try #require(details["stand"] as? [String: Any])
        let sites2 = try #require(details["locations"] as? [[String: Any]])
        let result = Stand(
            id: try #require(stand["id"] as? String),
            locations: sites2.compactMap { ($0["location"] as? [String: Any])?["id"] as? String })
        if stocked { try await deliverOpenRefills(of: result, as: staff) }
        return result
    }

    /// The stand's partner.
    func partner(of stand: Stand) async throws -> Partner {
        let id = try #require(UUID(uuidString: stand.id))
        return try #require(try await partners.find(id, scope: AccessScope(role: .admin)))
    }

    /// HQ staff, a stocked stand of `package` on the test catalogue, and a manager of that stand.
    func stockedStand(package: String = "plus") async throws -> (staff: Account, stand: Stand, manager: Account) {
        let staff = try await account(.staff)
        try await seedCatalogue(as: staff)
        let stand = try await enrolStand(as: staff, package: package)
        let partner = try await partner(of: stand)
        return (staff, stand, try await member(of: partner, role: .manager))
    }

    /// Approves, ships and delivers every open refill of the stand (the opening stock).
    func deliverOpenRefills(of stand: Stand, as staff: Account) async throws {
        let open = try await send(.GET, "\(stand.path)/refills?status=requested", as: staff).json
        for refill in try #require(open["items"] as? [[String: Any]]) {
            let id = try #require(refill["id"] as? String)
            for status in ["approved", "shipped", "delivered"] {
                let moved = try await send(.POST, "/api/v1/stand/refill/\(id)/status", as: staff, json: #"{"status":"\#(status)"}"#)
                #expect(moved.status == .ok, "\(moved.body.string)")
            }
        }
    }

    /// The stand's inventory line for `sku` at its first location (or `location`).
    func shelf(_ stand: Stand, _ sku: String, at location: String? = nil, as account: Account) async throws -> [String: Any] {
        let details = try await send(.GET, "\(stand.path)/details", as: account).json
        let sites = try #require(details["locations"] as? [[String: Any]])
        let site = try #require(sites.first { (($0["location"] as? [String: Any])?["id"] as? String) == (location ?? stand.locations[0]) })
        let lines = try #require(site["inventory"] as? [[String: Any]])
        return try #require(lines.first { $0["sku"] as? String == sku })
    }

    func sale(
        _ stand: Stand, _ items: String, as account: Account?, location: String? = nil, soldAt: String? = nil,
        key: String = UUID().uuidString
    ) async throws -> TestingHTTPResponse {
        let site = location.map { #","locationId":"\#($0)""# } ?? ""
        let when = soldAt ?? ISO8601DateFormatter().string(from: TestWorld.now)
        return try await send(
            .POST, "/api/v1/stand/sales-record", as: account,
            json: #"{"standId":"\#(stand.id)"\#(site),"soldAt":"\#(when)","items":\#(items),"payment":{"method":"qr","qrCodeId":"QR-1"}}"#,
            headers: ["Idempotency-Key": key])
    }

    func serviceToken(_ scopes: String, as admin: Account) async throws -> HTTPHeaders {
        let response = try await send(.POST, "/api/v1/service-tokens", as: admin, json: #"{"name":"Integration","scopes":[\#(scopes)]}"#)
        return ["Authorization": "Bearer \(try #require(try response.json["token"] as? String))"]
    }

    /// Stores the coach's reorder point for one shelf line, computed `age` seconds before the test
    /// clock's now (points older than a week are no longer current).
    @discardableResult
    func storeReorderPoint(
        stand standID: UUID, location locationID: UUID, sku: String, reorderPoint: Int, waitDays: Int = 0, orderUpTo: Int,
        safetyStock: Double = 1, serviceLevel: Double = 0.95, leadTimeDays: Int = 2, age: TimeInterval = 0
    ) async throws -> StandReorderPointRecord {
        let point = StandReorderPointRecord()
        point.$stand.id = standID
        point.$location.id = locationID
        point.sku = sku
        point.reorderPoint = reorderPoint
        point.waitDays = waitDays
        point.orderUpTo = orderUpTo
        point.safetyStock = safetyStock
        point.serviceLevel = serviceLevel
        point.leadTimeDays = leadTimeDays
        point.computedAt = TestWorld.now.addingTimeInterval(-age)
        point.computedAtMillis = PartnerOrderRecord.millis(point.computedAt)
        try await point.create(on: app.db)
        try await StandReorderPoints.copyToShelf(
            [(sku, reorderPoint)], at: locationID, computedAt: point.computedAtMillis, on: app.db)
        return point
    }

    /// Moves a stored point's computation time back to `date`, as `StandReorderPoints.store` would
    /// have written it then (the point and its shelf copy).
    func age(_ point: StandReorderPointRecord, to date: Date) async throws {
        point.computedAt = date
        point.computedAtMillis = PartnerOrderRecord.millis(date)
        try await point.save(on: app.db)
        try await StandReorderPoints.copyToShelf(
            [(point.sku, point.reorderPoint)], at: point.$location.id, computedAt: point.computedAtMillis, on: app.db)
    }
}
