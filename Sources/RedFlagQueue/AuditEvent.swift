public import Foundation

/// What happened in one audit event.
public enum AuditAction: String, Sendable, Hashable, Codable, CaseIterable {
    case enqueue, claim, release, expire, decide, reopen, note, export, purge
    /// Binds decision rows written before decide events carried the row's hash: recorded once, by the schema
    /// migration that started binding them (``DecisionRow``), with the hash of each row as it then stood.
    case bind
}

/// One entry of the append-only, hash-chained audit trail.
///
/// ``hash`` is `sha256(previousHash + canonical content)`, hex; see ``AuditChain`` for the canonical form. The first
/// event's ``previousHash`` is 64 zeros.
public struct AuditEvent: Sendable, Hashable, Codable {
    /// 1, 2, 3, … with no gaps.
    public var sequence: Int64
    public var at: Date
    /// The same instant as stored: UTC RFC 3339 with milliseconds.
    public var atText: String
    /// Milliseconds since 1970, never decreasing along the chain.
    public var atMilliseconds: Int64
    public var actor: String
    public var action: AuditAction
    public var itemID: Int64?
    /// A compact JSON object with the event's particulars (never the ad text; notes appear as their SHA-256).
    public var detail: String
    public var previousHash: String
    public var hash: String

    public init(
        sequence: Int64, atText: String, atMilliseconds: Int64, actor: String, action: AuditAction, itemID: Int64?,
        detail: String, previousHash: String, hash: String
    ) {
        self.sequence = sequence
        self.at = Date(timeIntervalSince1970: Double(atMilliseconds) / 1000)
        self.atText = atText
        self.atMilliseconds = atMilliseconds
        self.actor = actor
        self.action = action
        self.itemID = itemID
        self.detail = detail
        self.previousHash = previousHash
        self.hash = hash
    }

    enum CodingKeys: String, CodingKey {
        case actor, action, detail, hash
        case sequence = "seq"
        case at
        case atText = "at_text"
        case atMilliseconds = "at_ms"
        case itemID = "item_id"
        case previousHash = "prev_hash"
    }
}

/// The result of checking the audit chain from its first event to its last.
public struct AuditVerification: Sendable, Hashable, Codable {
    /// Why the chain is broken at ``AuditVerification/firstBadSequence``.
    public enum Problem: String, Sendable, Hashable, Codable {
        /// The event's content no longer matches its stored hash.
        case edited
        /// One or more sequence numbers are missing before this event.
        case deleted
        /// The event does not link to the one before it although that one is intact: something was inserted (or
        /// removed and renumbered) there.
        case inserted
        /// The chain ends before the last event the store recorded appending.
        case truncated
        /// The triggers that keep the table append-only are missing.
        case triggersMissing = "triggers_missing"
        /// SQLite's `quick_check` found damage in the file (any table or index, not only the audit's).
        case fileDamaged = "file_damaged"
        /// A decision row no longer matches the hash its decide, reopen or bind event recorded (edited), no event
        /// records it (inserted outside RedFlag), or an event records a row that is gone (deleted).
        /// ``AuditVerification/decisionID`` names the row.
        case decisionTampered = "decision_tampered"
    }

    public var isValid: Bool
    /// Events checked.
    public var eventCount: Int
    /// The last event's sequence number and hash when the chain is intact (the value an export records).
    public var headSequence: Int64?
    public var headHash: String?
    public var firstBadSequence: Int64?
    public var problem: Problem?
    /// The decision row at fault, for ``Problem/decisionTampered``.
    public var decisionID: Int64?
    /// A sentence for a person: where and why.
    public var message: String

    public init(
        isValid: Bool, eventCount: Int, headSequence: Int64?, headHash: String?, firstBadSequence: Int64?,
        problem: Problem?, decisionID: Int64? = nil, message: String
    ) {
        self.isValid = isValid
        self.eventCount = eventCount
        self.headSequence = headSequence
        self.headHash = headHash
        self.firstBadSequence = firstBadSequence
        self.problem = problem
        self.decisionID = decisionID
        self.message = message
    }

    enum CodingKeys: String, CodingKey {
        case problem, message
        case isValid = "valid"
        case eventCount = "events"
        case headSequence = "head_seq"
        case headHash = "head_hash"
        case firstBadSequence = "first_bad_seq"
        case decisionID = "decision_id"
    }
}
