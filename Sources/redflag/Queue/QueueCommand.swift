import ArgumentParser
import Foundation
import RedFlagQueue

#if canImport(Glibc)
    import Glibc
#endif

/// `redflag queue …`: work the review queue from scripts and the shell.
struct QueueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queue",
        abstract: "Work the review queue: claim, show, decide, list, export and audit.",
        discussion: """
            The queue is an SQLite file (--db, default redflag-queue.sqlite in the working folder) that any number \
            of processes can share. Only `queue init`, `queue import` and `scan --enqueue` create a queue; every \
            other command refuses a --db that does not exist (exit 66), so a typo never opens a new, empty queue. \
            Exit codes: 0 ok, 1 failure, 64 usage, 65 input rejected (bad id, value or state), 66 no such queue, \
            69 nothing to claim, 75 claim lost or expired.
            """,
        subcommands: [
            Init.self, Next.self, Show.self, Release.self, Decide.self, Reopen.self, NoteCommand.self, List.self,
            Stats.self, Export.self, Audit.self, Purge.self, Import.self, Migrate.self, Drill.self,
        ]
    )
}

/// `--db PATH|URL`, shared by every queue command.
struct QueueDatabaseOptions: ParsableArguments {
    @Option(
        name: .customLong("db"),
        help: ArgumentHelp(
            "The queue: an SQLite file, or postgres://USER@HOST:PORT/DATABASE (default: $REDFLAG_DB, else "
                + "redflag-queue.sqlite)."))
    var option: String?

    /// The queue as given: `--db`, else `$REDFLAG_DB`, else the file in the working folder.
    var path: String { resolvedQueueLocation(option) }

    /// Opens the existing queue; refuses a place with no queue, naming it.
    func open() async throws -> any ReviewQueue {
        try await openWithTokens().queue
    }

    /// Opens the existing queue to look at it (`list`, `show`, `stats`, `audit`): a queue file read-only when this
    /// user cannot write the file or its folder (an archived case file, a read-only mount), so inspection never
    /// needs write access; otherwise as ``open()`` does, which upgrades an older queue's schema first.
    func openForReading() async throws -> any ReviewQueue {
        try await openForReadingWithTokens().queue
    }

    /// Opens the queue, creating it when there is none (`queue init`, `queue import`).
    func openOrCreate() async throws -> any ReviewQueue {
        try await openOrCreateWithTokens().queue
    }

    /// ``open()``, with the queue's token store.
    func openWithTokens() async throws -> OpenedQueue {
        try await openQueueWithTokens(at: path, creating: false)
    }

    /// ``openForReading()``, with the queue's token store.
    func openForReadingWithTokens() async throws -> OpenedQueue {
        if QueueLocation(path).isServer { return try await openWithTokens() }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let writable = access(path, W_OK) == 0 && access(folder, W_OK) == 0
        if writable || !FileManager.default.fileExists(atPath: path) { return try await openWithTokens() }
        do {
            return OpenedQueue(
                sqlite: try SQLiteReviewQueue(path: path, configuration: SQLiteReviewQueue.Configuration(readOnly: true)))
        } catch let error as QueueError {
            throw CommandLineAdvice.queueError(error)
        }
    }

    /// ``openOrCreate()``, with the queue's token store.
    func openOrCreateWithTokens() async throws -> OpenedQueue {
        try await openQueueWithTokens(at: path, creating: true)
    }
}

/// The queue file when neither --db nor $REDFLAG_DB names one: in the working folder.
let defaultQueuePath = "redflag-queue.sqlite"

/// `--db`, else `$REDFLAG_DB` (the one place the queue's location is read from the environment), else
/// ``defaultQueuePath``.
func resolvedQueueLocation(_ option: String?) -> String {
    if let option, !option.isEmpty { return option }
    if let variable = ProcessInfo.processInfo.environment["REDFLAG_DB"], !variable.isEmpty { return variable }
    return defaultQueuePath
}

/// `--format table|json`.
enum ViewFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
}

/// `--format table|json|csv`.
enum ListFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
}

/// A verdict on the command line.
enum VerdictOption: String, ExpressibleByArgument, CaseIterable {
    case confirmed, dismissed, escalated
    var verdict: Verdict { Verdict(rawValue: rawValue)! }
}

/// A status filter on the command line.
enum StatusOption: String, ExpressibleByArgument, CaseIterable {
    case pending, claimed, decided, confirmed, dismissed, escalated
    var filter: StatusFilter { StatusFilter(rawValue: rawValue)! }
}

/// The exit status (``ExitStatus``) a queue error ends a command with.
enum QueueExit {
    static func code(for error: QueueError) -> Int32 {
        switch error.code {
        case .itemNotFound, .invalidInput, .invalidState: ExitStatus.dataError
        case .nothingToClaim: ExitStatus.nothingToClaim
        case .claimNotHeld, .alreadyDecided: ExitStatus.claimLost
        default: ExitStatus.failure
        }
    }
}

/// Runs a queue command body, turning a ``QueueError`` into its message on standard error and its exit code.
func withQueueErrors(_ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch let error as QueueError {
        standardError("redflag: \(error.message)\n")
        throw ExitCode(QueueExit.code(for: error))
    }
}

/// Writes text to standard output now (one `write(2)`), for lines other processes wait on.
func writeNow(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}

/// One line of compact JSON.
func jsonLine(_ value: some Encodable) throws -> String {
    try QueueJSON.line(value) + "\n"
}

/// The reviewer name: the option, else `$USER`.
func actorName(_ option: String?) -> String {
    option ?? ProcessInfo.processInfo.environment["USER"] ?? "unknown"
}
