import Foundation
import Testing

@testable import RedFlagQueue

/// The PostgreSQL server the tests use, named by `REDFLAG_TEST_POSTGRES_URL` (`Tests/Postgres/with-cluster.sh`
/// starts a throwaway one and sets it; `.ci/run` runs the suite that way). Each test gets a schema of its own there,
/// `redflag_test_<random>`, so tests run in parallel and ids start at 1; the schemas are left behind for a
/// throwaway cluster to take away.
///
/// Without the variable, with a server that does not answer, or in a build without the `Postgres` trait, the
/// PostgreSQL cases are skipped, each with the reason, so `swift test` works for a newcomer.
enum PostgresTestServer {
    static let variable = "REDFLAG_TEST_POSTGRES_URL"

    /// Why the PostgreSQL cases cannot run here, or nil when they can. Probed once per process.
    static func unavailableReason() async -> String? {
        await probe.value
    }

    /// For `.enabled(if:)`.
    static var isAvailable: Bool {
        get async { await unavailableReason() == nil }
    }

    private static let probe = Task<String?, Never> {
        let reason = await probeServer()
        if let reason {
            // Cancelled test cases leave no line of their own in `swift test`'s output: this one says why.
            print("note: the PostgreSQL store's test cases are skipped: \(reason)")
        }
        return reason
    }

    private static func probeServer() async -> String? {
        #if Postgres
            guard let url = ProcessInfo.processInfo.environment[variable], !url.isEmpty else {
                return "\(variable) is not set (Tests/Postgres/with-cluster.sh starts a server and sets it)"
            }
            do {
                let queue = try await PostgresReviewQueue.open(
                    try location(url, schema: "redflag_test_probe"),
                    configuration: PostgresReviewQueue.Configuration(maximumConnections: 1, connectTimeout: .seconds(5))
                )
                await queue.close()
                return nil
            } catch {
                return "the server at \(variable) cannot be used: \(error)"
            }
        #else
            return "this build has no PostgreSQL store (swift test --traits Postgres)"
        #endif
    }

    #if Postgres
        /// The location of a new schema of the test server.
        static func freshLocation() throws -> PostgresLocation {
            let url = ProcessInfo.processInfo.environment[variable] ?? ""
            let suffix = UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
            return try location(url, schema: "redflag_test_\(suffix)")
        }

        private static func location(_ url: String, schema: String) throws -> PostgresLocation {
            var location = try PostgresLocation(url: url)
            location.schema = schema
            return location
        }

        /// A new, empty queue in a schema of its own, driven by `clock`.
        static func freshQueue(clock: ManualClock) async throws -> PostgresReviewQueue {
            try await PostgresReviewQueue.open(
                try freshLocation(),
                configuration: PostgresReviewQueue.Configuration(now: { clock.now }, maximumConnections: 4))
        }
    #endif
}
