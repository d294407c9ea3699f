import Foundation
import RedFlagCore

/// The audit trail's hash chain: the canonical form and hash of an event, and how the chain stays one chain. Every
/// store links events with `AuditChainHead` and verifies with `AuditChainCheck`, so a chain means the same whichever
/// store wrote it; a store only keeps the head where its writers serialise (SQLite: ``AuditWriter`` in an IMMEDIATE
/// transaction; ``InMemoryReviewQueue``: its actor; PostgreSQL: the row lock below).
///
/// Each event's hash is `sha256(previousHash + canonical)` in lower-case hex, where `canonical` lists the event's
/// fields in a fixed order, each as `name:byteLength:value\n`, so no two different events share a form:
///
/// ```
/// seq:1:7\nat:24:2026-05-01T12:00:00.123Z\nat_ms:13:1777636800123\nactor:3:ana\naction:6:decide\n
/// item_id:2:42\ndetail:…\n
/// ```
///
/// The first event's previous hash is 64 zeros.
///
/// ## One chain under concurrent writers
/// Appending reads the head (last sequence number, hash and time), hashes the new event onto it and stores both. Two
/// writers that read the same head would each append "event N+1" onto it, and the chain would fork. SQLite has one
/// writer at a time (every write is an IMMEDIATE transaction), so reading the last event would do there; a server
/// database such as PostgreSQL runs writers concurrently, and there `SELECT … ORDER BY seq DESC LIMIT 1` returns the
/// same row to both. So the head lives in a one-row table, `audit_head (id = 1, seq, hash, at_ms)`, updated in the
/// same transaction as every event appended:
///
/// - A PostgreSQL store begins each appending transaction's audit work with
///   `SELECT seq, hash, at_ms FROM audit_head WHERE id = 1 FOR UPDATE`. The second writer waits on that row lock until
///   the first commits, then reads the head the first left (READ COMMITTED re-reads a locked row once it is
///   released), so events are numbered and linked one after another. Appends are serialised: that is the price of a
///   single chain, paid only for the few statements between the lock and the commit. Claims (`FOR UPDATE SKIP
///   LOCKED` on item rows) and reads run in parallel up to that point. A database sequence is not enough: it hands
///   out numbers but not the previous hash, and leaves gaps when a transaction rolls back.
/// - SQLite keeps the same table and updates it the same way, so both stores share the schema and the verification;
///   there the IMMEDIATE transaction is the lock. The in-memory store keeps the head beside its events, and its
///   actor is the lock: each method appends without suspending.
/// - A trigger lets the row move only to the event just appended (`seq` one further, with that event's hash), and
///   refuses its deletion, so plain SQL cannot leave the two apart.
/// - Verification walks the chain and then compares its end with the head row: a tail cut off, an event appended
///   outside the store or a chain rewritten wholesale leaves them apart, and is reported (`truncated`, `inserted`,
///   `edited`).
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
package struct AuditDetail: Sendable, Hashable {
    private var fields: [String] = []

    package init() {}

    package mutating func add(_ key: String, _ value: String?) {
        guard let value else { return }
        fields.append(Self.quoted(key) + ":" + Self.quoted(value))
    }

    package mutating func add(_ key: String, _ value: Int64?) {
        guard let value else { return }
        fields.append(Self.quoted(key) + ":" + String(value))
    }

    package mutating func add(_ key: String, _ value: Int?) { add(key, value.map(Int64.init)) }

    package mutating func add(_ key: String, _ value: Double?) {
        guard let value, value.isFinite else { return }
        fields.append(Self.quoted(key) + ":" + String(value))
    }

    /// A value that is already compact JSON (an object or array encoded with sorted keys), kept as it is.
    package mutating func add(_ key: String, json: String?) {
        guard let json else { return }
        fields.append(Self.quoted(key) + ":" + json)
    }

    package var json: String { "{" + fields.joined(separator: ",") + "}" }

    /// `s` as a JSON string: RedFlagCore's ``JSONWriter`` escaping, the same rules the chain has always hashed.
    package static func quoted(_ s: String) -> String { JSONWriter.quoted(s) }
}
