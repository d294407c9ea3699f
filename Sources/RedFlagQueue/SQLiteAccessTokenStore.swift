public import Foundation
import GRDB

/// Access tokens in the queue's own SQLite file (table `access_tokens`, migration v8), so a queue and the tokens
/// that may work it travel and are backed up together.
///
/// Only each secret's SHA-256 is stored, unique, so authenticating is one indexed read.
public final class SQLiteAccessTokenStore: AccessTokenStore {
    private let queue: SQLiteReviewQueue
    private let now: @Sendable () -> Date

    /// The tokens of `queue`'s file (already migrated when the queue was opened).
    public init(queue: SQLiteReviewQueue, now: @escaping @Sendable () -> Date = { Date() }) {
        self.queue = queue
        self.now = now
    }

    public func create(name: String, role: AccessRole) async throws -> IssuedAccessToken {
        let name = try Self.validTokenName(name)
        let secret = AccessTokenSecret.generate()
        let fingerprint = AccessTokenSecret.fingerprint(secret)
        let createdMilliseconds = Self.milliseconds(now())
        let id: Int64 = try await write { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM access_tokens WHERE name = ?", arguments: [name]) == true {
                throw QueueError(.invalidInput, "a token named \"\(name)\" already exists")
            }
            try db.execute(
                sql: "INSERT INTO access_tokens (name, role, token_sha256, created_at_ms) VALUES (?, ?, ?, ?)",
                arguments: [name, role.rawValue, fingerprint, createdMilliseconds])
            return db.lastInsertedRowID
        }
        let token = AccessToken(
            id: id, name: name, role: role, createdAt: Date(timeIntervalSince1970: Double(createdMilliseconds) / 1000))
        return IssuedAccessToken(token: token, secret: secret)
    }

    public func list() async throws -> [AccessToken] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM access_tokens ORDER BY id").map(Self.token)
        }
    }

    public func revoke(_ nameOrID: String) async throws -> AccessToken {
        let revokedMilliseconds = Self.milliseconds(now())
        return try await write { db in
            var row = try Row.fetchOne(db, sql: "SELECT * FROM access_tokens WHERE name = ?", arguments: [nameOrID])
            if row == nil, let id = Int64(nameOrID) {
                row = try Row.fetchOne(db, sql: "SELECT * FROM access_tokens WHERE id = ?", arguments: [id])
            }
            guard let row else { throw QueueError(.itemNotFound, "no token named or numbered \"\(nameOrID)\"") }
            let id: Int64 = row["id"]
            try db.execute(
                sql: "UPDATE access_tokens SET revoked_at_ms = ? WHERE id = ? AND revoked_at_ms IS NULL",
                arguments: [revokedMilliseconds, id])
            return try Self.token(
                Row.fetchOne(db, sql: "SELECT * FROM access_tokens WHERE id = ?", arguments: [id]) ?? row)
        }
    }

    public func authenticate(secret: String) async throws -> AccessToken? {
        guard AccessTokenSecret.isWellFormed(secret) else { return nil }
        let fingerprint = AccessTokenSecret.fingerprint(secret)
        return try await read { db in
            try Row.fetchOne(
                db, sql: "SELECT * FROM access_tokens WHERE token_sha256 = ? AND revoked_at_ms IS NULL",
                arguments: [fingerprint]
            ).map(Self.token)
        }
    }

    // MARK: - Rows

    private static func token(_ row: Row) throws -> AccessToken {
        let roleName: String = row["role"]
        guard let role = AccessRole(rawValue: roleName) else {
            throw QueueError(.corruptDatabase, "access token \(row["id"] as Int64) has an unknown role \"\(roleName)\"")
        }
        let revoked: Int64? = row["revoked_at_ms"]
        return AccessToken(
            id: row["id"], name: row["name"], role: role, createdAt: date(row["created_at_ms"]),
            revokedAt: revoked.map(date))
    }

    private static func date(_ milliseconds: Int64) -> Date { Date(timeIntervalSince1970: Double(milliseconds) / 1000) }

    private static func milliseconds(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded()) }

    private func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        let path = queue.path
        do {
            return try await queue.pool.write(body)
        } catch {
            throw SQLiteReviewQueue.mapped(error, path: path)
        }
    }

    private func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        let path = queue.path
        do {
            return try await queue.pool.read(body)
        } catch {
            throw SQLiteReviewQueue.mapped(error, path: path)
        }
    }
}
