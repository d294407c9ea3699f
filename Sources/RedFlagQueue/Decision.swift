public import Foundation

/// A reviewer's verdict on an ad.
public enum Verdict: String, Sendable, Hashable, Codable, CaseIterable {
    /// The ad shows trafficking indicators the reviewer stands behind.
    case confirmed
    /// Not a trafficking concern.
    case dismissed
    /// Needs a lead or another agency; counts as suspicious for training.
    case escalated
}

/// A recorded decision. Decisions are never changed: a supervisor's reopen returns the item to pending and keeps the
/// old decision in its history.
public struct Decision: Sendable, Hashable, Codable {
    public var id: Int64
    public var itemID: Int64
    public var verdict: Verdict
    /// 1 (lowest) to 5.
    public var severity: Int
    public var note: String?
    public var reviewer: String
    /// The claim the decision was made under.
    public var claimToken: String
    public var decidedAt: Date
    /// The audit event that recorded it.
    public var auditSequence: Int64
    /// Set when a supervisor reopened the item after this decision.
    public var reopenedAt: Date?
    /// Where the reviewer was told to report the item: set for confirmed and escalated items decided with a
    /// ``ReferralDirectory``, and recorded in the decision's audit event.
    public var referral: Referral?

    public init(
        id: Int64, itemID: Int64, verdict: Verdict, severity: Int, note: String?, reviewer: String, claimToken: String,
        decidedAt: Date, auditSequence: Int64, reopenedAt: Date? = nil, referral: Referral? = nil
    ) {
        self.id = id
        self.itemID = itemID
        self.verdict = verdict
        self.severity = severity
        self.note = note
        self.reviewer = reviewer
        self.claimToken = claimToken
        self.decidedAt = decidedAt
        self.auditSequence = auditSequence
        self.reopenedAt = reopenedAt
        self.referral = referral
    }

    enum CodingKeys: String, CodingKey {
        case id, verdict, severity, note, reviewer, referral
        case itemID = "item_id"
        case claimToken = "claim_token"
        case decidedAt = "decided_at"
        case auditSequence = "audit_seq"
        case reopenedAt = "reopened_at"
    }
}

/// What ``ReviewQueue/decide(id:verdict:severity:note:reviewer:claimToken:)`` did.
public enum DecideOutcome: Sendable, Hashable {
    /// The decision was written now.
    case recorded(Decision)
    /// The same decision had already been written under the same claim (a retry after a crash or a lost reply).
    case alreadyRecorded(Decision)

    public var decision: Decision {
        switch self {
        case .recorded(let d), .alreadyRecorded(let d): d
        }
    }
}

/// A free-text note on an item.
public struct Note: Sendable, Hashable, Codable {
    public var id: Int64
    public var itemID: Int64
    public var author: String
    public var text: String
    public var createdAt: Date
    public var auditSequence: Int64

    public init(id: Int64, itemID: Int64, author: String, text: String, createdAt: Date, auditSequence: Int64) {
        self.id = id
        self.itemID = itemID
        self.author = author
        self.text = text
        self.createdAt = createdAt
        self.auditSequence = auditSequence
    }

    enum CodingKeys: String, CodingKey {
        case id, author, text
        case itemID = "item_id"
        case createdAt = "created_at"
        case auditSequence = "audit_seq"
    }
}

/// A decided item as the queue holds it for training: its stored feature vector and the standing decision.
/// Confirmed and escalated are suspicious, dismissed is benign; `QueueTraining` (RedFlagService) turns these into the
/// contract's `LabeledExample`.
public struct DecidedExample: Sendable, Hashable, Codable {
    public enum Label: String, Sendable, Hashable, Codable {
        case suspicious, benign
    }

    public var itemID: Int64
    public var sha256: String
    /// The stored feature vector the item was scored with.
    public var features: [String: Double]
    public var label: Label
    public var verdict: Verdict
    public var severity: Int
    public var category: String?

    public init(
        itemID: Int64, sha256: String, features: [String: Double], label: Label, verdict: Verdict, severity: Int,
        category: String?
    ) {
        self.itemID = itemID
        self.sha256 = sha256
        self.features = features
        self.label = label
        self.verdict = verdict
        self.severity = severity
        self.category = category
    }

    enum CodingKeys: String, CodingKey {
        case sha256, features, label, verdict, severity, category
        case itemID = "item_id"
    }
}

extension Verdict {
    /// The training label a verdict stands for.
    public var label: DecidedExample.Label {
        switch self {
        case .confirmed, .escalated: .suspicious
        case .dismissed: .benign
        }
    }
}
