extension Dictionary {
    /// Like `init(uniqueKeysWithValues:)`, but total: a repeated key keeps its first value instead
    /// of trapping, so no row or request can stop the process.
    public init(firstValues pairs: some Sequence<(Key, Value)>) {
        self.init(pairs, uniquingKeysWith: { first, _ in first })
    }
}
