import Foundation
import HTTPTypes
import Hummingbird
import Logging
import RedFlagQueue

/// Lets a request through only with `Authorization: Bearer <token>` for an unrevoked token whose role covers the
/// routes behind it: no or an unknown token is 401, a known token of the wrong role 403 (so a client can tell "log in"
/// from "ask for another role").
struct BearerAccessMiddleware: RouterMiddleware {
    typealias Context = ServerRequestContext

    let store: any AccessTokenStore
    let cache: TokenCache
    let role: AccessRole

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard let header = request.headers[.authorization] else {
            throw APIError.unauthorized("this route needs a bearer token (Authorization: Bearer …)")
        }
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw APIError.unauthorized("the Authorization header is not a bearer token")
        }
        // Trimmed by hand: Foundation's `trimmingCharacters(in:)` was a third of this check's CPU.
        let secret = parts[1].trimmingASCII(" \t")
        guard let token = try await cache.authenticate(secret, in: store) else {
            throw APIError.unauthorized("the bearer token is unknown or revoked")
        }
        guard token.role.permits(role) else { throw APIError.forbidden(role: token.role, needs: role) }
        var context = context
        context.token = token
        context.logger[metadataKey: "token"] = .string(token.name)
        return try await next(request, context)
    }
}
