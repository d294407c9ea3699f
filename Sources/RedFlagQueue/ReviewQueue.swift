/// A durable queue of assessed ads that reviewers claim, decide and annotate, with an append-only audit trail.
///
/// Items are deduplicated by content hash (a repost under another id or URL is recorded as a ``Posting`` of the
/// item); items sharing a phone or e-mail form a group; items posted from one template (``TemplateSignature``) form
/// a template cluster, kept apart from the groups (``TemplateMatching``); priority (``QueuePriority``)
/// puts items whose evidence points to a minor first, then the group's highest score, then the item's score, then age
/// (older first). A claim is a lease: when it runs out the item
/// returns to pending at the next claim, with an `expire` audit event. Only the reviewer holding an unexpired claim
/// may decide, and a decision is idempotent for the same claim.
///
/// Every method is `async` and throws ``QueueError``. Async because the stores differ in how they wait: SQLite runs
/// each transaction on its own writer queue (GRDB), an in-memory store is an actor, and a PostgreSQL store (issue
/// #18) talks to a server through PostgresNIO, which only offers async calls. A synchronous protocol would make that
/// store block a thread per request behind it; an async one lets every store suspend instead, so a server's request
/// handlers never hold a thread while a transaction waits for a lock.
///
/// The rules every store applies (names, notes, submissions, the claim and decision state machine, priority, audit
/// events) are pure code shared by all of them (``QueueRules``, `PreparedSubmission`, `DecisionStateMachine`,
/// `AuditEventBuilder`, ``QueuePriority``), and `ReviewQueueContractTests` runs one suite against every store.
///
/// ```swift
/// let queue = try SQLiteReviewQueue(path: "redflag-queue.sqlite")
/// if let item = try await queue.claimNext(reviewer: "ana", lease: .seconds(900)) {
///     _ = try await queue.decide(id: item.id, verdict: .confirmed, severity: 4, note: "same phone as #12",
///                                reviewer: "ana", claimToken: item.claim?.token)
/// }
/// ```
public protocol ReviewQueue: Sendable {
    /// Adds assessed ads, one transaction for the whole batch (all or nothing). The same content (SHA-256) is queued
    /// once: a pending item gets the new assessment, a claimed or decided item is left as it is.
    func enqueue(_ submissions: [QueueSubmission], actor: String) async throws -> [EnqueueOutcome]

    /// Claims the highest-priority pending item not in `excluding` for `lease`, first returning items whose leases
    /// ran out (each with an `expire` event). Returns nil when nothing is pending.
    func claimNext(reviewer: String, lease: Duration, excluding: Set<Int64>) async throws -> QueueItem?

    /// Gives a claimed item back (pending again). `claimToken`, when given, must be the current claim's.
    func release(id: Int64, reviewer: String, claimToken: String?) async throws

    /// Records a decision. The reviewer must hold an unexpired claim on the item (and `claimToken`, when given, must
    /// be that claim's). Repeating the same decision under the same claim returns
    /// ``DecideOutcome/alreadyRecorded(_:)``. A confirmed or escalated item decided with `referrals` gets a
    /// ``Referral`` (for a minor, the contacts for minors first) recorded with the decision and its audit event.
    func decide(
        id: Int64, verdict: Verdict, severity: Int, note: String?, reviewer: String, claimToken: String?,
        referrals: ReferralDirectory?
    ) async throws -> DecideOutcome

    /// Returns a decided item to pending (a supervisor's correction); the old decision stays in the history.
    func reopen(id: Int64, supervisor: String, note: String) async throws -> QueueItem

    /// Adds a note to an item in any state.
    func addNote(id: Int64, author: String, text: String) async throws -> Note

    /// The item, or nil when there is none with this id.
    func item(id: Int64) async throws -> QueueItem?

    /// The other items of the item's group, highest score first.
    func linkedItems(of id: Int64) async throws -> [LinkedItem]

    /// The other items of the item's template cluster (ads posted from the same text), highest score first; empty
    /// when it has no template or is alone in it.
    func templateMembers(of id: Int64) async throws -> [QueueItem]

    /// Template clusters of at least `minimumSize` items, largest first (then by id), each with its members.
    func templateClusters(minimumSize: Int) async throws -> [TemplateCluster]

    /// The signatures the queue indexes for template lookup, each with its cluster: what a clustering scan matches
    /// its ads against before they are queued, so its lines name the queue's clusters.
    func templateIndex() async throws -> [TemplateIndexEntry]

    /// Every posting of the item's content, oldest first: its own, then each repost under another id or URL.
    func postings(of id: Int64) async throws -> [Posting]

    /// Notes on an item, oldest first.
    func notes(of id: Int64) async throws -> [Note]

    /// Every decision ever made on an item, oldest first (reopened ones carry ``Decision/reopenedAt``).
    func decisions(of id: Int64) async throws -> [Decision]

    /// Items matching the filter, in priority order.
    func list(filter: QueueFilter) async throws -> [QueueItem]

    /// One page of the items matching the filter, in priority order, starting after `cursor` (at the top when nil):
    /// at most `limit` items (1 to ``QueuePage/maximumLimit``; `filter.limit` is not used), and the cursor of the
    /// next page (see ``QueueCursor`` for what a listing that changes meanwhile returns).
    func list(filter: QueueFilter, after cursor: QueueCursor?, limit: Int) async throws -> QueuePage

    func stats() async throws -> QueueStats

    /// Removes an item's ad text, raw copy, URL and contact details on request, keeping its decisions and audit
    /// trail; the purge is itself audited with its reason.
    func purge(id: Int64, actor: String, reason: String) async throws

    /// Everything a case bundle of the items matching `status` holds, read from one snapshot: each item with its
    /// decisions, notes and raw copy, the data files rendered from them (``ExportBundle``), and the audit head right
    /// after the export event, which this call appends (binding the data files by the SHA-256 of their manifest)
    /// before verifying the chain. Nothing is written outside the store: ``ExportFolder`` writes the bundle as the
    /// folder `redflag queue export` makes, and a server can stream it instead.
    ///
    /// With `redact`, phones and e-mails are masked and the raw copies left out (``Redaction``). `destination`, when
    /// given, is recorded in the export event (the folder the CLI writes to).
    func exportBundle(status: StatusFilter, actor: String, redact: Bool, destination: String?) async throws
        -> ExportBundle

    /// Audit events in order, optionally only those of one item, from `after` (exclusive), at most `limit`.
    func auditEvents(itemID: Int64?, after: Int64?, limit: Int?) async throws -> [AuditEvent]

    /// Checks the whole hash chain and says where it first breaks.
    func verifyAudit() async throws -> AuditVerification

    /// Every item with a standing decision as a training example.
    func labeledExamples() async throws -> [DecidedExample]
}

extension ReviewQueue {
    /// Claims the highest-priority pending item.
    public func claimNext(reviewer: String, lease: Duration = .seconds(15 * 60)) async throws -> QueueItem? {
        try await claimNext(reviewer: reviewer, lease: lease, excluding: [])
    }

    /// Records a decision without a referral (see ``decide(id:verdict:severity:note:reviewer:claimToken:referrals:)``).
    public func decide(
        id: Int64, verdict: Verdict, severity: Int, note: String?, reviewer: String, claimToken: String?
    ) async throws -> DecideOutcome {
        try await decide(
            id: id, verdict: verdict, severity: severity, note: note, reviewer: reviewer, claimToken: claimToken,
            referrals: nil)
    }

    /// Gives a claimed item back, identified by reviewer.
    public func release(id: Int64, reviewer: String) async throws {
        try await release(id: id, reviewer: reviewer, claimToken: nil)
    }

    /// A bundle recorded without a destination (see ``exportBundle(status:actor:redact:destination:)``).
    public func exportBundle(status: StatusFilter, actor: String, redact: Bool = false) async throws -> ExportBundle {
        try await exportBundle(status: status, actor: actor, redact: redact, destination: nil)
    }

    /// All audit events, in order.
    public func auditEvents() async throws -> [AuditEvent] {
        try await auditEvents(itemID: nil, after: nil, limit: nil)
    }
}
