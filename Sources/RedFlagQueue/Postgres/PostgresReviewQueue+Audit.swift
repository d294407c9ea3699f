#if Postgres
    import Foundation
    import PostgresNIO
    import RedFlagContract
    import RedFlagCore

    extension PostgresReviewQueue {
        public func auditEvents(itemID: Int64?, after: Int64?, limit: Int?) async throws -> [AuditEvent] {
            var statement = PostgresStatement(
                "SELECT seq, at, at_ms, actor, action, item_id, detail, prev_hash, hash FROM audit")
            var conditions: [String] = []
            if let itemID { conditions.append("item_id = " + statement.bind(itemID)) }
            if let after { conditions.append("seq > " + statement.bind(after)) }
            if !conditions.isEmpty { statement.append(" WHERE " + conditions.joined(separator: " AND ")) }
            statement.append(" ORDER BY seq")
            if let limit { statement.append(" LIMIT \(max(0, limit))") }
            let query = statement.query
            return try await read { sql in try await sql.rows(query).map(event(from:)) }
        }

        /// The chain, the head row and every decision row through the checks every store shares
        /// (`AuditChainCheck`), on one snapshot; then what only a server database adds: the triggers that keep the
        /// trail and decisions append-only must still be there and enabled (`ALTER TABLE … DISABLE TRIGGER` would
        /// let plain SQL rewrite them).
        public func verifyAudit() async throws -> AuditVerification {
            try await read { sql in try await verification(sql) }
        }

        func verification(_ sql: PostgresSQL) async throws -> AuditVerification {
            var check = AuditChainCheck()
            var broken: AuditVerification?
            try await sql.forEach(
                "SELECT seq, at, at_ms, actor, action, item_id, detail, prev_hash, hash FROM audit ORDER BY seq"
            ) { row in
                guard broken == nil else { return }
                broken = check.add(
                    sequence: try row.get("seq"), atText: try row.get("at"), atMilliseconds: try row.get("at_ms"),
                    actor: try row.get("actor"), action: try row.get("action"), itemID: try row.get("item_id"),
                    detail: try row.get("detail"), previousHash: try row.get("prev_hash"), hash: try row.get("hash"))
            }
            if let broken { return broken }
            let head = try await sql.first("SELECT seq, hash, at_ms FROM audit_head WHERE id = 1")
            if let broken = check.checkHead(
                sequence: try head?.get("seq", as: Int64.self), hash: try head?.get("hash", as: String.self),
                milliseconds: try head?.get("at_ms", as: Int64.self))
            {
                return broken
            }
            var finding: AuditVerification?
            try await sql.forEach("SELECT \(unescaped: Self.decisionColumns) FROM decision ORDER BY id") { row in
                guard finding == nil else { return }
                do {
                    finding = check.checkDecision(try decisionRow(from: row))
                } catch {
                    let id = (try? row.get("id", as: Int64.self)) ?? 0
                    finding = check.unreadableDecision(id: id, reason: "a column holds a value of the wrong type")
                }
            }
            if let finding { return finding }
            if let finding = check.leftoverDecision() { return finding }

            let enabled = Set(
                try await sql.rows(
                    """
                    SELECT t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
                    WHERE c.relnamespace = current_schema()::regnamespace AND c.relname IN ('audit', 'decision')
                        AND NOT t.tgisinternal AND t.tgenabled <> 'D'
                    """
                ).map { try $0.get("tgname", as: String.self) })
            let missing = PostgresSchema.requiredTriggers.filter { !enabled.contains($0) }
            if !missing.isEmpty {
                return AuditVerification(
                    isValid: false, eventCount: check.count, headSequence: check.lastSequence,
                    headHash: check.lastHash, firstBadSequence: nil, problem: .triggersMissing,
                    message: "the \(check.count) events chain correctly, but triggers that keep the audit trail and "
                        + "decisions append-only were removed or disabled: " + missing.joined(separator: ", "))
            }
            return check.valid
        }

        public func exportBundle(status: StatusFilter, actor: String, redact: Bool, destination: String?)
            async throws -> ExportBundle
        {
            let actor = try QueueRules.validName(actor, what: "actor")
            let name = self.name
            // One snapshot for every item, decision, note and raw copy.
            let builder = try await read { sql -> ExportBundleBuilder in
                var statement = PostgresStatement(Self.itemSelect)
                Self.addConditions(QueueFilter(status: status), to: &statement)
                statement.append(" ORDER BY i.id")
                var reads: [ExportBundleBuilder.Read] = []
                for item in try await sql.rows(statement.query).map(queueItem(from:)) {
                    let raw = try await sql.value(
                        "SELECT raw FROM item_content WHERE item_id = \(item.id)", as: Data.self)
                    reads.append(
                        ExportBundleBuilder.Read(
                            item: item, decisions: try await decisions(of: item.id, sql: sql),
                            notes: try await notes(of: item.id, sql: sql), raw: raw.map { Array($0) },
                            postings: try await postings(of: item.id, sql: sql)))
                }
                return try ExportBundleBuilder(
                    status: status, actor: actor, redact: redact, destination: destination, items: reads, store: name)
            }
            // The export event binds the data files; the recorded head is the chain after it.
            let now = self.now
            let event = try await write { sql -> AuditEvent in
                var audit = try await PostgresAuditWriter.lock(sql)
                let event = try audit.append(now: now, builder.event)
                try await audit.flush(sql)
                return event
            }
            return builder.bundle(appended: event, verification: try await verifyAudit())
        }

        /// Removes an item's personal data on request, as ``SQLiteReviewQueue/purge(id:actor:reason:)`` does: text,
        /// raw copy, URL, place, evidence spans and contact details (also as link keys); the score, decisions, notes
        /// and audit trail stay, and the purge is audited with its reason.
        public func purge(id: Int64, actor: String, reason: String) async throws {
            let actor = try QueueRules.validName(actor, what: "actor")
            let reason = try QueueRules.purgeReason(reason, maximumLength: configuration.maximumNoteLength)
            let now = self.now
            try await write { sql in
                guard
                    let row = try await sql.first(
                        "SELECT status, purged_at, entities FROM item WHERE id = \(id) FOR UPDATE")
                else { throw notFound(id) }
                let statusText: String = try row.get("status")
                guard let status = ItemStatus(rawValue: statusText) else {
                    throw StoredValueError("item \(id) has an unknown status \"\(statusText)\"")
                }
                try DecisionStateMachine.purge(itemID: id, status: status, purgedAt: try row.get("purged_at"))
                var entities = try StoredJSON.entities(try row.get("entities"))
                entities.phones = []
                entities.emails = []
                let entitiesJSON = JSONWriter.text { $0.entities(entities) }
                let milliseconds = RFC3339.milliseconds(now)
                let nowText = RFC3339.string(milliseconds: milliseconds)
                try await sql.run(
                    """
                    UPDATE item SET text = '', evidence = '[]', entities = \(entitiesJSON), url = NULL, location = NULL,
                        purged_at = \(nowText), updated_at = \(nowText), updated_ms = \(milliseconds)
                    WHERE id = \(id)
                    """)
                try await sql.run("DELETE FROM item_content WHERE item_id = \(id)")
                try await sql.run("DELETE FROM item_key WHERE item_id = \(id)")
                // Its postings keep their ids and dates, not where they were; its text no longer matches later ads.
                try await sql.run("UPDATE item_posting SET url = NULL, location = NULL WHERE item_id = \(id)")
                try await sql.run("DELETE FROM template_band WHERE item_id = \(id)")
                var audit = try await PostgresAuditWriter.lock(sql)
                try audit.append(now: now, AuditEventBuilder.purge(itemID: id, actor: actor, reason: reason))
                try await audit.flush(sql)
            }
        }
    }
#endif
