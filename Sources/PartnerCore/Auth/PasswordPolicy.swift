/// Rules for new passwords.
public enum PasswordPolicy {
    public static let minimumLength = 10
    /// bcrypt reads only the first 72 bytes; longer passwords would be silently truncated.
    public static let maximumBytes = 72

    public static func validate(_ password: String, field: String = "password", into validator: inout FieldValidator) {
        if password.count < minimumLength {
            validator.fail(field, "must be at least \(minimumLength) characters")
        } else if password.utf8.count > maximumBytes {
            validator.fail(field, "must be at most \(maximumBytes) bytes")
        }
    }
}
