import Hummingbird

/// Ends a request that takes longer than the configured timeout with 503 `timeout`, cancelling its work.
///
/// The timeout covers everything up to the reply's head: reading the body, authenticating, scoring, the queue. Work
/// that waits (a body still arriving, a store, a free scoring worker) stops at once; an ad already on a scoring worker
/// finishes first, which the scan's per-ad CPU limit (`--time-limit`, default 1 s) bounds. A streamed batch reply
/// (`POST /v1/scan`) is bounded per ad by that same limit once its lines start.
struct RequestTimeoutMiddleware: RouterMiddleware {
    typealias Context = ServerRequestContext

    let timeout: Duration

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        // The task group awaits both children before returning, so `next` never outlives this call.
        try await withoutActuallyEscaping(next) { next in
            let handler = UncheckedSendable(next)
            let timeout = timeout
            return try await withThrowingTaskGroup(of: Response.self) { group in
                group.addTask { try await handler.value(request, context) }
                group.addTask {
                    try await Task.sleep(for: timeout)
                    throw APIError.timeout
                }
                defer { group.cancelAll() }
                guard let response = try await group.next() else { throw APIError.timeout }
                return response
            }
        }
    }
}

/// Carries a value the compiler cannot prove Sendable into a child task whose lifetime is bounded by the caller
/// (``RequestTimeoutMiddleware``): the middleware's `next` closure, which Hummingbird allows to be called from any
/// task.
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
