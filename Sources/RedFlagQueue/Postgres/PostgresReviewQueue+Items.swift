#if Postgres
    import Foundation
    import PostgresNIO

    /// Reading rows into the API's values: items, decisions and notes, as the SQLite store reads its own.
    extension PostgresReviewQueue {
        /// The columns ``queueItem(from:)`` reads; `FROM item i LEFT JOIN decision d`.
        static let itemSelect = """
            SELECT i.id, i.sha256, i.ad_id, i.url, i.captured_at, i.location, i.score, i.category, i.families,
                i.evidence, i.contributions, i.entities, i.text, i.content_kind, i.raw_bytes, i.status, i.claimed_by,
                i.claim_token, i.claimed_ms, i.lease_expires_ms, i.attempts, i.group_id, i.group_score, i.enqueued_ms,
                i.purged_at, i.minor, i.template_confirmed, (SELECT count(*) FROM item g WHERE g.group_id = i.group_id) AS group_size,
                d.id AS d_id, d.verdict AS d_verdict, d.severity AS d_severity, d.note AS d_note,
                d.reviewer AS d_reviewer, d.claim_token AS d_claim_token, d.decided_ms AS d_decided_ms,
                d.audit_seq AS d_audit_seq, d.referral AS d_referral, tm.cluster_id AS template_id,
                (SELECT count(*) FROM template_member t WHERE t.cluster_id = tm.cluster_id) AS template_size,
                (SELECT count(*) FROM item_posting p WHERE p.item_id = i.id) AS posting_count
            FROM item i LEFT JOIN decision d ON d.id = i.decision_id
                LEFT JOIN template_member tm ON tm.item_id = i.id
            """

        static let priorityOrder = " ORDER BY " + QueuePriority.sqlTerms(alias: "i.")

        func loadItem(id: Int64, sql: PostgresSQL) async throws -> QueueItem? {
            var statement = PostgresStatement(Self.itemSelect)
            let placeholder = statement.bind(id)
            statement.append(" WHERE i.id = " + placeholder)
            return try await sql.first(statement.query).map(queueItem(from:))
        }

        func queueItem(from row: PostgresRandomAccessRow) throws -> QueueItem {
            let decoder = JSONDecoder()
            let id: Int64 = try row.get("id")
            let statusText: String = try row.get("status")
            guard let status = ItemStatus(rawValue: statusText) else {
                throw StoredValueError("item \(id) has an unknown status \"\(statusText)\"")
            }
            var claim: Claim?
            if status == .claimed, let reviewer = try row.get("claimed_by", as: String?.self),
                let token = try row.get("claim_token", as: String?.self),
                let claimed = try row.get("claimed_ms", as: Int64?.self),
                let expires = try row.get("lease_expires_ms", as: Int64?.self)
            {
                claim = Claim(
                    reviewer: reviewer, token: token, claimedAt: RFC3339.date(milliseconds: claimed),
                    leaseExpiresAt: RFC3339.date(milliseconds: expires))
            }
            var decision: Decision?
            if let decisionID = try row.get("d_id", as: Int64?.self) {
                let verdictText: String = try row.get("d_verdict")
                guard let verdict = Verdict(rawValue: verdictText) else {
                    throw StoredValueError("decision \(decisionID) has an unknown verdict \"\(verdictText)\"")
                }
                decision = Decision(
                    id: decisionID, itemID: id, verdict: verdict,
                    severity: Int(try row.get("d_severity", as: Int32.self)),
                    note: try row.get("d_note"), reviewer: try row.get("d_reviewer"),
                    claimToken: try row.get("d_claim_token"),
                    decidedAt: RFC3339.date(milliseconds: try row.get("d_decided_ms")),
                    auditSequence: try row.get("d_audit_seq"),
                    referral: try row.get("d_referral", as: String?.self).map {
                        try decoder.decode(Referral.self, from: Data($0.utf8))
                    })
            }
            let families = try decoder.decode([String].self, from: Data(try row.get("families", as: String.self).utf8))
            let evidence = try StoredJSON.indicators(try row.get("evidence"))
            let contributions = try StoredJSON.contributions(try row.get("contributions"))
            let entities = try StoredJSON.entities(try row.get("entities"))
            let minorReasons = MinorEvidence.reasons(
                storedMarking: try row.get("minor"), families: families, evidence: evidence,
                contributions: contributions, entities: entities)
            return QueueItem(
                id: id, sha256: try row.get("sha256"), adID: try row.get("ad_id"), url: try row.get("url"),
                capturedAt: try row.get("captured_at"), location: try row.get("location"), score: try row.get("score"),
                category: try row.get("category"), families: families, evidence: evidence,
                contributions: contributions, entities: entities, text: try row.get("text"),
                contentKind: try row.get("content_kind"), rawByteCount: Int(try row.get("raw_bytes", as: Int64.self)),
                status: status, claim: claim, decision: decision, groupID: try row.get("group_id"),
                groupScore: try row.get("group_score"), groupSize: Int(try row.get("group_size", as: Int64.self)),
                enqueuedAt: RFC3339.date(milliseconds: try row.get("enqueued_ms")),
                attempts: Int(try row.get("attempts", as: Int32.self)), purgedAt: try row.get("purged_at"),
                minorReasons: minorReasons, templateID: try row.get("template_id"),
                templateSize: Int(try row.get("template_size", as: Int64.self)),
                postingCount: max(Int(try row.get("posting_count", as: Int64.self)), 1),
                templateConfirmed: Int(try row.get("template_confirmed", as: Int32.self)))
        }

        /// The columns of `decision` in the order ``decisionRow(from:)`` reads them.
        static let decisionColumns = """
            id, item_id, verdict, severity, note, reviewer, claim_token, decided_at, decided_ms, audit_seq, referral,
            reopened_at, reopened_ms
            """

        func decisionRow(from row: PostgresRandomAccessRow) throws -> DecisionRow {
            DecisionRow(
                id: try row.get("id"), itemID: try row.get("item_id"), verdict: try row.get("verdict"),
                severity: Int(try row.get("severity", as: Int32.self)), note: try row.get("note"),
                reviewer: try row.get("reviewer"), claimToken: try row.get("claim_token"),
                decidedAt: try row.get("decided_at"), decidedMilliseconds: try row.get("decided_ms"),
                auditSequence: try row.get("audit_seq"), referral: try row.get("referral"),
                reopenedAt: try row.get("reopened_at"), reopenedMilliseconds: try row.get("reopened_ms"))
        }

        func decisionRow(id: Int64, sql: PostgresSQL) async throws -> DecisionRow? {
            var statement = PostgresStatement("SELECT \(Self.decisionColumns) FROM decision WHERE id = ")
            let placeholder = statement.bind(id)
            statement.append(placeholder)
            return try await sql.first(statement.query).map(decisionRow(from:))
        }

        func decisions(of id: Int64, sql: PostgresSQL) async throws -> [Decision] {
            var statement = PostgresStatement("SELECT \(Self.decisionColumns) FROM decision WHERE item_id = ")
            let placeholder = statement.bind(id)
            statement.append(placeholder + " ORDER BY id")
            return try await sql.rows(statement.query).map { try decisionRow(from: $0).decision() }
        }

        func notes(of id: Int64, sql: PostgresSQL) async throws -> [Note] {
            try await sql.rows(
                """
                SELECT id, item_id, author, text, created_ms, audit_seq FROM note WHERE item_id = \(id) ORDER BY id
                """
            ).map { row in
                Note(
                    id: try row.get("id"), itemID: try row.get("item_id"), author: try row.get("author"),
                    text: try row.get("text"), createdAt: RFC3339.date(milliseconds: try row.get("created_ms")),
                    auditSequence: try row.get("audit_seq"))
            }
        }

        func event(from row: PostgresRandomAccessRow) throws -> AuditEvent {
            let actionText: String = try row.get("action")
            guard let action = AuditAction(rawValue: actionText) else {
                throw StoredValueError("audit event has an unknown action \"\(actionText)\"")
            }
            return AuditEvent(
                sequence: try row.get("seq"), atText: try row.get("at"), atMilliseconds: try row.get("at_ms"),
                actor: try row.get("actor"), action: action, itemID: try row.get("item_id"),
                detail: try row.get("detail"), previousHash: try row.get("prev_hash"), hash: try row.get("hash"))
        }
    }
#endif
