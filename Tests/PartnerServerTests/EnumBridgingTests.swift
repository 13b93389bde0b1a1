import PartnerAPI
import PartnerCore
import Testing

@testable import PartnerServer

@Suite("Spec enums and domain enums map one to one")
struct EnumBridgingTests {
    private func roundTrips<Domain: BridgedEnum & Hashable, API: BridgedEnum & Hashable>(_: Domain.Type, _: API.Type) -> Bool {
        Set(Domain.allCases.map(\.rawValue)) == Set(API.allCases.map(\.rawValue))
            && Domain.allCases.allSatisfy { Domain(API($0)) == $0 }
    }

    @Test func everyCaseMapsBothWays() {
        #expect(roundTrips(PartnerType.self, Components.Schemas.PartnerType.self))
        #expect(roundTrips(PartnerStatus.self, Components.Schemas.PartnerStatus.self))
        #expect(roundTrips(UserRole.self, Components.Schemas.UserRole.self))
        #expect(roundTrips(MemberRole.self, Components.Schemas.MemberRole.self))
        #expect(roundTrips(ServiceScope.self, Components.Schemas.ServiceScope.self))
        #expect(roundTrips(PriceSource.self, Components.Schemas.PriceSource.self))
        #expect(roundTrips(OrderStatus.self, Components.Schemas.OrderStatus.self))
        #expect(roundTrips(LoyaltyEntryKind.self, Components.Schemas.LoyaltyEntryKind.self))
        #expect(roundTrips(PromotionStatus.self, Components.Schemas.PromotionStatus.self))
        #expect(roundTrips(ContractKind.self, Components.Schemas.ContractKind.self))
        #expect(roundTrips(ContractStatus.self, Components.Schemas.ContractStatus.self))
        #expect(roundTrips(ComplianceDocumentKind.self, Components.Schemas.ComplianceDocumentKind.self))
        #expect(roundTrips(StandPackage.self, Components.Schemas.StandPackageLevel.self))
        #expect(roundTrips(RefillStatus.self, Components.Schemas.RefillStatus.self))
    }
}
