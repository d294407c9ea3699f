#if Postgres
    import Foundation
    import PostgresNIO
    import RedFlagContract

    /// Template clusters and postings on the server: the SQLite store's tables (``SQLiteReviewQueue``'s migration
    /// v9) and the rules every store shares (``TemplateMatching``), inside the enqueue's transaction (which holds the
    /// enqueue lock, so two batches never file against a half-written index).
    extension PostgresReviewQueue {
        /// Files an item in a template cluster, unless it has no signature or is filed already: one read of the
        /// members under its 20 band keys, one statement for its member row and band rows.
        func fileTemplate(item: Int64, _ s: PreparedSubmission, sql: PostgresSQL) async throws {
            guard let signature = s.template else { return }
            let keys = TemplateMatching.bandKeys(signature)
            var counts: [Int64: Int] = [:]
            var candidates: [Int64: TemplateCandidate] = [:]
            var filed = false
            for row in try await sql.rows(
                """
                SELECT b.band_key, m.item_id, m.cluster_id, m.signature,
                    EXISTS (SELECT 1 FROM template_member f WHERE f.item_id = \(item)) AS filed
                FROM (SELECT 0) one
                LEFT JOIN template_band b ON b.band_key = ANY(\(keys))
                LEFT JOIN template_member m ON m.item_id = b.item_id
                """)
            {
                filed = try row.get("filed")
                guard let key = try row.get("band_key", as: Int64?.self), let id = try row.get("item_id", as: Int64?.self)
                else { continue }
                counts[key, default: 0] += 1
                guard candidates[id] == nil else { continue }
                let bytes = try row.get("signature", as: ByteBuffer.self)
                guard let stored = TemplateMatching.signature(Array(buffer: bytes)) else {
                    throw StoredValueError("item \(id)'s template signature is \(bytes.readableBytes) bytes, not 256")
                }
                candidates[id] = TemplateCandidate(itemID: id, cluster: try row.get("cluster_id"), signature: stored)
            }
            guard !filed else { return }
            let minimumKeys = TemplateMatching.minimumKeys(signature)
            var templates: [Int64: Int] = [:]
            for row in try await sql.rows(
                "SELECT minimum_key, templates FROM template_common WHERE minimum_key = ANY(\(minimumKeys))")
            {
                templates[try row.get("minimum_key")] = Int(try row.get("templates", as: Int32.self))
            }
            let assignment = TemplateMatching.assign(
                signature, sha256: s.sha256, proposed: s.templateCluster,
                candidates: candidates.values.sorted { $0.itemID < $1.itemID }, bucketCounts: counts,
                threshold: configuration.templateSimilarity,
                common: TemplateMatching.commonMask(signature, templates: templates))
            let opened = try await sql.rows(
                "INSERT INTO template_cluster (id) VALUES (\(assignment.cluster)) ON CONFLICT DO NOTHING RETURNING id")
            if !opened.isEmpty {
                // It opened a cluster: its minima count towards boilerplate.
                try await sql.run(
                    """
                    INSERT INTO template_common (minimum_key, templates)
                    SELECT k, 1 FROM unnest(\(minimumKeys)::bigint[]) AS k
                    ON CONFLICT (minimum_key) DO UPDATE SET templates = template_common.templates + 1
                    """)
            }
            try await sql.run(
                """
                WITH member AS (
                    INSERT INTO template_member (item_id, cluster_id, signature, similarity)
                    VALUES (\(item), \(assignment.cluster), \(Data(TemplateMatching.bytes(signature))),
                        \(assignment.similarity))
                    RETURNING item_id)
                INSERT INTO template_band (band_key, item_id)
                SELECT k, member.item_id FROM member, unnest(\(assignment.indexedBands)::bigint[]) AS k
                ON CONFLICT DO NOTHING
                """)
            // The newcomer takes its cluster's confirmed count, read under the cluster row's lock so a decision
            // committing meanwhile is counted (a decided one, filed late, changes that count).
            if try await sql.value(
                "SELECT id FROM item WHERE id = \(item) AND decision_id IS NOT NULL", as: Int64.self) != nil
            {
                try await refreshTemplatePriority(item: item, sql: sql)
            } else {
                let confirmed = try await sql.value(
                    "SELECT confirmed FROM template_cluster WHERE id = \(assignment.cluster) FOR UPDATE",
                    as: Int32.self) ?? 0
                try await sql.run("UPDATE item SET template_confirmed = \(confirmed) WHERE id = \(item)")
            }
        }

        /// After a decision on `item` or its reopening: recounts its cluster's confirmed and escalated members and
        /// gives each member the count of the others (see the SQLite store's `refreshTemplatePriority`).
        func refreshTemplatePriority(item: Int64, sql: PostgresSQL) async throws {
            guard let cluster = try await lockTemplateCluster(of: item, sql: sql) else { return }
            try await refreshTemplatePriority(cluster: cluster, sql: sql)
        }

        /// Locks the template cluster `item` belongs to and returns its id (nil when it has none).
        ///
        /// A decision or reopening takes this lock first, before its own item row, and then its cluster's member
        /// rows (``lockTemplateMembers(cluster:sql:)``), all before the audit chain's head: rows first, head last,
        /// as every writer does. Two decisions in one cluster then queue on the cluster row, and no transaction
        /// holding the head ever waits for an item row. (Updating the members after the head deadlocked against a
        /// reviewer who held one of them and waited for the head.) The lock is taken in its own statement, so the
        /// count that follows (a new snapshot) sees every decision committed before it.
        func lockTemplateCluster(of item: Int64, sql: PostgresSQL) async throws -> String? {
            try await sql.value(
                """
                SELECT c.id FROM template_member m JOIN template_cluster c ON c.id = m.cluster_id
                WHERE m.item_id = \(item) FOR UPDATE OF c
                """, as: String.self)
        }

        /// Locks every member row of `cluster`, in id order.
        func lockTemplateMembers(cluster: String, sql: PostgresSQL) async throws {
            try await sql.run(
                """
                SELECT id FROM item WHERE id IN (SELECT item_id FROM template_member WHERE cluster_id = \(cluster))
                ORDER BY id FOR UPDATE
                """)
        }

        /// Recounts `cluster`'s confirmed and escalated members and gives each member the count of the others. The
        /// caller holds the cluster row's lock.
        func refreshTemplatePriority(cluster: String, sql: PostgresSQL) async throws {
            try await sql.run(
                """
                UPDATE template_cluster SET confirmed = (
                    SELECT count(*) FROM template_member m JOIN item o ON o.id = m.item_id
                    JOIN decision d ON d.id = o.decision_id
                    WHERE m.cluster_id = \(cluster) AND d.verdict IN ('confirmed', 'escalated'))
                WHERE id = \(cluster)
                """)
            try await sql.run(
                """
                UPDATE item SET template_confirmed = c.confirmed
                    - coalesce((SELECT 1 FROM decision d WHERE d.id = item.decision_id
                        AND d.verdict IN ('confirmed', 'escalated')), 0)
                FROM template_cluster c
                WHERE c.id = \(cluster) AND item.id IN (SELECT item_id FROM template_member WHERE cluster_id = \(cluster))
                    AND item.template_confirmed IS DISTINCT FROM c.confirmed
                        - coalesce((SELECT 1 FROM decision d WHERE d.id = item.decision_id
                            AND d.verdict IN ('confirmed', 'escalated')), 0)
                """)
        }

        /// Records where the content was posted, once per ad id and URL; whether this posting was new.
        @discardableResult
        func recordPosting(item: Int64, _ s: PreparedSubmission, milliseconds: Int64, sql: PostgresSQL) async throws
            -> Bool
        {
            let seen = RFC3339.string(milliseconds: milliseconds)
            return try await sql.value(
                """
                INSERT INTO item_posting (item_id, ad_id, url, captured_at, location, seen_at, seen_ms)
                SELECT \(item), \(s.adID), \(s.url), \(s.capturedAt), \(s.location), \(seen), \(milliseconds)
                WHERE NOT EXISTS (
                    SELECT 1 FROM item_posting WHERE item_id = \(item) AND ad_id = \(s.adID)
                        AND url IS NOT DISTINCT FROM \(s.url))
                RETURNING item_id
                """, as: Int64.self) != nil
        }

        public func templateMembers(of id: Int64) async throws -> [QueueItem] {
            try await read { sql -> [QueueItem] in
                guard try await sql.value("SELECT id FROM item WHERE id = \(id)", as: Int64.self) != nil else {
                    throw notFound(id)
                }
                var statement = PostgresStatement(Self.itemSelect)
                let first = statement.bind(id)
                let second = statement.bind(id)
                statement.append(
                    " WHERE tm.cluster_id = (SELECT cluster_id FROM template_member WHERE item_id = \(first))"
                        + " AND i.id <> \(second) ORDER BY i.score DESC, i.id")
                return try await sql.rows(statement.query).map(queueItem(from:))
            }
        }

        public func templateClusters(minimumSize: Int) async throws -> [TemplateCluster] {
            try await read { sql -> [TemplateCluster] in
                var statement = PostgresStatement(Self.itemSelect)
                let minimum = statement.bind(Int64(max(minimumSize, 1)))
                statement.append(
                    " WHERE tm.cluster_id IN (SELECT cluster_id FROM template_member GROUP BY cluster_id"
                        + " HAVING count(*) >= \(minimum))")
                let items = try await sql.rows(statement.query).map(queueItem(from:))
                return Dictionary(grouping: items) { $0.templateID ?? "" }.map {
                    TemplateCluster(id: $0.key, members: $0.value)
                }.sorted { ($0.size, $1.id) > ($1.size, $0.id) }
            }
        }

        public func templateIndex() async throws -> [TemplateIndexEntry] {
            try await read { sql -> [TemplateIndexEntry] in
                try await sql.rows(
                    """
                    SELECT m.cluster_id, m.signature FROM template_member m
                    WHERE EXISTS (SELECT 1 FROM template_band b WHERE b.item_id = m.item_id) ORDER BY m.item_id
                    """
                ).map { row in
                    let bytes = try row.get("signature", as: ByteBuffer.self)
                    guard let signature = TemplateMatching.signature(Array(buffer: bytes)) else {
                        throw StoredValueError("a template signature is \(bytes.readableBytes) bytes, not 256")
                    }
                    return TemplateIndexEntry(cluster: try row.get("cluster_id"), signature: signature)
                }
            }
        }

        public func postings(of id: Int64) async throws -> [Posting] {
            try await read { sql -> [Posting] in
                guard try await sql.value("SELECT id FROM item WHERE id = \(id)", as: Int64.self) != nil else {
                    throw notFound(id)
                }
                return try await postings(of: id, sql: sql)
            }
        }

        /// An item's postings, oldest first.
        func postings(of id: Int64, sql: PostgresSQL) async throws -> [Posting] {
            try await sql.rows(
                """
                SELECT ad_id, url, captured_at, location, seen_ms FROM item_posting
                WHERE item_id = \(id) ORDER BY id
                """
            ).map { row in
                Posting(
                    adID: try row.get("ad_id"), url: try row.get("url"), capturedAt: try row.get("captured_at"),
                    location: try row.get("location"), seenAt: RFC3339.date(milliseconds: try row.get("seen_ms")))
            }
        }
    }
#endif
