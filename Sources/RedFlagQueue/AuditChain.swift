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

    /// Appends one event; its time never goes back along the chain even if the clock does.
    @discardableResult
    mutating func append(
        _ db: Database, now: Date, actor: String, action: AuditAction, itemID: Int64?, detail: AuditDetail
    ) throws -> AuditEvent {
        let milliseconds = max(RFC3339.milliseconds(now), lastMilliseconds)
        let atText = RFC3339.string(milliseconds: milliseconds)
        let sequence = lastSequence + 1
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

/// Walks the chain in order and reports the first place it breaks.
struct AuditVerifier {
    /// How far a renumbered event is searched for (an insertion or deletion of up to this many events is named as
    /// such; more is reported as an edit).
    static let renumberWindow: Int64 = 256

    func verify(_ db: Database) throws -> AuditVerification {
        var count = 0
        var lastSequence: Int64 = 0
        var lastHash = AuditChain.genesisHash
        var hashBeforeLast: String?
        let cursor = try Row.fetchCursor(
            db, sql: "SELECT seq, at, at_ms, actor, action, item_id, detail, prev_hash, hash FROM audit ORDER BY seq")
        while let row = try cursor.next() {
            count += 1
            let sequence: Int64 = try row.decode(forColumn: "seq")
            let atText: String = try row.decode(forColumn: "at")
            let atMilliseconds: Int64 = try row.decode(forColumn: "at_ms")
            let actor: String = try row.decode(forColumn: "actor")
            let action: String = try row.decode(forColumn: "action")
            let itemID: Int64? = try row.decode(forColumn: "item_id")
            let detail: String = try row.decode(forColumn: "detail")
            let previousHash: String = try row.decode(forColumn: "prev_hash")
            let hash: String = try row.decode(forColumn: "hash")
            func expected(_ seq: Int64) -> String {
                AuditChain.hash(
                    previousHash: previousHash,
                    canonical: AuditChain.canonical(
                        sequence: seq, atText: atText, atMilliseconds: atMilliseconds, actor: actor, action: action,
                        itemID: itemID, detail: detail))
            }
            let contentMatches = expected(sequence) == hash

            if sequence != lastSequence + 1 && (contentMatches || sequence < lastSequence + 1) {
                let missing =
                    sequence - 1 == lastSequence + 1
                    ? "event \(lastSequence + 1) is missing"
                    : "events \(lastSequence + 1)–\(sequence - 1) are missing"
                return broken(
                    count, lastSequence + 1, .deleted,
                    "\(missing): deleted from the audit trail (the chain jumps from "
                        + "event \(lastSequence) to event \(sequence))")
            }
            if !contentMatches {
                // Renumbered? Then events were inserted or deleted before it.
                for distance in 1...Self.renumberWindow {
                    if sequence - distance >= 1, expected(sequence - distance) == hash {
                        let first = sequence - distance
                        return broken(
                            count, first, .inserted,
                            "event \(first) onwards do not belong: \(distance) event(s) were inserted before the "
                                + "event now numbered \(sequence) (it was recorded as event \(first))")
                    }
                    if expected(sequence + distance) == hash {
                        return broken(
                            count, sequence, .deleted,
                            "\(distance) event(s) were deleted at event \(sequence) and the rest renumbered (the event "
                                + "now numbered \(sequence) was recorded as event \(sequence + distance))")
                    }
                }
                return broken(
                    count, sequence, .edited,
                    "event \(sequence) was edited: its content (\(action) by \(actor) at \(atText)) no longer matches "
                        + "its hash")
            }
            if previousHash != lastHash {
                if let hashBeforeLast, previousHash == hashBeforeLast {
                    return broken(
                        count, lastSequence, .inserted,
                        "event \(lastSequence) was inserted: event \(sequence) links to event \(lastSequence - 1)")
                }
                return broken(
                    count, lastSequence, .edited,
                    "event \(lastSequence) was changed and re-hashed: event \(sequence) still links to its original "
                        + "hash")
            }
            hashBeforeLast = lastHash
            lastSequence = sequence
            lastHash = hash
        }

        // The head the store recorded catches a cut-off tail and a wholesale rewrite.
        let recordedSequence = try String.fetchOne(
            db, sql: "SELECT value FROM queue_meta WHERE key = 'audit_head_seq'"
        ).flatMap { Int64($0) }
        let recordedHash = try String.fetchOne(db, sql: "SELECT value FROM queue_meta WHERE key = 'audit_head_hash'")
        if let recordedSequence {
            if lastSequence < recordedSequence {
                return broken(
                    count, lastSequence + 1, .truncated,
                    "the trail ends at event \(lastSequence) but the queue recorded appending up to event "
                        + "\(recordedSequence): events \(lastSequence + 1)–\(recordedSequence) were deleted")
            }
            if lastSequence > recordedSequence {
                return broken(
                    count, recordedSequence + 1, .inserted,
                    "events \(recordedSequence + 1)–\(lastSequence) were added outside RedFlag (the queue recorded "
                        + "its last event as \(recordedSequence))")
            }
            if let recordedHash, recordedHash != lastHash {
                return broken(
                    count, recordedSequence, .edited,
                    "the chain was rewritten: event \(recordedSequence)'s hash differs from the head the queue "
                        + "recorded")
            }
        } else if count > 0 {
            return broken(count, 1, .edited, "the recorded chain head is missing from queue_meta")
        }

        let triggers = try String.fetchAll(
            db,
            sql: """
                SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit'
                AND name IN ('audit_no_update', 'audit_no_delete')
                """)
        if triggers.count != 2 {
            return AuditVerification(
                isValid: false, eventCount: count, headSequence: lastSequence, headHash: lastHash,
                firstBadSequence: nil, problem: .triggersMissing,
                message: "the \(count) events chain correctly, but the triggers that keep the audit table append-only "
                    + "were removed")
        }
        return AuditVerification(
            isValid: true, eventCount: count, headSequence: count == 0 ? nil : lastSequence,
            headHash: count == 0 ? nil : lastHash, firstBadSequence: nil, problem: nil,
            message: count == 0
                ? "no audit events yet"
                : "ok: \(count) events, chain intact, head \(lastSequence) \(lastHash)")
    }

    private func broken(
        _ count: Int, _ sequence: Int64, _ problem: AuditVerification.Problem, _ message: String
    ) -> AuditVerification {
        AuditVerification(
            isValid: false, eventCount: count, headSequence: nil, headHash: nil, firstBadSequence: sequence,
            problem: problem, message: message)
    }
}
