/// Arithmetic on amounts, points and quantities that reach the server from requests. Swift traps on
/// overflow, and a trap stops the whole process, so every such sum and product is checked and an
/// overflow becomes a `DomainError.limitExceeded` for the one request that caused it.
public enum Checked {
    public static func sum(_ values: some Sequence<Int64>, field: String) throws(DomainError) -> Int64 {
        var total: Int64 = 0
        for value in values { total = try add(total, value, field: field) }
        return total
    }

    public static func add(_ a: Int64, _ b: Int64, field: String) throws(DomainError) -> Int64 {
        let (result, overflow) = a.addingReportingOverflow(b)
        guard !overflow else { throw .limitExceeded(field: field, message: "adds up to more than the platform can hold") }
        return result
    }

    public static func multiply(_ a: Int64, _ b: Int64, field: String) throws(DomainError) -> Int64 {
        let (result, overflow) = a.multipliedReportingOverflow(by: b)
        guard !overflow else { throw .limitExceeded(field: field, message: "multiplies to more than the platform can hold") }
        return result
    }

    public static func sum(_ values: some Sequence<Int>, field: String) throws(DomainError) -> Int {
        var total = 0
        for value in values {
            let (result, overflow) = total.addingReportingOverflow(value)
            guard !overflow else { throw .limitExceeded(field: field, message: "adds up to more than the platform can hold") }
            total = result
        }
        return total
    }

    /// `amount × basisPoints / 10 000`, rounded half away from zero, without an intermediate
    /// product that could overflow for any amount a total can reach.
    public static func basisPoints(_ basisPoints: Int, of amount: Int64, field: String) throws(DomainError) -> Int64 {
        let rate = Int64(basisPoints)
        let whole = try multiply(amount / 10_000, rate, field: field)
        let remainder = try multiply(amount % 10_000, rate, field: field)
        let rounding: Int64 = remainder >= 0 ? 5_000 : -5_000
        return try add(whole, (remainder + rounding) / 10_000, field: field)
    }
}
