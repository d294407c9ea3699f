import Foundation
import Hummingbird
import Logging

/// One structured log line and one latency observation per request: request id (Hummingbird's `hb.request.id`),
/// method, route, status and latency.
///
/// The route is the template (`/v1/queue/{id}`), never the path or query, and bodies are never logged, so no phone
/// number, e-mail or ad text reaches the log at any level.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = ServerRequestContext

    let metrics: ServerMetrics

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let start = ContinuousClock.now
        let response: Response
        do {
            response = try await next(request, context)
        } catch {
            // ``ErrorReplyMiddleware`` sits inside this one; only a failure above it lands here.
            response = APIError(error).response()
        }
        let elapsed = start.duration(to: .now)
        let route = Self.route(context.endpointPath)
        metrics.recordRequest(route: route, method: request.method.rawValue, status: response.status.code, elapsed: elapsed)
        let (seconds, attoseconds) = elapsed.components
        context.logger.info(
            "request",
            metadata: [
                "method": .string(request.method.rawValue), "route": .string(route),
                "status": .stringConvertible(response.status.code),
                "latency_ms": .string(Self.milliseconds(seconds: seconds, attoseconds: attoseconds)),
            ])
        return response
    }

    /// Hummingbird writes parameters as `:id`; the log and metrics use OpenAPI's `{id}`, and `unmatched` for paths
    /// no route knows (so a scan of random paths cannot grow the metric series).
    static func route(_ endpointPath: String?) -> String {
        guard let endpointPath, endpointPath != "NotFound" else { return "unmatched" }
        return endpointPath.split(separator: "/", omittingEmptySubsequences: false).map { part in
            part.hasPrefix(":") ? "{" + part.dropFirst() + "}" : String(part)
        }.joined(separator: "/")
    }

    /// A duration in milliseconds with two decimals ("0.84", "1520.00"), in integer arithmetic: `String(format:)`
    /// went through Foundation's formatter for every request, a few per cent of a small request's CPU.
    static func milliseconds(seconds: Int64, attoseconds: Int64) -> String {
        let hundredths = max(0, seconds * 100_000 + (attoseconds + 5_000_000_000_000) / 10_000_000_000_000)
        let fraction = hundredths % 100
        return "\(hundredths / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
    }
}
