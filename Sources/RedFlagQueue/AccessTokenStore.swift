/// Where bearer tokens live: created and revoked by `redflag token`, checked on every HTTP request.
///
/// Async so a store on a server database (PostgreSQL) fits without blocking. Every method throws ``QueueError``:
/// ``QueueError/Code/invalidInput`` for a bad or taken name, ``QueueError/Code/itemNotFound`` for an unknown token.
///
/// ```swift
/// let store = SQLiteAccessTokenStore(queue: try SQLiteReviewQueue(path: "cases.sqlite"))
/// let issued = try await store.create(name: "ana", role: .reviewer)
/// print(issued.secret)   // shown once; only its SHA-256 is stored
/// let who = try await store.authenticate(secret: issued.secret)   // the token, or nil
/// ```
public protocol AccessTokenStore: Sendable {
    /// Creates a token named `name` (trimmed, unique among all tokens, revoked ones included, so a name in the audit
    /// trail always means one token).
    func create(name: String, role: AccessRole) async throws -> IssuedAccessToken

    /// Every token, revoked ones included, oldest first. Never the secrets: stores do not have them.
    func list() async throws -> [AccessToken]

    /// Revokes the token with this name, or this id when `nameOrID` is all digits and no token has that name.
    /// Revoking a revoked token changes nothing and returns it.
    func revoke(_ nameOrID: String) async throws -> AccessToken

    /// The unrevoked token whose secret this is, or nil.
    func authenticate(secret: String) async throws -> AccessToken?
}

extension AccessTokenStore {
    /// The rule every store applies to a new token's name: the queue's name rule (trimmed, 1 to 200 characters, no
    /// control characters), since it is written into the audit trail as the reviewer.
    package static func validTokenName(_ name: String) throws -> String {
        try QueueRules.validName(name, what: "token")
    }
}
