public import HTTPTypes
public import Hummingbird
import NIOCore
import RedFlagCore
import RedFlagQueue

/// A failed request as a client sees it: an HTTP status and `{"error": {"code": "…", "message": "…"}}`.
///
/// Every error a route or middleware throws becomes one of these at a single place (``ErrorReplyMiddleware``), so
/// clients branch on `code` (stable, snake_case) and show `message` (for a person; never ad text or contact details).
public struct APIError: Error, Sendable, HTTPResponseError {
    public var status: HTTPResponse.Status
    public var code: String
    public var message: String
    /// Extra response headers (`WWW-Authenticate`, `Retry-After`).
    public var headers: HTTPFields

    public init(_ status: HTTPResponse.Status, code: String, message: String, headers: HTTPFields = [:]) {
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers
    }

    /// The JSON reply.
    public func response(from request: Request, context: some RequestContext) -> Response { response() }

    func response() -> Response {
        var fields = headers
        fields[.contentType] = "application/json"
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// `{"error":{"code":…,"message":…}}` and a newline.
    var body: [UInt8] {
        var writer = JSONWriter()
        writer.raw("{\"error\":{\"code\":")
        writer.string(code)
        writer.raw(",\"message\":")
        writer.string(message)
        writer.raw("}}\n")
        return writer.bytes
    }
}

extension APIError {
    /// No usable bearer token: 401 with `WWW-Authenticate: Bearer`, as RFC 6750 asks.
    static func unauthorized(_ message: String) -> APIError {
        APIError(
            .unauthorized, code: "unauthorized", message: message, headers: [.wwwAuthenticate: "Bearer realm=\"redflag\""])
    }

    /// A valid token whose role does not cover the route.
    static func forbidden(role: AccessRole, needs: AccessRole) -> APIError {
        APIError(
            .forbidden, code: "forbidden",
            message: "a token with role \(role.rawValue) may not do this; it needs role \(needs.rawValue) or admin")
    }

    static func badRequest(_ code: String, _ message: String) -> APIError {
        APIError(.badRequest, code: code, message: message)
    }

    static func tooLarge(limit: Int) -> APIError {
        APIError(
            .contentTooLarge, code: "body_too_large",
            message: "the request body is larger than the server's limit of \(limit) bytes")
    }

    static let timeout = APIError(
        .serviceUnavailable, code: "timeout", message: "the request took longer than the server's request timeout",
        headers: [.retryAfter: "1"])

    static let notFound = APIError(.notFound, code: "not_found", message: "no such route")

    /// The error of a failure that is not an ``APIError`` already.
    init(_ error: any Error) {
        switch error {
        case let error as APIError:
            self = error
        case let error as QueueError:
            self.init(queueError: error)
        case let error as HTTPError:
            let code =
                switch error.status {
                case .notFound: "not_found"
                case .methodNotAllowed: "method_not_allowed"
                case .contentTooLarge: "body_too_large"
                default: error.status.code < 500 ? "bad_request" : "internal"
                }
            self.init(error.status, code: code, message: error.body ?? error.status.reasonPhrase, headers: error.headers)
        case is CancellationError:
            self = .timeout
        case let error as any HTTPResponseError:
            // NIO's "too many bytes" and other framework errors that already carry a status.
            let code = error.status == .contentTooLarge ? "body_too_large" : error.status.code < 500 ? "bad_request" : "internal"
            self.init(error.status, code: code, message: error.status.reasonPhrase)
        default:
            self.init(.internalServerError, code: "internal", message: "the server failed to handle the request")
        }
    }

    /// A queue failure: the client's mistakes are 4xx, a busy store 503 (retry), anything else 500.
    init(queueError error: QueueError) {
        let status: HTTPResponse.Status =
            switch error.code {
            case .itemNotFound, .nothingToClaim: .notFound
            case .invalidInput: .badRequest
            case .invalidState, .claimNotHeld, .alreadyDecided: .conflict
            case .busy: .serviceUnavailable
            default: error.storeFailure?.retryable == true ? .serviceUnavailable : .internalServerError
            }
        // Messages of store failures name the database path: kept for the log, not the client.
        let message = status == .internalServerError ? "the review queue failed (\(error.code))" : error.message
        self.init(status, code: error.code.description, message: message)
    }
}
