import Foundation
import PartnerAPI
import PartnerCore

extension Product {
    /// Unit costs are the brand's margins: only callers who may read costs get them.
    func api(showingCost: Bool) -> Components.Schemas.Product {
        Components.Schemas.Product(
            id: id.apiString, sku: definition.sku, name: definition.name, category: definition.category,
            listPrice: .init(definition.listPrice), unitCost: showingCost ? definition.unitCost.map(Components.Schemas.Money.init) : nil,
            packSize: definition.packSize, active: definition.active, createdAt: createdAt, updatedAt: updatedAt)
    }
}

extension ProductGuardrail {
    var api: Components.Schemas.Guardrail {
        Components.Schemas.Guardrail(
            sku: sku, floorPrice: .init(guardrail.floorPrice), ceilingPrice: guardrail.ceilingPrice.map(Components.Schemas.Money.init),
            maxDiscountPercent: guardrail.maxDiscountBasisPoints.map { FixedPoint.unscaled($0, decimals: 2) },
            minMarginPercent: guardrail.minMarginBasisPoints.map { FixedPoint.unscaled($0, decimals: 2) }, updatedAt: updatedAt)
    }
}
