#if Postgres
    import Foundation
    import PostgresNIO

    extension PostgresReviewQueue {
        public func item(id: Int64) async throws -> QueueItem? {
            try await read { sql in try await loadItem(id: id, sql: sql) }
        }

        public func linkedItems(of id: Int64) async throws -> [LinkedItem] {
            try await read { sql -> [LinkedItem] in
                guard let group = try await sql.value("SELECT group_id FROM item WHERE id = \(id)", as: Int64.self)
                else { throw notFound(id) }
                var statement = PostgresStatement(Self.itemSelect)
                let groupValue = statement.bind(group)
                let idValue = statement.bind(id)
                statement.append(" WHERE i.group_id = \(groupValue) AND i.id <> \(idValue)")
                statement.append(Self.priorityOrder)
                let members = try await sql.rows(statement.query).map(queueItem(from:))
                var shared: [Int64: (phones: [String], emails: [String])] = [:]
                for row in try await sql.rows(
                    """
                    SELECT other.item_id, other.kind, other.value FROM item_key mine
                    JOIN item_key other ON other.kind = mine.kind AND other.value = mine.value
                        AND other.item_id <> mine.item_id
                    WHERE mine.item_id = \(id) ORDER BY other.value
                    """)
                {
                    let other: Int64 = try row.get("item_id")
                    let value: String = try row.get("value")
                    if try row.get("kind", as: String.self) == "phone" {
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
            try await read { sql in try await notes(of: id, sql: sql) }
        }

        public func decisions(of id: Int64) async throws -> [Decision] {
            try await read { sql in try await decisions(of: id, sql: sql) }
        }

        public func list(filter: QueueFilter) async throws -> [QueueItem] {
            var statement = PostgresStatement(Self.itemSelect)
            Self.addConditions(filter, to: &statement)
            statement.append(Self.priorityOrder)
            if let limit = filter.limit { statement.append(" LIMIT \(max(0, limit))") }
            let query = statement.query
            return try await read { sql in try await sql.rows(query).map(queueItem(from:)) }
        }

        public func list(filter: QueueFilter, after cursor: QueueCursor?, limit: Int) async throws -> QueuePage {
            try QueuePage.checkLimit(limit)
            var statement = PostgresStatement(Self.itemSelect)
            let hasConditions = Self.addConditions(filter, to: &statement)
            if let key = cursor?.key {
                statement.append(hasConditions ? " AND " : " WHERE ")
                Self.addAfterCondition(key, to: &statement)
            }
            statement.append(Self.priorityOrder + " LIMIT \(limit + 1)")
            let query = statement.query
            let items = try await read { sql in try await sql.rows(query).map(queueItem(from:)) }
            return QueuePage(reading: items, limit: limit)
        }

        /// The items after `key` in ``QueuePriority``'s order, each key compared in its own direction, the later
        /// keys only where the earlier ones tie (the SQLite store's condition; `false < true` for `minor`).
        static func addAfterCondition(_ key: QueuePriority.Key, to s: inout PostgresStatement) {
            let minor = s.bind(key.minor)
            let template = s.bind(Int64(key.templateConfirmed))
            let group = s.bind(key.groupScore)
            let score = s.bind(key.score)
            let enqueued = s.bind(key.enqueuedMilliseconds)
            let id = s.bind(key.id)
            s.append(
                "(i.minor < \(minor) OR (i.minor = \(minor) AND (i.template_confirmed < \(template) OR "
                    + "(i.template_confirmed = \(template) AND (i.group_score < \(group) OR (i.group_score = \(group) "
                    + "AND (i.score < \(score) OR (i.score = \(score) AND (i.enqueued_ms > \(enqueued) OR "
                    + "(i.enqueued_ms = \(enqueued) AND i.id > \(id)))))))))))")
        }

        /// Appends the filter's `WHERE` clause; returns whether there was one.
        @discardableResult
        static func addConditions(_ filter: QueueFilter, to s: inout PostgresStatement) -> Bool {
            var conditions: [String] = []
            switch filter.status {
            case nil: break
            case .pending?, .claimed?, .decided?:
                conditions.append("i.status = " + s.bind(filter.status!.rawValue))
            case .confirmed?, .dismissed?, .escalated?:
                conditions.append("i.status = 'decided' AND d.verdict = " + s.bind(filter.status!.rawValue))
            }
            if let minimum = filter.minimumScore {
                conditions.append("i.score >= " + s.bind(minimum))
            }
            if let family = filter.family {
                let value = s.bind(family)
                conditions.append("EXISTS (SELECT 1 FROM item_family f WHERE f.item_id = i.id AND f.family = \(value))")
            }
            if filter.minorsOnly {
                conditions.append("i.minor")
            }
            if let phone = filter.phone {
                let digits = String(
                    String.UnicodeScalarView(phone.unicodeScalars.filter { $0.value >= 48 && $0.value <= 57 }))
                conditions.append(
                    "EXISTS (SELECT 1 FROM item_key k WHERE k.item_id = i.id AND k.kind = 'phone' AND k.value = "
                        + s.bind(digits) + ")")
            }
            guard !conditions.isEmpty else { return false }
            s.append(" WHERE " + conditions.joined(separator: " AND "))
            return true
        }

        public func stats() async throws -> QueueStats {
            let nowMilliseconds = RFC3339.milliseconds(now)
            return try await read { sql -> QueueStats in
                var byStatus: [String: Int] = ["pending": 0, "claimed": 0, "expired": 0, "decided": 0]
                for row in try await sql.rows(
                    """
                    SELECT CASE WHEN status = 'claimed' AND lease_expires_ms <= \(nowMilliseconds) THEN 'expired'
                        ELSE status END AS s, count(*) AS n
                    FROM item GROUP BY 1
                    """)
                {
                    byStatus[try row.get("s", as: String.self)] = Int(try row.get("n", as: Int64.self))
                }
                var byVerdict: [String: Int] = ["confirmed": 0, "dismissed": 0, "escalated": 0]
                for row in try await sql.rows(
                    "SELECT d.verdict AS v, count(*) AS n FROM item i JOIN decision d ON d.id = i.decision_id GROUP BY 1"
                ) {
                    byVerdict[try row.get("v", as: String.self)] = Int(try row.get("n", as: Int64.self))
                }
                var byFamily: [String: Int] = [:]
                for row in try await sql.rows("SELECT family, count(*) AS n FROM item_family GROUP BY family") {
                    byFamily[try row.get("family", as: String.self)] = Int(try row.get("n", as: Int64.self))
                }
                let total = try await sql.value("SELECT count(*) FROM item", as: Int64.self) ?? 0
                let groups =
                    try await sql.value(
                        "SELECT count(*) FROM (SELECT group_id FROM item GROUP BY group_id HAVING count(*) > 1) g",
                        as: Int64.self) ?? 0
                let oldest =
                    try await sql.value("SELECT min(enqueued_ms) FROM item WHERE status = 'pending'", as: Int64?.self)
                    ?? nil
                let events = try await sql.value("SELECT count(*) FROM audit", as: Int64.self) ?? 0
                var minors: [String: Int] = ["total": 0, "pending": 0, "claimed": 0, "decided": 0]
                for row in try await sql.rows("SELECT status, count(*) AS n FROM item WHERE minor GROUP BY status") {
                    let count = Int(try row.get("n", as: Int64.self))
                    minors[try row.get("status", as: String.self)] = count
                    minors["total", default: 0] += count
                }
                return QueueStats(
                    total: Int(total), byStatus: byStatus, byVerdict: byVerdict, byFamily: byFamily, minors: minors,
                    linkedGroups: Int(groups), oldestPendingAt: oldest.map(RFC3339.date(milliseconds:)),
                    oldestPendingAgeSeconds: oldest.map { Double(max(0, nowMilliseconds - $0)) / 1000 },
                    auditEvents: Int(events))
            }
        }

        public func labeledExamples() async throws -> [DecidedExample] {
            try await read { sql -> [DecidedExample] in
                let decoder = JSONDecoder()
                return try await sql.rows(
                    """
                    SELECT i.id, i.sha256, i.features, i.category, d.verdict, d.severity
                    FROM item i JOIN decision d ON d.id = i.decision_id
                    WHERE i.status = 'decided' ORDER BY i.id
                    """
                ).map { row in
                    let id: Int64 = try row.get("id")
                    let verdictText: String = try row.get("verdict")
                    guard let verdict = Verdict(rawValue: verdictText) else {
                        throw StoredValueError("item \(id)'s decision has an unknown verdict \"\(verdictText)\"")
                    }
                    return DecidedExample(
                        itemID: id, sha256: try row.get("sha256"),
                        features: try decoder.decode(
                            [String: Double].self, from: Data(try row.get("features", as: String.self).utf8)),
                        label: verdict.label, verdict: verdict, severity: Int(try row.get("severity", as: Int32.self)),
                        category: try row.get("category"))
                }
            }
        }
    }
#endif
