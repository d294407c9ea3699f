import Foundation
import GRDB

extension SQLiteReviewQueue {
    public func claimNext(reviewer: String, lease: Duration, excluding: Set<Int64>) throws -> QueueItem? {
        let reviewer = try Self.validName(reviewer, what: "reviewer")
        let leaseMilliseconds = Int64((lease.seconds * 1000).rounded())
        guard leaseMilliseconds >= 1, lease.seconds <= 7 * 24 * 3600 else {
            throw QueueError(.invalidInput, "the lease must be between 1 ms and 7 days")
        }
        let token = Self.newClaimToken()
        let now = self.now
        return try write { db in
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
            var detail = AuditDetail()
            detail.add("claim", Self.fingerprint(token))
            detail.add("lease_ms", leaseMilliseconds)
            detail.add("lease_expires_at", RFC3339.string(milliseconds: expires))
            try audit.append(db, now: now, actor: reviewer, action: .claim, itemID: id, detail: detail)
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
            var detail = AuditDetail()
            detail.add("claim", Self.fingerprint(token))
            detail.add("reviewer", holder)
            detail.add("lease_expired_at", RFC3339.string(milliseconds: expired))
            try audit.append(db, now: now, actor: "redflag", action: .expire, itemID: id, detail: detail)
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

    public func release(id: Int64, reviewer: String, claimToken: String?) throws {
        let reviewer = try Self.validName(reviewer, what: "reviewer")
        let now = self.now
        try write { db in
            let claim = try currentClaim(id: id, db: db)
            guard claim.status == .claimed, let holder = claim.holder, let token = claim.token else {
                throw QueueError(
                    .claimNotHeld, "item \(id) is \(claim.status.rawValue), not claimed: nothing to release",
                    itemID: id)
            }
            guard holder == reviewer, claimToken == nil || claimToken == token else {
                throw QueueError(
                    .claimNotHeld,
                    holder == reviewer
                        ? "item \(id) is held under a newer claim than yours"
                        : "item \(id) is claimed by \(holder), not \(reviewer)",
                    itemID: id)
            }
            var audit = try AuditWriter(db)
            try returnToPending(id: id, db: db, nowMilliseconds: RFC3339.milliseconds(now))
            var detail = AuditDetail()
            detail.add("claim", Self.fingerprint(token))
            try audit.append(db, now: now, actor: reviewer, action: .release, itemID: id, detail: detail)
        }
    }

    public func decide(
        id: Int64, verdict: Verdict, severity: Int, note: String?, reviewer: String, claimToken: String?,
        referrals: ReferralDirectory?
    ) throws -> DecideOutcome {
        let reviewer = try Self.validName(reviewer, what: "reviewer")
        guard (1...5).contains(severity) else {
            throw QueueError(.invalidInput, "severity \(severity) is not between 1 and 5", itemID: id)
        }
        let note = try validNote(note, required: false)
        let now = self.now
        return try write { db in
            let claim = try currentClaim(id: id, db: db)
            let nowMilliseconds = RFC3339.milliseconds(now)
            switch claim.status {
            case .decided:
                guard let decisionID = claim.decisionID,
                    let standing = try DecisionRecord.fetchOne(
                        db, sql: "SELECT * FROM decision WHERE id = ?", arguments: [decisionID])
                else { throw StoredValueError("item \(id) is decided but its decision is missing") }
                let decision = try standing.decision()
                let sameClaim =
                    decision.reviewer == reviewer && (claimToken == nil || claimToken == decision.claimToken)
                guard sameClaim else {
                    throw QueueError(
                        .claimNotHeld,
                        "item \(id) was already decided (\(decision.verdict.rawValue)) by \(decision.reviewer) under "
                            + "another claim", itemID: id)
                }
                if decision.verdict == verdict && decision.severity == severity && decision.note == note {
                    return .alreadyRecorded(decision)
                }
                throw QueueError(
                    .alreadyDecided,
                    "item \(id) was already decided as \(decision.verdict.rawValue), severity \(decision.severity), "
                        + "under this claim; ask a supervisor to reopen it to change the decision", itemID: id)
            case .pending:
                throw QueueError(
                    .claimNotHeld,
                    "item \(id) is not claimed (the lease ran out or the claim was released); claim it again with "
                        + "`redflag queue next`", itemID: id)
            case .claimed:
                guard let holder = claim.holder, let token = claim.token, let expires = claim.leaseExpiresMilliseconds
                else { throw StoredValueError("item \(id) is claimed without a claim") }
                guard holder == reviewer else {
                    throw QueueError(.claimNotHeld, "item \(id) is claimed by \(holder), not \(reviewer)", itemID: id)
                }
                guard claimToken == nil || claimToken == token else {
                    throw QueueError(
                        .claimNotHeld, "item \(id) is held under a newer claim than the one given", itemID: id)
                }
                guard expires > nowMilliseconds else {
                    throw QueueError(
                        .claimNotHeld,
                        "your lease on item \(id) ran out at \(RFC3339.string(milliseconds: expires)); claim it again",
                        itemID: id)
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
                var detail = AuditDetail()
                detail.add("claim", Self.fingerprint(token))
                detail.add("verdict", verdict.rawValue)
                detail.add("severity", severity)
                detail.add("note_sha256", note.map { SHA256Hex.of($0) })
                // The referral shown is part of the decision's record, chained with it.
                detail.add("referral", json: referralJSON)
                detail.add("decision_id", decisionID)
                detail.add("decision_sha256", try record.row().sha256)
                let event = try audit.append(
                    db, at: stamp, actor: reviewer, action: .decide, itemID: id, detail: detail)
                try db.execute(
                    sql: """
                        UPDATE item SET status = 'decided', decision_id = ?, claimed_by = NULL, claim_token = NULL,
                            claimed_at = NULL, claimed_ms = NULL, lease_expires_at = NULL, lease_expires_ms = NULL,
                            updated_at = ?, updated_ms = ?
                        WHERE id = ? AND claim_token = ?
                        """, arguments: [decisionID, event.atText, event.atMilliseconds, id, token])
                guard db.changesCount == 1 else { throw StoredValueError("item \(id) changed during its decision") }
                return .recorded(try record.decision())
            }
        }
    }

    public func reopen(id: Int64, supervisor: String, note: String) throws -> QueueItem {
        let supervisor = try Self.validName(supervisor, what: "supervisor")
        guard let note = try validNote(note, required: true) else {
            throw QueueError(.invalidInput, "reopening needs a note saying why", itemID: id)
        }
        let now = self.now
        return try write { db in
            let claim = try currentClaim(id: id, db: db)
            guard claim.status == .decided, let decisionID = claim.decisionID else {
                throw QueueError(
                    .invalidState, "item \(id) is \(claim.status.rawValue), not decided: there is nothing to reopen",
                    itemID: id)
            }
            let verdict = try String.fetchOne(
                db, sql: "SELECT verdict FROM decision WHERE id = ?", arguments: [decisionID])
            var audit = try AuditWriter(db)
            let stamp = audit.stamp(at: now)
            try db.execute(
                sql: "UPDATE decision SET reopened_at = ?, reopened_ms = ? WHERE id = ?",
                arguments: [stamp.atText, stamp.milliseconds, decisionID])
            guard
                let reopened = try DecisionRecord.fetchOne(
                    db, sql: "SELECT * FROM decision WHERE id = ?", arguments: [decisionID])
            else { throw StoredValueError("item \(id)'s decision \(decisionID) is missing") }
            var detail = AuditDetail()
            detail.add("decision_id", decisionID)
            detail.add("verdict", verdict)
            detail.add("note_sha256", SHA256Hex.of(note))
            // The row now carries the reopened time: the event binds the row as it stands from here on.
            detail.add("reopened_at", stamp.atText)
            detail.add("decision_sha256", try reopened.row().sha256)
            let event = try audit.append(
                db, at: stamp, actor: supervisor, action: .reopen, itemID: id, detail: detail)
            try returnToPending(id: id, db: db, nowMilliseconds: event.atMilliseconds)
            var record = NoteRecord(
                itemID: id, author: supervisor, text: "reopened: " + note, createdAt: event.atText,
                createdMilliseconds: event.atMilliseconds, auditSequence: event.sequence)
            try record.insert(db)
            guard let item = try loadItem(id: id, db: db) else { throw StoredValueError("item \(id) vanished") }
            return item
        }
    }

    public func addNote(id: Int64, author: String, text: String) throws -> Note {
        let author = try Self.validName(author, what: "author")
        guard let text = try validNote(text, required: true) else {
            throw QueueError(.invalidInput, "the note is empty", itemID: id)
        }
        let now = self.now
        return try write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM item WHERE id = ?", arguments: [id]) != nil else {
                throw QueueError(.itemNotFound, "no item \(id) in \(path)", path: path, itemID: id)
            }
            var audit = try AuditWriter(db)
            var detail = AuditDetail()
            detail.add("note_sha256", SHA256Hex.of(text))
            detail.add("length", text.count)
            let event = try audit.append(db, now: now, actor: author, action: .note, itemID: id, detail: detail)
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
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(referrals.referral(minor: minor)), as: UTF8.self)
    }

    struct ClaimState {
        var status: ItemStatus
        var holder: String?
        var token: String?
        var leaseExpiresMilliseconds: Int64?
        var decisionID: Int64?
    }

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

    /// A trimmed note (nil when empty and optional), within the configured length.
    func validNote(_ note: String?, required: Bool) throws -> String? {
        let trimmed = note?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if trimmed.isEmpty {
            if required { throw QueueError(.invalidInput, "the note is empty") }
            return nil
        }
        guard trimmed.count <= configuration.maximumNoteLength else {
            throw QueueError(
                .invalidInput, "the note is longer than \(configuration.maximumNoteLength) characters")
        }
        return trimmed
    }

    /// A random 128-bit claim token, hex.
    static func newClaimToken() -> String {
        var generator = SystemRandomNumberGenerator()
        var bytes: [UInt8] = []
        for _ in 0..<2 {
            let word = generator.next()
            for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: word >> shift)) }
        }
        return SHA256Hex.hex(bytes)
    }

    /// How a claim appears in the audit trail: enough to tell claims apart, not enough to act as one.
    static func fingerprint(_ token: String) -> String { String(SHA256Hex.of(token).prefix(12)) }
}
