import Foundation
import RedFlagTestSupport
import Testing

@testable import RedFlagQueue

/// Every store the contract suite (``ReviewQueueContractTests``) runs against.
///
/// A PostgreSQL store (issue #18) joins by adding a case here and its line in ``open(in:clock:)`` (a fresh schema on
/// the test server); every contract test then runs against it unchanged.
enum StoreKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case inMemory = "in-memory"
    case sqlite

    var testDescription: String { rawValue }

    /// A new, empty store driven by `clock`; files, if any, go in `folder`.
    func open(in folder: TemporaryFolder, clock: ManualClock) throws -> any ReviewQueue {
        switch self {
        case .inMemory:
            InMemoryReviewQueue(configuration: InMemoryReviewQueue.Configuration(now: { clock.now }))
        case .sqlite:
            try makeQueue(folder.path("queue-\(UUID().uuidString).sqlite"), clock: clock)
        }
    }
}
