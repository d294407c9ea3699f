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
            Stats.self, Export.self, Audit.self, Purge.self, Import.self, Drill.self,
        ]
    )
}

/// `--db PATH`, shared by every queue command.
struct QueueDatabaseOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: "The queue database file.")
    var path = defaultQueuePath

    /// Opens the existing queue at ``path``; refuses a path with no file, naming it.
    func open() throws -> SQLiteReviewQueue {
        try openQueue(at: path, creating: false)
    }

    /// Opens the existing queue at ``path`` to look at it (`list`, `show`, `stats`, `audit`): read-only when this
    /// user cannot write the file or its folder (an archived case file, a read-only mount), so inspection never
    /// needs write access; otherwise as ``open()`` does, which upgrades an older queue's schema first.
    func openForReading() throws -> SQLiteReviewQueue {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let writable = access(path, W_OK) == 0 && access(folder, W_OK) == 0
        if writable || !FileManager.default.fileExists(atPath: path) { return try open() }
        return try SQLiteReviewQueue(path: path, configuration: SQLiteReviewQueue.Configuration(readOnly: true))
    }

    /// Opens the queue at ``path``, creating it when there is none (`queue init`, `queue import`).
    func openOrCreate() throws -> SQLiteReviewQueue {
        try openQueue(at: path, creating: true)
    }
}

/// The queue file when no --db is given: in the working folder.
let defaultQueuePath = "redflag-queue.sqlite"

/// Opens a queue file. Without `creating`, a path where no file exists is refused with exit status 66 rather than
/// opened, since SQLite would quietly create an empty queue there: a mistyped --db would show "nothing to review".
func openQueue(at path: String, creating: Bool) throws -> SQLiteReviewQueue {
    if !creating && !FileManager.default.fileExists(atPath: path) {
        throw CLIError(
            "no review queue at \(path): check --db, or create one with `redflag queue init --db \(path)` "
                + "or `redflag scan --enqueue --db \(path) …`",
            status: ExitStatus.noInput)
    }
    do {
        return try SQLiteReviewQueue(path: path)
    } catch let error as QueueError {
        throw CommandLineAdvice.queueError(error)
    }
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
