public import Foundation

/// Tokens kept in memory: for tests and for a server run without a database of its own.
public actor InMemoryAccessTokenStore: AccessTokenStore {
    private var tokens: [AccessToken] = []
    private var fingerprints: [String: Int64] = [:]
    private let now: @Sendable () -> Date

    public init(now: @escaping @Sendable () -> Date = { Date() }) {
        self.now = now
    }

    public func create(name: String, role: AccessRole) throws -> IssuedAccessToken {
        let name = try Self.validTokenName(name)
        guard !tokens.contains(where: { $0.name == name }) else {
            throw QueueError(.invalidInput, "a token named \"\(name)\" already exists")
        }
        let secret = AccessTokenSecret.generate()
        let token = AccessToken(id: Int64(tokens.count + 1), name: name, role: role, createdAt: now())
        tokens.append(token)
        fingerprints[AccessTokenSecret.fingerprint(secret)] = token.id
        return IssuedAccessToken(token: token, secret: secret)
    }

    public func list() -> [AccessToken] { tokens }

    public func revoke(_ nameOrID: String) throws -> AccessToken {
        let index =
            tokens.firstIndex { $0.name == nameOrID }
            ?? Int64(nameOrID).flatMap { id in tokens.firstIndex { $0.id == id } }
        guard let index else { throw QueueError(.itemNotFound, "no token named or numbered \"\(nameOrID)\"") }
        if tokens[index].revokedAt == nil { tokens[index].revokedAt = now() }
        return tokens[index]
    }

    public func authenticate(secret: String) -> AccessToken? {
        guard AccessTokenSecret.isWellFormed(secret),
            let id = fingerprints[AccessTokenSecret.fingerprint(secret)],
            let token = tokens.first(where: { $0.id == id }), token.revokedAt == nil
        else { return nil }
        return token
    }
}
