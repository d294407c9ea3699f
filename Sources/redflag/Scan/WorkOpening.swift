import RedFlagQueue

/// The work items of distributed scans and the review queue beside them, in one PostgreSQL database.
struct OpenedWork {
    var work: any ScanWorkQueue
    var queue: any ReviewQueue
    var close: @Sendable () async -> Void
}

/// Opens the work items at `location`, which must be a `postgres://` URL (`option` names where it came from, for the
/// message): workers on many machines share them, which a queue file cannot serve.
func openWork(at location: String, creating: Bool, option: String) async throws -> OpenedWork {
    guard QueueLocation(location).isServer else {
        throw CLIError(
            "\(option) \(location): distributed scans keep their work items on a PostgreSQL server, which workers on "
                + "every machine reach; give a postgres://USER@HOST:PORT/DATABASE URL", status: ExitStatus.usage)
    }
    let opened = try await openQueueWithTokens(at: location, creating: creating)
    #if Postgres
        if let queue = opened.queue as? PostgresReviewQueue {
            return OpenedWork(work: PostgresScanWorkQueue(queue: queue), queue: queue, close: opened.close)
        }
    #endif
    throw CLIError(
        "this redflag was built without the PostgreSQL store: build it with `swift build --traits Postgres`")
}
