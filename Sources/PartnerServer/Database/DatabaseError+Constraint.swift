import Fluent

extension Error {
    /// A unique or foreign key violation, on either driver.
    var isConstraintViolation: Bool {
        (self as? any DatabaseError)?.isConstraintFailure ?? false
    }
}
