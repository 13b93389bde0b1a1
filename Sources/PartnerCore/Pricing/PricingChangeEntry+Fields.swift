extension PricingChangeEntry {
    /// The field a tier change is recorded under; its values are tier codes.
    public static let tierField = "tierCode"
    private static let overridePrefix = "overrides."

    /// The field a change of one SKU's override is recorded under; its values are override summaries.
    public static func overrideField(sku: String) -> String { overridePrefix + sku }

    /// The SKU whose override this entry changed, if it is an override entry.
    public var overrideSKU: String? {
        field.hasPrefix(Self.overridePrefix) ? String(field.dropFirst(Self.overridePrefix.count)) : nil
    }
}
