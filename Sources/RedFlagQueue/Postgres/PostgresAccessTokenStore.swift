#if Postgres
    public import Foundation
    import PostgresNIO

    /// Access tokens in the PostgreSQL queue's own schema (table `access_tokens`, migration 2), as
    /// ``SQLiteAccessTokenStore`` keeps them in the queue file: only each secret's SHA-256, unique, so authenticating
    /// is one indexed read, and the same messages.
    public final class PostgresAccessTokenStore: AccessTokenStore {
        private let queue: PostgresReviewQueue
        private let now: @Sendable () -> Date

        /// The tokens of `queue`'s schema (migrated when the queue was opened).
        public init(queue: PostgresReviewQueue, now: @escaping @Sendable () -> Date = { Date() }) {
            self.queue = queue
            self.now = now
        }

        public func create(name: String, role: AccessRole) async throws -> IssuedAccessToken {
            let name = try Self.validTokenName(name)
            let secret = AccessTokenSecret.generate()
            let fingerprint = AccessTokenSecret.fingerprint(secret)
            let created = RFC3339.milliseconds(now())
            let id = try await queue.write { sql -> Int64 in
                // ON CONFLICT: a name taken by a concurrent create is the same refusal as one taken before.
                guard
                    let id = try await sql.value(
                        """
                        INSERT INTO access_tokens (name, role, token_sha256, created_at_ms)
                        VALUES (\(name), \(role.rawValue), \(fingerprint), \(created))
                        ON CONFLICT (name) DO NOTHING RETURNING id
                        """, as: Int64.self)
                else { throw QueueError(.invalidInput, "a token named \"\(name)\" already exists") }
                return id
            }
            let token = AccessToken(
                id: id, name: name, role: role, createdAt: RFC3339.date(milliseconds: created))
            return IssuedAccessToken(token: token, secret: secret)
        }

        public func list() async throws -> [AccessToken] {
            try await queue.read { sql in
                try await sql.rows("SELECT * FROM access_tokens ORDER BY id").map(Self.token)
            }
        }

        public func revoke(_ nameOrID: String) async throws -> AccessToken {
            let revoked = RFC3339.milliseconds(now())
            let id = Int64(nameOrID) ?? -1
            return try await queue.write { sql -> AccessToken in
                guard
                    let row = try await sql.first(
                        """
                        SELECT * FROM access_tokens WHERE name = \(nameOrID)
                            OR (id = \(id) AND NOT EXISTS (SELECT 1 FROM access_tokens WHERE name = \(nameOrID)))
                        FOR UPDATE
                        """)
                else { throw QueueError(.itemNotFound, "no token named or numbered \"\(nameOrID)\"") }
                let found: Int64 = try row.get("id")
                let updated = try await sql.first(
                    """
                    UPDATE access_tokens SET revoked_at_ms = \(revoked)
                    WHERE id = \(found) AND revoked_at_ms IS NULL RETURNING *
                    """)
                return try Self.token(updated ?? row)
            }
        }

        public func authenticate(secret: String) async throws -> AccessToken? {
            guard AccessTokenSecret.isWellFormed(secret) else { return nil }
            let fingerprint = AccessTokenSecret.fingerprint(secret)
            return try await queue.read { sql in
                try await sql.first(
                    """
                    SELECT * FROM access_tokens WHERE token_sha256 = \(fingerprint) AND revoked_at_ms IS NULL
                    """
                ).map(Self.token)
            }
        }

        private static func token(_ row: PostgresRandomAccessRow) throws -> AccessToken {
            let id: Int64 = try row.get("id")
            let roleName: String = try row.get("role")
            guard let role = AccessRole(rawValue: roleName) else {
                throw QueueError(.corruptDatabase, "access token \(id) has an unknown role \"\(roleName)\"")
            }
            return AccessToken(
                id: id, name: try row.get("name"), role: role,
                createdAt: RFC3339.date(milliseconds: try row.get("created_at_ms")),
                revokedAt: try row.get("revoked_at_ms", as: Int64?.self).map(RFC3339.date(milliseconds:)))
        }
    }
#endif
