import Foundation
import GRDB

extension SQLiteReviewQueue {
    public func enqueue(_ submissions: [QueueSubmission], actor: String) async throws -> [EnqueueOutcome] {
        let actor = try QueueRules.validName(actor, what: "actor")
        let prepared = try submissions.map(PreparedSubmission.init)
        if prepared.isEmpty { return [] }
        let now = self.now
        return try await write { db in
            var audit = try AuditWriter(db)
            var outcomes: [EnqueueOutcome] = []
            outcomes.reserveCapacity(prepared.count)
            for submission in prepared {
                outcomes.append(try enqueue(submission, db: db, audit: &audit, now: now, actor: actor))
            }
            return outcomes
        }
    }

    private func enqueue(
        _ s: PreparedSubmission, db: Database, audit: inout AuditWriter, now: Date, actor: String
    ) throws -> EnqueueOutcome {
        let nowMilliseconds = RFC3339.milliseconds(now)
        let nowText = RFC3339.string(milliseconds: nowMilliseconds)
        if let row = try db.firstRow(
            "SELECT id, status, score, category, families, evidence, contributions, entities, features, text, "
                + "purged_at FROM item WHERE sha256 = ?", [s.sha256])
        {
            let id: Int64 = try row.decode(forColumn: "id")
            let stored = try Self.storedAssessment(row, id: id)
            // A repost: where it was posted counts whatever happens to the assessment (not once purged: what was
            // removed on request stays removed).
            var reposted = false
            if !stored.purged {
                reposted = try recordPosting(item: id, s, milliseconds: nowMilliseconds, db: db)
                try fileTemplate(item: id, s, db: db)
            }
            switch DecisionStateMachine.enqueue(s, onto: stored) {
            case .leave: return .unchangedDecided(id: id)
            case .unchanged: return reposted ? .reposted(id: id) : .refreshed(id: id)
            case .refresh: break
            }
            try db.execute(
                sql: """
                    UPDATE item SET score = ?, category = ?, families = ?, evidence = ?, contributions = ?,
                        entities = ?, features = ?, text = ?, location = coalesce(?, location), minor = ?,
                        updated_at = ?, updated_ms = ?
                    WHERE id = ?
                    """,
                arguments: [
                    s.score, s.category, s.familiesJSON, s.evidenceJSON, s.contributionsJSON, s.entitiesJSON,
                    s.featuresJSON, s.text, s.location, s.minor, nowText, nowMilliseconds, id,
                ])
            try db.run("DELETE FROM item_family WHERE item_id = ?", [id])
            try insertFamilies(s.families, item: id, db: db)
            let group = try link(item: id, keys: s.keys, db: db)
            try refreshGroupScore(group.group, item: id, score: s.score, recompute: true, db: db)
            try audit.append(
                db, now: now, AuditEventBuilder.refreshed(itemID: id, s, oldScore: stored.score, actor: actor))
            return reposted ? .reposted(id: id) : .refreshed(id: id)
        }

        let record = ItemRecord(
            sha256: s.sha256, adID: s.adID, url: s.url, capturedAt: s.capturedAt, location: s.location,
            score: s.score, category: s.category, families: s.familiesJSON, evidence: s.evidenceJSON,
            contributions: s.contributionsJSON, entities: s.entitiesJSON, features: s.featuresJSON, text: s.text,
            contentKind: s.contentKind, rawBytes: s.rawContent.count, groupID: 0, groupScore: s.score,
            enqueuedAt: nowText, enqueuedMilliseconds: nowMilliseconds, minor: s.minor)
        let id = try record.insert(db)
        try db.run("INSERT INTO item_content (item_id, raw) VALUES (?, ?)", [id, Data(s.rawContent)])
        try insertFamilies(s.families, item: id, db: db)
        let group = try link(item: id, keys: s.keys, db: db)
        try refreshGroupScore(group.group, item: id, score: s.score, recompute: group.merged, db: db)
        try recordPosting(item: id, s, milliseconds: nowMilliseconds, db: db)
        try fileTemplate(item: id, s, db: db)
        try audit.append(db, now: now, AuditEventBuilder.queued(itemID: id, s, actor: actor))
        return .queued(id: id)
    }

    /// The stored item an enqueue of the same content compares against (``DecisionStateMachine/enqueue(_:onto:)``).
    private static func storedAssessment(_ row: Row, id: Int64) throws -> StoredAssessment {
        let statusText: String = try row.decode(forColumn: "status")
        guard let status = ItemStatus(rawValue: statusText) else {
            throw StoredValueError("item \(id) has an unknown status \"\(statusText)\"")
        }
        return StoredAssessment(
            status: status,
            // A purged ad seen again is not brought back: what was removed on request stays removed.
            purged: try row.decode(String?.self, forColumn: "purged_at") != nil,
            score: try row.decode(forColumn: "score"), category: try row.decode(forColumn: "category"),
            familiesJSON: try row.decode(forColumn: "families"), evidenceJSON: try row.decode(forColumn: "evidence"),
            contributionsJSON: try row.decode(forColumn: "contributions"),
            entitiesJSON: try row.decode(forColumn: "entities"), featuresJSON: try row.decode(forColumn: "features"),
            text: try row.decode(forColumn: "text"))
    }

    private func insertFamilies(_ families: [String], item: Int64, db: Database) throws {
        for family in Set(families) {
            try db.run("INSERT OR IGNORE INTO item_family (family, item_id) VALUES (?, ?)", [family, item])
        }
    }

    /// Adds the item's keys and merges every group they touch into the oldest one. Groups only ever merge.
    ///
    /// Near-linear in the number of ads, however large a linked group grows (a phone reposted across a state links
    /// thousands): every item that shares a key is already in one group, so one member per key (`LIMIT 1`, through
    /// the key's index) names that group, and the new item costs index lookups only. Relabelling happens only
    /// when two existing groups merge, and costs the size of the group that gives up its id.
    /// - Returns: The item's group, and whether two or more existing groups were merged into it.
    private func link(item: Int64, keys: [LinkKey], db: Database) throws -> (group: Int64, merged: Bool) {
        var groups: Set<Int64> = []
        if let own = try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT group_id FROM item WHERE id = ?"), arguments: [item]),
            own != 0
        {
            groups.insert(own)
        }
        for key in keys {
            if let found = try Int64.fetchOne(
                db.cachedStatement(
                    sql: """
                        SELECT i.group_id FROM item_key k JOIN item i ON i.id = k.item_id
                        WHERE k.kind = ? AND k.value = ? AND k.item_id != ? LIMIT 1
                        """), arguments: [key.kind, key.value, item])
            {
                groups.insert(found)
            }
            try db.run(
                "INSERT OR IGNORE INTO item_key (kind, value, item_id) VALUES (?, ?, ?)", [key.kind, key.value, item])
        }
        let target = groups.min() ?? item
        var merged = false
        for other in groups where other != target {
            try db.run("UPDATE item SET group_id = ? WHERE group_id = ?", [target, other])
            merged = true
        }
        try db.run("UPDATE item SET group_id = ? WHERE id = ?", [target, item])
        return (target, merged)
    }

    /// Keeps `group_score` (the priority index's first key after status) equal to the group's highest score.
    ///
    /// An item that joins a group without merging groups can only raise that maximum: its members' rows are
    /// rewritten only when it does, and otherwise the newcomer takes the group's score (one indexed read), so a
    /// growing group does not cost a scan of its members per ad. A merge or a re-scored item (whose score may have
    /// gone down) recomputes the maximum through the `(group_id, score)` index.
    func refreshGroupScore(_ group: Int64, item: Int64, score: Double, recompute: Bool, db: Database) throws {
        if !recompute {
            let current = try Double.fetchOne(
                db.cachedStatement(sql: "SELECT group_score FROM item WHERE group_id = ? AND id != ? LIMIT 1"),
                arguments: [group, item])
            guard let current else { return }  // alone in its group: its own score, set on insert
            if score <= current {
                try db.run("UPDATE item SET group_score = ? WHERE id = ?", [current, item])
                return
            }
        }
        try refreshGroupScore(group, db: db)
    }

    /// Recomputes a group's highest score and writes it to the members that differ.
    func refreshGroupScore(_ group: Int64, db: Database) throws {
        guard
            let top = try Double.fetchOne(
                db.cachedStatement(sql: "SELECT max(score) FROM item WHERE group_id = ?"), arguments: [group])
        else { return }
        try db.run(
            "UPDATE item SET group_score = :top WHERE group_id = :group AND group_score IS NOT :top",
            ["group": group, "top": top])
    }
}
