import Foundation
import GRDB

// GRDB record types for the queue's tables. Reading goes through `init(row:) throws` with `row.decode`, so a
// damaged or hand-edited database throws instead of tripping GRDB's fatal conversion errors.

/// A new row of `item`, inserted through one cached statement with its columns in a fixed order (GRDB's record
/// encoding built a container of named values and its SQL for every ad; with a stream of new ads that was a tenth
/// of an enqueue).
struct ItemRecord {
    var sha256: String
    var adID: String
    var url: String?
    var capturedAt: String?
    var location: String?
    var score: Double
    var category: String?
    var families: String
    var evidence: String
    var contributions: String
    var entities: String
    var features: String
    var text: String
    var contentKind: String
    var rawBytes: Int
    var groupID: Int64
    var groupScore: Double
    var enqueuedAt: String
    var enqueuedMilliseconds: Int64
    var minor: Bool

    private static let sql = """
        INSERT INTO item (sha256, ad_id, url, captured_at, location, score, category, families, evidence,
            contributions, entities, features, text, content_kind, raw_bytes, status, attempts, group_id, group_score,
            enqueued_at, enqueued_ms, updated_at, updated_ms, minor)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?)
        """

    /// Inserts the row as `pending` with no attempts, and returns its id.
    func insert(_ db: Database) throws -> Int64 {
        try db.cachedStatement(sql: Self.sql).execute(arguments: [
            sha256, adID, url, capturedAt, location, score, category, families, evidence, contributions, entities,
            features, text, contentKind, rawBytes, ItemStatus.pending.rawValue, groupID, groupScore, enqueuedAt,
            enqueuedMilliseconds, enqueuedAt, enqueuedMilliseconds, minor,
        ])
        return db.lastInsertedRowID
    }
}

/// A row of `decision`.
struct DecisionRecord: MutablePersistableRecord, FetchableRecord {
    static let databaseTableName = "decision"

    var id: Int64?
    var itemID: Int64
    var verdict: String
    var severity: Int
    var note: String?
    var reviewer: String
    var claimToken: String
    var decidedAt: String
    var decidedMilliseconds: Int64
    var auditSequence: Int64
    var reopenedAt: String?
    var reopenedMilliseconds: Int64?
    /// The referral shown with the decision, as JSON (``Referral``); nil for a dismissal.
    var referral: String?

    init(
        itemID: Int64, verdict: Verdict, severity: Int, note: String?, reviewer: String, claimToken: String,
        decidedAt: String, decidedMilliseconds: Int64, auditSequence: Int64, referral: String? = nil
    ) {
        self.itemID = itemID
        self.verdict = verdict.rawValue
        self.severity = severity
        self.note = note
        self.reviewer = reviewer
        self.claimToken = claimToken
        self.decidedAt = decidedAt
        self.decidedMilliseconds = decidedMilliseconds
        self.auditSequence = auditSequence
        self.referral = referral
    }

    init(row: Row) throws {
        id = try row.decode(forColumn: "id")
        itemID = try row.decode(forColumn: "item_id")
        verdict = try row.decode(forColumn: "verdict")
        severity = try row.decode(forColumn: "severity")
        note = try row.decode(forColumn: "note")
        reviewer = try row.decode(forColumn: "reviewer")
        claimToken = try row.decode(forColumn: "claim_token")
        decidedAt = try row.decode(forColumn: "decided_at")
        decidedMilliseconds = try row.decode(forColumn: "decided_ms")
        auditSequence = try row.decode(forColumn: "audit_seq")
        reopenedAt = try row.decode(forColumn: "reopened_at")
        reopenedMilliseconds = try row.decode(forColumn: "reopened_ms")
        referral = try row.decode(forColumn: "referral")
    }

    func encode(to container: inout PersistenceContainer) {
        container["id"] = id
        container["item_id"] = itemID
        container["verdict"] = verdict
        container["severity"] = severity
        container["note"] = note
        container["reviewer"] = reviewer
        container["claim_token"] = claimToken
        container["decided_at"] = decidedAt
        container["decided_ms"] = decidedMilliseconds
        container["audit_seq"] = auditSequence
        container["referral"] = referral
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The values the audit chain binds (``DecisionRow``); only for a row that has its id (inserted or fetched).
    func row() throws -> DecisionRow {
        guard let id else { throw StoredValueError("a decision without an id cannot be bound") }
        return DecisionRow(
            id: id, itemID: itemID, verdict: verdict, severity: severity, note: note, reviewer: reviewer,
            claimToken: claimToken, decidedAt: decidedAt, decidedMilliseconds: decidedMilliseconds,
            auditSequence: auditSequence, referral: referral, reopenedAt: reopenedAt,
            reopenedMilliseconds: reopenedMilliseconds)
    }

    func decision() throws -> Decision {
        guard let id, let verdict = Verdict(rawValue: verdict) else {
            throw StoredValueError("decision \(id ?? 0) has an unknown verdict")
        }
        return Decision(
            id: id, itemID: itemID, verdict: verdict, severity: severity, note: note, reviewer: reviewer,
            claimToken: claimToken, decidedAt: RFC3339.date(milliseconds: decidedMilliseconds),
            auditSequence: auditSequence, reopenedAt: reopenedMilliseconds.map(RFC3339.date(milliseconds:)),
            referral: try referral.map { try JSONDecoder().decode(Referral.self, from: Data($0.utf8)) })
    }
}

/// A row of `note`.
struct NoteRecord: MutablePersistableRecord, FetchableRecord {
    static let databaseTableName = "note"

    var id: Int64?
    var itemID: Int64
    var author: String
    var text: String
    var createdAt: String
    var createdMilliseconds: Int64
    var auditSequence: Int64

    init(
        itemID: Int64, author: String, text: String, createdAt: String, createdMilliseconds: Int64, auditSequence: Int64
    ) {
        self.itemID = itemID
        self.author = author
        self.text = text
        self.createdAt = createdAt
        self.createdMilliseconds = createdMilliseconds
        self.auditSequence = auditSequence
    }

    init(row: Row) throws {
        id = try row.decode(forColumn: "id")
        itemID = try row.decode(forColumn: "item_id")
        author = try row.decode(forColumn: "author")
        text = try row.decode(forColumn: "text")
        createdAt = try row.decode(forColumn: "created_at")
        createdMilliseconds = try row.decode(forColumn: "created_ms")
        auditSequence = try row.decode(forColumn: "audit_seq")
    }

    func encode(to container: inout PersistenceContainer) {
        container["id"] = id
        container["item_id"] = itemID
        container["author"] = author
        container["text"] = text
        container["created_at"] = createdAt
        container["created_ms"] = createdMilliseconds
        container["audit_seq"] = auditSequence
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    func note() -> Note {
        Note(
            id: id ?? 0, itemID: itemID, author: author, text: text,
            createdAt: RFC3339.date(milliseconds: createdMilliseconds), auditSequence: auditSequence)
    }
}

/// A row of `audit`.
struct AuditRecord: PersistableRecord, FetchableRecord {
    static let databaseTableName = "audit"

    var sequence: Int64
    var atText: String
    var atMilliseconds: Int64
    var actor: String
    var action: String
    var itemID: Int64?
    var detail: String
    var previousHash: String
    var hash: String

    init(
        sequence: Int64, atText: String, atMilliseconds: Int64, actor: String, action: String, itemID: Int64?,
        detail: String, previousHash: String, hash: String
    ) {
        self.sequence = sequence
        self.atText = atText
        self.atMilliseconds = atMilliseconds
        self.actor = actor
        self.action = action
        self.itemID = itemID
        self.detail = detail
        self.previousHash = previousHash
        self.hash = hash
    }

    init(row: Row) throws {
        sequence = try row.decode(forColumn: "seq")
        atText = try row.decode(forColumn: "at")
        atMilliseconds = try row.decode(forColumn: "at_ms")
        actor = try row.decode(forColumn: "actor")
        action = try row.decode(forColumn: "action")
        itemID = try row.decode(forColumn: "item_id")
        detail = try row.decode(forColumn: "detail")
        previousHash = try row.decode(forColumn: "prev_hash")
        hash = try row.decode(forColumn: "hash")
    }

    func encode(to container: inout PersistenceContainer) {
        container["seq"] = sequence
        container["at"] = atText
        container["at_ms"] = atMilliseconds
        container["actor"] = actor
        container["action"] = action
        container["item_id"] = itemID
        container["detail"] = detail
        container["prev_hash"] = previousHash
        container["hash"] = hash
    }

    func event() throws -> AuditEvent {
        guard let action = AuditAction(rawValue: action) else {
            throw StoredValueError("audit event \(sequence) has an unknown action \"\(action)\"")
        }
        return AuditEvent(
            sequence: sequence, atText: atText, atMilliseconds: atMilliseconds, actor: actor, action: action,
            itemID: itemID, detail: detail, previousHash: previousHash, hash: hash)
    }
}

/// A stored value RedFlag cannot interpret; surfaces as ``QueueError/Code/corruptDatabase``.
struct StoredValueError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
