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

    private var chain: AuditChainHead
    private let head: HeadRecord

    var lastSequence: Int64 { chain.sequence }
    var lastHash: String { chain.hash }

    init(_ db: Database, head: HeadRecord = .table) throws {
        self.head = head
        let sql =
            head == .table
            ? "SELECT seq, hash, at_ms FROM audit_head WHERE id = 1"
            : "SELECT seq, hash, at_ms FROM audit ORDER BY seq DESC LIMIT 1"
        if let row = try db.firstRow(sql) {
            chain = AuditChainHead(
                sequence: try row.decode(forColumn: "seq"), hash: try row.decode(forColumn: "hash"),
                milliseconds: try row.decode(forColumn: "at_ms"))
        } else if head == .table {
            throw StoredValueError("the audit chain's head row (audit_head) is missing")
        } else {
            chain = AuditChainHead()
        }
    }

    /// Where and when the next event lands (``AuditChainHead/stamp(at:)``).
    func stamp(at now: Date) -> AuditStamp { chain.stamp(at: now) }

    /// Appends a built event (``AuditEventBuilder``) at the clock's time.
    @discardableResult
    mutating func append(_ db: Database, now: Date, _ entry: AuditEntry) throws -> AuditEvent {
        try append(db, at: stamp(at: now), entry)
    }

    /// Appends one event at the clock's time.
    @discardableResult
    mutating func append(
        _ db: Database, now: Date, actor: String, action: AuditAction, itemID: Int64?, detail: AuditDetail
    ) throws -> AuditEvent {
        try append(db, now: now, AuditEntry(actor: actor, action: action, itemID: itemID, detail: detail))
    }

    /// Appends a built event at a stamp taken from this writer since its last append: inserts it and moves the
    /// head record in the same transaction.
    @discardableResult
    mutating func append(_ db: Database, at stamp: AuditStamp, _ entry: AuditEntry) throws -> AuditEvent {
        let event = try chain.link(entry, at: stamp)
        let record = AuditRecord(
            sequence: event.sequence, atText: event.atText, atMilliseconds: event.atMilliseconds, actor: event.actor,
            action: event.action.rawValue, itemID: event.itemID, detail: event.detail,
            previousHash: event.previousHash, hash: event.hash)
        try record.insert(db)
        switch head {
        case .table:
            try db.run(
                "UPDATE audit_head SET seq = ?, hash = ?, at_ms = ? WHERE id = 1",
                [event.sequence, event.hash, event.atMilliseconds])
            guard db.changesCount == 1 else { throw StoredValueError("the audit chain's head row vanished") }
        case .queueMeta:
            try db.run(
                """
                INSERT INTO queue_meta (key, value) VALUES ('audit_head_seq', ?), ('audit_head_hash', ?)
                ON CONFLICT(key) DO UPDATE SET value = excluded.value
                """, [String(event.sequence), event.hash])
        }
        return event
    }
}

