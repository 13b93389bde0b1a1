import PartnerAPI
import PartnerCore

/// The spec's enums and the domain's enums share raw values by design; these initializers convert
/// between them. `EnumBridgingTests` proves every case maps both ways, so the unwrap cannot fail.
protocol BridgedEnum: RawRepresentable, CaseIterable where RawValue == String {}

extension BridgedEnum {
    init<Other: BridgedEnum>(_ other: Other) {
        guard let value = Self(rawValue: other.rawValue) else {
            preconditionFailure("\(Self.self) has no case '\(other.rawValue)'")
        }
        self = value
    }
}

extension PartnerType: BridgedEnum {}
extension PartnerStatus: BridgedEnum {}
extension UserRole: BridgedEnum {}
extension MemberRole: BridgedEnum {}
extension ServiceScope: BridgedEnum {}
extension PriceSource: BridgedEnum {}
extension OrderStatus: BridgedEnum {}
extension LoyaltyEntryKind: BridgedEnum {}
extension PromotionStatus: BridgedEnum {}
extension ContractKind: BridgedEnum {}
extension ContractStatus: BridgedEnum {}
extension ComplianceDocumentKind: BridgedEnum {}
extension StandPackage: BridgedEnum {}
extension RefillStatus: BridgedEnum {}
extension Components.Schemas.PartnerType: BridgedEnum {}
extension Components.Schemas.PartnerStatus: BridgedEnum {}
extension Components.Schemas.UserRole: BridgedEnum {}
extension Components.Schemas.MemberRole: BridgedEnum {}
extension Components.Schemas.ServiceScope: BridgedEnum {}
extension Components.Schemas.PriceSource: BridgedEnum {}
extension Components.Schemas.OrderStatus: BridgedEnum {}
extension Components.Schemas.LoyaltyEntryKind: BridgedEnum {}
extension Components.Schemas.PromotionStatus: BridgedEnum {}
extension Components.Schemas.ContractKind: BridgedEnum {}
extension Components.Schemas.ContractStatus: BridgedEnum {}
extension Components.Schemas.ComplianceDocumentKind: BridgedEnum {}
extension Components.Schemas.StandPackageLevel: BridgedEnum {}
extension Components.Schemas.RefillStatus: BridgedEnum {}
