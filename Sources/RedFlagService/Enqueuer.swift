import Foundation
import RedFlagContract
import RedFlagFeatures
import RedFlagIngest
public import RedFlagPipeline
public import RedFlagQueue

/// Sends flagged scan results to a review queue, any store, in batches of one transaction each, and counts what
/// happened to them.
///
/// Lives in the service layer, where the pipeline and the queue meet, so neither module depends on the other and
/// both the command line and a server enqueue the same way. An actor: the queue is async (``ReviewQueue``), and the
/// counts and the pending batch are shared by whoever adds. A thread that is not a task's (a batch scan's
/// delivering thread) feeds it through ``EnqueueFeeder``.
///
/// ```swift
/// let enqueuer = Enqueuer(queue: try SQLiteReviewQueue(path: "cases.sqlite"))
/// for result in results { await enqueuer.add(result) }
/// await enqueuer.flush()
/// if let failure = await enqueuer.failure { print(failure, await enqueuer.notEnqueued) }
/// ```
public actor Enqueuer {
    private let queue: any ReviewQueue
    private let actorName: String
    private var pending: [QueueSubmission] = []
    public private(set) var queued = 0
    public private(set) var refreshed = 0
    /// Content already pending, posted again under another ad id or URL (``EnqueueOutcome/reposted(id:)``).
    public private(set) var reposted = 0
    public private(set) var alreadyDecided = 0
    /// Flagged ads that did not reach the queue because an earlier batch failed (a full disk, a lost lock): the
    /// failed batch itself and every flagged ad after it.
    public private(set) var notEnqueued = 0
    /// The first failure; once set, flagged ads are only counted.
    public private(set) var failure: (any Error)?

    /// Submissions sent per transaction.
    public static let batchSize = 200

    /// - Parameter actor: who the audit trail names as enqueueing (`scan` for `redflag scan --enqueue`).
    public init(queue: any ReviewQueue, actor: String = "scan") {
        self.queue = queue
        self.actorName = actor
    }

    /// Queues a flagged result (in batches of ``batchSize``); results that are not flagged, or were scanned without
    /// keeping their content, are skipped. After a failure, flagged results are counted in ``notEnqueued`` instead.
    public func add(_ result: ScanResult) async {
        guard let submission = Self.submission(for: result) else {
            if failure != nil && result.assessment?.flagged == true { notEnqueued += 1 }
            return
        }
        pending.append(submission)
        if pending.count >= Self.batchSize { await flush() }
    }

    /// Queues submissions: the pending ones and these, in transactions of at most ``batchSize``.
    public func add(_ submissions: [QueueSubmission]) async {
        pending.append(contentsOf: submissions)
        while pending.count >= Self.batchSize { await send(Self.batchSize) }
    }

    /// Commits what is pending; on failure nothing of the failed batch is stored (its transaction rolls back) and it
    /// is counted in ``notEnqueued``.
    public func flush() async {
        while !pending.isEmpty { await send(min(pending.count, Self.batchSize)) }
    }

    /// Sends the first `count` pending submissions as one transaction.
    private func send(_ count: Int) async {
        let batch = Array(pending.prefix(count))
        pending.removeFirst(count)
        guard failure == nil else {
            notEnqueued += batch.count
            return
        }
        do {
            for outcome in try await queue.enqueue(batch, actor: actorName) {
                switch outcome {
                case .queued: queued += 1
                case .refreshed: refreshed += 1
                case .reposted: reposted += 1
                case .unchangedDecided: alreadyDecided += 1
                }
            }
        } catch {
            failure = error
            notEnqueued += batch.count
        }
    }

    /// The queue submission for a flagged result scanned with its content kept; nil for any other result. Pure: a
    /// caller may build submissions on its own thread and hand them over in batches.
    public static func submission(for result: ScanResult) -> QueueSubmission? {
        guard let assessment = result.assessment, assessment.flagged, let features = result.features,
            let document = result.document, let raw = result.rawContent, let kind = result.contentKind,
            let sha256 = result.sha256
        else { return nil }
        // Place and date as the page states them; the capture time, when the source has one, comes first.
        let facts = kind == "html" ? PageFacts(bytes: raw) : nil
        // The scan hashed these bytes as it read them: the queue takes its hash as it is.
        return QueueSubmission(
            sha256: sha256, sha256Verified: true, adID: result.id, url: result.url,
            capturedAt: result.capturedAt ?? facts?.date, score: assessment.score, category: assessment.category,
            families: features.families.map(\.rawValue), indicators: features.indicators,
            contributions: assessment.contributions, entities: features.entities, location: facts?.location,
            rawContent: raw, contentKind: kind, text: document.text,
            features: features.vector.dictionary, template: features.template,
            // A clustering scan's template for the ad, which the queue keeps when nothing queued matches it.
            templateCluster: result.cluster)
    }
}
