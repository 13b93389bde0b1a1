import Foundation
import PartnerAPI
import PartnerCore

extension ProductRecord {
    var api: Components.Schemas.Product {
        get throws {
            Components.Schemas.Product(
                id: try requireID().apiString, sku: sku, name: name, category: category, listPrice: .init(listPrice),
                unitCost: unitCost.map(Components.Schemas.Money.init), packSize: packSize, active: active,
                createdAt: createdAt ?? Date(), updatedAt: updatedAt ?? Date())
        }
    }
}

extension GuardrailRecord {
    /// Needs `product` loaded.
    var api: Components.Schemas.Guardrail {
        let guardrail = guardrail
        return Components.Schemas.Guardrail(
            sku: product.sku, floorPrice: .init(guardrail.floorPrice),
            ceilingPrice: guardrail.ceilingPrice.map(Components.Schemas.Money.init),
            maxDiscountPercent: guardrail.maxDiscountBasisPoints.map { FixedPoint.unscaled($0, decimals: 2) },
            minMarginPercent: guardrail.minMarginBasisPoints.map { FixedPoint.unscaled($0, decimals: 2) },
            updatedAt: updatedAt ?? Date())
    }
}
