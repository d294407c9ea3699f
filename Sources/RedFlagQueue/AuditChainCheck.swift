/// Walks an audit chain in order and says where it first breaks: one definition of verification for every store.
///
/// A store feeds it the events as stored (``add(sequence:atText:atMilliseconds:actor:action:itemID:detail:previousHash:hash:)``,
/// in sequence order), then the head it recorded appending (``checkHead(sequence:hash:milliseconds:)``), then every
/// decision row (``checkDecision(_:)``, in id order, and ``leftoverDecision()``); each step returns the verification
/// that failed, or nil to go on. Only what the SQLite store adds on top (its file check and its triggers) is its own.
package struct AuditChainCheck {
    /// How far a renumbered event is searched for (an insertion or deletion of up to this many events is named as
    /// such; more is reported as an edit).
    package static let renumberWindow: Int64 = 256

    package private(set) var count = 0
    package private(set) var lastSequence: Int64 = 0
    package private(set) var lastHash = AuditChain.genesisHash
    private var lastMilliseconds: Int64 = 0
    private var hashBeforeLast: String?
    private var decisions = DecisionBindingCheck()

    package init() {}

    /// Checks the next event against its own hash and the one before it.
    package mutating func add(
        sequence: Int64, atText: String, atMilliseconds: Int64, actor: String, action: String, itemID: Int64?,
        detail: String, previousHash: String, hash: String
    ) -> AuditVerification? {
        count += 1
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
                lastSequence + 1, .deleted,
                "\(missing): deleted from the audit trail (the chain jumps from "
                    + "event \(lastSequence) to event \(sequence))")
        }
        if !contentMatches {
            // Renumbered? Then events were inserted or deleted before it.
            for distance in 1...Self.renumberWindow {
                if sequence - distance >= 1, expected(sequence - distance) == hash {
                    let first = sequence - distance
                    return broken(
                        first, .inserted,
                        "event \(first) onwards do not belong: \(distance) event(s) were inserted before the "
                            + "event now numbered \(sequence) (it was recorded as event \(first))")
                }
                if expected(sequence + distance) == hash {
                    return broken(
                        sequence, .deleted,
                        "\(distance) event(s) were deleted at event \(sequence) and the rest renumbered (the event "
                            + "now numbered \(sequence) was recorded as event \(sequence + distance))")
                }
            }
            return broken(
                sequence, .edited,
                "event \(sequence) was edited: its content (\(action) by \(actor) at \(atText)) no longer matches "
                    + "its hash")
        }
        if previousHash != lastHash {
            if let hashBeforeLast, previousHash == hashBeforeLast {
                return broken(
                    lastSequence, .inserted,
                    "event \(lastSequence) was inserted: event \(sequence) links to event \(lastSequence - 1)")
            }
            return broken(
                lastSequence, .edited,
                "event \(lastSequence) was changed and re-hashed: event \(sequence) still links to its original "
                    + "hash")
        }
        hashBeforeLast = lastHash
        lastSequence = sequence
        lastHash = hash
        lastMilliseconds = atMilliseconds
        decisions.record(action: action, sequence: sequence, detail: detail)
        return nil
    }

    /// Compares the chain's end with the head the store moved with every append (nil: the head record is gone):
    /// catches a cut-off tail, events appended outside the store and a chain rewritten wholesale.
    package func checkHead(sequence recordedSequence: Int64?, hash recordedHash: String?, milliseconds: Int64?)
        -> AuditVerification?
    {
        guard let recordedSequence, let recordedHash, let recordedMilliseconds = milliseconds else {
            return broken(1, .edited, "the chain's head row (audit_head) was deleted")
        }
        if lastSequence < recordedSequence {
            return broken(
                lastSequence + 1, .truncated,
                "the trail ends at event \(lastSequence) but the queue recorded appending up to event "
                    + "\(recordedSequence): events \(lastSequence + 1)–\(recordedSequence) were deleted")
        }
        if lastSequence > recordedSequence {
            return broken(
                recordedSequence + 1, .inserted,
                "events \(recordedSequence + 1)–\(lastSequence) were added outside RedFlag (the queue recorded "
                    + "its last event as \(recordedSequence))")
        }
        if recordedHash != lastHash || (count > 0 && recordedMilliseconds != lastMilliseconds) {
            return broken(
                recordedSequence, .edited,
                "the chain was rewritten: event \(recordedSequence)'s hash or time differs from the head the queue "
                    + "recorded")
        }
        return nil
    }

    /// Checks one decision row against the hash its events bound.
    package mutating func checkDecision(_ row: DecisionRow) -> AuditVerification? {
        decisions.check(row).map(tampered)
    }

    /// A decision row that cannot even be read as one.
    package mutating func unreadableDecision(id: Int64, reason: String) -> AuditVerification {
        tampered(decisions.unreadable(id: id, reason: reason))
    }

    /// After every row was checked: a bound row that is gone.
    package func leftoverDecision() -> AuditVerification? {
        decisions.leftover().map(tampered)
    }

    /// The verification of a chain that passed every check.
    package var valid: AuditVerification {
        AuditVerification(
            isValid: true, eventCount: count, headSequence: count == 0 ? nil : lastSequence,
            headHash: count == 0 ? nil : lastHash, firstBadSequence: nil, problem: nil,
            message: count == 0
                ? "no audit events yet"
                : "ok: \(count) events, chain intact, head \(lastSequence) \(lastHash)")
    }

    private func tampered(_ finding: DecisionBindingCheck.Finding) -> AuditVerification {
        AuditVerification(
            isValid: false, eventCount: count, headSequence: nil, headHash: nil, firstBadSequence: finding.sequence,
            problem: .decisionTampered, decisionID: finding.decisionID, message: finding.message)
    }

    private func broken(_ sequence: Int64, _ problem: AuditVerification.Problem, _ message: String)
        -> AuditVerification
    {
        AuditVerification(
            isValid: false, eventCount: count, headSequence: nil, headHash: nil, firstBadSequence: sequence,
            problem: problem, message: message)
    }
}
