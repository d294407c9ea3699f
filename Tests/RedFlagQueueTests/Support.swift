import Foundation
import Testing
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
    let entities =
        #"{"phones":["# + phones.map { "\"\($0)\"" }.joined(separator: ",") + #"],"phone_obfuscated":false,"emails":["#
        + emails.map { "\"\($0)\"" }.joined(separator: ",") + #"],"ages":[19],"prices":[150]}"#
    return QueueSubmission(
        sha256: SHA256Hex.of(raw), adID: "ad-" + String(SHA256Hex.of(raw).prefix(8)), url: url,
        capturedAt: "2026-05-01T10:00:00Z", score: score, category: category, families: families,
        evidenceJSON: evidence,
        contributionsJSON: #"[{"feature":"youth.x","weight":1.5},{"feature":"bias","weight":-0.3}]"#,
        entitiesJSON: entities, phones: phones, emails: emails, location: nil, rawContent: raw, contentKind: "text",
        text: text, features: features)
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
