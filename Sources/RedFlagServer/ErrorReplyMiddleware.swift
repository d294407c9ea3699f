import Hummingbird
import Logging

/// Turns every error thrown below it into its JSON reply (``APIError``) and counts it by code, so clients always get
/// `{"error": {"code", "message"}}` and a failure never takes the server down.
struct ErrorReplyMiddleware: RouterMiddleware {
    typealias Context = ServerRequestContext

    let metrics: ServerMetrics

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let reply = APIError(error)
            metrics.countError(code: reply.code)
            if reply.status.code >= 500 && reply.code != "timeout" {
                // The full error may name the database file; it goes to the log, not to the client.
                context.logger.error("request failed", metadata: ["error": "\(String(reflecting: error))"])
            }
            return reply.response()
        }
    }
}
