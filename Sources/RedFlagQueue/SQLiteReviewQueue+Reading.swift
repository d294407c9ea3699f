import Foundation
import GRDB

extension SQLiteReviewQueue {
    /// The columns ``queueItem(from:)`` reads; `FROM item i LEFT JOIN decision d`.
    static let itemSelect = """
        SELECT i.id, i.sha256, i.ad_id, i.url, i.captured_at, i.location, i.score, i.category, i.families, i.evidence,
            i.contributions, i.entities, i.text, i.content_kind, i.raw_bytes, i.status, i.claimed_by, i.claim_token,
            i.claimed_ms, i.lease_expires_ms, i.attempts, i.group_id, i.group_score, i.enqueued_ms, i.purged_at,
            i.minor, i.template_confirmed, (SELECT count(*) FROM item g WHERE g.group_id = i.group_id) AS group_size,
            d.id AS d_id, d.verdict AS d_verdict, d.severity AS d_severity, d.note AS d_note,
            d.reviewer AS d_reviewer, d.claim_token AS d_claim_token, d.decided_ms AS d_decided_ms,
            d.audit_seq AS d_audit_seq, d.referral AS d_referral, tm.cluster_id AS template_id,
            (SELECT count(*) FROM template_member t WHERE t.cluster_id = tm.cluster_id) AS template_size,
            (SELECT count(*) FROM item_posting p WHERE p.item_id = i.id) AS posting_count
        FROM item i LEFT JOIN decision d ON d.id = i.decision_id LEFT JOIN template_member tm ON tm.item_id = i.id
        """

    static let priorityOrder = "ORDER BY " + QueuePriority.sqlTerms(alias: "i.")

    func loadItem(id: Int64, db: Database) throws -> QueueItem? {
        try db.firstRow(Self.itemSelect + " WHERE i.id = ?", [id]).map(queueItem(from:))
    }

    func queueItem(from row: Row) throws -> QueueItem {
        let decoder = JSONDecoder()
        func json<T: Decodable>(_ type: T.Type, _ column: String) throws -> T {
            let text: String = try row.decode(forColumn: column)
            return try decoder.decode(type, from: Data(text.utf8))
        }
        let id: Int64 = try row.decode(forColumn: "id")
        let statusText: String = try row.decode(forColumn: "status")
        guard let status = ItemStatus(rawValue: statusText) else {
            throw StoredValueError("item \(id) has an unknown status \"\(statusText)\"")
        }
        var claim: Claim?
        if status == .claimed, let reviewer: String = try row.decode(forColumn: "claimed_by"),
            let token: String = try row.decode(forColumn: "claim_token"),
            let claimed: Int64 = try row.decode(forColumn: "claimed_ms"),
            let expires: Int64 = try row.decode(forColumn: "lease_expires_ms")
        {
            claim = Claim(
                reviewer: reviewer, token: token, claimedAt: RFC3339.date(milliseconds: claimed),
                leaseExpiresAt: RFC3339.date(milliseconds: expires))
        }
        var decision: Decision?
        if let decisionID: Int64 = try row.decode(forColumn: "d_id") {
            let verdictText: String = try row.decode(forColumn: "d_verdict")
            guard let verdict = Verdict(rawValue: verdictText) else {
                throw StoredValueError("decision \(decisionID) has an unknown verdict \"\(verdictText)\"")
            }
            decision = Decision(
                id: decisionID, itemID: id, verdict: verdict, severity: try row.decode(forColumn: "d_severity"),
                note: try row.decode(forColumn: "d_note"), reviewer: try row.decode(forColumn: "d_reviewer"),
                claimToken: try row.decode(forColumn: "d_claim_token"),
                decidedAt: RFC3339.date(milliseconds: try row.decode(forColumn: "d_decided_ms")),
                auditSequence: try row.decode(forColumn: "d_audit_seq"),
                referral: try row.decode(String?.self, forColumn: "d_referral").map {
                    try decoder.decode(Referral.self, from: Data($0.utf8))
                })
        }
        let families = try json([String].self, "families")
        let evidence = try StoredJSON.indicators(try row.decode(forColumn: "evidence"))
        let contributions = try StoredJSON.contributions(try row.decode(forColumn: "contributions"))
        let entities = try StoredJSON.entities(try row.decode(forColumn: "entities"))
        let minorReasons = MinorEvidence.reasons(
            storedMarking: try row.decode(Bool.self, forColumn: "minor"), families: families, evidence: evidence,
            contributions: contributions, entities: entities)
        return QueueItem(
            id: id, sha256: try row.decode(forColumn: "sha256"), adID: try row.decode(forColumn: "ad_id"),
            url: try row.decode(forColumn: "url"), capturedAt: try row.decode(forColumn: "captured_at"),
            location: try row.decode(forColumn: "location"), score: try row.decode(forColumn: "score"),
            category: try row.decode(forColumn: "category"), families: families, evidence: evidence,
            contributions: contributions, entities: entities, text: try row.decode(forColumn: "text"),
            contentKind: try row.decode(forColumn: "content_kind"),
            rawByteCount: try row.decode(forColumn: "raw_bytes"),
            status: status, claim: claim, decision: decision, groupID: try row.decode(forColumn: "group_id"),
            groupScore: try row.decode(forColumn: "group_score"), groupSize: try row.decode(forColumn: "group_size"),
            enqueuedAt: RFC3339.date(milliseconds: try row.decode(forColumn: "enqueued_ms")),
            attempts: try row.decode(forColumn: "attempts"), purgedAt: try row.decode(forColumn: "purged_at"),
            minorReasons: minorReasons, templateID: try row.decode(forColumn: "template_id"),
            templateSize: try row.decode(forColumn: "template_size"),
            postingCount: max(try row.decode(Int.self, forColumn: "posting_count"), 1),
            templateConfirmed: try row.decode(forColumn: "template_confirmed"))
    }

    public func item(id: Int64) async throws -> QueueItem? {
        try await read { db in try loadItem(id: id, db: db) }
    }

    public func linkedItems(of id: Int64) async throws -> [LinkedItem] {
        try await read { db in
            guard let group = try Int64.fetchOne(db, sql: "SELECT group_id FROM item WHERE id = ?", arguments: [id])
            else {
                throw QueueError(.itemNotFound, "no item \(id) in \(path)", path: path, itemID: id)
            }
            let members = try Row.fetchAll(
                db, sql: Self.itemSelect + " WHERE i.group_id = ? AND i.id != ? " + Self.priorityOrder,
                arguments: [group, id]
            ).map(queueItem(from:))
            var shared: [Int64: (phones: [String], emails: [String])] = [:]
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT other.item_id, other.kind, other.value FROM item_key mine
                    JOIN item_key other ON other.kind = mine.kind AND other.value = mine.value
                        AND other.item_id != mine.item_id
                    WHERE mine.item_id = ? ORDER BY other.value
                    """, arguments: [id])
            for row in rows {
                let other: Int64 = try row.decode(forColumn: "item_id")
                let kind: String = try row.decode(forColumn: "kind")
                let value: String = try row.decode(forColumn: "value")
                if kind == "phone" {
                    shared[other, default: ([], [])].phones.append(value)
                } else {
                    shared[other, default: ([], [])].emails.append(value)
                }
            }
            return members.sorted { ($0.score, -$0.id) > ($1.score, -$1.id) }.map {
                LinkedItem(
                    item: $0, sharedPhones: shared[$0.id]?.phones ?? [], sharedEmails: shared[$0.id]?.emails ?? [])
            }
        }
    }

    public func notes(of id: Int64) async throws -> [Note] {
        try await read { db in
            try NoteRecord.fetchAll(db, sql: "SELECT * FROM note WHERE item_id = ? ORDER BY id", arguments: [id])
                .map { $0.note() }
        }
    }

    public func decisions(of id: Int64) async throws -> [Decision] {
        try await read { db in
            try DecisionRecord.fetchAll(
                db, sql: "SELECT * FROM decision WHERE item_id = ? ORDER BY id", arguments: [id]
            )
            .map { try $0.decision() }
        }
    }

    public func list(filter: QueueFilter) async throws -> [QueueItem] {
        let (clause, arguments) = Self.whereClause(filter)
        let sql =
            Self.itemSelect + clause + " " + Self.priorityOrder + (filter.limit.map { " LIMIT \(max(0, $0))" } ?? "")
        return try await read { db in
            try Row.fetchAll(db, sql: sql, arguments: arguments).map(queueItem(from:))
        }
    }

    public func list(filter: QueueFilter, after cursor: QueueCursor?, limit: Int) async throws -> QueuePage {
        try QueuePage.checkLimit(limit)
        var (clause, arguments) = Self.whereClause(filter)
        if let key = cursor?.key {
            let (after, afterArguments) = Self.afterCondition(key)
            clause += (clause.isEmpty ? " WHERE " : " AND ") + after
            arguments += afterArguments
        }
        let sql = Self.itemSelect + clause + " " + Self.priorityOrder + " LIMIT \(limit + 1)"
        let bound = arguments
        let items = try await read { db in try Row.fetchAll(db, sql: sql, arguments: bound).map(queueItem(from:)) }
        return QueuePage(reading: items, limit: limit)
    }

    /// The items after `key` in ``QueuePriority``'s order, as one condition the priority index can serve: each key
    /// compared in its own direction, the later keys only where the earlier ones tie.
    static func afterCondition(_ key: QueuePriority.Key) -> (String, StatementArguments) {
        let minor: Int64 = key.minor ? 1 : 0
        let template = Int64(key.templateConfirmed)
        return (
            "(i.minor < ? OR (i.minor = ? AND (i.template_confirmed < ? OR (i.template_confirmed = ? AND "
                + "(i.group_score < ? OR (i.group_score = ? AND (i.score < ? OR "
                + "(i.score = ? AND (i.enqueued_ms > ? OR (i.enqueued_ms = ? AND i.id > ?))))))))))",
            [
                minor, minor, template, template, key.groupScore, key.groupScore, key.score, key.score, key.enqueuedMilliseconds,
                key.enqueuedMilliseconds, key.id,
            ]
        )
    }

    static func whereClause(_ filter: QueueFilter) -> (String, StatementArguments) {
        var conditions: [String] = []
        var arguments = StatementArguments()
        switch filter.status {
        case nil: break
        case .pending?, .claimed?, .decided?:
            conditions.append("i.status = ?")
            arguments += [filter.status!.rawValue]
        case .confirmed?, .dismissed?, .escalated?:
            conditions.append("i.status = 'decided' AND d.verdict = ?")
            arguments += [filter.status!.rawValue]
        }
        if let minimum = filter.minimumScore {
            conditions.append("i.score >= ?")
            arguments += [minimum]
        }
        if let family = filter.family {
            conditions.append("EXISTS (SELECT 1 FROM item_family f WHERE f.item_id = i.id AND f.family = ?)")
            arguments += [family]
        }
        if filter.minorsOnly {
            conditions.append("i.minor = 1")
        }
        if let phone = filter.phone {
            let digits = String(
                String.UnicodeScalarView(phone.unicodeScalars.filter { $0.value >= 48 && $0.value <= 57 }))
            conditions.append(
                "EXISTS (SELECT 1 FROM item_key k WHERE k.item_id = i.id AND k.kind = 'phone' AND k.value = ?)")
            arguments += [digits]
        }
        return (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND "), arguments)
    }

    public func stats() async throws -> QueueStats {
        let nowMilliseconds = RFC3339.milliseconds(now)
        return try await read { db in
            var byStatus: [String: Int] = ["pending": 0, "claimed": 0, "expired": 0, "decided": 0]
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT CASE WHEN status = 'claimed' AND lease_expires_ms <= ? THEN 'expired' ELSE status END AS s,
                        count(*) AS n
                    FROM item GROUP BY s
                    """, arguments: [nowMilliseconds])
            {
                byStatus[try row.decode(String.self, forColumn: "s")] = try row.decode(Int.self, forColumn: "n")
            }
            var byVerdict: [String: Int] = ["confirmed": 0, "dismissed": 0, "escalated": 0]
            for row in try Row.fetchAll(
                db,
                sql:
                    "SELECT d.verdict AS v, count(*) AS n FROM item i JOIN decision d ON d.id = i.decision_id "
                        + "GROUP BY v"
            ) {
                byVerdict[try row.decode(String.self, forColumn: "v")] = try row.decode(Int.self, forColumn: "n")
            }
            var byFamily: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT family, count(*) AS n FROM item_family GROUP BY family") {
                byFamily[try row.decode(String.self, forColumn: "family")] = try row.decode(Int.self, forColumn: "n")
            }
            let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM item") ?? 0
            let groups =
                try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM (SELECT group_id FROM item GROUP BY group_id HAVING count(*) > 1)")
                ?? 0
            let oldest = try Int64.fetchOne(db, sql: "SELECT min(enqueued_ms) FROM item WHERE status = 'pending'")
            let events = try Int.fetchOne(db, sql: "SELECT count(*) FROM audit") ?? 0
            var minors: [String: Int] = ["total": 0, "pending": 0, "claimed": 0, "decided": 0]
            for row in try Row.fetchAll(
                db, sql: "SELECT status, count(*) AS n FROM item WHERE minor = 1 GROUP BY status")
            {
                let count: Int = try row.decode(forColumn: "n")
                minors[try row.decode(String.self, forColumn: "status")] = count
                minors["total", default: 0] += count
            }
            return QueueStats(
                total: total, byStatus: byStatus, byVerdict: byVerdict, byFamily: byFamily, minors: minors,
                linkedGroups: groups,
                oldestPendingAt: oldest.map(RFC3339.date(milliseconds:)),
                oldestPendingAgeSeconds: oldest.map { Double(max(0, nowMilliseconds - $0)) / 1000 },
                auditEvents: events)
        }
    }

    public func labeledExamples() async throws -> [DecidedExample] {
        try await read { db in
            let decoder = JSONDecoder()
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT i.id, i.sha256, i.features, i.category, d.verdict, d.severity
                    FROM item i JOIN decision d ON d.id = i.decision_id
                    WHERE i.status = 'decided' ORDER BY i.id
                    """
            ).map { row in
                let id: Int64 = try row.decode(forColumn: "id")
                let verdictText: String = try row.decode(forColumn: "verdict")
                guard let verdict = Verdict(rawValue: verdictText) else {
                    throw StoredValueError("item \(id)'s decision has an unknown verdict \"\(verdictText)\"")
                }
                let featuresText: String = try row.decode(forColumn: "features")
                return DecidedExample(
                    itemID: id, sha256: try row.decode(forColumn: "sha256"),
                    features: try decoder.decode([String: Double].self, from: Data(featuresText.utf8)),
                    label: verdict.label, verdict: verdict, severity: try row.decode(forColumn: "severity"),
                    category: try row.decode(forColumn: "category"))
            }
        }
    }

    public func auditEvents(itemID: Int64?, after: Int64?, limit: Int?) async throws -> [AuditEvent] {
        var conditions: [String] = []
        var arguments = StatementArguments()
        if let itemID {
            conditions.append("item_id = ?")
            arguments += [itemID]
        }
        if let after {
            conditions.append("seq > ?")
            arguments += [after]
        }
        var text = "SELECT * FROM audit"
        if !conditions.isEmpty { text += " WHERE " + conditions.joined(separator: " AND ") }
        text += " ORDER BY seq"
        if let limit { text += " LIMIT \(max(0, limit))" }
        let (sql, bound) = (text, arguments)
        return try await read { db in
            try AuditRecord.fetchAll(db, sql: sql, arguments: bound).map { try $0.event() }
        }
    }

    /// Checks the file with SQLite's `PRAGMA quick_check` (every page and record, not the index contents; about
    /// a second per gigabyte), then the audit chain: damage outside the audit table would otherwise pass unseen.
    public func verifyAudit() async throws -> AuditVerification {
        let findings: [String]
        do {
            findings = try await pool.read { db in try String.fetchAll(db, sql: "PRAGMA quick_check(20)") }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB {
            findings = [error.message ?? "\(error.resultCode)"]
        } catch {
            throw Self.mapped(error, path: path)
        }
        if findings != ["ok"] {
            let shown = findings.prefix(5).joined(separator: "; ") + (findings.count > 5 ? "; …" : "")
            return AuditVerification(
                isValid: false, eventCount: 0, headSequence: nil, headHash: nil, firstBadSequence: nil,
                problem: .fileDamaged,
                message: "\(path) is damaged (SQLite quick_check: \(shown)); the audit chain was not checked. "
                    + "Restore the file from a backup, or export what still reads")
        }
        return try await read { db in try AuditVerifier().verify(db) }
    }

    /// Runs SQLite's `PRAGMA integrity_check` (reads the whole file).
    /// - Returns: `["ok"]` when the file is sound, else SQLite's findings.
    public func integrityCheck() async throws -> [String] {
        try await read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
    }
}
