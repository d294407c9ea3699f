#if Postgres
    import Foundation
    import PostgresNIO

    /// The work items of distributed batch scans in the review queue's PostgreSQL schema (migration 4, `work_item`,
    /// `work_run`, `work_run_item`): what `redflag scan --work` registers and `redflag worker` processes claim.
    ///
    /// A claim is `UPDATE … WHERE id = (SELECT … FOR UPDATE SKIP LOCKED LIMIT 1)`, as the review queue's: workers never
    /// wait for each other's choice and never take the same item. Each claim raises the item's `fence`; a renewal,
    /// `done` or `failed` applies only `WHERE fence = ` the claim's, so the worker an item was taken from cannot
    /// overwrite its new holder's outcome. Leases are counted on the server's clock (`clock_timestamp()`), so workers
    /// on machines whose clocks disagree still agree on when one ran out.
    ///
    /// It shares the review queue's connection pool: a worker's results go to that queue in the same database.
    ///
    /// ```swift
    /// let queue = try await PostgresReviewQueue.open(url: "postgres://ana@db/cases")
    /// let work = PostgresScanWorkQueue(queue: queue)
    /// if case .claimed(let item) = try await work.claim(worker: "w1", run: nil, lease: .seconds(60), maxAttempts: 3) {
    ///     _ = try await work.finish(item, outcome: WorkOutcome(ads: 120))
    /// }
    /// ```
    public final class PostgresScanWorkQueue: ScanWorkQueue {
        public let queue: PostgresReviewQueue

        public init(queue: PostgresReviewQueue) { self.queue = queue }

        /// The server's clock in milliseconds since 1970: `clock_timestamp()` moves within a transaction, `now()`
        /// would not.
        private static let clock = "(extract(epoch FROM clock_timestamp()) * 1000)::bigint"

        private static func milliseconds(_ lease: Duration) throws -> Int64 {
            try QueueRules.leaseMilliseconds(lease)
        }

        // MARK: - Registering

        public func register(_ specs: [WorkSpec], by actor: String) async throws -> WorkRegistration {
            let actor = try QueueRules.validName(actor, what: "actor")
            var seen: Set<String> = []
            let unique = specs.filter { seen.insert($0.key).inserted }
            guard !unique.isEmpty else { throw QueueError(.invalidInput, "no files to register") }
            let run = WorkSpec.runID(of: unique)
            let keys = unique.map(\.key)
            let paths = unique.map(\.path)
            let starts = unique.map { Int64($0.byteRange?.lowerBound ?? -1) }
            let ends = unique.map { Int64($0.byteRange?.upperBound ?? -1) }
            let sizes = unique.map(\.fileSize)
            let times = unique.map(\.modifiedNanoseconds)
            let settings = unique.map(\.settings)
            return try await queue.write { sql -> WorkRegistration in
                // In the order given, so ids (the claim order) follow the command line and each file's parts.
                let inserted = try await sql.rows(
                    """
                    INSERT INTO work_item (key, path, range_start, range_end, file_size, file_mtime_ns, settings,
                        registered_ms)
                    SELECT k, p, nullif(s, -1), nullif(e, -1), z, m, t, \(unescaped: Self.clock)
                    FROM unnest(\(keys)::text[], \(paths)::text[], \(starts)::bigint[], \(ends)::bigint[],
                        \(sizes)::bigint[], \(times)::bigint[], \(settings)::text[]) WITH ORDINALITY AS u(k, p, s, e, z, m, t, n)
                    ORDER BY n
                    ON CONFLICT (key) DO NOTHING
                    RETURNING id
                    """)
                let created = try await sql.rows(
                    """
                    INSERT INTO work_run (id, registered_ms, registered_by, items)
                    VALUES (\(run), \(unescaped: Self.clock), \(actor), \(unique.count))
                    ON CONFLICT (id) DO NOTHING
                    RETURNING id
                    """)
                try await sql.run(
                    """
                    INSERT INTO work_run_item (run_id, item_id)
                    SELECT \(run), id FROM work_item WHERE key = ANY(\(keys))
                    ON CONFLICT DO NOTHING
                    """)
                let done =
                    try await sql.value(
                        "SELECT count(*) FROM work_item WHERE key = ANY(\(keys)) AND status = 'done'", as: Int.self) ?? 0
                return WorkRegistration(
                    runID: run, items: unique.count, newItems: inserted.count, alreadyDone: done,
                    existingRun: created.isEmpty)
            }
        }

        // MARK: - Claiming

        public func claim(worker: String, run: String?, lease: Duration, maxAttempts: Int) async throws -> WorkClaim {
            let worker = try QueueRules.validName(worker, what: "worker")
            let leaseMilliseconds = try Self.milliseconds(lease)
            let maxAttempts = max(1, maxAttempts)
            return try await queue.write { sql -> WorkClaim in
                guard let now = try await sql.value("SELECT \(unescaped: Self.clock)", as: Int64.self) else {
                    throw StoredValueError("the server gave no time")
                }
                // An item whose every worker stopped (crashed, stalled, killed) is given up on, naming the last one.
                try await sql.run(
                    """
                    UPDATE work_item SET status = 'failed', lease_expires_ms = NULL, finished_ms = \(now),
                        error = 'no worker finished it: ' || attempts || ' worker(s) stopped renewing the lease while '
                            || 'reading it (the last: ' || worker || '); reading it may crash or stall a worker'
                    WHERE status = 'running' AND lease_expires_ms <= \(now) AND attempts >= \(maxAttempts)
                        AND (\(run)::text IS NULL OR id IN (SELECT item_id FROM work_run_item WHERE run_id = \(run)))
                    """)
                let claimed = try await sql.first(
                    """
                    UPDATE work_item SET status = 'running', worker = \(worker), fence = fence + 1,
                        attempts = attempts + 1, lease_expires_ms = \(now + leaseMilliseconds),
                        first_claimed_ms = coalesce(first_claimed_ms, \(now)), error = NULL
                    WHERE id = (
                        SELECT id FROM work_item
                        WHERE (status = 'pending' OR (status = 'running' AND lease_expires_ms <= \(now)))
                            AND (\(run)::text IS NULL
                                OR id IN (SELECT item_id FROM work_run_item WHERE run_id = \(run)))
                        ORDER BY id LIMIT 1
                        FOR UPDATE SKIP LOCKED)
                    RETURNING id, path, range_start, range_end, file_size, file_mtime_ns, settings, fence, attempts
                    """)
                if let row = claimed {
                    return .claimed(try Self.item(row, worker: worker))
                }
                // Pending rows another claimer is taking right now were skipped: they count as in flight.
                let unfinished =
                    try await sql.value(
                        """
                        SELECT count(*) FROM work_item
                        WHERE status IN ('pending', 'running')
                            AND (\(run)::text IS NULL OR id IN (SELECT item_id FROM work_run_item WHERE run_id = \(run)))
                        """, as: Int.self) ?? 0
                return unfinished > 0 ? .waiting(inFlight: unfinished) : .finished
            }
        }

        private static func item(_ row: PostgresRandomAccessRow, worker: String) throws -> WorkItem {
            let start: Int64? = try row.get("range_start")
            let end: Int64? = try row.get("range_end")
            var range: Range<Int>?
            if let start, let end, start <= end { range = Int(start)..<Int(end) }
            return WorkItem(
                id: try row.get("id"),
                spec: WorkSpec(
                    path: try row.get("path"), byteRange: range, fileSize: try row.get("file_size"),
                    modifiedNanoseconds: try row.get("file_mtime_ns"), settings: try row.get("settings")),
                fence: try row.get("fence"), attempt: try row.get("attempts", as: Int.self), worker: worker)
        }

        // MARK: - The holder's writes, fenced

        public func renew(_ item: WorkItem, lease: Duration) async throws -> Bool {
            let leaseMilliseconds = try Self.milliseconds(lease)
            return try await fenced(
                item,
                """
                UPDATE work_item SET lease_expires_ms = \(unescaped: Self.clock) + \(leaseMilliseconds)
                WHERE id = \(item.id) AND fence = \(item.fence) AND status = 'running'
                RETURNING id
                """)
        }

        public func finish(_ item: WorkItem, outcome: WorkOutcome) async throws -> Bool {
            try await fenced(
                item,
                """
                UPDATE work_item SET status = 'done', lease_expires_ms = NULL, finished_ms = \(unescaped: Self.clock),
                    ads = \(outcome.ads), errors = \(outcome.errors), flagged = \(outcome.flagged),
                    queued = \(outcome.queued), refreshed = \(outcome.refreshed),
                    already_decided = \(outcome.alreadyDecided), bytes = \(outcome.bytes), error = \(outcome.firstError)
                WHERE id = \(item.id) AND fence = \(item.fence) AND status = 'running'
                RETURNING id
                """)
        }

        public func fail(_ item: WorkItem, error: String) async throws -> Bool {
            try await fenced(
                item,
                """
                UPDATE work_item SET status = 'failed', lease_expires_ms = NULL,
                    finished_ms = \(unescaped: Self.clock), error = \(error)
                WHERE id = \(item.id) AND fence = \(item.fence) AND status = 'running'
                RETURNING id
                """)
        }

        public func release(_ item: WorkItem) async throws -> Bool {
            // The attempt is not counted: the worker was told to stop, or its queue failed; the input is not at fault.
            try await fenced(
                item,
                """
                UPDATE work_item SET status = 'pending', worker = NULL, lease_expires_ms = NULL,
                    attempts = greatest(attempts - 1, 0)
                WHERE id = \(item.id) AND fence = \(item.fence) AND status = 'running'
                RETURNING id
                """)
        }

        private func fenced(_ item: WorkItem, _ statement: PostgresQuery) async throws -> Bool {
            try await queue.write { sql in try await sql.rows(statement).count == 1 }
        }

        // MARK: - Progress

        public func status(run: String?) async throws -> WorkStatus {
            let name = queue.name
            return try await queue.read { sql -> WorkStatus in
                if let run, try await sql.first("SELECT id FROM work_run WHERE id = \(run)") == nil {
                    throw QueueError(
                        .itemNotFound,
                        "no scan run \(run) in \(name)",
                        path: name)
                }
                guard
                    let row = try await sql.first(
                        """
                        WITH now AS (SELECT \(unescaped: Self.clock) AS ms)
                        SELECT now.ms AS now_ms, count(w.id) AS total,
                            count(*) FILTER (WHERE status = 'pending') AS pending,
                            count(*) FILTER (WHERE status = 'running' AND lease_expires_ms > now.ms) AS in_flight,
                            count(*) FILTER (WHERE status = 'running' AND lease_expires_ms <= now.ms) AS stalled,
                            count(*) FILTER (WHERE status = 'done') AS done,
                            count(*) FILTER (WHERE status = 'failed') AS failed,
                            count(*) FILTER (WHERE attempts > 1) AS taken_over,
                            count(DISTINCT worker) FILTER (WHERE status = 'running' AND lease_expires_ms > now.ms)
                                AS workers,
                            coalesce(sum(ads) FILTER (WHERE status = 'done'), 0)::bigint AS ads,
                            coalesce(sum(errors) FILTER (WHERE status = 'done'), 0)::bigint AS errors,
                            coalesce(sum(flagged) FILTER (WHERE status = 'done'), 0)::bigint AS flagged,
                            coalesce(sum(queued) FILTER (WHERE status = 'done'), 0)::bigint AS queued,
                            coalesce(sum(bytes) FILTER (WHERE status = 'done'), 0)::bigint AS bytes,
                            min(first_claimed_ms) AS first_ms, max(finished_ms) AS last_ms
                        FROM now LEFT JOIN work_item w ON (\(run)::text IS NULL
                            OR w.id IN (SELECT item_id FROM work_run_item WHERE run_id = \(run)))
                        GROUP BY now.ms
                        """)
                else { throw StoredValueError("the progress query returned no row") }
                var status = WorkStatus(
                    run: run, total: try row.get("total"), pending: try row.get("pending"),
                    inFlight: try row.get("in_flight"), stalled: try row.get("stalled"), done: try row.get("done"),
                    failed: try row.get("failed"), takenOver: try row.get("taken_over"),
                    workers: try row.get("workers"), ads: try row.get("ads"), errors: try row.get("errors"),
                    flagged: try row.get("flagged"), queued: try row.get("queued"), bytes: try row.get("bytes"))
                let now: Int64 = try row.get("now_ms")
                if let first = try row.get("first_ms", as: Int64?.self) {
                    let end = status.isFinished ? (try row.get("last_ms", as: Int64?.self) ?? now) : now
                    status.seconds = Double(max(0, end - first)) / 1000
                }
                status.failures = try await sql.rows(
                    """
                    SELECT path, range_start, range_end, coalesce(error, '') AS error FROM work_item
                    WHERE status = 'failed'
                        AND (\(run)::text IS NULL OR id IN (SELECT item_id FROM work_run_item WHERE run_id = \(run)))
                    ORDER BY id LIMIT 20
                    """
                ).map { row in
                    let path: String = try row.get("path")
                    let start: Int64? = try row.get("range_start")
                    let end: Int64? = try row.get("range_end")
                    let item = start.flatMap { s in end.map { "\(path) (bytes \(s)-\($0))" } } ?? path
                    return WorkStatus.Failure(item: item, error: try row.get("error"))
                }
                return status
            }
        }
    }
#endif
