import Foundation
import RedFlagFeatures
import RedFlagIngest
import RedFlagModel
import RedFlagPipeline
import RedFlagQueue

/// Sends flagged scan results to the review queue in batches, one transaction each.
///
/// Lives in the CLI, where the pipeline and the queue meet, so neither module depends on the other.
final class Enqueuer {
    private let queue: SQLiteReviewQueue
    private let renderer = ScanOutputRenderer(format: .jsonl)
    private var pending: [QueueSubmission] = []
    private(set) var queued = 0
    private(set) var refreshed = 0
    private(set) var alreadyDecided = 0
    /// Flagged ads that did not reach the queue because an earlier batch failed (a full disk, a lost lock): the
    /// failed batch itself and every flagged ad after it.
    private(set) var notEnqueued = 0
    /// The first failure; once set, flagged ads are only counted.
    private(set) var failure: (any Error)?

    init(path: String) throws {
        queue = try openQueue(at: path, creating: true)
    }

    /// Queues a flagged result (in batches of 200). After a failure, flagged results are counted in
    /// ``notEnqueued`` instead, so the scan can go on printing and say what the queue is missing.
    func add(_ result: ScanResult) {
        if failure != nil {
            if result.assessment?.flagged == true { notEnqueued += 1 }
            return
        }
        guard let assessment = result.assessment, assessment.flagged, let features = result.features,
            let document = result.document, let raw = result.rawContent, let kind = result.contentKind,
            let sha256 = result.sha256
        else { return }
        let entities = features.entities
        // Place and date as the page states them; the capture time, when the source has one, comes first.
        let facts = kind == "html" ? PageFacts(html: String(decoding: raw, as: UTF8.self)) : nil
        pending.append(
            QueueSubmission(
                sha256: sha256, adID: result.id, url: result.url, capturedAt: result.capturedAt ?? facts?.date,
                score: assessment.score, category: assessment.category, families: features.families.map(\.rawValue),
                evidenceJSON: renderer.indicatorsJSON(features), contributionsJSON: renderer.contributionsJSON(assessment),
                entitiesJSON: renderer.entitiesJSON(entities), phones: entities.phones.map(\.digits),
                emails: entities.emails, location: facts?.location, rawContent: raw, contentKind: kind, text: document.text,
                features: Dictionary(uniqueKeysWithValues: features.vector.values.map { ($0.name, $0.value) })))
        if pending.count >= 200 { flush() }
    }

    /// Commits the pending batch in one transaction; on failure nothing of the batch is stored (the transaction
    /// rolls back) and it is counted in ``notEnqueued``.
    func flush() {
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

    /// What a user needs after a failed enqueue: what stopped it, what was committed before, what is missing.
    func failureMessage(db: String) -> String? {
        guard let failure else { return nil }
        let reason = (failure as? QueueError)?.message ?? "\(failure)"
        return "enqueue to \(db) stopped: \(reason). Committed before it stopped: \(queued) new and \(refreshed) "
            + "refreshed item(s); \(notEnqueued) flagged ad(s) were not enqueued. Once fixed, scan the same input "
            + "again with --enqueue: ads already queued are recognised by content hash and not added twice"
    }
}
