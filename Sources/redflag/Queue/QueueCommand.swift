import ArgumentParser
import Foundation
import RedFlagQueue

#if canImport(Glibc)
    import Glibc
#endif

/// `redflag queue …`: work the review queue from scripts and the shell.
struct QueueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queue",
        abstract: "Work the review queue: claim, show, decide, list, export and audit.",
        discussion: """
            The queue is an SQLite file (--db, default redflag-queue.sqlite in the working folder) that any number \
            of processes can share. Exit codes: 0 ok, 1 failure, 64 usage, 65 input rejected (bad id, value or \
            state), 69 nothing to claim, 75 claim lost or expired.
            """,
        subcommands: [
            Next.self, Show.self, Release.self, Decide.self, Reopen.self, NoteCommand.self, List.self, Stats.self,
            Export.self, Audit.self, Import.self, Drill.self,
        ]
    )
}

/// `--db PATH`, shared by every queue command.
struct QueueDatabaseOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: "The queue database file.")
    var path = "redflag-queue.sqlite"

    func open() throws -> SQLiteReviewQueue {
        try SQLiteReviewQueue(path: path)
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

/// Exit codes the queue commands document.
enum QueueExit {
    static let inputRejected: Int32 = 65
    static let nothingToClaim: Int32 = 69
    static let claimLost: Int32 = 75

    static func code(for error: QueueError) -> Int32 {
        switch error.code {
        case .itemNotFound, .invalidInput, .invalidState: inputRejected
        case .nothingToClaim: nothingToClaim
        case .claimNotHeld, .alreadyDecided: claimLost
        default: 1
        }
    }
}

/// Runs a queue command body, turning a ``QueueError`` into its message on standard error and its exit code.
func withQueueErrors(_ body: () throws -> Void) throws {
    do {
        try body()
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
