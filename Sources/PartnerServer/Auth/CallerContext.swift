/// The caller of the operation running now. The authentication middleware establishes it before
/// the request body is read, so handlers never see an anonymous request to a secured operation.
enum CallerContext {
    @TaskLocal static var current: Caller?
}
