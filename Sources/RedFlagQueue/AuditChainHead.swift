package import Foundation

/// The end of an audit chain and how the next event links onto it: its sequence number, its time (which never goes
/// back along the chain even if the clock does) and its hash. Pure, so every store numbers, stamps and hashes events
/// alike; each store keeps the head where its writers serialise on it (SQLite's `audit_head` row inside an IMMEDIATE
/// transaction, the in-memory store's actor, PostgreSQL's `audit_head` row locked `FOR UPDATE`; see ``AuditChain``).
package struct AuditChainHead: Sendable, Hashable {
    package private(set) var sequence: Int64
    package private(set) var hash: String
    package private(set) var milliseconds: Int64

    /// The head of an empty chain.
    package init() {
        self.init(sequence: 0, hash: AuditChain.genesisHash, milliseconds: 0)
    }

    package init(sequence: Int64, hash: String, milliseconds: Int64) {
        self.sequence = sequence
        self.hash = hash
        self.milliseconds = milliseconds
    }

    /// Where and when the next event lands. A write that must store the event's number or time in a row the event
    /// itself binds (a decision carries its decide event's number and time, and the event carries the row's hash)
    /// takes the stamp first, writes the row, then links the event at that stamp.
    package func stamp(at now: Date) -> AuditStamp {
        let at = max(RFC3339.milliseconds(now), milliseconds)
        return AuditStamp(sequence: sequence + 1, milliseconds: at, atText: RFC3339.string(milliseconds: at))
    }

    /// The event `entry` becomes at `stamp` (taken from this head since its last move), and the head moved onto it.
    package mutating func link(_ entry: AuditEntry, at stamp: AuditStamp) throws -> AuditEvent {
        guard stamp.sequence == sequence + 1, stamp.milliseconds >= milliseconds else {
            throw StoredValueError("audit stamp \(stamp.sequence) is not the next event after \(sequence)")
        }
        let detail = entry.detail.json
        let canonical = AuditChain.canonical(
            sequence: stamp.sequence, atText: stamp.atText, atMilliseconds: stamp.milliseconds, actor: entry.actor,
            action: entry.action.rawValue, itemID: entry.itemID, detail: detail)
        let event = AuditEvent(
            sequence: stamp.sequence, atText: stamp.atText, atMilliseconds: stamp.milliseconds, actor: entry.actor,
            action: entry.action, itemID: entry.itemID, detail: detail, previousHash: hash,
            hash: AuditChain.hash(previousHash: hash, canonical: canonical))
        sequence = event.sequence
        hash = event.hash
        milliseconds = event.atMilliseconds
        return event
    }
}

/// The sequence number and time the next audit event will carry (``AuditChainHead/stamp(at:)``).
package struct AuditStamp: Sendable, Hashable {
    package var sequence: Int64
    package var milliseconds: Int64
    package var atText: String
}
