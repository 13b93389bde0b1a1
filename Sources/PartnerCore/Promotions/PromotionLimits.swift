/// How large a promotion may be; the spec states the same bounds as `maxItems`.
public enum PromotionLimits {
    public static let skus = 500
    /// Categories, regions and tier codes.
    public static let names = 50
    public static let partners = 1_000
}
