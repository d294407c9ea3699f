#if Postgres
    import Foundation
    import PostgresNIO

    extension PostgresReviewQueue {
        public func enqueue(_ submissions: [QueueSubmission], actor: String) async throws -> [EnqueueOutcome] {
            let actor = try QueueRules.validName(actor, what: "actor")
            let prepared = try submissions.map(PreparedSubmission.init)
            if prepared.isEmpty { return [] }
            let now = self.now
            return try await write { sql in
                // Batches one at a time: linking reads other items' keys (see the type's notes).
                try await sql.run("SELECT name FROM queue_lock WHERE name = 'enqueue' FOR UPDATE")
                var entries: [AuditEntry] = []
                var outcomes: [EnqueueOutcome] = []
                outcomes.reserveCapacity(prepared.count)
                // Content already queued (or seen earlier in this batch) takes the path that compares and refreshes;
                // new content, nearly all of a scan, the one that costs two round trips.
                var seen = Set(
                    try await sql.rows("SELECT sha256 FROM item WHERE sha256 = ANY(\(prepared.map(\.sha256)))").map {
                        try $0.get("sha256", as: String.self)
                    })
                for submission in prepared {
                    if seen.insert(submission.sha256).inserted {
                        outcomes.append(try await insertNew(submission, sql: sql, now: now, actor: actor, entries: &entries))
                    } else {
                        outcomes.append(try await enqueue(submission, sql: sql, now: now, actor: actor, entries: &entries))
                    }
                }
                // Item rows first, the chain's head last (held only for the appends and the commit).
                if !entries.isEmpty {
                    var audit = try await PostgresAuditWriter.lock(sql)
                    for entry in entries { try audit.append(now: now, entry) }
                    try await audit.flush(sql)
                }
                return outcomes
            }
        }

        private func enqueue(
            _ s: PreparedSubmission, sql: PostgresSQL, now: Date, actor: String, entries: inout [AuditEntry]
        ) async throws -> EnqueueOutcome {
            let nowMilliseconds = RFC3339.milliseconds(now)
            let nowText = RFC3339.string(milliseconds: nowMilliseconds)
            // FOR UPDATE: a claimer taking this item now finishes first, and the state machine then sees it claimed.
            if let row = try await sql.first(
                """
                SELECT id, status, score, category, families, evidence, contributions, entities, features, text,
                    purged_at
                FROM item WHERE sha256 = \(s.sha256) FOR UPDATE
                """)
            {
                let id: Int64 = try row.get("id")
                let stored = try Self.storedAssessment(row, id: id)
                // A repost: where it was posted counts whatever happens to the assessment (not once purged: what was
                // removed on request stays removed).
                var reposted = false
                if !stored.purged {
                    reposted = try await recordPosting(item: id, s, milliseconds: nowMilliseconds, sql: sql)
                    try await fileTemplate(item: id, s, sql: sql)
                }
                switch DecisionStateMachine.enqueue(s, onto: stored) {
                case .leave: return .unchangedDecided(id: id)
                case .unchanged: return reposted ? .reposted(id: id) : .refreshed(id: id)
                case .refresh: break
                }
                try await sql.run(
                    """
                    UPDATE item SET score = \(s.score), category = \(s.category), families = \(s.familiesJSON),
                        evidence = \(s.evidenceJSON), contributions = \(s.contributionsJSON),
                        entities = \(s.entitiesJSON), features = \(s.featuresJSON), text = \(s.text),
                        location = coalesce(\(s.location), location), minor = \(s.minor),
                        updated_at = \(nowText), updated_ms = \(nowMilliseconds)
                    WHERE id = \(id)
                    """)
                try await sql.run("DELETE FROM item_family WHERE item_id = \(id)")
                try await insertFamilies(s.families, item: id, sql: sql)
                let group = try await link(item: id, keys: s.keys, sql: sql)
                try await refreshGroupScore(group.group, item: id, score: s.score, recompute: true, sql: sql)
                entries.append(AuditEventBuilder.refreshed(itemID: id, s, oldScore: stored.score, actor: actor))
                return reposted ? .reposted(id: id) : .refreshed(id: id)
            }

            guard
                let id = try await sql.value(
                    """
                    INSERT INTO item (sha256, ad_id, url, captured_at, location, score, category, families, evidence,
                        contributions, entities, features, text, content_kind, raw_bytes, group_id, group_score,
                        enqueued_at, enqueued_ms, updated_at, updated_ms, minor)
                    VALUES (\(s.sha256), \(s.adID), \(s.url), \(s.capturedAt), \(s.location), \(s.score),
                        \(s.category), \(s.familiesJSON), \(s.evidenceJSON), \(s.contributionsJSON), \(s.entitiesJSON),
                        \(s.featuresJSON), \(s.text), \(s.contentKind), \(Int64(s.rawContent.count)), 0, \(s.score),
                        \(nowText), \(nowMilliseconds), \(nowText), \(nowMilliseconds), \(s.minor))
                    RETURNING id
                    """, as: Int64.self)
            else { throw StoredValueError("insert returned no id") }
            try await sql.run("INSERT INTO item_content (item_id, raw) VALUES (\(id), \(Data(s.rawContent)))")
            try await insertFamilies(s.families, item: id, sql: sql)
            let group = try await link(item: id, keys: s.keys, sql: sql)
            try await refreshGroupScore(group.group, item: id, score: s.score, recompute: group.merged, sql: sql)
            try await recordPosting(item: id, s, milliseconds: nowMilliseconds, sql: sql)
            try await fileTemplate(item: id, s, sql: sql)
            entries.append(AuditEventBuilder.queued(itemID: id, s, actor: actor))
            return .queued(id: id)
        }

        /// Inserts content the queue does not hold, linked into its group, in two round trips: one finds the groups
        /// its keys touch (one member per key, as ``link(item:keys:sql:)`` does) and takes its id, one inserts the
        /// item with its raw copy, families and keys. Joining a group whose top score it raises, or merging groups,
        /// costs one or two more.
        private func insertNew(
            _ s: PreparedSubmission, sql: PostgresSQL, now: Date, actor: String, entries: inout [AuditEntry]
        ) async throws -> EnqueueOutcome {
            let nowMilliseconds = RFC3339.milliseconds(now)
            let nowText = RFC3339.string(milliseconds: nowMilliseconds)
            let kinds = s.keys.map(\.kind)
            let values = s.keys.map(\.value)
            guard
                let found = try await sql.first(
                    """
                    SELECT nextval(pg_get_serial_sequence('item', 'id')) AS id, l.groups, l.top
                    FROM (
                        SELECT coalesce(array_agg(g.group_id ORDER BY g.group_id), '{}') AS groups,
                            coalesce(max(g.group_score), -1) AS top
                        FROM unnest(\(kinds)::text[], \(values)::text[]) AS key(kind, value)
                        CROSS JOIN LATERAL (
                            SELECT i.group_id, i.group_score FROM item_key k JOIN item i ON i.id = k.item_id
                            WHERE k.kind = key.kind AND k.value = key.value LIMIT 1) g
                    ) l
                    """)
            else { throw StoredValueError("no id for a new item") }
            let id: Int64 = try found.get("id")
            let groups = Set(try found.get("groups", as: [Int64].self))
            let top: Double = try found.get("top")
            let target = groups.min() ?? id
            // Alone, or joining one group: the group's top score is known; a merge recomputes it below.
            let groupScore = groups.count == 1 ? max(top, s.score) : s.score
            let families = Array(Set(s.families)).sorted()
            try await sql.run(
                """
                WITH new AS (
                    INSERT INTO item (id, sha256, ad_id, url, captured_at, location, score, category, families,
                        evidence, contributions, entities, features, text, content_kind, raw_bytes, group_id,
                        group_score, enqueued_at, enqueued_ms, updated_at, updated_ms, minor)
                    VALUES (\(id), \(s.sha256), \(s.adID), \(s.url), \(s.capturedAt), \(s.location), \(s.score),
                        \(s.category), \(s.familiesJSON), \(s.evidenceJSON), \(s.contributionsJSON), \(s.entitiesJSON),
                        \(s.featuresJSON), \(s.text), \(s.contentKind), \(Int64(s.rawContent.count)), \(target),
                        \(groupScore), \(nowText), \(nowMilliseconds), \(nowText), \(nowMilliseconds), \(s.minor))
                    RETURNING id),
                content AS (INSERT INTO item_content (item_id, raw) SELECT id, \(Data(s.rawContent)) FROM new),
                families AS (
                    INSERT INTO item_family (family, item_id)
                    SELECT f, new.id FROM new, unnest(\(families)::text[]) AS f),
                keys AS (
                    INSERT INTO item_key (kind, value, item_id)
                    SELECT k.kind, k.value, new.id FROM new, unnest(\(kinds)::text[], \(values)::text[]) AS k(kind, value)),
                posting AS (
                    INSERT INTO item_posting (item_id, ad_id, url, captured_at, location, seen_at, seen_ms)
                    SELECT new.id, \(s.adID), \(s.url), \(s.capturedAt), \(s.location), \(nowText), \(nowMilliseconds)
                    FROM new)
                SELECT id FROM new
                """)
            if groups.count > 1 {
                try await sql.run(
                    """
                    UPDATE item SET group_id = \(target)
                    WHERE group_id = ANY(\(groups.filter { $0 != target }.sorted()))
                    """)
                try await refreshGroupScore(target, item: id, score: s.score, recompute: true, sql: sql)
            } else if groups.count == 1 && s.score > top {
                try await sql.run(
                    "UPDATE item SET group_score = \(s.score) WHERE group_id = \(target) AND group_score < \(s.score)")
            }
            try await fileTemplate(item: id, s, sql: sql)
            entries.append(AuditEventBuilder.queued(itemID: id, s, actor: actor))
            return .queued(id: id)
        }

        /// The stored item an enqueue of the same content compares against (``DecisionStateMachine/enqueue(_:onto:)``).
        private static func storedAssessment(_ row: PostgresRandomAccessRow, id: Int64) throws -> StoredAssessment {
            let statusText: String = try row.get("status")
            guard let status = ItemStatus(rawValue: statusText) else {
                throw StoredValueError("item \(id) has an unknown status \"\(statusText)\"")
            }
            return StoredAssessment(
                // A purged ad seen again is not brought back: what was removed on request stays removed.
                status: status, purged: try row.get("purged_at", as: String?.self) != nil,
                score: try row.get("score"), category: try row.get("category"), familiesJSON: try row.get("families"),
                evidenceJSON: try row.get("evidence"), contributionsJSON: try row.get("contributions"),
                entitiesJSON: try row.get("entities"), featuresJSON: try row.get("features"), text: try row.get("text"))
        }

        private func insertFamilies(_ families: [String], item: Int64, sql: PostgresSQL) async throws {
            for family in Set(families).sorted() {
                try await sql.run(
                    "INSERT INTO item_family (family, item_id) VALUES (\(family), \(item)) ON CONFLICT DO NOTHING")
            }
        }

        /// Adds the item's keys and merges every group they touch into the oldest one, as the SQLite store does: one
        /// member per key names its group, and members are relabelled only when groups merge.
        /// - Returns: The item's group, and whether two or more existing groups were merged into it.
        private func link(item: Int64, keys: [LinkKey], sql: PostgresSQL) async throws -> (group: Int64, merged: Bool) {
            var groups: Set<Int64> = []
            if let own = try await sql.value("SELECT group_id FROM item WHERE id = \(item)", as: Int64.self), own != 0 {
                groups.insert(own)
            }
            for key in keys {
                if let found = try await sql.value(
                    """
                    SELECT i.group_id FROM item_key k JOIN item i ON i.id = k.item_id
                    WHERE k.kind = \(key.kind) AND k.value = \(key.value) AND k.item_id <> \(item) LIMIT 1
                    """, as: Int64.self)
                {
                    groups.insert(found)
                }
                try await sql.run(
                    """
                    INSERT INTO item_key (kind, value, item_id) VALUES (\(key.kind), \(key.value), \(item))
                    ON CONFLICT DO NOTHING
                    """)
            }
            let target = groups.min() ?? item
            var merged = false
            for other in groups where other != target {
                try await sql.run("UPDATE item SET group_id = \(target) WHERE group_id = \(other)")
                merged = true
            }
            try await sql.run("UPDATE item SET group_id = \(target) WHERE id = \(item) AND group_id <> \(target)")
            return (target, merged)
        }

        /// Keeps `group_score` equal to the group's highest score, rewriting members only when that maximum may
        /// have changed (see the SQLite store's `refreshGroupScore`).
        private func refreshGroupScore(_ group: Int64, item: Int64, score: Double, recompute: Bool, sql: PostgresSQL)
            async throws
        {
            if !recompute {
                guard
                    let current = try await sql.value(
                        "SELECT group_score FROM item WHERE group_id = \(group) AND id <> \(item) LIMIT 1",
                        as: Double.self)
                else { return }  // alone in its group: its own score, set on insert
                if score <= current {
                    try await sql.run("UPDATE item SET group_score = \(current) WHERE id = \(item)")
                    return
                }
            }
            guard
                let top = try await sql.value("SELECT max(score) FROM item WHERE group_id = \(group)", as: Double?.self)
                    ?? nil
            else { return }
            try await sql.run(
                "UPDATE item SET group_score = \(top) WHERE group_id = \(group) AND group_score IS DISTINCT FROM \(top)"
            )
        }
    }
#endif
