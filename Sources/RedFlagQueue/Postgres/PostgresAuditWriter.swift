#if Postgres
    import Foundation
    import PostgresNIO

    /// Appends events inside one write transaction, holding the chain's head row locked from ``lock(_:)`` to the
    /// commit (``AuditChain``).
    ///
    /// ``lock(_:)`` runs `SELECT … FROM audit_head WHERE id = 1 FOR UPDATE`: a second writer waits there until the
    /// first commits, then reads the head the first left, so two transactions never link an event onto the same
    /// head. A transaction takes it after its item rows and takes no row lock after it, so waiting for the head
    /// never closes a cycle of waits.
    ///
    /// Events are numbered, stamped and hashed here as they are appended (the caller may need an event's number or
    /// time at once, for a decision row or a note) and sent to the server together by ``flush(_:)``, one round trip
    /// through `redflag_append`, which inserts each and moves the head onto it: every round trip made while the head
    /// is locked is time every other writer waits.
    struct PostgresAuditWriter {
        private var chain: AuditChainHead
        private var pending: [AuditEvent] = []

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
        mutating func append(now: Date, _ entry: AuditEntry) throws -> AuditEvent {
            try append(at: stamp(at: now), entry)
        }

        /// Appends a built event at a stamp taken from this writer since its last append; it reaches the server
        /// with the next ``flush(_:)``.
        @discardableResult
        mutating func append(at stamp: AuditStamp, _ entry: AuditEntry) throws -> AuditEvent {
            let event = try chain.link(entry, at: stamp)
            pending.append(event)
            return event
        }

        /// Sends the events appended since the last flush; the transaction must not commit before it.
        mutating func flush(_ sql: PostgresSQL) async throws {
            guard !pending.isEmpty else { return }
            let events = pending
            pending = []
            try await sql.run(
                """
                SELECT redflag_append(\(events.map(\.sequence)), \(events.map(\.atText)),
                    \(events.map(\.atMilliseconds)), \(events.map(\.actor)), \(events.map(\.action.rawValue)),
                    \(events.map { $0.itemID ?? 0 }), \(events.map(\.detail)), \(events.map(\.previousHash)),
                    \(events.map(\.hash)))
                """)
        }
    }
#endif
