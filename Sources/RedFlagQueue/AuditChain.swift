import Foundation
import GRDB

/// The audit trail's hash chain: canonical form, appending, verification.
///
/// Each event's hash is `sha256(previousHash + canonical)` in lower-case hex, where `canonical` lists the event's
/// fields in a fixed order, each as `name:byteLength:value\n`, so no two different events share a form:
///
/// ```
/// seq:1:7\nat:24:2026-05-01T12:00:00.123Z\nat_ms:13:1777636800123\nactor:3:ana\naction:6:decide\n
/// item_id:2:42\ndetail:…\n
/// ```
///
/// The first event's previous hash is 64 zeros. The store also records the head (last sequence number and hash) in
/// `queue_meta`, so a chain cut short at the end or rewritten wholesale is noticed too.
///
/// Decision rows are bound to the chain as well: the decide event's detail carries `decision_id` and
/// `decision_sha256` (``DecisionRow``), a reopen event the hash of the row with its reopened time, and verification
/// recomputes every row (``DecisionBindingCheck``).
public enum AuditChain {
    /// The previous hash of the first event.
    public static let genesisHash = String(repeating: "0", count: 64)

    /// The canonical content of an event (everything but its hashes).
    public static func canonical(
        sequence: Int64, atText: String, atMilliseconds: Int64, actor: String, action: String, itemID: Int64?,
        detail: String
    ) -> String {
        var out = ""
        func field(_ name: String, _ value: String) {
            out += name + ":" + String(value.utf8.count) + ":" + value + "\n"
        }
        field("seq", String(sequence))
        field("at", atText)
        field("at_ms", String(atMilliseconds))
        field("actor", actor)
        field("action", action)
        field("item_id", itemID.map { String($0) } ?? "")
        field("detail", detail)
        return out
    }

    /// `sha256(previousHash + canonical)`, hex.
    public static func hash(previousHash: String, canonical: String) -> String {
        SHA256Hex.of(previousHash + canonical)
    }

    /// The hash an event should carry, recomputed from its content.
    public static func expectedHash(of event: AuditEvent, sequence: Int64? = nil) -> String {
        hash(
            previousHash: event.previousHash,
            canonical: canonical(
                sequence: sequence ?? event.sequence, atText: event.atText, atMilliseconds: event.atMilliseconds,
                actor: event.actor, action: event.action.rawValue, itemID: event.itemID, detail: event.detail))
    }
}

/// A compact JSON object built field by field in a fixed order, for audit details.
struct AuditDetail {
    private var fields: [String] = []

    mutating func add(_ key: String, _ value: String?) {
        guard let value else { return }
        fields.append(Self.quoted(key) + ":" + Self.quoted(value))
    }

    mutating func add(_ key: String, _ value: Int64?) {
        guard let value else { return }
        fields.append(Self.quoted(key) + ":" + String(value))
    }

    mutating func add(_ key: String, _ value: Int?) { add(key, value.map(Int64.init)) }

    mutating func add(_ key: String, _ value: Double?) {
        guard let value, value.isFinite else { return }
        fields.append(Self.quoted(key) + ":" + String(value))
    }

    /// A value that is already compact JSON (an object or array encoded with sorted keys), kept as it is.
    mutating func add(_ key: String, json: String?) {
        guard let json else { return }
        fields.append(Self.quoted(key) + ":" + json)
    }

    var json: String { "{" + fields.joined(separator: ",") + "}" }

    static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

/// Appends events inside one write transaction, carrying the chain head between appends.
struct AuditWriter {
    private(set) var lastSequence: Int64
    private(set) var lastHash: String
    private var lastMilliseconds: Int64

    init(_ db: Database) throws {
        if let row = try db.firstRow("SELECT seq, hash, at_ms FROM audit ORDER BY seq DESC LIMIT 1") {
            lastSequence = try row.decode(forColumn: "seq")
            lastHash = try row.decode(forColumn: "hash")
            lastMilliseconds = try row.decode(forColumn: "at_ms")
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
        try db.run(
            """
            INSERT INTO queue_meta (key, value) VALUES ('audit_head_seq', ?), ('audit_head_hash', ?)
            ON CONFLICT(key) DO UPDATE SET value = excluded.value
            """, [String(sequence), hash])
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
