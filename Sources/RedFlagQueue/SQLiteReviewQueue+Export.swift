import Foundation
import GRDB

extension SQLiteReviewQueue {
    public func exportBundle(status: StatusFilter, actor: String, redact: Bool, destination: String?) async throws
        -> ExportBundle
    {
        let actor = try QueueRules.validName(actor, what: "actor")
        let path = self.path
        // One snapshot for every item, decision, note and raw copy.
        let builder = try await read { db -> ExportBundleBuilder in
            let (clause, arguments) = Self.whereClause(QueueFilter(status: status))
            let items = try Row.fetchAll(
                db, sql: Self.itemSelect + clause + " ORDER BY i.id", arguments: arguments
            ).map(queueItem(from:))
            let reads = try items.map { item in
                ExportBundleBuilder.Read(
                    item: item,
                    decisions: try DecisionRecord.fetchAll(
                        db, sql: "SELECT * FROM decision WHERE item_id = ? ORDER BY id", arguments: [item.id]
                    ).map { try $0.decision() },
                    notes: try NoteRecord.fetchAll(
                        db, sql: "SELECT * FROM note WHERE item_id = ? ORDER BY id", arguments: [item.id]
                    ).map { $0.note() },
                    raw: try Data.fetchOne(
                        db, sql: "SELECT raw FROM item_content WHERE item_id = ?", arguments: [item.id]
                    ).map { Array($0) }, postings: try Self.postings(of: item.id, db: db))
            }
            return try ExportBundleBuilder(
                status: status, actor: actor, redact: redact, destination: destination, items: reads, store: path)
        }
        // The export event binds the data files; the recorded head is the chain after it.
        let now = self.now
        let event = try await write { db in
            var audit = try AuditWriter(db)
            return try audit.append(db, now: now, builder.event)
        }
        return builder.bundle(appended: event, verification: try await verifyAudit())
    }
}
