import Foundation
public import RedFlagQueue
import RedFlagContract

// The JSON replies of the queue commands (`--format json`), shared by the command line and a server.

/// `decide --format json`.
public struct DecisionReply: Encodable, Sendable {
    public var decision: Decision
    /// The same decision was already recorded under this claim (deciding is idempotent).
    public var alreadyRecorded: Bool

    public init(decision: Decision, alreadyRecorded: Bool) {
        self.decision = decision
        self.alreadyRecorded = alreadyRecorded
    }

    public func encode(to encoder: any Encoder) throws {
        try decision.encode(to: encoder)
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(alreadyRecorded, forKey: .alreadyRecorded)
    }

    enum Key: String, CodingKey { case alreadyRecorded = "already_recorded" }
}

/// `show --format json`.
public struct ShowReply: Encodable, Sendable {
    public var item: QueueItem
    public var linked: [LinkedItem]
    public var notes: [Note]
    public var decisions: [Decision]

    public init(item: QueueItem, linked: [LinkedItem], notes: [Note], decisions: [Decision]) {
        self.item = item
        self.linked = linked
        self.notes = notes
        self.decisions = decisions
    }
}

/// One row of `list`: no ad text.
public struct ItemSummary: Encodable, Sendable {
    public var id: Int64
    /// The evidence points to a person under 18.
    public var minor: Bool
    public var minorReasons: [String]
    public var status: String
    public var state: String
    public var verdict: String?
    public var severity: Int?
    public var reviewer: String?
    public var score: Double
    public var groupID: Int64
    public var groupScore: Double
    public var groupSize: Int
    public var category: String?
    public var families: [String]
    public var phones: [String]
    public var emails: [String]
    public var location: String
    public var date: String
    public var url: String?
    public var adID: String
    public var sha256: String
    public var enqueuedAt: String
    public var leaseExpiresAt: String?

    /// - Parameter state: the item's state in words, as the front end shows it (not encoded).
    public init(_ item: QueueItem, state: String) {
        id = item.id
        minor = item.minor
        minorReasons = item.minorReasons
        status = item.status.rawValue
        self.state = state
        verdict = item.decision?.verdict.rawValue
        severity = item.decision?.severity
        reviewer = item.decision?.reviewer ?? item.claim?.reviewer
        score = item.score
        groupID = item.groupID
        groupScore = item.groupScore
        groupSize = item.groupSize
        category = item.category
        families = item.families
        phones = item.entities.phones
        emails = item.entities.emails
        location = item.displayLocation
        date = item.displayDate
        url = item.url
        adID = item.adID
        sha256 = item.sha256
        enqueuedAt = RFC3339.string(from: item.enqueuedAt)
        leaseExpiresAt = item.claim.map { RFC3339.string(from: $0.leaseExpiresAt) }
    }

    /// `minor` is last so scripts that read the columns by position before it was added keep working.
    public static let csvHeader = [
        "id", "status", "verdict", "severity", "reviewer", "score", "group_id", "group_score", "group_size", "category",
        "families", "phones", "emails", "location", "date", "url", "ad_id", "sha256", "enqueued_at", "minor",
    ]

    public var csvFields: [String] {
        [
            String(id), status, verdict ?? "", severity.map(String.init) ?? "", reviewer ?? "", String(score),
            String(groupID), String(groupScore), String(groupSize), category ?? "", families.joined(separator: ";"),
            phones.joined(separator: ";"), emails.joined(separator: ";"), location, date, url ?? "", adID, sha256,
            enqueuedAt, minor ? "true" : "false",
        ]
    }

    enum CodingKeys: String, CodingKey {
        case id, minor, status, verdict, severity, reviewer, score, category, families, phones, emails, location, date,
            url, sha256
        case minorReasons = "minor_reasons"
        case groupID = "group_id"
        case groupScore = "group_score"
        case groupSize = "group_size"
        case adID = "ad_id"
        case enqueuedAt = "enqueued_at"
        case leaseExpiresAt = "lease_expires_at"
    }
}
