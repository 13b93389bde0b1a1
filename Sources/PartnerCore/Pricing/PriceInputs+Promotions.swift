extension PriceInputs {
    /// The engine's inputs for one product: the discounts of those `promotions` that cover it (by SKU
    /// or category) beside the tier discount, the override and the guardrail. The order path, the
    /// demo's history and the price-anomaly check's look back all build them here.
    public init(
        product: ProductDefinition, tierDiscountBasisPoints: Int, override: PriceOverride?, promotions: [Promotion], guardrail: Guardrail?
    ) {
        self.init(
            sku: product.sku, listPrice: product.listPrice, unitCost: product.unitCost, tierDiscountBasisPoints: tierDiscountBasisPoints,
            override: override,
            promotionDiscounts: promotions.compactMap { promotion in
                promotion.discount(sku: product.sku, category: product.category).map { (promotion.id, $0) }
            }, guardrail: guardrail)
    }
}
