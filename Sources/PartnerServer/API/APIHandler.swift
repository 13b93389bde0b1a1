import Foundation
import PartnerAPI
import PartnerCore
import Vapor

/// Implements the generated `APIProtocol`: decode (done by the generated server), authorize, apply
/// the domain rule, persist through a repository, map back to the spec's types.
struct APIHandler: APIProtocol {
    let configuration: AppConfiguration
    let partners: PartnerRepository
    let users: UserRepository
    let tiers: TierRepository
    let products: ProductRepository
    let guardrails: GuardrailRepository
    let pricing: PartnerPricingService
    let loyalty: LoyaltyService
    let promotions: PromotionRepository
    let contracts: ContractRepository
    let documents: DocumentStore
    let complianceFiles: DocumentStore
    let performance: PerformanceService
    let orders: OrderService
    let orderReader: OrderRepository
    let idempotency: IdempotencyStore
    let stands: StandProgram
    let authenticator: Authenticator
    let loginThrottle: LoginThrottle
    /// A real bcrypt hash verified against when the email is unknown, so a login takes as long for a
    /// missing account as for a wrong password and does not reveal which accounts exist.
    let decoyPasswordHash: String
}

extension APIHandler {
    /// The Vapor request this handler call serves.
    var request: Request {
        get throws {
            guard let request = RequestContext.current else {
                throw Abort(.internalServerError, reason: "The request context is missing.")
            }
            return request
        }
    }

    func authenticate() async throws -> Caller {
        try await authenticator.caller(authorization: try request.headers.first(name: .authorization))
    }

    /// Path ids are declared `format: uuid`, which the generated server does not enforce.
    func uuid(_ value: String, name: String = "id") throws(APIError) -> UUID {
        guard let id = UUID(uuidString: value) else { throw .badRequest("The \(name) '\(value)' is not a UUID.") }
        return id
    }

    /// The partner if the caller may see it; otherwise the same 404 as for a missing one.
    func visiblePartner(_ rawID: String, for caller: Caller) async throws -> PartnerRecord {
        let id = try uuid(rawID)
        guard let partner = try await partners.find(id, scope: caller.scope) else { throw APIError.partnerNotFound() }
        return partner
    }
}
