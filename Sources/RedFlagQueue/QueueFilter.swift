public import Foundation

/// Which items a list or an export covers: a status, or one verdict among decided items.
public enum StatusFilter: String, Sendable, Hashable, Codable, CaseIterable {
    case pending, claimed, decided, confirmed, dismissed, escalated
}

/// Selects items for ``ReviewQueue/list(filter:)``. Results come in priority order.
public struct QueueFilter: Sendable, Hashable {
    public var status: StatusFilter?
    public var minimumScore: Double?
    /// An indicator family that must have fired.
    public var family: String?
    /// Digits of a phone the ad must carry (non-digits are ignored).
    public var phone: String?
    public var limit: Int?

    public init(
        status: StatusFilter? = nil, minimumScore: Double? = nil, family: String? = nil, phone: String? = nil,
        limit: Int? = nil
    ) {
        self.status = status
        self.minimumScore = minimumScore
        self.family = family
        self.phone = phone
        self.limit = limit
    }
}

/// Counts for `redflag queue stats`.
public struct QueueStats: Sendable, Hashable, Codable {
    public var total: Int
    /// `pending`, `claimed` (lease running), `expired` (claimed, lease run out, not yet reclaimed), `decided`.
    public var byStatus: [String: Int]
    /// Standing decisions by verdict.
    public var byVerdict: [String: Int]
    /// Items by indicator family (an item counts once under each family that fired).
    public var byFamily: [String: Int]
    /// Groups of two or more linked items.
    public var linkedGroups: Int
    public var oldestPendingAt: Date?
    /// Seconds since the oldest pending item was queued.
    public var oldestPendingAgeSeconds: Double?
    public var auditEvents: Int

    public init(
        total: Int, byStatus: [String: Int], byVerdict: [String: Int], byFamily: [String: Int], linkedGroups: Int,
        oldestPendingAt: Date?, oldestPendingAgeSeconds: Double?, auditEvents: Int
    ) {
        self.total = total
        self.byStatus = byStatus
        self.byVerdict = byVerdict
        self.byFamily = byFamily
        self.linkedGroups = linkedGroups
        self.oldestPendingAt = oldestPendingAt
        self.oldestPendingAgeSeconds = oldestPendingAgeSeconds
        self.auditEvents = auditEvents
    }

    enum CodingKeys: String, CodingKey {
        case total
        case byStatus = "by_status"
        case byVerdict = "by_verdict"
        case byFamily = "by_family"
        case linkedGroups = "linked_groups"
        case oldestPendingAt = "oldest_pending_at"
        case oldestPendingAgeSeconds = "oldest_pending_age_seconds"
        case auditEvents = "audit_events"
    }
}

/// What ``ReviewQueue/export(status:to:actor:)`` wrote.
public struct ExportSummary: Sendable, Hashable, Codable {
    public var directory: String
    public var itemCount: Int
    public var decisionCount: Int
    /// Every file written, relative to ``directory``, `MANIFEST.sha256` last.
    public var files: [String]
    /// The audit chain head after the export event was appended.
    public var auditHeadSequence: Int64
    public var auditHeadHash: String

    public init(
        directory: String, itemCount: Int, decisionCount: Int, files: [String], auditHeadSequence: Int64,
        auditHeadHash: String
    ) {
        self.directory = directory
        self.itemCount = itemCount
        self.decisionCount = decisionCount
        self.files = files
        self.auditHeadSequence = auditHeadSequence
        self.auditHeadHash = auditHeadHash
    }

    enum CodingKeys: String, CodingKey {
        case directory, files
        case itemCount = "items"
        case decisionCount = "decisions"
        case auditHeadSequence = "audit_head_seq"
        case auditHeadHash = "audit_head_hash"
    }
}
