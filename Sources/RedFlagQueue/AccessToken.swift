public import Foundation

/// What a bearer token lets its holder do over HTTP.
///
/// Roles are ordered by what they include: `admin` includes everything, and the other two are disjoint, so an
/// ingest pipeline that leaks its token cannot read or decide cases, and a reviewer cannot flood the queue.
public enum AccessRole: String, Sendable, Hashable, Codable, CaseIterable {
    /// Posts ads to be scored (`POST /v1/ads`, `POST /v1/scan`).
    case ingest
    /// Reads the queue, claims, decides, releases and adds notes.
    case reviewer
    /// Everything.
    case admin

    /// Whether a token of this role may use a route that needs `needed`.
    public func permits(_ needed: AccessRole) -> Bool {
        self == .admin || self == needed
    }
}

/// A stored access token: who it stands for and what it may do. The token itself is never stored, only its
/// SHA-256 (``AccessTokenSecret/fingerprint(_:)``), so a copy of the queue file gives no one access.
public struct AccessToken: Sendable, Hashable, Codable {
    public var id: Int64
    /// The name recorded as reviewer or actor for everything done with the token (claims, decisions, notes, the
    /// audit trail); unique.
    public var name: String
    public var role: AccessRole
    public var createdAt: Date
    /// When it was revoked; a revoked token authenticates no request.
    public var revokedAt: Date?

    public init(id: Int64, name: String, role: AccessRole, createdAt: Date, revokedAt: Date? = nil) {
        self.id = id
        self.name = name
        self.role = role
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }

    enum CodingKeys: String, CodingKey {
        case id, name, role
        case createdAt = "created_at"
        case revokedAt = "revoked_at"
    }
}

/// A token just created: the record and the secret, which exists only here and is shown once.
public struct IssuedAccessToken: Sendable, Hashable {
    public var token: AccessToken
    /// What a client sends as `Authorization: Bearer <secret>`.
    public var secret: String

    public init(token: AccessToken, secret: String) {
        self.token = token
        self.secret = secret
    }
}

/// Making and fingerprinting token secrets: one definition for every store.
public enum AccessTokenSecret {
    /// Prefix of every secret, so a leaked one is recognisable in logs and by secret scanners.
    public static let prefix = "rf_"

    /// A new secret: 32 bytes from the system's CSPRNG (`SystemRandomNumberGenerator`, `getrandom(2)` on Linux) as
    /// 64 hex digits after ``prefix``.
    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        for _ in 0..<4 {
            let word = generator.next()
            for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: word >> shift)) }
        }
        return prefix + SHA256Hex.hex(bytes)
    }

    /// The SHA-256 hex of a secret: what stores keep and look tokens up by. A secret of 256 random bits needs no
    /// salt or slow hash: it cannot be guessed from its digest.
    public static func fingerprint(_ secret: String) -> String { SHA256Hex.of(secret) }

    /// Whether `text` has the shape of a secret (``prefix`` and 64 lower-case hex digits); anything else is refused
    /// before a store is asked.
    public static func isWellFormed(_ text: String) -> Bool {
        text.hasPrefix(prefix) && SHA256Hex.isValid(String(text.dropFirst(prefix.count)))
    }
}
