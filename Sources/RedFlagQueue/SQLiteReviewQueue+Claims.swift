import Foundation
import GRDB

extension SQLiteReviewQueue {
    public func claimNext(reviewer: String, lease: Duration, excluding: Set<Int64>) async throws -> QueueItem? {
        let reviewer = try QueueRules.validName(reviewer, what: "reviewer")
        let leaseMilliseconds = try QueueRules.leaseMilliseconds(lease)
        let token = QueueRules.newClaimToken()
        let now = self.now
        return try await write { db in
            var audit = try AuditWriter(db)
            let nowMilliseconds = max(RFC3339.milliseconds(now), 0)
            try expireLeases(db: db, audit: &audit, now: now, nowMilliseconds: nowMilliseconds)

            let expires = nowMilliseconds + leaseMilliseconds
            let excluded = excluding.sorted()
            let exclusion =
                excluded.isEmpty ? "" : " AND id NOT IN (" + excluded.map { _ in "?" }.joined(separator: ",") + ")"
            var arguments: StatementArguments = [
                reviewer, token, RFC3339.string(milliseconds: nowMilliseconds), nowMilliseconds,
                RFC3339.string(milliseconds: expires), expires, RFC3339.string(milliseconds: nowMilliseconds),
                nowMilliseconds,
            ]
            arguments += StatementArguments(excluded)
            // One statement picks and takes the item, inside GRDB's IMMEDIATE transaction: two claimers can never
            // take the same row.
            let claimed = try Int64.fetchOne(
                db.cachedStatement(
                    sql: """
                        UPDATE item SET status = 'claimed', claimed_by = ?, claim_token = ?, claimed_at = ?,
                            claimed_ms = ?,
                            lease_expires_at = ?, lease_expires_ms = ?, attempts = attempts + 1,
                            updated_at = ?, updated_ms = ?
                        WHERE id = (
                            SELECT id FROM item WHERE status = 'pending'\(exclusion)
                            ORDER BY \(QueuePriority.sqlTerms()) LIMIT 1)
                        RETURNING id
                        """), arguments: arguments)
            guard let id = claimed else { return nil }
            try audit.append(
                db, now: now,
                AuditEventBuilder.claim(
                    itemID: id, reviewer: reviewer, token: token, leaseMilliseconds: leaseMilliseconds,
                    expiresMilliseconds: expires))
            return try loadItem(id: id, db: db)
        }
    }

    /// Returns every item whose lease ran out to pending, one `expire` event each.
    private func expireLeases(db: Database, audit: inout AuditWriter, now: Date, nowMilliseconds: Int64) throws {
        let rows = try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT id, claimed_by, claim_token, lease_expires_ms FROM item
                    WHERE status = 'claimed' AND lease_expires_ms <= ? ORDER BY lease_expires_ms, id
                    """), arguments: [nowMilliseconds])
        for row in rows {
            let id: Int64 = try row.decode(forColumn: "id")
            let holder: String = try row.decode(forColumn: "claimed_by")
            let token: String = try row.decode(forColumn: "claim_token")
            let expired: Int64 = try row.decode(forColumn: "lease_expires_ms")
            try returnToPending(id: id, db: db, nowMilliseconds: nowMilliseconds)
            try audit.append(
                db, now: now,
                AuditEventBuilder.expire(itemID: id, holder: holder, token: token, expiredMilliseconds: expired))
        }
    }

    private func returnToPending(id: Int64, db: Database, nowMilliseconds: Int64) throws {
        try db.run(
            """
            UPDATE item SET status = 'pending', claimed_by = NULL, claim_token = NULL, claimed_at = NULL,
                claimed_ms = NULL, lease_expires_at = NULL, lease_expires_ms = NULL, decision_id = NULL,
                updated_at = ?, updated_ms = ?
            WHERE id = ?
            """, [RFC3339.string(milliseconds: nowMilliseconds), nowMilliseconds, id])
    }

    public func release(id: Int64, reviewer: String, claimToken: String?) async throws {
        let reviewer = try QueueRules.validName(reviewer, what: "reviewer")
        let now = self.now
        try await write { db in
            let token = try DecisionStateMachine.release(
                itemID: id, claim: try currentClaim(id: id, db: db), reviewer: reviewer, claimToken: claimToken)
            var audit = try AuditWriter(db)
            try returnToPending(id: id, db: db, nowMilliseconds: RFC3339.milliseconds(now))
            try audit.append(db, now: now, AuditEventBuilder.release(itemID: id, reviewer: reviewer, token: token))
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
        return try await write { db in
            let claim = try currentClaim(id: id, db: db)
            let standing = try claim.decisionID.flatMap {
                try DecisionRecord.fetchOne(db, sql: "SELECT * FROM decision WHERE id = ?", arguments: [$0])
            }?.decision()
            let step = try DecisionStateMachine.decide(
                itemID: id, claim: claim, standing: standing, verdict: verdict, severity: severity, note: note,
                reviewer: reviewer, claimToken: claimToken, nowMilliseconds: RFC3339.milliseconds(now))
            let token: String
            switch step {
            case .alreadyRecorded(let decision): return .alreadyRecorded(decision)
            case .record(let claimToken): token = claimToken
            }
            let referralJSON = try referralJSON(for: id, verdict: verdict, referrals: referrals, db: db)
            // The row carries its event's number and time, and the event the row's hash: stamp, row, event.
            var audit = try AuditWriter(db)
            let stamp = audit.stamp(at: now)
            var record = DecisionRecord(
                itemID: id, verdict: verdict, severity: severity, note: note, reviewer: reviewer, claimToken: token,
                decidedAt: stamp.atText, decidedMilliseconds: stamp.milliseconds, auditSequence: stamp.sequence,
                referral: referralJSON)
            try record.insert(db)
            guard let decisionID = record.id else { throw StoredValueError("insert returned no id") }
            let event = try audit.append(db, at: stamp, AuditEventBuilder.decide(try record.row()))
            try db.execute(
                sql: """
                    UPDATE item SET status = 'decided', decision_id = ?, claimed_by = NULL, claim_token = NULL,
                        claimed_at = NULL, claimed_ms = NULL, lease_expires_at = NULL, lease_expires_ms = NULL,
                        updated_at = ?, updated_ms = ?
                    WHERE id = ? AND claim_token = ?
                    """, arguments: [decisionID, event.atText, event.atMilliseconds, id, token])
            guard db.changesCount == 1 else { throw StoredValueError("item \(id) changed during its decision") }
            try refreshTemplatePriority(item: id, db: db)
            return .recorded(try record.decision())
        }
    }

    public func reopen(id: Int64, supervisor: String, note: String) async throws -> QueueItem {
        let supervisor = try QueueRules.validName(supervisor, what: "supervisor")
        let note = try QueueRules.requiredNote(note, maximumLength: configuration.maximumNoteLength)
        let now = self.now
        return try await write { db in
            let decisionID = try DecisionStateMachine.reopen(itemID: id, claim: try currentClaim(id: id, db: db))
            var audit = try AuditWriter(db)
            let stamp = audit.stamp(at: now)
            try db.execute(
                sql: "UPDATE decision SET reopened_at = ?, reopened_ms = ? WHERE id = ?",
                arguments: [stamp.atText, stamp.milliseconds, decisionID])
            guard
                let reopened = try DecisionRecord.fetchOne(
                    db, sql: "SELECT * FROM decision WHERE id = ?", arguments: [decisionID])
            else { throw StoredValueError("item \(id)'s decision \(decisionID) is missing") }
            // The row now carries the reopened time: the event binds the row as it stands from here on.
            let event = try audit.append(
                db, at: stamp, AuditEventBuilder.reopen(try reopened.row(), supervisor: supervisor, note: note))
            try returnToPending(id: id, db: db, nowMilliseconds: event.atMilliseconds)
            var record = NoteRecord(
                itemID: id, author: supervisor, text: "reopened: " + note, createdAt: event.atText,
                createdMilliseconds: event.atMilliseconds, auditSequence: event.sequence)
            try record.insert(db)
            try refreshTemplatePriority(item: id, db: db)
            guard let item = try loadItem(id: id, db: db) else { throw StoredValueError("item \(id) vanished") }
            return item
        }
    }

    public func addNote(id: Int64, author: String, text: String) async throws -> Note {
        let author = try QueueRules.validName(author, what: "author")
        let text = try QueueRules.requiredNote(text, maximumLength: configuration.maximumNoteLength)
        let now = self.now
        return try await write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM item WHERE id = ?", arguments: [id]) != nil else {
                throw QueueError(.itemNotFound, "no item \(id) in \(path)", path: path, itemID: id)
            }
            var audit = try AuditWriter(db)
            let event = try audit.append(db, now: now, AuditEventBuilder.note(itemID: id, author: author, text: text))
            var record = NoteRecord(
                itemID: id, author: author, text: text, createdAt: event.atText,
                createdMilliseconds: event.atMilliseconds, auditSequence: event.sequence)
            try record.insert(db)
            return record.note()
        }
    }

    // MARK: - Helpers

    /// The referral for a decision as compact JSON (sorted keys): chosen from the item's minor marking, nil for a
    /// dismissal or when no directory is given.
    private func referralJSON(
        for id: Int64, verdict: Verdict, referrals: ReferralDirectory?, db: Database
    ) throws -> String? {
        guard let referrals, ReferralDirectory.needsReferral(verdict) else { return nil }
        let minor = try Bool.fetchOne(db, sql: "SELECT minor FROM item WHERE id = ?", arguments: [id]) ?? false
        return try referrals.recordedJSON(minor: minor)
    }

    /// The item's claim and decision state, read inside the write transaction (``DecisionStateMachine``).
    func currentClaim(id: Int64, db: Database) throws -> ClaimState {
        guard
            let row = try Row.fetchOne(
                db, sql: "SELECT status, claimed_by, claim_token, lease_expires_ms, decision_id FROM item WHERE id = ?",
                arguments: [id])
        else { throw QueueError(.itemNotFound, "no item \(id) in \(path)", path: path, itemID: id) }
        let statusText: String = try row.decode(forColumn: "status")
        guard let status = ItemStatus(rawValue: statusText) else {
            throw StoredValueError("item \(id) has an unknown status \"\(statusText)\"")
        }
        return ClaimState(
            status: status, holder: try row.decode(forColumn: "claimed_by"),
            token: try row.decode(forColumn: "claim_token"),
            leaseExpiresMilliseconds: try row.decode(forColumn: "lease_expires_ms"),
            decisionID: try row.decode(forColumn: "decision_id"))
    }
}
