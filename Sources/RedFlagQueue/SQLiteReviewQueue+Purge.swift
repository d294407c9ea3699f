import Foundation
import GRDB
import RedFlagContract
import RedFlagCore

extension SQLiteReviewQueue {
    /// Removes an item's personal data on request (a takedown, a data-protection request, a retention rule): the
    /// ad text, the raw copy, the URL and place, the evidence spans, and its phones and e-mails (also as link keys,
    /// so it links no new ad). What the team decided stays: score, category, families, decisions, notes and the
    /// audit trail, which records the purge with its reason and stays verifiable.
    ///
    /// A claimed item is refused (the reviewer is reading it); release or decide it first.
    public func purge(id: Int64, actor: String, reason: String) async throws {
        let actor = try QueueRules.validName(actor, what: "actor")
        let reason = try QueueRules.purgeReason(reason, maximumLength: configuration.maximumNoteLength)
        let now = self.now
        try await write { db in
            guard let row = try db.firstRow("SELECT status, purged_at, entities FROM item WHERE id = ?", [id]) else {
                throw QueueError(.itemNotFound, "no item \(id) in \(path)", itemID: id)
            }
            let statusText: String = try row.decode(forColumn: "status")
            guard let status = ItemStatus(rawValue: statusText) else {
                throw StoredValueError("item \(id) has an unknown status \"\(statusText)\"")
            }
            try DecisionStateMachine.purge(
                itemID: id, status: status, purgedAt: try row.decode(forColumn: "purged_at"))
            var entities = try StoredJSON.entities(try row.decode(forColumn: "entities"))
            entities.phones = []
            entities.emails = []
            let entitiesJSON = JSONWriter.text { $0.entities(entities) }
            let milliseconds = RFC3339.milliseconds(now)
            let nowText = RFC3339.string(milliseconds: milliseconds)
            try db.run(
                """
                UPDATE item SET text = '', evidence = '[]', entities = ?, url = NULL, location = NULL,
                    purged_at = ?, updated_at = ?, updated_ms = ?
                WHERE id = ?
                """, [entitiesJSON, nowText, nowText, milliseconds, id])
            try db.run("DELETE FROM item_content WHERE item_id = ?", [id])
            try db.run("DELETE FROM item_key WHERE item_id = ?", [id])
            // Its postings keep their ids and dates, not where they were; its text no longer matches later ads.
            try db.run("UPDATE item_posting SET url = NULL, location = NULL WHERE item_id = ?", [id])
            try db.run("DELETE FROM template_band WHERE item_id = ?", [id])
            var audit = try AuditWriter(db)
            try audit.append(db, now: now, AuditEventBuilder.purge(itemID: id, actor: actor, reason: reason))
        }
    }
}
