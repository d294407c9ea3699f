#if Postgres
    import Foundation
    import PostgresNIO

    extension PostgresReviewQueue {
        public func claimNext(reviewer: String, lease: Duration, excluding: Set<Int64>) async throws -> QueueItem? {
            let reviewer = try QueueRules.validName(reviewer, what: "reviewer")
            let leaseMilliseconds = try QueueRules.leaseMilliseconds(lease)
            let token = QueueRules.newClaimToken()
            let now = self.now
            let excluded = excluding.sorted()
            return try await write { sql -> QueueItem? in
                let nowMilliseconds = max(RFC3339.milliseconds(now), 0)
                var entries = try await expireLeases(sql: sql, nowMilliseconds: nowMilliseconds)
                let expires = nowMilliseconds + leaseMilliseconds
                let nowText = RFC3339.string(milliseconds: nowMilliseconds)
                // SKIP LOCKED: a row another claimer is taking is passed over, not waited for, so claimers each get
                // the next free item at once and never the same one.
                let claimed = try await sql.value(
                    """
                    UPDATE item SET status = 'claimed', claimed_by = \(reviewer), claim_token = \(token),
                        claimed_at = \(nowText), claimed_ms = \(nowMilliseconds),
                        lease_expires_at = \(RFC3339.string(milliseconds: expires)), lease_expires_ms = \(expires),
                        attempts = attempts + 1, updated_at = \(nowText), updated_ms = \(nowMilliseconds)
                    WHERE id = (
                        SELECT id FROM item WHERE status = 'pending' AND id <> ALL(\(excluded))
                        ORDER BY \(unescaped: QueuePriority.sqlTerms()) LIMIT 1
                        FOR UPDATE SKIP LOCKED)
                    RETURNING id
                    """, as: Int64.self)
                if let claimed {
                    entries.append(
                        AuditEventBuilder.claim(
                            itemID: claimed, reviewer: reviewer, token: token, leaseMilliseconds: leaseMilliseconds,
                            expiresMilliseconds: expires))
                }
                // Read before the head is locked: the item row is this transaction's until it commits.
                var item: QueueItem?
                if let claimed { item = try await loadItem(id: claimed, sql: sql) }
                if !entries.isEmpty {
                    var audit = try await PostgresAuditWriter.lock(sql)
                    for entry in entries { try audit.append(now: now, entry) }
                    try await audit.flush(sql)
                }
                return item
            }
        }

        /// Returns every item whose lease ran out to pending and gives their `expire` events, earliest expiry
        /// first. Rows another transaction holds are skipped: that transaction is deciding, releasing or expiring
        /// them itself.
        private func expireLeases(sql: PostgresSQL, nowMilliseconds: Int64) async throws -> [AuditEntry] {
            let rows = try await sql.rows(
                """
                SELECT id, claimed_by, claim_token, lease_expires_ms FROM item
                WHERE status = 'claimed' AND lease_expires_ms <= \(nowMilliseconds)
                ORDER BY lease_expires_ms, id FOR UPDATE SKIP LOCKED
                """)
            var entries: [AuditEntry] = []
            for row in rows {
                let id: Int64 = try row.get("id")
                try await returnToPending(id: id, sql: sql, nowMilliseconds: nowMilliseconds)
                entries.append(
                    AuditEventBuilder.expire(
                        itemID: id, holder: try row.get("claimed_by"), token: try row.get("claim_token"),
                        expiredMilliseconds: try row.get("lease_expires_ms")))
            }
            return entries
        }

        private func returnToPending(id: Int64, sql: PostgresSQL, nowMilliseconds: Int64) async throws {
            try await sql.run(
                """
                UPDATE item SET status = 'pending', claimed_by = NULL, claim_token = NULL, claimed_at = NULL,
                    claimed_ms = NULL, lease_expires_at = NULL, lease_expires_ms = NULL, decision_id = NULL,
                    updated_at = \(RFC3339.string(milliseconds: nowMilliseconds)), updated_ms = \(nowMilliseconds)
                WHERE id = \(id)
                """)
        }

        public func release(id: Int64, reviewer: String, claimToken: String?) async throws {
            let reviewer = try QueueRules.validName(reviewer, what: "reviewer")
            let now = self.now
            try await write { sql in
                let token = try DecisionStateMachine.release(
                    itemID: id, claim: try await lockedClaim(id: id, sql: sql), reviewer: reviewer,
                    claimToken: claimToken)
                try await returnToPending(id: id, sql: sql, nowMilliseconds: RFC3339.milliseconds(now))
                var audit = try await PostgresAuditWriter.lock(sql)
                try audit.append(now: now, AuditEventBuilder.release(itemID: id, reviewer: reviewer, token: token))
                try await audit.flush(sql)
            }
        }

        public func decide(
            id: Int64, verdict: Verdict, severity: Int, note: String?, reviewer: String, claimToken: String?,
            referrals: ReferralDirectory?
        ) async throws -> DecideOutcome {
            let reviewer = try QueueRules.validName(reviewer, what: "reviewer")
            try QueueRules.checkSeverity(severity, itemID: id)
            let note = try QueueRules.validNote(note, required: false, maximumLength: configuration.maximumNoteLength)
            let now = self.now
            return try await write { sql -> DecideOutcome in
                // The cluster row, then this item's row, then the cluster's other rows, then the head.
                let cluster = try await lockTemplateCluster(of: id, sql: sql)
                let claim = try await lockedClaim(id: id, sql: sql)
                var standing: Decision?
                if let decisionID = claim.decisionID {
                    standing = try await decisionRow(id: decisionID, sql: sql)?.decision()
                }
                let step = try DecisionStateMachine.decide(
                    itemID: id, claim: claim, standing: standing, verdict: verdict, severity: severity, note: note,
                    reviewer: reviewer, claimToken: claimToken, nowMilliseconds: RFC3339.milliseconds(now))
                let token: String
                switch step {
                case .alreadyRecorded(let decision): return .alreadyRecorded(decision)
                case .record(let claimToken): token = claimToken
                }
                if let cluster { try await lockTemplateMembers(cluster: cluster, sql: sql) }
                var referral: String?
                if let referrals, ReferralDirectory.needsReferral(verdict) {
                    let minor = try await sql.value("SELECT minor FROM item WHERE id = \(id)", as: Bool.self) ?? false
                    referral = try referrals.recordedJSON(minor: minor)
                }
                // The row carries its event's number and time, and the event the row's hash: stamp, row, event.
                var audit = try await PostgresAuditWriter.lock(sql)
                let stamp = audit.stamp(at: now)
                guard
                    let decisionID = try await sql.value(
                        """
                        INSERT INTO decision (item_id, verdict, severity, note, reviewer, claim_token, decided_at,
                            decided_ms, audit_seq, referral)
                        VALUES (\(id), \(verdict.rawValue), \(severity), \(note), \(reviewer), \(token), \(stamp.atText),
                            \(stamp.milliseconds), \(stamp.sequence), \(referral))
                        RETURNING id
                        """, as: Int64.self)
                else { throw StoredValueError("insert returned no id") }
                let row = DecisionRow(
                    id: decisionID, itemID: id, verdict: verdict.rawValue, severity: severity, note: note,
                    reviewer: reviewer, claimToken: token, decidedAt: stamp.atText,
                    decidedMilliseconds: stamp.milliseconds, auditSequence: stamp.sequence, referral: referral)
                let event = try audit.append(at: stamp, AuditEventBuilder.decide(row))
                try await audit.flush(sql)
                let updated = try await sql.rows(
                    """
                    UPDATE item SET status = 'decided', decision_id = \(decisionID), claimed_by = NULL,
                        claim_token = NULL, claimed_at = NULL, claimed_ms = NULL, lease_expires_at = NULL,
                        lease_expires_ms = NULL, updated_at = \(event.atText), updated_ms = \(event.atMilliseconds)
                    WHERE id = \(id) AND claim_token = \(token)
                    RETURNING id
                    """)
                guard updated.count == 1 else { throw StoredValueError("item \(id) changed during its decision") }
                if let cluster { try await refreshTemplatePriority(cluster: cluster, sql: sql) }
                return .recorded(try row.decision())
            }
        }

        public func reopen(id: Int64, supervisor: String, note: String) async throws -> QueueItem {
            let supervisor = try QueueRules.validName(supervisor, what: "supervisor")
            let note = try QueueRules.requiredNote(note, maximumLength: configuration.maximumNoteLength)
            let now = self.now
            return try await write { sql -> QueueItem in
                let cluster = try await lockTemplateCluster(of: id, sql: sql)
                let decisionID = try DecisionStateMachine.reopen(
                    itemID: id, claim: try await lockedClaim(id: id, sql: sql))
                if let cluster { try await lockTemplateMembers(cluster: cluster, sql: sql) }
                var audit = try await PostgresAuditWriter.lock(sql)
                let stamp = audit.stamp(at: now)
                try await sql.run(
                    """
                    UPDATE decision SET reopened_at = \(stamp.atText), reopened_ms = \(stamp.milliseconds)
                    WHERE id = \(decisionID)
                    """)
                guard let reopened = try await decisionRow(id: decisionID, sql: sql) else {
                    throw StoredValueError("item \(id)'s decision \(decisionID) is missing")
                }
                // The row now carries the reopened time: the event binds the row as it stands from here on.
                let event = try audit.append(
                    at: stamp, AuditEventBuilder.reopen(reopened, supervisor: supervisor, note: note))
                try await audit.flush(sql)
                try await returnToPending(id: id, sql: sql, nowMilliseconds: event.atMilliseconds)
                try await sql.run(
                    """
                    INSERT INTO note (item_id, author, text, created_at, created_ms, audit_seq)
                    VALUES (\(id), \(supervisor), \("reopened: " + note), \(event.atText), \(event.atMilliseconds),
                        \(event.sequence))
                    """)
                if let cluster { try await refreshTemplatePriority(cluster: cluster, sql: sql) }
                guard let item = try await loadItem(id: id, sql: sql) else {
                    throw StoredValueError("item \(id) vanished")
                }
                return item
            }
        }

        public func addNote(id: Int64, author: String, text: String) async throws -> Note {
            let author = try QueueRules.validName(author, what: "author")
            let text = try QueueRules.requiredNote(text, maximumLength: configuration.maximumNoteLength)
            let now = self.now
            return try await write { sql -> Note in
                // KEY SHARE, before the head: the note's foreign key needs this lock anyway, and taking it after the
                // head could wait on a claimer that waits for the head.
                guard try await sql.first("SELECT id FROM item WHERE id = \(id) FOR KEY SHARE") != nil else {
                    throw notFound(id)
                }
                var audit = try await PostgresAuditWriter.lock(sql)
                let event = try audit.append(now: now, AuditEventBuilder.note(itemID: id, author: author, text: text))
                try await audit.flush(sql)
                guard
                    let noteID = try await sql.value(
                        """
                        INSERT INTO note (item_id, author, text, created_at, created_ms, audit_seq)
                        VALUES (\(id), \(author), \(text), \(event.atText), \(event.atMilliseconds), \(event.sequence))
                        RETURNING id
                        """, as: Int64.self)
                else { throw StoredValueError("insert returned no id") }
                return Note(
                    id: noteID, itemID: id, author: author, text: text,
                    createdAt: RFC3339.date(milliseconds: event.atMilliseconds), auditSequence: event.sequence)
            }
        }

        /// The item's claim and decision state, its row locked for the rest of the transaction
        /// (``DecisionStateMachine`` reads it; the write that follows cannot race another's).
        func lockedClaim(id: Int64, sql: PostgresSQL) async throws -> ClaimState {
            guard
                let row = try await sql.first(
                    """
                    SELECT status, claimed_by, claim_token, lease_expires_ms, decision_id FROM item
                    WHERE id = \(id) FOR UPDATE
                    """)
            else { throw notFound(id) }
            let statusText: String = try row.get("status")
            guard let status = ItemStatus(rawValue: statusText) else {
                throw StoredValueError("item \(id) has an unknown status \"\(statusText)\"")
            }
            return ClaimState(
                status: status, holder: try row.get("claimed_by"), token: try row.get("claim_token"),
                leaseExpiresMilliseconds: try row.get("lease_expires_ms"), decisionID: try row.get("decision_id"))
        }
    }
#endif
