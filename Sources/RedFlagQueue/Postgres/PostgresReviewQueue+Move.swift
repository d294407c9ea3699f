#if Postgres
    import Foundation
    import GRDB
    import PostgresNIO

    extension PostgresReviewQueue {
        /// What ``moveIn(from:batchSize:)`` copied, and the verification of the queue it made.
        public struct MoveSummary: Sendable {
            public var items: Int
            public var decisions: Int
            public var notes: Int
            public var events: Int
            /// This queue's `verifyAudit()` after the move: valid, with the source's head.
            public var verification: AuditVerification
        }

        /// Copies a queue file into this queue, which must be empty: every item with its raw copy, families, link
        /// keys, claim and standing decision, every decision and note, and the audit trail event for event, so the
        /// chain, its head and the decision rows it binds are the file's and `verifyAudit()` passes here as it did
        /// there. Ids, claim tokens and times stay as they were; nothing is re-hashed or re-stamped, and no event is
        /// added (the move would otherwise be the first event the file never had).
        ///
        /// One transaction: a move that fails leaves this queue empty. The file's chain must verify first (a broken
        /// trail is not carried over silently), and its head is read again at the end: if anything wrote to the file
        /// meanwhile, the move is rolled back and says so.
        ///
        /// - Throws: ``QueueError/Code/invalidState`` when this queue is not empty or the file changed during the
        ///   move, ``QueueError/Code/corruptDatabase`` when the file's trail does not verify.
        public func moveIn(from source: SQLiteReviewQueue, batchSize: Int = 500) async throws -> MoveSummary {
            let before = try await source.verifyAudit()
            guard before.isValid else {
                throw QueueError(
                    .corruptDatabase,
                    "\(source.path)'s audit trail does not verify (\(before.message)); a queue moves only with an "
                        + "intact trail", path: source.path)
            }
            let batch = max(1, batchSize)
            var summary = try await write { sql -> MoveSummary in
                try await sql.run("SELECT name FROM queue_lock WHERE name = 'enqueue' FOR UPDATE")
                let head = try await sql.first("SELECT seq FROM audit_head WHERE id = 1 FOR UPDATE")
                let items = try await sql.value("SELECT count(*) FROM item", as: Int64.self) ?? 0
                guard try head?.get("seq", as: Int64.self) == 0, items == 0 else {
                    throw QueueError(
                        .invalidState, "\(name) is not empty: a queue moves only into an empty one", path: name)
                }
                // Items and decisions point at each other: both foreign keys are checked at the commit.
                try await sql.run("SET CONSTRAINTS ALL DEFERRED")
                var summary = MoveSummary(
                    items: 0, decisions: 0, notes: 0, events: 0, verification: before)
                summary.items = try await copyItems(source, sql: sql, batch: batch)
                summary.decisions = try await copyRows("decision", source, sql: sql, batch: batch)
                summary.notes = try await copyRows("note", source, sql: sql, batch: batch)
                _ = try await copyRows("item_posting", source, sql: sql, batch: batch)
                // Template clusters as they stand: clusters first (members point at them), then members, bands and
                // the boilerplate counts.
                for table in ["template_cluster", "template_member", "template_band", "template_common"] {
                    let rows = try await source.read { db in
                        try Row.fetchAll(db, sql: "SELECT * FROM \(table)").map(CopiedRow.init)
                    }
                    for row in rows { try await insert(row, into: table, sql: sql) }
                }
                summary.events = try await copyEvents(source, sql: sql, batch: batch)
                for table in ["item", "decision", "note", "item_posting"] {
                    try await sql.run(
                        PostgresQuery(
                            unsafeSQL: """
                                SELECT setval(pg_get_serial_sequence('\(table)', 'id'),
                                    coalesce((SELECT max(id) FROM \(table)), 0) + 1, false)
                                """))
                }
                let after = try await source.verifyAudit()
                guard after.headSequence == before.headSequence, after.headHash == before.headHash else {
                    throw QueueError(
                        .invalidState,
                        "\(source.path) changed during the move (its audit head moved); nothing was moved. Stop "
                            + "everything that writes to it and move it again", path: source.path)
                }
                return summary
            }
            summary.verification = try await verifyAudit()
            return summary
        }

        /// Every item, its raw copy, families and link keys, a batch of ids at a time.
        private func copyItems(_ source: SQLiteReviewQueue, sql: PostgresSQL, batch: Int) async throws -> Int {
            var last: Int64 = 0
            var count = 0
            while true {
                let after = last
                let (rows, contents, families, keys) = try await source.read { db in
                    let rows = try Row.fetchAll(
                        db, sql: "SELECT * FROM item WHERE id > ? ORDER BY id LIMIT ?", arguments: [after, batch])
                    guard let first = rows.first, let end = rows.last else {
                        return ([CopiedRow](), [CopiedRow](), [CopiedRow](), [CopiedRow]())
                    }
                    let range: StatementArguments = [
                        try first.decode(Int64.self, forColumn: "id"), try end.decode(Int64.self, forColumn: "id"),
                    ]
                    func fetch(_ sql: String) throws -> [CopiedRow] {
                        try Row.fetchAll(db, sql: sql, arguments: range).map(CopiedRow.init)
                    }
                    return (
                        rows.map(CopiedRow.init),
                        try fetch("SELECT item_id, raw FROM item_content WHERE item_id BETWEEN ? AND ?"),
                        try fetch("SELECT family, item_id FROM item_family WHERE item_id BETWEEN ? AND ?"),
                        try fetch("SELECT kind, value, item_id FROM item_key WHERE item_id BETWEEN ? AND ?")
                    )
                }
                guard let end = rows.last else { return count }
                for row in rows { try await insert(row, into: "item", sql: sql) }
                for row in contents { try await insert(row, into: "item_content", sql: sql) }
                for row in families { try await insert(row, into: "item_family", sql: sql) }
                for row in keys { try await insert(row, into: "item_key", sql: sql) }
                count += rows.count
                last = try end.id()
            }
        }

        /// Decisions, then notes, by id.
        private func copyRows(_ table: String, _ source: SQLiteReviewQueue, sql: PostgresSQL, batch: Int)
            async throws -> Int
        {
            var last: Int64 = 0
            var count = 0
            while true {
                let after = last
                let rows = try await source.read { db in
                    try Row.fetchAll(
                        db, sql: "SELECT * FROM \(table) WHERE id > ? ORDER BY id LIMIT ?", arguments: [after, batch]
                    ).map(CopiedRow.init)
                }
                guard let end = rows.last else { return count }
                for row in rows { try await insert(row, into: table, sql: sql) }
                count += rows.count
                last = try end.id()
            }
        }

        /// Inserts a row of the file into the same table here, column for column: the two stores' tables have the
        /// same columns, and each value is bound as SQLite holds it (PostgreSQL casts integers to its narrower
        /// integer columns on assignment), except `minor`, a boolean here and 0 or 1 there.
        private func insert(_ row: CopiedRow, into table: String, sql: PostgresSQL) async throws {
            var statement = PostgresStatement()
            var placeholders: [String] = []
            for (column, value) in zip(row.columns, row.values) {
                if table == "item" && column == "minor" {
                    guard let minor = Bool.fromDatabaseValue(value) else {
                        throw StoredValueError("an item's minor marking is not 0 or 1")
                    }
                    placeholders.append(statement.bind(minor))
                    continue
                }
                switch value.storage {
                case .null: placeholders.append(statement.bindNull())
                case .int64(let integer): placeholders.append(statement.bind(integer))
                case .double(let real): placeholders.append(statement.bind(real))
                case .string(let text): placeholders.append(statement.bind(text))
                case .blob(let data): placeholders.append(statement.bind(ByteBuffer(bytes: data)))
                }
            }
            statement.append(
                "INSERT INTO \(table) (\(row.columns.joined(separator: ", "))) VALUES ("
                    + placeholders.joined(separator: ", ") + ")")
            try await sql.run(statement.query)
        }

        /// The trail event for event, through `redflag_append`, which moves the head onto each as it goes.
        private func copyEvents(_ source: SQLiteReviewQueue, sql: PostgresSQL, batch: Int) async throws -> Int {
            var last: Int64 = 0
            var count = 0
            while true {
                let after = last
                let events = try await source.read { db in
                    try AuditRecord.fetchAll(
                        db, sql: "SELECT * FROM audit WHERE seq > ? ORDER BY seq LIMIT ?", arguments: [after, batch]
                    ).map { try $0.event() }
                }
                guard let end = events.last else { return count }
                try await sql.run(
                    """
                    SELECT redflag_append(\(events.map(\.sequence)), \(events.map(\.atText)),
                        \(events.map(\.atMilliseconds)), \(events.map(\.actor)), \(events.map(\.action.rawValue)),
                        \(events.map { $0.itemID ?? 0 }), \(events.map(\.detail)), \(events.map(\.previousHash)),
                        \(events.map(\.hash)))
                    """)
                count += events.count
                last = end.sequence
            }
        }
    }

    /// A row read from the file, as values that may cross from GRDB's reader to this store's connection.
    struct CopiedRow: Sendable {
        var columns: [String]
        var values: [DatabaseValue]

        init(_ row: Row) {
            columns = Array(row.columnNames)
            values = Array(row.databaseValues)
        }

        /// The `id` column (the key the copy pages by).
        func id() throws -> Int64 {
            guard let index = columns.firstIndex(of: "id"), let id = Int64.fromDatabaseValue(values[index]) else {
                throw StoredValueError("a row without an integer id")
            }
            return id
        }
    }
#endif
