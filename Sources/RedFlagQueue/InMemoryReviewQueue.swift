public import Foundation
public import RedFlagContract

/// A review queue held in memory: an actor, for tests, demos and a server run without a database.
///
/// It applies the same rules as ``SQLiteReviewQueue`` through the same pure code (``QueueRules``,
/// `PreparedSubmission`, `DecisionStateMachine`, `AuditEventBuilder`, ``QueuePriority``, `ExportBundleBuilder`) and
/// keeps the same hash-chained audit trail (`AuditChainHead`, with decision rows bound by their hash), so
/// ``verifyAudit()`` means the same here; `ReviewQueueContractTests` runs one suite against both stores.
///
/// Each method runs on the actor without suspending, so a method is one transaction: callers never see half of
/// one, and two claimers never take the same item. All or nothing holds because every check that can fail (input,
/// state machine, referral) runs before the method changes anything. Nothing outlives the process.
///
/// ```swift
/// let queue = InMemoryReviewQueue()
/// _ = try await queue.enqueue(submissions, actor: "scan")
/// let item = try await queue.claimNext(reviewer: "ana")
/// ```
public actor InMemoryReviewQueue: ReviewQueue {
    /// Settings for ``InMemoryReviewQueue``.
    public struct Configuration: Sendable {
        /// The clock; tests move it to expire leases without sleeping.
        public var now: @Sendable () -> Date
        /// Upper bound on stored note length, in characters.
        public var maximumNoteLength: Int
        /// How messages name this queue ("no item 7 in …").
        public var name: String
        /// The estimated similarity at which two ads share a template (``TemplateSignature/defaultSimilarity``).
        public var templateSimilarity: Double

        public init(
            now: @escaping @Sendable () -> Date = { Date() }, maximumNoteLength: Int = 20_000,
            name: String = "the in-memory queue", templateSimilarity: Double = TemplateSignature.defaultSimilarity
        ) {
            self.now = now
            self.maximumNoteLength = maximumNoteLength
            self.name = name
            self.templateSimilarity = templateSimilarity
        }
    }

    /// One stored item: the prepared submission as last enqueued, and where it stands.
    struct StoredItem {
        var id: Int64
        var assessment: PreparedSubmission
        /// The raw copy; nil once purged.
        var raw: [UInt8]?
        var rawBytes: Int
        var status: ItemStatus = .pending
        var holder: String?
        var token: String?
        var claimedMilliseconds: Int64?
        var leaseExpiresMilliseconds: Int64?
        var decisionID: Int64?
        var attempts = 0
        var groupID: Int64
        var groupScore: Double
        var enqueuedMilliseconds: Int64
        var purgedAt: String?
        /// Its phones and e-mails as link keys (dropped by a purge).
        var keys: Set<LinkKey> = []
        /// Other members of its template cluster with a standing confirmed or escalated decision.
        var templateConfirmed = 0

        var claimState: ClaimState {
            ClaimState(
                status: status, holder: holder, token: token, leaseExpiresMilliseconds: leaseExpiresMilliseconds,
                decisionID: decisionID)
        }

        var priorityKey: QueuePriority.Key {
            QueuePriority.Key(
                minor: assessment.minor, templateConfirmed: templateConfirmed, groupScore: groupScore, score: assessment.score,
                enqueuedMilliseconds: enqueuedMilliseconds, id: id)
        }
    }

    let configuration: Configuration
    var items: [Int64: StoredItem] = [:]
    var idsBySHA256: [String: Int64] = [:]
    var itemsByKey: [LinkKey: Set<Int64>] = [:]
    var groups: [Int64: Set<Int64>] = [:]
    /// Decision rows by id, as the audit chain binds them.
    var decisionRows: [Int64: DecisionRow] = [:]
    var notesByItem: [Int64: [Note]] = [:]
    var events: [AuditEvent] = []
    var head = AuditChainHead()
    var lastItemID: Int64 = 0
    var lastDecisionID: Int64 = 0
    var lastNoteID: Int64 = 0
    /// Template clusters: each signed item's cluster and signature, the members indexed under each band key, and
    /// each cluster's members in the order they joined.
    var templateOf: [Int64: TemplateMembership] = [:]
    var templateBands: [Int64: [Int64]] = [:]
    var clusterMembers: [String: [Int64]] = [:]
    /// How many clusters each minimum key opened (boilerplate when several did).
    var commonMinima: [Int64: Int] = [:]
    /// Each item's postings, oldest first.
    var postingsByItem: [Int64: [Posting]] = [:]

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    var name: String { configuration.name }
    var now: Date { configuration.now() }

    func notFound(_ id: Int64) -> QueueError {
        QueueError(.itemNotFound, "no item \(id) in \(name)", itemID: id)
    }

    func stored(_ id: Int64) throws -> StoredItem {
        guard let item = items[id] else { throw notFound(id) }
        return item
    }

    /// Appends an event at the clock's time.
    @discardableResult
    func append(_ entry: AuditEntry) throws -> AuditEvent {
        try append(entry, at: head.stamp(at: now))
    }

    /// Appends an event at a stamp taken since the last append.
    @discardableResult
    func append(_ entry: AuditEntry, at stamp: AuditStamp) throws -> AuditEvent {
        let event = try head.link(entry, at: stamp)
        events.append(event)
        return event
    }

    /// The item as the API shows it.
    func queueItem(_ stored: StoredItem) throws -> QueueItem {
        let s = stored.assessment
        var claim: Claim?
        if stored.status == .claimed, let holder = stored.holder, let token = stored.token,
            let claimed = stored.claimedMilliseconds, let expires = stored.leaseExpiresMilliseconds
        {
            claim = Claim(
                reviewer: holder, token: token, claimedAt: RFC3339.date(milliseconds: claimed),
                leaseExpiresAt: RFC3339.date(milliseconds: expires))
        }
        return QueueItem(
            id: stored.id, sha256: s.sha256, adID: s.adID, url: s.url, capturedAt: s.capturedAt, location: s.location,
            score: s.score, category: s.category, families: s.families, evidence: s.evidence,
            contributions: s.contributions, entities: s.entities, text: s.text, contentKind: s.contentKind,
            rawByteCount: stored.rawBytes, status: stored.status, claim: claim,
            decision: try stored.decisionID.flatMap { decisionRows[$0] }?.decision(), groupID: stored.groupID,
            groupScore: stored.groupScore, groupSize: groups[stored.groupID]?.count ?? 1,
            enqueuedAt: RFC3339.date(milliseconds: stored.enqueuedMilliseconds), attempts: stored.attempts,
            purgedAt: stored.purgedAt,
            minorReasons: MinorEvidence.reasons(
                storedMarking: s.minor, families: s.families, evidence: s.evidence, contributions: s.contributions,
                entities: s.entities),
            templateID: templateOf[stored.id]?.cluster,
            templateSize: templateOf[stored.id].map { clusterMembers[$0.cluster]?.count ?? 1 } ?? 0,
            postingCount: max(postingsByItem[stored.id]?.count ?? 1, 1), templateConfirmed: stored.templateConfirmed)
    }
}
