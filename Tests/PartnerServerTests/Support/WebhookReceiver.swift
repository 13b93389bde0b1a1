import Foundation
import Vapor

/// A real HTTP receiver on 127.0.0.1 (an ephemeral port) for webhook tests: it records every
/// request and answers from a script — status codes in order, then 200 — optionally after a delay.
final class WebhookReceiver: Sendable {
    struct Received: Sendable {
        let headers: [String: String]
        let body: String
    }

    struct Answer: Sendable {
        var status: Int
        var delay: Duration = .zero
        var headers: [(String, String)] = []
    }

    private let app: Application
    private let state: Locked<(received: [Received], script: [Answer])>
    let port: Int

    var url: String { "http://127.0.0.1:\(port)/hooks" }
    var received: [Received] { state.withLock { $0.received } }

    private init(app: Application, state: Locked<(received: [Received], script: [Answer])>, port: Int) {
        self.app = app
        self.state = state
        self.port = port
    }

    static func start(answering script: [Answer] = []) async throws -> WebhookReceiver {
        let app = try await Application.make(.testing)
        app.logger.logLevel = .critical
        app.http.server.configuration.hostname = "127.0.0.1"
        app.http.server.configuration.port = 0
        let state = Locked<(received: [Received], script: [Answer])>(([], script))
        app.post("hooks") { request async throws -> Response in
            var headers: [String: String] = [:]
            for (name, value) in request.headers { headers[name.lowercased()] = value }
            let body = request.body.string ?? ""
            let answer = state.withLock { state -> Answer in
                state.received.append(Received(headers: headers, body: body))
                return state.script.isEmpty ? Answer(status: 200) : state.script.removeFirst()
            }
            if answer.delay > .zero { try await Task.sleep(for: answer.delay) }
            var responseHeaders = HTTPHeaders()
            for (name, value) in answer.headers { responseHeaders.add(name: name, value: value) }
            return Response(status: HTTPResponseStatus(statusCode: answer.status), headers: responseHeaders)
        }
        try await app.server.start(address: .hostname("127.0.0.1", port: 0))
        guard let port = app.http.server.shared.localAddress?.port else {
            try await app.asyncShutdown()
            throw Abort(.internalServerError, reason: "The receiver did not bind a port.")
        }
        return WebhookReceiver(app: app, state: state, port: port)
    }

    func stop() async {
        await app.server.shutdown()
        try? await app.asyncShutdown()
    }
}
