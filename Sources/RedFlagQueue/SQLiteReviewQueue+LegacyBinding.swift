import Foundation
import GRDB

extension SQLiteReviewQueue {
    /// How many rows one `bind` event carries, so no event's detail grows with the size of the queue.
    static let bindChunk = 500

    /// Binds the decision rows of a queue file written before decide events carried the row's hash: one-time
    /// `bind` events (actor `redflag`) with the hash of each row as it stands (``DecisionRow``), 500 rows an event.
    ///
    /// History is not rewritten: the old decide events stay as they were, and the bind events are appended at the
    /// end of the chain. A row is bound only when it agrees with the events that recorded it
    /// (``LegacyDecisionCheck``); one that does not, or that cannot be read, is left unbound and listed in the
    /// event's `disagreeing`, so `queue audit --verify` names it rather than this migration blessing an edit made
    /// before the upgrade. A file without decisions gets no event.
    static func bindExistingDecisions(_ db: Database, head: AuditWriter.HeadRecord) throws {
        var bound: [(id: Int64, hash: String)] = []
        var disagreeing: [Int64] = []
        let rows = try Row.fetchCursor(db, sql: "SELECT * FROM decision ORDER BY id")
        while let row = try rows.next() {
            guard let record = try? DecisionRecord(row: row), let decision = try? record.row() else {
                if let id = try? row.decode(Int64.self, forColumn: "id") { disagreeing.append(id) }
                continue
            }
            let decideEvent = try AuditRecord.fetchOne(
                db, sql: "SELECT * FROM audit WHERE seq = ?", arguments: [decision.auditSequence])
            let reopenEvents = try AuditRecord.fetchAll(
                db, sql: "SELECT * FROM audit WHERE action = 'reopen' AND item_id = ?", arguments: [decision.itemID])
            let agrees = LegacyDecisionCheck.agrees(
                decision, decideEvent: try? decideEvent?.event(),
                reopenEvents: reopenEvents.compactMap { try? $0.event() })
            if agrees {
                bound.append((decision.id, decision.sha256))
            } else {
                disagreeing.append(decision.id)
            }
        }
        if bound.isEmpty && disagreeing.isEmpty { return }

        var audit = try AuditWriter(db, head: head)
        let now = Date()
        var start = 0
        repeat {
            let chunk = bound[start..<min(start + bindChunk, bound.count)]
            try audit.append(
                db, now: now, AuditEventBuilder.bind(rows: chunk, disagreeing: start == 0 ? disagreeing : []))
            start += bindChunk
        } while start < bound.count
    }
}
