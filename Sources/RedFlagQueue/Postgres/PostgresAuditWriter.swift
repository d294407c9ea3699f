#if Postgres
    import Foundation
    import PostgresNIO

    /// Appends events inside one write transaction, holding the chain's head row locked from the first append to the
    /// commit (``AuditChain``).
    ///
    /// ``lock(_:)`` runs `SELECT … FROM audit_head WHERE id = 1 FOR UPDATE`: a second writer waits there until the
    /// first commits, then reads the head the first left, so two transactions never link an event onto the same
    /// head. A transaction takes it after its item rows and takes no row lock after it, so waiting for the head
    /// never closes a cycle of waits.
    struct PostgresAuditWriter {
        private var chain: AuditChainHead

        private init(chain: AuditChainHead) { self.chain = chain }

        /// Locks the head row for the rest of the transaction and reads it.
        static func lock(_ sql: PostgresSQL) async throws -> PostgresAuditWriter {
            guard let row = try await sql.first("SELECT seq, hash, at_ms FROM audit_head WHERE id = 1 FOR UPDATE")
            else { throw StoredValueError("the audit chain's head row (audit_head) is missing") }
            return PostgresAuditWriter(
                chain: AuditChainHead(
                    sequence: try row.get("seq"), hash: try row.get("hash"), milliseconds: try row.get("at_ms")))
        }

        /// Where and when the next event lands (``AuditChainHead/stamp(at:)``).
        func stamp(at now: Date) -> AuditStamp { chain.stamp(at: now) }

        /// Appends a built event at the clock's time.
        @discardableResult
        mutating func append(_ sql: PostgresSQL, now: Date, _ entry: AuditEntry) async throws -> AuditEvent {
            try await append(sql, at: stamp(at: now), entry)
        }

        /// Appends a built event at a stamp taken from this writer since its last append, and moves the head row
        /// onto it in the same transaction (its trigger lets it move only there).
        @discardableResult
        mutating func append(_ sql: PostgresSQL, at stamp: AuditStamp, _ entry: AuditEntry) async throws
            -> AuditEvent
        {
            let event = try chain.link(entry, at: stamp)
            try await sql.run(
                """
                INSERT INTO audit (seq, at, at_ms, actor, action, item_id, detail, prev_hash, hash)
                VALUES (\(event.sequence), \(event.atText), \(event.atMilliseconds), \(event.actor),
                    \(event.action.rawValue), \(event.itemID), \(event.detail), \(event.previousHash), \(event.hash))
                """)
            let moved = try await sql.rows(
                """
                UPDATE audit_head SET seq = \(event.sequence), hash = \(event.hash), at_ms = \(event.atMilliseconds)
                WHERE id = 1 RETURNING id
                """)
            guard moved.count == 1 else { throw StoredValueError("the audit chain's head row vanished") }
            return event
        }
    }
#endif
