/// A durable queue of assessed ads that reviewers claim, decide and annotate, with an append-only audit trail.
///
/// Items are deduplicated by content hash; items sharing a phone or e-mail form a group; priority (``QueuePriority``)
/// puts items whose evidence points to a minor first, then the group's highest score, then the item's score, then age
/// (older first). A claim is a lease: when it runs out the item
/// returns to pending at the next claim, with an `expire` audit event. Only the reviewer holding an unexpired claim
/// may decide, and a decision is idempotent for the same claim.
///
/// Every method throws ``QueueError``.
///
/// ```swift
/// let queue = try SQLiteReviewQueue(path: "redflag-queue.sqlite")
/// if let item = try queue.claimNext(reviewer: "ana", lease: .seconds(900)) {
///     _ = try queue.decide(id: item.id, verdict: .confirmed, severity: 4, note: "same phone as #12",
///                          reviewer: "ana", claimToken: item.claim?.token)
/// }
/// ```
public protocol ReviewQueue: Sendable {
    /// Adds assessed ads, one transaction for the whole batch (all or nothing). The same content (SHA-256) is queued
    /// once: a pending item gets the new assessment, a claimed or decided item is left as it is.
    func enqueue(_ submissions: [QueueSubmission], actor: String) throws -> [EnqueueOutcome]

    /// Claims the highest-priority pending item not in `excluding` for `lease`, first returning items whose leases
    /// ran out (each with an `expire` event). Returns nil when nothing is pending.
    func claimNext(reviewer: String, lease: Duration, excluding: Set<Int64>) throws -> QueueItem?

    /// Gives a claimed item back (pending again). `claimToken`, when given, must be the current claim's.
    func release(id: Int64, reviewer: String, claimToken: String?) throws

    /// Records a decision. The reviewer must hold an unexpired claim on the item (and `claimToken`, when given, must
    /// be that claim's). Repeating the same decision under the same claim returns
    /// ``DecideOutcome/alreadyRecorded(_:)``. A confirmed or escalated item decided with `referrals` gets a
    /// ``Referral`` (for a minor, the contacts for minors first) recorded with the decision and its audit event.
    func decide(
        id: Int64, verdict: Verdict, severity: Int, note: String?, reviewer: String, claimToken: String?,
        referrals: ReferralDirectory?
    ) throws -> DecideOutcome

    /// Returns a decided item to pending (a supervisor's correction); the old decision stays in the history.
    func reopen(id: Int64, supervisor: String, note: String) throws -> QueueItem

    /// Adds a note to an item in any state.
    func addNote(id: Int64, author: String, text: String) throws -> Note

    /// The item, or nil when there is none with this id.
    func item(id: Int64) throws -> QueueItem?

    /// The other items of the item's group, highest score first.
    func linkedItems(of id: Int64) throws -> [LinkedItem]

    /// Notes on an item, oldest first.
    func notes(of id: Int64) throws -> [Note]

    /// Every decision ever made on an item, oldest first (reopened ones carry ``Decision/reopenedAt``).
    func decisions(of id: Int64) throws -> [Decision]

    /// Items matching the filter, in priority order.
    func list(filter: QueueFilter) throws -> [QueueItem]

    /// One page of the items matching the filter, in priority order, starting after `cursor` (at the top when nil):
    /// at most `limit` items (1 to ``QueuePage/maximumLimit``; `filter.limit` is not used), and the cursor of the
    /// next page (see ``QueueCursor`` for what a listing that changes meanwhile returns).
    func list(filter: QueueFilter, after cursor: QueueCursor?, limit: Int) throws -> QueuePage

    func stats() throws -> QueueStats

    /// Writes a case bundle of the items matching `status` to `directory` (created; must not exist or be empty):
    /// `items.jsonl`, `decisions.jsonl`, `raw/<sha256>.html|.txt`, `audit-head.json` and `MANIFEST.sha256`
    /// (`sha256sum -c` compatible). The export is itself audited, and the recorded head includes that event.
    /// Removes an item's ad text, raw copy, URL and contact details on request, keeping its decisions and audit
    /// trail; the purge is itself audited with its reason.
    func purge(id: Int64, actor: String, reason: String) throws

    /// With `redact`, phones and e-mails are masked and the raw copies left out (``Redaction``).
    func export(status: StatusFilter, to directory: String, actor: String, redact: Bool) throws -> ExportSummary

    /// Audit events in order, optionally only those of one item, from `after` (exclusive), at most `limit`.
    func auditEvents(itemID: Int64?, after: Int64?, limit: Int?) throws -> [AuditEvent]

    /// Checks the whole hash chain and says where it first breaks.
    func verifyAudit() throws -> AuditVerification

    /// Every item with a standing decision as a training example.
    func labeledExamples() throws -> [LabeledExample]
}

extension ReviewQueue {
    /// Claims the highest-priority pending item.
    public func claimNext(reviewer: String, lease: Duration = .seconds(15 * 60)) throws -> QueueItem? {
        try claimNext(reviewer: reviewer, lease: lease, excluding: [])
    }

    /// Records a decision without a referral (see ``decide(id:verdict:severity:note:reviewer:claimToken:referrals:)``).
    public func decide(
        id: Int64, verdict: Verdict, severity: Int, note: String?, reviewer: String, claimToken: String?
    ) throws -> DecideOutcome {
        try decide(
            id: id, verdict: verdict, severity: severity, note: note, reviewer: reviewer, claimToken: claimToken,
            referrals: nil)
    }

    /// Gives a claimed item back, identified by reviewer.
    public func release(id: Int64, reviewer: String) throws {
        try release(id: id, reviewer: reviewer, claimToken: nil)
    }

    /// Exports with contact details intact (see ``export(status:to:actor:redact:)``).
    public func export(status: StatusFilter, to directory: String, actor: String) throws -> ExportSummary {
        try export(status: status, to: directory, actor: actor, redact: false)
    }

    /// All audit events, in order.
    public func auditEvents() throws -> [AuditEvent] {
        try auditEvents(itemID: nil, after: nil, limit: nil)
    }
}
