import Foundation
import GRDB
import RedFlagContract

/// Template clusters and postings in the SQLite file: `template_member` (each signed item's cluster and
/// signature), `template_band` (the band keys later ads are looked up by) and `item_posting`, written in the
/// enqueue's transaction by the rules every store shares (``TemplateMatching``).
extension SQLiteReviewQueue {
    /// Files an item in a template cluster, unless it has no signature or is filed already: one indexed read of
    /// the members under its 20 band keys (each bucket holds at most ``TemplateMatching/bucketCapacity``), then its
    /// member row and, unless it nearly copies the member it matched, its band rows.
    func fileTemplate(item: Int64, _ s: PreparedSubmission, db: Database) throws {
        guard let signature = s.template,
            try db.firstRow("SELECT 1 FROM template_member WHERE item_id = ?", [item]) == nil
        else { return }
        let keys = TemplateMatching.bandKeys(signature)
        // Cursors read by column index, and the statements' text made once: reading rows by column name lowercased
        // each name per row, and the SQL with its placeholders was rebuilt (and hashed to find the cached statement)
        // per item. Filing was a tenth of the server's CPU with a stream of new ads.
        let rows = try Row.fetchCursor(
            db.cachedStatement(sql: Self.bandSQL),
            arguments: StatementArguments(keys))
        var counts: [Int64: Int] = [:]
        var candidates: [Int64: TemplateCandidate] = [:]
        while let row = try rows.next() {
            counts[try row.decode(Int64.self, atIndex: 0), default: 0] += 1
            let id = try row.decode(Int64.self, atIndex: 1)
            guard candidates[id] == nil else { continue }
            let (stored, size) = try row.withUnsafeData(atIndex: 3) { data in
                (data.flatMap { TemplateMatching.signature(Array($0)) }, data?.count ?? 0)
            }
            guard let stored else {
                throw StoredValueError("item \(id)'s template signature is \(size) bytes, not 256")
            }
            candidates[id] = TemplateCandidate(itemID: id, cluster: try row.decode(String.self, atIndex: 2), signature: stored)
        }
        let minimumKeys = TemplateMatching.minimumKeys(signature)
        var templates: [Int64: Int] = [:]
        let common = try Row.fetchCursor(db.cachedStatement(sql: Self.commonSQL), arguments: StatementArguments(minimumKeys))
        while let row = try common.next() {
            templates[try row.decode(Int64.self, atIndex: 0)] = try row.decode(Int.self, atIndex: 1)
        }
        let assignment = TemplateMatching.assign(
            signature, sha256: s.sha256, proposed: s.templateCluster,
            candidates: candidates.values.sorted { $0.itemID < $1.itemID }, bucketCounts: counts,
            threshold: configuration.templateSimilarity,
            common: TemplateMatching.commonMask(signature, templates: templates))
        try db.run("INSERT OR IGNORE INTO template_cluster (id) VALUES (?)", [assignment.cluster])
        if db.changesCount == 1 {
            // It opened a cluster: its minima count towards boilerplate.
            try db.run(
                """
                INSERT INTO template_common (minimum_key, templates) VALUES \(Array(repeating: "(?, 1)", count: 64).joined(separator: ", "))
                ON CONFLICT (minimum_key) DO UPDATE SET templates = templates + 1
                """, StatementArguments(minimumKeys))
        }
        try db.run(
            "INSERT INTO template_member (item_id, cluster_id, signature, similarity) VALUES (?, ?, ?, ?)",
            [item, assignment.cluster, Data(TemplateMatching.bytes(signature)), assignment.similarity])
        for key in assignment.indexedBands {
            try db.run("INSERT OR IGNORE INTO template_band (band_key, item_id) VALUES (?, ?)", [key, item])
        }
        // The newcomer takes its cluster's confirmed count (a decided one, filed late, changes that count).
        if try db.firstRow("SELECT 1 FROM item WHERE id = ? AND decision_id IS NOT NULL", [item]) != nil {
            try refreshTemplatePriority(item: item, db: db)
        } else {
            try db.run(
                "UPDATE item SET template_confirmed = (SELECT confirmed FROM template_cluster WHERE id = ?) WHERE id = ?",
                [assignment.cluster, item])
        }
    }

    /// After a decision on `item` or its reopening: recounts its cluster's confirmed and escalated members and
    /// gives each member the count of the others, which ranks them (``QueuePriority``). Costs the cluster's size,
    /// once per decision.
    func refreshTemplatePriority(item: Int64, db: Database) throws {
        guard
            let cluster = try String.fetchOne(
                db.cachedStatement(sql: "SELECT cluster_id FROM template_member WHERE item_id = ?"), arguments: [item])
        else { return }
        try db.run(
            """
            UPDATE template_cluster SET confirmed = (
                SELECT count(*) FROM template_member m JOIN item o ON o.id = m.item_id
                JOIN decision d ON d.id = o.decision_id
                WHERE m.cluster_id = :cluster AND d.verdict IN ('confirmed', 'escalated'))
            WHERE id = :cluster
            """, ["cluster": cluster])
        try db.run(
            """
            UPDATE item SET template_confirmed = (SELECT confirmed FROM template_cluster WHERE id = :cluster)
                - coalesce((SELECT 1 FROM decision d WHERE d.id = item.decision_id
                    AND d.verdict IN ('confirmed', 'escalated')), 0)
            WHERE id IN (SELECT item_id FROM template_member WHERE cluster_id = :cluster)
            """, ["cluster": cluster])
    }

    /// The members under a signature's band keys (``TemplateMatching/bandKeys(_:)`` gives one per band): band key,
    /// item, cluster, signature.
    static let bandSQL = """
        SELECT b.band_key, m.item_id, m.cluster_id, m.signature FROM template_band b
        JOIN template_member m ON m.item_id = b.item_id
        WHERE b.band_key IN (\(placeholders(TemplateSignature.bands)))
        """

    /// The boilerplate counts of a signature's 64 minima.
    static let commonSQL =
        "SELECT minimum_key, templates FROM template_common WHERE minimum_key IN (\(placeholders(TemplateSignature.count)))"

    /// `?, ?, …`, `count` of them.
    static func placeholders(_ count: Int) -> String { Array(repeating: "?", count: count).joined(separator: ", ") }

    /// Records where the content was posted, once per ad id and URL.
    /// Records where the content was posted, once per ad id and URL; whether this posting was new.
    @discardableResult
    func recordPosting(item: Int64, _ s: PreparedSubmission, milliseconds: Int64, db: Database) throws -> Bool {
        try db.run(
            """
            INSERT INTO item_posting (item_id, ad_id, url, captured_at, location, seen_at, seen_ms)
            SELECT :item, :ad, :url, :captured, :location, :seen, :ms
            WHERE NOT EXISTS (
                SELECT 1 FROM item_posting WHERE item_id = :item AND ad_id = :ad AND url IS :url)
            """,
            [
                "item": item, "ad": s.adID, "url": s.url, "captured": s.capturedAt, "location": s.location,
                "seen": RFC3339.string(milliseconds: milliseconds), "ms": milliseconds,
            ])
        return db.changesCount > 0
    }

    public func templateMembers(of id: Int64) async throws -> [QueueItem] {
        try await read { db in
            guard try db.firstRow("SELECT 1 FROM item WHERE id = ?", [id]) != nil else {
                throw QueueError(.itemNotFound, "no item \(id) in \(path)", path: path, itemID: id)
            }
            return try Row.fetchAll(
                db,
                sql: Self.itemSelect
                    + " WHERE tm.cluster_id = (SELECT cluster_id FROM template_member WHERE item_id = ?) AND i.id != ?"
                    + " ORDER BY i.score DESC, i.id",
                arguments: [id, id]
            ).map(queueItem(from:))
        }
    }

    public func templateClusters(minimumSize: Int) async throws -> [TemplateCluster] {
        try await read { db in
            let items = try Row.fetchAll(
                db,
                sql: Self.itemSelect
                    + """
                     WHERE tm.cluster_id IN (
                        SELECT cluster_id FROM template_member GROUP BY cluster_id HAVING count(*) >= ?)
                    """, arguments: [max(minimumSize, 1)]
            ).map(queueItem(from:))
            return Dictionary(grouping: items) { $0.templateID ?? "" }.map { TemplateCluster(id: $0.key, members: $0.value) }
                .sorted { ($0.size, $1.id) > ($1.size, $0.id) }
        }
    }

    public func templateIndex() async throws -> [TemplateIndexEntry] {
        try await read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT m.cluster_id, m.signature FROM template_member m
                    WHERE EXISTS (SELECT 1 FROM template_band b WHERE b.item_id = m.item_id) ORDER BY m.item_id
                    """
            ).map { row in
                let bytes: Data = try row.decode(forColumn: "signature")
                guard let signature = TemplateMatching.signature(Array(bytes)) else {
                    throw StoredValueError("a template signature is \(bytes.count) bytes, not 256")
                }
                return TemplateIndexEntry(cluster: try row.decode(forColumn: "cluster_id"), signature: signature)
            }
        }
    }

    public func postings(of id: Int64) async throws -> [Posting] {
        try await read { db in
            guard try db.firstRow("SELECT 1 FROM item WHERE id = ?", [id]) != nil else {
                throw QueueError(.itemNotFound, "no item \(id) in \(path)", path: path, itemID: id)
            }
            return try Self.postings(of: id, db: db)
        }
    }

    /// An item's postings, oldest first.
    static func postings(of id: Int64, db: Database) throws -> [Posting] {
        try Row.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM item_posting WHERE item_id = ? ORDER BY id"), arguments: [id]
        ).map { row in
            Posting(
                adID: try row.decode(forColumn: "ad_id"), url: try row.decode(forColumn: "url"),
                capturedAt: try row.decode(forColumn: "captured_at"), location: try row.decode(forColumn: "location"),
                seenAt: RFC3339.date(milliseconds: try row.decode(forColumn: "seen_ms")))
        }
    }
}
