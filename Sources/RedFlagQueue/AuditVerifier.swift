import Foundation
import GRDB

/// Walks the chain in order and reports the first place it breaks.
struct AuditVerifier {
    /// How far a renumbered event is searched for (an insertion or deletion of up to this many events is named as
    /// such; more is reported as an edit).
    static let renumberWindow: Int64 = 256

    func verify(_ db: Database) throws -> AuditVerification {
        var count = 0
        var lastSequence: Int64 = 0
        var lastHash = AuditChain.genesisHash
        var lastMilliseconds: Int64 = 0
        var hashBeforeLast: String?
        var decisions = DecisionBindingCheck()
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
            lastMilliseconds = atMilliseconds
            decisions.record(action: action, sequence: sequence, detail: detail)
        }

        // The head row the store moves with every append catches a cut-off tail and a wholesale rewrite.
        guard let head = try db.firstRow("SELECT seq, hash, at_ms FROM audit_head WHERE id = 1") else {
            return broken(count, 1, .edited, "the chain's head row (audit_head) was deleted")
        }
        let recordedSequence: Int64 = try head.decode(forColumn: "seq")
        let recordedHash: String = try head.decode(forColumn: "hash")
        let recordedMilliseconds: Int64 = try head.decode(forColumn: "at_ms")
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
        if recordedHash != lastHash || (count > 0 && recordedMilliseconds != lastMilliseconds) {
            return broken(
                count, recordedSequence, .edited,
                "the chain was rewritten: event \(recordedSequence)'s hash or time differs from the head the queue "
                    + "recorded")
        }

        if let finding = try checkDecisions(db, &decisions) {
            return AuditVerification(
                isValid: false, eventCount: count, headSequence: nil, headHash: nil,
                firstBadSequence: finding.sequence, problem: .decisionTampered, decisionID: finding.decisionID,
                message: finding.message)
        }

        // The triggers that keep the trail and the decisions append-only; all were created by the schema.
        let required = ["audit_no_update", "audit_no_delete", "decision_no_update", "decision_no_delete"]
        let present = Set(
            try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ('audit', 'decision')"))
        let missing = required.filter { !present.contains($0) }
        if !missing.isEmpty {
            return AuditVerification(
                isValid: false, eventCount: count, headSequence: lastSequence, headHash: lastHash,
                firstBadSequence: nil, problem: .triggersMissing,
                message: "the \(count) events chain correctly, but triggers that keep the audit trail and decisions "
                    + "append-only were removed: " + missing.joined(separator: ", "))
        }
        return AuditVerification(
            isValid: true, eventCount: count, headSequence: count == 0 ? nil : lastSequence,
            headHash: count == 0 ? nil : lastHash, firstBadSequence: nil, problem: nil,
            message: count == 0
                ? "no audit events yet"
                : "ok: \(count) events, chain intact, head \(lastSequence) \(lastHash)")
    }

    /// Every decision row against the hash its events bound, in id order; then the bound rows that are gone.
    private func checkDecisions(
        _ db: Database, _ check: inout DecisionBindingCheck
    ) throws -> DecisionBindingCheck.Finding? {
        let rows = try Row.fetchCursor(db, sql: "SELECT * FROM decision ORDER BY id")
        while let row = try rows.next() {
            let finding: DecisionBindingCheck.Finding?
            do {
                finding = check.check(try DecisionRecord(row: row).row())
            } catch {
                let id = (try? row.decode(Int64.self, forColumn: "id")) ?? 0
                // Not the error's text: GRDB's quotes the whole row, note and all.
                finding = check.unreadable(id: id, reason: "a column holds a value of the wrong type")
            }
            if let finding { return finding }
        }
        return check.leftover()
    }

    private func broken(
        _ count: Int, _ sequence: Int64, _ problem: AuditVerification.Problem, _ message: String
    ) -> AuditVerification {
        AuditVerification(
            isValid: false, eventCount: count, headSequence: nil, headHash: nil, firstBadSequence: sequence,
            problem: problem, message: message)
    }
}
