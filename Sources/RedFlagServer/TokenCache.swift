import Synchronization
import RedFlagQueue

/// Remembers tokens that authenticated, for a short time, so a client sending many requests is not looked up in the
/// store on every one (an SQLite read per request was a tenth of the server's CPU under load).
///
/// Keyed by the secret's SHA-256, never the secret. Only successes are kept: an unknown token is asked of the store
/// every time. A revoked token is refused at most ``lifetime`` after its revocation; the cache holds at most
/// ``capacity`` tokens and is emptied when full.
final class TokenCache: Sendable {
    let lifetime: Duration
    let capacity: Int
    private let entries = Mutex<[String: (token: AccessToken, until: ContinuousClock.Instant)]>([:])

    init(lifetime: Duration, capacity: Int = 1024) {
        self.lifetime = lifetime
        self.capacity = capacity
    }

    /// The token for `secret`: from the cache while fresh, else from `store` (and remembered).
    func authenticate(_ secret: String, in store: any AccessTokenStore) async throws -> AccessToken? {
        guard lifetime > .zero else { return try await store.authenticate(secret: secret) }
        let key = AccessTokenSecret.fingerprint(secret)
        let now = ContinuousClock.now
        if let hit = entries.withLock({ $0[key] }), hit.until > now { return hit.token }
        guard let token = try await store.authenticate(secret: secret) else {
            entries.withLock { _ = $0.removeValue(forKey: key) }
            return nil
        }
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = (token, now + lifetime)
        }
        return token
    }
}
