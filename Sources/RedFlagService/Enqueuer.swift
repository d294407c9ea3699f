import Foundation
import RedFlagContract
import RedFlagFeatures
import RedFlagIngest
public import RedFlagPipeline
public import RedFlagQueue

/// Sends flagged scan results to the review queue in batches, one transaction each.
///
/// Lives in the service layer, where the pipeline and the queue meet, so neither module depends on the other and
/// both the command line and a server enqueue the same way. Not thread-safe: one delivering thread adds results.
///
/// ```swift
/// let enqueuer = Enqueuer(queue: try SQLiteReviewQueue(path: "cases.sqlite"))
/// scanner.run(&reader) { result in enqueuer.add(result) }
/// enqueuer.flush()
/// if let failure = enqueuer.failure { print(failure, enqueuer.notEnqueued) }
/// ```
public final class Enqueuer {
    private let queue: SQLiteReviewQueue
    private var pending: [QueueSubmission] = []
    public private(set) var queued = 0
    public private(set) var refreshed = 0
    public private(set) var alreadyDecided = 0
    /// Flagged ads that did not reach the queue because an earlier batch failed (a full disk, a lost lock): the
    /// failed batch itself and every flagged ad after it.
    public private(set) var notEnqueued = 0
    /// The first failure; once set, flagged ads are only counted.
    public private(set) var failure: (any Error)?

    /// Submissions sent per transaction.
    public static let batchSize = 200

    public init(queue: SQLiteReviewQueue) {
        self.queue = queue
    }

    /// Queues a flagged result (in batches of ``batchSize``). After a failure, flagged results are counted in
    /// ``notEnqueued`` instead, so the scan can go on printing and say what the queue is missing.
    public func add(_ result: ScanResult) {
        if failure != nil {
            if result.assessment?.flagged == true { notEnqueued += 1 }
            return
        }
        guard let submission = Self.submission(for: result) else { return }
        pending.append(submission)
        if pending.count >= Self.batchSize { flush() }
    }

    /// Commits the pending batch in one transaction; on failure nothing of the batch is stored (the transaction
    /// rolls back) and it is counted in ``notEnqueued``.
    public func flush() {
        guard !pending.isEmpty, failure == nil else { return }
        do {
            for outcome in try queue.enqueue(pending, actor: "scan") {
                switch outcome {
                case .queued: queued += 1
                case .refreshed: refreshed += 1
                case .unchangedDecided: alreadyDecided += 1
                }
            }
        } catch {
            failure = error
            notEnqueued += pending.count
        }
        pending.removeAll(keepingCapacity: true)
    }

    /// The queue submission of a flagged result scanned with its content kept; nil otherwise. Shared by the batch
    /// scan and the server, so both queue the same thing.
    public static func submission(for result: ScanResult) -> QueueSubmission? {
        guard let assessment = result.assessment, assessment.flagged, let features = result.features,
            let document = result.document, let raw = result.rawContent, let kind = result.contentKind,
            let sha256 = result.sha256
        else { return nil }
        let entities = features.entities
        let renderer = ScanOutputRenderer(format: .jsonl)
        // Place and date as the page states them; the capture time, when the source has one, comes first.
        let facts = kind == "html" ? PageFacts(html: String(decoding: raw, as: UTF8.self)) : nil
        return QueueSubmission(
            sha256: sha256, adID: result.id, url: result.url, capturedAt: result.capturedAt ?? facts?.date,
            score: assessment.score, category: assessment.category, families: features.families.map(\.rawValue),
            evidenceJSON: renderer.indicatorsJSON(features), contributionsJSON: renderer.contributionsJSON(assessment),
            entitiesJSON: renderer.entitiesJSON(entities), phones: entities.phones,
            emails: entities.emails, location: facts?.location, rawContent: raw, contentKind: kind, text: document.text,
            features: features.vector.dictionary)
    }
}
