public import Foundation

/// Counts for `redflag queue stats`.
public struct QueueStats: Sendable, Hashable, Codable {
    public var total: Int
    /// `pending`, `claimed` (lease running), `expired` (claimed, lease run out, not yet reclaimed), `decided`.
    public var byStatus: [String: Int]
    /// Standing decisions by verdict.
    public var byVerdict: [String: Int]
    /// Items by indicator family (an item counts once under each family that fired).
    public var byFamily: [String: Int]
    /// Items whose evidence points to a minor, counted on their own: `total`, and by status (`pending`, `claimed`,
    /// `decided`).
    public var minors: [String: Int]
    /// Groups of two or more linked items.
    public var linkedGroups: Int
    public var oldestPendingAt: Date?
    /// Seconds since the oldest pending item was queued.
    public var oldestPendingAgeSeconds: Double?
    public var auditEvents: Int

    public init(
        total: Int, byStatus: [String: Int], byVerdict: [String: Int], byFamily: [String: Int],
        minors: [String: Int] = [:], linkedGroups: Int,
        oldestPendingAt: Date?, oldestPendingAgeSeconds: Double?, auditEvents: Int
    ) {
        self.total = total
        self.byStatus = byStatus
        self.byVerdict = byVerdict
        self.byFamily = byFamily
        self.minors = minors
        self.linkedGroups = linkedGroups
        self.oldestPendingAt = oldestPendingAt
        self.oldestPendingAgeSeconds = oldestPendingAgeSeconds
        self.auditEvents = auditEvents
    }

    enum CodingKeys: String, CodingKey {
        case total, minors
        case byStatus = "by_status"
        case byVerdict = "by_verdict"
        case byFamily = "by_family"
        case linkedGroups = "linked_groups"
        case oldestPendingAt = "oldest_pending_at"
        case oldestPendingAgeSeconds = "oldest_pending_age_seconds"
        case auditEvents = "audit_events"
    }
}
