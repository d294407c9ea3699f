public import Hummingbird
public import RedFlagQueue

/// What RedFlag keeps beside each request: the token it authenticated with, set by ``BearerAccessMiddleware``.
///
/// The token's name is the only reviewer name the routes use, so a client can never write another name into a
/// claim, decision, note or the audit trail.
public struct ServerRequestContext: RequestContext, Sendable {
    public var coreContext: CoreRequestContextStorage
    /// The authenticated token; nil on the open routes (`/healthz`, `/readyz`, `/metrics`).
    public var token: AccessToken?

    public init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
    }

    /// The authenticated token, which every protected route has (its middleware refuses requests without one).
    func requireToken() throws -> AccessToken {
        guard let token else { throw APIError.unauthorized("this route needs a bearer token") }
        return token
    }
}
