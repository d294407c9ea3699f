import Foundation
import GRDB

/// Reads an SQLite queue's chain, head row and decision rows into ``AuditChainCheck`` (the verification every store
/// shares), then checks what only this store has: the triggers that keep the trail and the decisions append-only.
struct AuditVerifier {
    func verify(_ db: Database) throws -> AuditVerification {
        var check = AuditChainCheck()
        let cursor = try Row.fetchCursor(
            db, sql: "SELECT seq, at, at_ms, actor, action, item_id, detail, prev_hash, hash FROM audit ORDER BY seq")
        while let row = try cursor.next() {
            if let broken = check.add(
                sequence: try row.decode(forColumn: "seq"), atText: try row.decode(forColumn: "at"),
                atMilliseconds: try row.decode(forColumn: "at_ms"), actor: try row.decode(forColumn: "actor"),
                action: try row.decode(forColumn: "action"), itemID: try row.decode(forColumn: "item_id"),
                detail: try row.decode(forColumn: "detail"), previousHash: try row.decode(forColumn: "prev_hash"),
                hash: try row.decode(forColumn: "hash"))
            {
                return broken
            }
        }

        // The head row the store moves with every append catches a cut-off tail and a wholesale rewrite.
        let head = try db.firstRow("SELECT seq, hash, at_ms FROM audit_head WHERE id = 1")
        if let broken = check.checkHead(
            sequence: try head?.decode(Int64.self, forColumn: "seq"),
            hash: try head?.decode(String.self, forColumn: "hash"),
            milliseconds: try head?.decode(Int64.self, forColumn: "at_ms"))
        {
            return broken
        }

        // Every decision row against the hash its events bound, in id order; then the bound rows that are gone.
        let rows = try Row.fetchCursor(db, sql: "SELECT * FROM decision ORDER BY id")
        while let row = try rows.next() {
            let finding: AuditVerification?
            do {
                finding = check.checkDecision(try DecisionRecord(row: row).row())
            } catch {
                let id = (try? row.decode(Int64.self, forColumn: "id")) ?? 0
                // Not the error's text: GRDB's quotes the whole row, note and all.
                finding = check.unreadableDecision(id: id, reason: "a column holds a value of the wrong type")
            }
            if let finding { return finding }
        }
        if let finding = check.leftoverDecision() { return finding }

        // The triggers that keep the trail and the decisions append-only; all were created by the schema.
        let required = ["audit_no_update", "audit_no_delete", "decision_no_update", "decision_no_delete"]
        let present = Set(
            try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ('audit', 'decision')"))
        let missing = required.filter { !present.contains($0) }
        if !missing.isEmpty {
            return AuditVerification(
                isValid: false, eventCount: check.count, headSequence: check.lastSequence, headHash: check.lastHash,
                firstBadSequence: nil, problem: .triggersMissing,
                message: "the \(check.count) events chain correctly, but triggers that keep the audit trail and "
                    + "decisions append-only were removed: " + missing.joined(separator: ", "))
        }
        return check.valid
    }
}
