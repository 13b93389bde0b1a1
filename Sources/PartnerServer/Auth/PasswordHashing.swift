/// bcrypt behind two functions, so the sign-in service needs no web framework: the application
/// builder supplies Vapor's hasher, which runs off the event loop.
struct PasswordHashing: Sendable {
    let hash: @Sendable (String) async throws -> String
    let verify: @Sendable (_ password: String, _ digest: String) async throws -> Bool
}
