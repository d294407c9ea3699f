/// An audit event before it takes its place in the chain: who, what, which item, and the detail.
package struct AuditEntry: Sendable, Hashable {
    package var actor: String
    package var action: AuditAction
    package var itemID: Int64?
    package var detail: AuditDetail

    package init(actor: String, action: AuditAction, itemID: Int64?, detail: AuditDetail) {
        self.actor = actor
        self.action = action
        self.itemID = itemID
        self.detail = detail
    }
}

/// Builds every audit event the queue writes, field by field in a fixed order: one definition for every store, so
/// the same transition leaves the same event (and verification reads the same keys) whichever store recorded it.
///
/// Details never hold ad text or a claim token: notes appear as their SHA-256, claims as a short fingerprint.
package enum AuditEventBuilder {
    /// The actor of the events the queue writes on its own (lease expiry, binding old decision rows).
    package static let systemActor = "redflag"

    /// How a claim appears in the audit trail: enough to tell claims apart, not enough to act as one.
    package static func fingerprint(_ token: String) -> String { String(SHA256Hex.of(token).prefix(12)) }

    /// A new item.
    package static func queued(itemID: Int64, _ s: PreparedSubmission, actor: String) -> AuditEntry {
        var detail = AuditDetail()
        detail.add("outcome", "queued")
        detail.add("sha256", s.sha256)
        detail.add("ad_id", s.adID)
        detail.add("score", s.score)
        detail.add("bytes", s.rawContent.count)
        if s.minor { detail.add("minor", 1) }
        return AuditEntry(actor: actor, action: .enqueue, itemID: itemID, detail: detail)
    }

    /// A pending item given a new assessment.
    package static func refreshed(itemID: Int64, _ s: PreparedSubmission, oldScore: Double, actor: String)
        -> AuditEntry
    {
        var detail = AuditDetail()
        detail.add("outcome", "refreshed")
        detail.add("sha256", s.sha256)
        detail.add("old_score", oldScore)
        detail.add("score", s.score)
        if s.minor { detail.add("minor", 1) }
        return AuditEntry(actor: actor, action: .enqueue, itemID: itemID, detail: detail)
    }

    package static func claim(
        itemID: Int64, reviewer: String, token: String, leaseMilliseconds: Int64, expiresMilliseconds: Int64
    ) -> AuditEntry {
        var detail = AuditDetail()
        detail.add("claim", fingerprint(token))
        detail.add("lease_ms", leaseMilliseconds)
        detail.add("lease_expires_at", RFC3339.string(milliseconds: expiresMilliseconds))
        return AuditEntry(actor: reviewer, action: .claim, itemID: itemID, detail: detail)
    }

    /// A lease that ran out, returned to pending by the queue itself.
    package static func expire(itemID: Int64, holder: String, token: String, expiredMilliseconds: Int64)
        -> AuditEntry
    {
        var detail = AuditDetail()
        detail.add("claim", fingerprint(token))
        detail.add("reviewer", holder)
        detail.add("lease_expired_at", RFC3339.string(milliseconds: expiredMilliseconds))
        return AuditEntry(actor: systemActor, action: .expire, itemID: itemID, detail: detail)
    }

    package static func release(itemID: Int64, reviewer: String, token: String) -> AuditEntry {
        var detail = AuditDetail()
        detail.add("claim", fingerprint(token))
        return AuditEntry(actor: reviewer, action: .release, itemID: itemID, detail: detail)
    }

    /// A decision, binding its row (``DecisionRow``) to the chain. The referral shown is part of the decision's
    /// record and goes into the detail verbatim.
    package static func decide(_ row: DecisionRow) -> AuditEntry {
        var detail = AuditDetail()
        detail.add("claim", fingerprint(row.claimToken))
        detail.add("verdict", row.verdict)
        detail.add("severity", row.severity)
        detail.add("note_sha256", row.note.map { SHA256Hex.of($0) })
        detail.add("referral", json: row.referral)
        detail.add("decision_id", row.id)
        detail.add("decision_sha256", row.sha256)
        return AuditEntry(actor: row.reviewer, action: .decide, itemID: row.itemID, detail: detail)
    }

    /// A supervisor's reopen; `row` is the decision row with its reopened time set, bound from here on.
    package static func reopen(_ row: DecisionRow, supervisor: String, note: String) -> AuditEntry {
        var detail = AuditDetail()
        detail.add("decision_id", row.id)
        detail.add("verdict", row.verdict)
        detail.add("note_sha256", SHA256Hex.of(note))
        detail.add("reopened_at", row.reopenedAt)
        detail.add("decision_sha256", row.sha256)
        return AuditEntry(actor: supervisor, action: .reopen, itemID: row.itemID, detail: detail)
    }

    package static func note(itemID: Int64, author: String, text: String) -> AuditEntry {
        var detail = AuditDetail()
        detail.add("note_sha256", SHA256Hex.of(text))
        detail.add("length", text.count)
        return AuditEntry(actor: author, action: .note, itemID: itemID, detail: detail)
    }

    package static func purge(itemID: Int64, actor: String, reason: String) -> AuditEntry {
        var detail = AuditDetail()
        detail.add("reason", reason)
        detail.add("removed", "text, raw copy, url, location, evidence, phones, e-mails")
        return AuditEntry(actor: actor, action: .purge, itemID: itemID, detail: detail)
    }

    /// An export, binding the data files it wrote by the SHA-256 of their manifest.
    package static func export(
        actor: String, status: StatusFilter, items: Int, decisions: Int, filesSHA256: String, redacted: Bool,
        directory: String?
    ) -> AuditEntry {
        var detail = AuditDetail()
        detail.add("status", status.rawValue)
        detail.add("items", items)
        detail.add("decisions", decisions)
        detail.add("files_sha256", filesSHA256)
        if redacted { detail.add("redacted", "phones and e-mails masked, raw copies left out") }
        detail.add("directory", directory)
        return AuditEntry(actor: actor, action: .export, itemID: nil, detail: detail)
    }

    /// One-time binding of decision rows written before decide events carried their hash (see
    /// `SQLiteReviewQueue.bindExistingDecisions`): `rows` as (id, hash), and the rows left unbound.
    package static func bind(rows: some Collection<(id: Int64, hash: String)>, disagreeing: [Int64]) -> AuditEntry {
        var detail = AuditDetail()
        detail.add("reason", "decision rows written before decide events carried their hash")
        detail.add(
            "decisions",
            json: "{" + rows.map { AuditDetail.quoted(String($0.id)) + ":" + AuditDetail.quoted($0.hash) }
                .joined(separator: ",") + "}")
        if !disagreeing.isEmpty {
            detail.add("disagreeing", json: "[" + disagreeing.map { String($0) }.joined(separator: ",") + "]")
        }
        return AuditEntry(actor: systemActor, action: .bind, itemID: nil, detail: detail)
    }
}
