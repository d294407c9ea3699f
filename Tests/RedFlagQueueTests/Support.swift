import Foundation
import Testing
import RedFlagContract
import RedFlagCore
import RedFlagTestSupport

@testable import RedFlagQueue

#if canImport(Glibc)
    import Glibc
#endif

/// A clock tests move by hand, to expire leases without sleeping.
final class ManualClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    init(_ start: Date = Date(timeIntervalSince1970: 1_777_636_800)) { current = start }

    var now: Date { lock.withLock { current } }

    func advance(_ seconds: TimeInterval) { lock.withLock { current += seconds } }
}

/// Opens a queue at `path` driven by `clock`.
func makeQueue(_ path: String, clock: ManualClock? = nil) throws -> SQLiteReviewQueue {
    var configuration = SQLiteReviewQueue.Configuration()
    if let clock { configuration.now = { clock.now } }
    return try SQLiteReviewQueue(path: path, configuration: configuration)
}

/// A valid submission whose content is `text` (so its sha256 differs per text).
func submission(
    _ text: String, score: Double = 0.5, phones: [String] = [], emails: [String] = [], families: [String] = [],
    evidence: String = "[]", category: String? = "escort", url: String? = nil, features: [String: Double] = ["bias": 1]
) -> QueueSubmission {
    let raw = Array(text.utf8)
    return QueueSubmission(
        sha256: SHA256Hex.of(raw), adID: "ad-" + String(SHA256Hex.of(raw).prefix(8)), url: url,
        capturedAt: "2026-05-01T10:00:00Z", score: score, category: category, families: families,
        indicators: hits(evidence),
        contributions: [
            Contribution(feature: "youth.x", family: "youth", weight: 1.5),
            Contribution(feature: "bias", family: "bias", weight: -0.3),
        ],
        entities: Entities(phones: phones, emails: emails, ages: [19], prices: [150]), location: nil,
        rawContent: raw, contentKind: "text", text: text, features: features)
}

/// Indicator hits from JSON as the scan writes them (`[{"family","feature","match","start","end","minor"?}]`).
func hits(_ json: String, sourceLocation: SourceLocation = #_sourceLocation) -> [IndicatorHit] {
    do {
        return try JSONDecoder().decode([IndicatorHit].self, from: Data(json.utf8))
    } catch {
        Issue.record("not indicator hits: \(json): \(error)", sourceLocation: sourceLocation)
        return []
    }
}

extension QueueSubmission {
    /// The columns as the queue stores them, for tests that write rows by hand the way an older version did.
    var evidenceJSON: String { JSONWriter.text { $0.indicators(indicators) } }
    var contributionsJSON: String { JSONWriter.text { $0.contributions(contributions) } }
    var entitiesJSON: String { JSONWriter.text { $0.entities(entities) } }
}

/// `n` distinct submissions, scores spread over [0, 1).
func submissions(_ n: Int, prefix: String = "ad") -> [QueueSubmission] {
    (0..<n).map { submission("\(prefix) number \($0) text", score: Double(($0 * 7919) % 1000) / 1000) }
}

/// Asserts that `body` throws a ``QueueError`` with `code`, and returns it.
@discardableResult
func expectQueueError(
    _ code: QueueError.Code, sourceLocation: SourceLocation = #_sourceLocation, _ body: () async throws -> Void
) async -> QueueError? {
    do {
        try await body()
        Issue.record("expected QueueError \(code), nothing was thrown", sourceLocation: sourceLocation)
    } catch let error as QueueError {
        #expect(error.code == code, "\(error.message)", sourceLocation: sourceLocation)
        return error
    } catch {
        Issue.record("expected QueueError \(code), got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}
