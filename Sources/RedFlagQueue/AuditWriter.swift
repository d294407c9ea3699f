import Foundation
import GRDB

/// Appends events inside one write transaction, carrying the chain head between appends.
///
/// The head is read from, and moved along, the one-row `audit_head` table (see ``AuditChain`` for why): in the same
/// transaction as every event appended, so the head and the last event never disagree in a committed state.
struct AuditWriter {
    /// Where a queue file keeps its chain head.
    enum HeadRecord {
        /// The `audit_head` row (schema v7 on).
        case table
        /// Files before v7: the last event read back, and `queue_meta`'s `audit_head_seq`/`audit_head_hash`. Only
        /// the migrations that run before v7 append this way.
        case queueMeta
    }

    private(set) var lastSequence: Int64
    private(set) var lastHash: String
    private var lastMilliseconds: Int64
    private let head: HeadRecord

    init(_ db: Database, head: HeadRecord = .table) throws {
        self.head = head
        let sql =
            head == .table
            ? "SELECT seq, hash, at_ms FROM audit_head WHERE id = 1"
            : "SELECT seq, hash, at_ms FROM audit ORDER BY seq DESC LIMIT 1"
        if let row = try db.firstRow(sql) {
            lastSequence = try row.decode(forColumn: "seq")
            lastHash = try row.decode(forColumn: "hash")
            lastMilliseconds = try row.decode(forColumn: "at_ms")
        } else if head == .table {
            throw StoredValueError("the audit chain's head row (audit_head) is missing")
        } else {
            lastSequence = 0
            lastHash = AuditChain.genesisHash
            lastMilliseconds = 0
        }
    }

    /// Where and when the next event lands: its sequence number and time, which never goes back along the chain
    /// even if the clock does. A write that must store the event's number or time in a row that the event itself
    /// binds (a decision carries its decide event's number and time, and the event carries the row's hash) takes the
    /// stamp first, writes the row, then appends at that stamp.
    func stamp(at now: Date) -> AuditStamp {
        let milliseconds = max(RFC3339.milliseconds(now), lastMilliseconds)
        return AuditStamp(
            sequence: lastSequence + 1, milliseconds: milliseconds, atText: RFC3339.string(milliseconds: milliseconds))
    }

    /// Appends a built event (``AuditEventBuilder``) at the clock's time.
    @discardableResult
    mutating func append(_ db: Database, now: Date, _ entry: AuditEntry) throws -> AuditEvent {
        try append(
            db, at: stamp(at: now), actor: entry.actor, action: entry.action, itemID: entry.itemID,
            detail: entry.detail)
    }

    /// Appends a built event at a stamp taken from this writer since its last append.
    @discardableResult
    mutating func append(_ db: Database, at stamp: AuditStamp, _ entry: AuditEntry) throws -> AuditEvent {
        try append(db, at: stamp, actor: entry.actor, action: entry.action, itemID: entry.itemID, detail: entry.detail)
    }

    /// Appends one event at the clock's time.
    @discardableResult
    mutating func append(
        _ db: Database, now: Date, actor: String, action: AuditAction, itemID: Int64?, detail: AuditDetail
    ) throws -> AuditEvent {
        try append(db, at: stamp(at: now), actor: actor, action: action, itemID: itemID, detail: detail)
    }

    /// Appends one event at a stamp taken from this writer since its last append.
    @discardableResult
    mutating func append(
        _ db: Database, at stamp: AuditStamp, actor: String, action: AuditAction, itemID: Int64?, detail: AuditDetail
    ) throws -> AuditEvent {
        guard stamp.sequence == lastSequence + 1, stamp.milliseconds >= lastMilliseconds else {
            throw StoredValueError("audit stamp \(stamp.sequence) is not the next event after \(lastSequence)")
        }
        let sequence = stamp.sequence
        let milliseconds = stamp.milliseconds
        let atText = stamp.atText
        let detailJSON = detail.json
        let canonical = AuditChain.canonical(
            sequence: sequence, atText: atText, atMilliseconds: milliseconds, actor: actor, action: action.rawValue,
            itemID: itemID, detail: detailJSON)
        let hash = AuditChain.hash(previousHash: lastHash, canonical: canonical)
        let record = AuditRecord(
            sequence: sequence, atText: atText, atMilliseconds: milliseconds, actor: actor, action: action.rawValue,
            itemID: itemID, detail: detailJSON, previousHash: lastHash, hash: hash)
        try record.insert(db)
        switch head {
        case .table:
            try db.run(
                "UPDATE audit_head SET seq = ?, hash = ?, at_ms = ? WHERE id = 1", [sequence, hash, milliseconds])
            guard db.changesCount == 1 else { throw StoredValueError("the audit chain's head row vanished") }
        case .queueMeta:
            try db.run(
                """
                INSERT INTO queue_meta (key, value) VALUES ('audit_head_seq', ?), ('audit_head_hash', ?)
                ON CONFLICT(key) DO UPDATE SET value = excluded.value
                """, [String(sequence), hash])
        }
        let event = AuditEvent(
            sequence: sequence, atText: atText, atMilliseconds: milliseconds, actor: actor, action: action,
            itemID: itemID, detail: detailJSON, previousHash: lastHash, hash: hash)
        lastSequence = sequence
        lastHash = hash
        lastMilliseconds = milliseconds
        return event
    }
}

/// The sequence number and time the next audit event will carry (``AuditWriter/stamp(at:)``).
struct AuditStamp: Sendable, Hashable {
    var sequence: Int64
    var milliseconds: Int64
    var atText: String
}
