import Foundation
import RedFlagTestSupport
import Testing

@testable import RedFlagQueue

/// Every store the contract suite (``ReviewQueueContractTests``) runs against.
///
/// A store joins by adding a case here and its line in ``open(in:clock:)``; every contract test then runs against it
/// unchanged. The PostgreSQL case opens a fresh schema on the test server (``PostgresTestServer``); where there is
/// none, each of its cases is skipped with the reason.
enum StoreKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case inMemory = "in-memory"
    case sqlite
    case postgres

    var testDescription: String { rawValue }

    /// A new, empty store driven by `clock`; files, if any, go in `folder`.
    func open(in folder: TemporaryFolder, clock: ManualClock) async throws -> any ReviewQueue {
        switch self {
        case .inMemory:
            return InMemoryReviewQueue(configuration: InMemoryReviewQueue.Configuration(now: { clock.now }))
        case .sqlite:
            return try makeQueue(folder.path("queue-\(UUID().uuidString).sqlite"), clock: clock)
        case .postgres:
            if let reason = await PostgresTestServer.unavailableReason() {
                // Skipped, not failed: a newcomer's `swift test` has no server (the reason says how to get one).
                try Test.cancel("PostgreSQL store skipped: \(reason)")
            }
            #if Postgres
                return try await PostgresTestServer.freshQueue(clock: clock)
            #else
                try Test.cancel("PostgreSQL store skipped: this build has no PostgreSQL store")
            #endif
        }
    }
}
