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

    init(path: String) throws {
        queue = try openQueue(at: path, creating: true)
    }

    func add(_ result: ScanResult) throws {
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
        if pending.count >= 200 { try flush() }
    }

    func flush() throws {
        guard !pending.isEmpty else { return }
        for outcome in try queue.enqueue(pending, actor: "scan") {
            switch outcome {
            case .queued: queued += 1
            case .refreshed: refreshed += 1
            case .unchangedDecided: alreadyDecided += 1
            }
        }
        pending.removeAll(keepingCapacity: true)
    }
}
