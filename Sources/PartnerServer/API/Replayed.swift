/// What an idempotency key is bound to on the API: the path ids and the exact body.
struct Replayed<Body: Encodable>: Encodable {
    let path: [String]
    let body: Body
}
