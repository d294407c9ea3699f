import Foundation
import RedFlagQueue

/// Where `--db` points: an SQLite file, or a PostgreSQL server (`postgres://…`, built with the `Postgres` trait).
struct QueueLocation {
    let text: String

    init(_ text: String) { self.text = text }

    /// A `postgres://` or `postgresql://` URL rather than a file path.
    var isServer: Bool {
        let lower = text.lowercased()
        return lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://")
    }
}

/// An open queue, the bearer tokens kept with it (`redflag serve`, `redflag token`), and how to close both.
struct OpenedQueue {
    var queue: any ReviewQueue
    var tokens: any AccessTokenStore
    /// Closes the store's connections (SQLite's pool, PostgreSQL's client); the process may also simply exit.
    var close: @Sendable () async -> Void
}

/// Opens the queue at `location`. Without `creating`, a place with no queue is refused with exit status 66 rather
/// than opened, since SQLite would quietly create an empty file there (and PostgreSQL an empty schema): a mistyped
/// --db would show "nothing to review".
func openQueue(at location: String, creating: Bool) async throws -> any ReviewQueue {
    try await openQueueWithTokens(at: location, creating: creating).queue
}

/// ``openQueue(at:creating:)`` with the queue's token store.
func openQueueWithTokens(at location: String, creating: Bool) async throws -> OpenedQueue {
    let shown = QueueLocation(location).displayed
    let missing = CLIError(
        "no review queue at \(shown): check --db, or create one with `redflag queue init --db \(shown)` or "
            + "`redflag scan --enqueue --db \(shown) …`",
        status: ExitStatus.noInput)
    do {
        if QueueLocation(location).isServer {
            return try await openServerQueue(location, creating: creating, missing: missing)
        }
        if !creating && !FileManager.default.fileExists(atPath: location) { throw missing }
        return OpenedQueue(sqlite: try SQLiteReviewQueue(path: location))
    } catch let error as QueueError {
        throw CommandLineAdvice.queueError(error)
    }
}

extension OpenedQueue {
    /// A queue file and the tokens in it.
    init(sqlite queue: SQLiteReviewQueue) {
        self.init(queue: queue, tokens: SQLiteAccessTokenStore(queue: queue), close: { try? queue.closeConnections() })
    }
}

extension QueueLocation {
    /// The location as messages show it: a server URL without its password.
    var displayed: String {
        guard isServer, var components = URLComponents(string: text), components.password != nil else { return text }
        components.password = nil
        return components.string ?? text
    }
}

#if Postgres
    private func openServerQueue(_ location: String, creating: Bool, missing: CLIError) async throws -> OpenedQueue {
        do {
            let queue = try await PostgresReviewQueue.open(url: location, creating: creating)
            return OpenedQueue(queue: queue, tokens: PostgresAccessTokenStore(queue: queue), close: { await queue.close() })
        } catch let error as QueueError where error.code == .noQueue {
            throw missing
        }
    }
#else
    private func openServerQueue(_ location: String, creating: Bool, missing: CLIError) async throws -> OpenedQueue {
        throw CLIError(
            "this redflag was built without the PostgreSQL store, so --db \(QueueLocation(location).displayed) cannot "
                + "be opened: build it with `swift build --traits Postgres`")
    }
#endif
