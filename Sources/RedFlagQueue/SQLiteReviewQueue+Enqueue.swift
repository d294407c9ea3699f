import Foundation
import GRDB

extension SQLiteReviewQueue {
    public func enqueue(_ submissions: [QueueSubmission], actor: String) throws -> [EnqueueOutcome] {
        let actor = try Self.validName(actor, what: "actor")
        let prepared = try submissions.map(PreparedSubmission.init)
        if prepared.isEmpty { return [] }
        let now = self.now
        return try write { db in
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
            let status: String = try row.decode(forColumn: "status")
            // A purged ad seen again is not brought back: what was removed on request stays removed.
            let purged = try row.decode(String?.self, forColumn: "purged_at") != nil
            guard status == ItemStatus.pending.rawValue, !purged else { return .unchangedDecided(id: id) }
            let unchanged =
                try row.decode(Double.self, forColumn: "score") == s.score
                && row.decode(String?.self, forColumn: "category") == s.category
                && row.decode(String.self, forColumn: "families") == s.familiesJSON
                && row.decode(String.self, forColumn: "evidence") == s.evidenceJSON
                && row.decode(String.self, forColumn: "contributions") == s.contributionsJSON
                && row.decode(String.self, forColumn: "entities") == s.entitiesJSON
                && row.decode(String.self, forColumn: "features") == s.featuresJSON
                && row.decode(String.self, forColumn: "text") == s.text
            if unchanged { return .refreshed(id: id) }
            let oldScore: Double = try row.decode(forColumn: "score")
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
            var detail = AuditDetail()
            detail.add("outcome", "refreshed")
            detail.add("sha256", s.sha256)
            detail.add("old_score", oldScore)
            detail.add("score", s.score)
            if s.minor { detail.add("minor", 1) }
            try audit.append(db, now: now, actor: actor, action: .enqueue, itemID: id, detail: detail)
            return .refreshed(id: id)
        }

        var record = ItemRecord(
            id: nil, sha256: s.sha256, adID: s.adID, url: s.url, capturedAt: s.capturedAt, location: s.location,
            score: s.score, category: s.category, families: s.familiesJSON, evidence: s.evidenceJSON,
            contributions: s.contributionsJSON, entities: s.entitiesJSON, features: s.featuresJSON, text: s.text,
            contentKind: s.contentKind, rawBytes: s.rawContent.count, groupID: 0, groupScore: s.score,
            enqueuedAt: nowText, enqueuedMilliseconds: nowMilliseconds, minor: s.minor)
        try record.insert(db)
        guard let id = record.id else { throw StoredValueError("insert returned no id") }
        try db.run("INSERT INTO item_content (item_id, raw) VALUES (?, ?)", [id, Data(s.rawContent)])
        try insertFamilies(s.families, item: id, db: db)
        let group = try link(item: id, keys: s.keys, db: db)
        try refreshGroupScore(group.group, item: id, score: s.score, recompute: group.merged, db: db)
        var detail = AuditDetail()
        detail.add("outcome", "queued")
        detail.add("sha256", s.sha256)
        detail.add("ad_id", s.adID)
        detail.add("score", s.score)
        detail.add("bytes", s.rawContent.count)
        if s.minor { detail.add("minor", 1) }
        try audit.append(db, now: now, actor: actor, action: .enqueue, itemID: id, detail: detail)
        return .queued(id: id)
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

    /// A trimmed, non-empty name of at most 200 characters.
    static func validName(_ name: String, what: String) throws -> String {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw QueueError(.invalidInput, "the \(what) name is empty") }
        guard trimmed.count <= 200, !trimmed.unicodeScalars.contains(where: { $0.value < 0x20 }) else {
            throw QueueError(.invalidInput, "the \(what) name is longer than 200 characters or has control characters")
        }
        return trimmed
    }
}

/// A phone or e-mail that links ads.
struct LinkKey: Hashable {
    var kind: String
    var value: String
}

/// A submission checked and normalised before the write transaction starts.
struct PreparedSubmission {
    var sha256: String
    var adID: String
    var url: String?
    var capturedAt: String?
    var location: String?
    var score: Double
    var category: String?
    var families: [String]
    var familiesJSON: String
    var evidenceJSON: String
    var contributionsJSON: String
    var entitiesJSON: String
    var featuresJSON: String
    var keys: [LinkKey]
    var rawContent: [UInt8]
    var contentKind: String
    var text: String
    /// The evidence points to a minor (``MinorEvidence``): the item goes to the head of the queue.
    var minor: Bool

    init(_ s: QueueSubmission) throws {
        func reject(_ why: String) -> QueueError {
            QueueError(.invalidInput, "submission \"\(s.adID)\" rejected: \(why)")
        }
        let sha = s.sha256.lowercased()
        guard SHA256Hex.isValid(sha) else { throw reject("sha256 is not 64 hex digits") }
        guard SHA256Hex.of(s.rawContent) == sha else {
            throw reject("sha256 \(sha) is not the SHA-256 of its raw content (\(s.rawContent.count) bytes)")
        }
        guard s.score.isFinite, (0...1).contains(s.score) else { throw reject("score \(s.score) is not in [0, 1]") }
        guard s.contentKind == "html" || s.contentKind == "text" else {
            throw reject("content kind \"\(s.contentKind)\" is neither html nor text")
        }
        guard !s.adID.isEmpty else { throw reject("the ad id is empty") }
        let decoder = JSONDecoder()
        let evidence: [Evidence]
        do {
            evidence = try decoder.decode([Evidence].self, from: Data(s.evidenceJSON.utf8))
        } catch {
            throw reject("evidence is not a JSON array of {family, feature, match, start, end}")
        }
        let scalarCount = s.text.unicodeScalars.count
        for e in evidence where e.start < 0 || e.end < e.start || e.end > scalarCount {
            throw reject("evidence \(e.family).\(e.feature) has offsets \(e.start)..<\(e.end) outside the text")
        }
        let contributions: [Contribution]
        do {
            contributions = try decoder.decode([Contribution].self, from: Data(s.contributionsJSON.utf8))
        } catch {
            throw reject("contributions is not a JSON array of {feature, weight}")
        }
        let entities: Entities
        do {
            entities = try decoder.decode(Entities.self, from: Data(s.entitiesJSON.utf8))
        } catch {
            throw reject("entities is not a JSON object of phones, emails, ages, prices")
        }
        minor = MinorEvidence.pointsToMinor(
            families: s.families, evidence: evidence, contributions: contributions, entities: entities)
        guard s.features.values.allSatisfy(\.isFinite) else { throw reject("the feature vector has NaN or infinity") }

        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        sha256 = sha
        adID = s.adID
        url = s.url
        capturedAt = s.capturedAt
        location = s.location.flatMap { $0.isEmpty ? nil : $0 }
        score = s.score
        category = s.category
        families = s.families
        familiesJSON = String(decoding: try encoder.encode(s.families), as: UTF8.self)
        evidenceJSON = s.evidenceJSON
        contributionsJSON = s.contributionsJSON
        entitiesJSON = s.entitiesJSON
        featuresJSON = String(decoding: try encoder.encode(s.features), as: UTF8.self)
        var keys: [LinkKey] = []
        for phone in s.phones {
            let digits = String(
                String.UnicodeScalarView(phone.unicodeScalars.filter { $0.value >= 48 && $0.value <= 57 }))
            if digits.count >= 7 { keys.append(LinkKey(kind: "phone", value: digits)) }
        }
        for email in s.emails {
            let normal = email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            if normal.contains("@") { keys.append(LinkKey(kind: "email", value: normal)) }
        }
        var seen: Set<LinkKey> = []
        self.keys = keys.filter { seen.insert($0).inserted }
        rawContent = s.rawContent
        contentKind = s.contentKind
        text = s.text
    }
}
