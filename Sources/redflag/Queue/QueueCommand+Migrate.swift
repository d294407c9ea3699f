import ArgumentParser
import Foundation
import RedFlagQueue

extension QueueCommand {
    /// Moves a queue file to a PostgreSQL server, with its audit trail: the step from one machine's queue to a
    /// team's.
    struct Migrate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Move a queue file to PostgreSQL with its audit trail (the target must be empty).",
            discussion: """
                Copies every item, raw copy, claim, decision, note and audit event as it is (ids, tokens and times \
                included), in one transaction, then verifies the copy's audit trail: `queue audit --verify` passes \
                on the new queue as it did on the file. The file's trail must verify first, and nothing may write \
                to the file meanwhile (the move is rolled back if its audit head moves). The file is left as it was.
                """)

        @Option(help: "The queue file: sqlite:PATH or PATH.")
        var from: String

        @Option(help: "The PostgreSQL queue: postgres://USER@HOST:PORT/DATABASE[?schema=NAME].")
        var to: String

        func validate() throws {
            guard QueueLocation(to).isServer else { throw ValidationError("--to must be a postgres:// URL") }
        }

        func run() async throws {
            try await withQueueErrors {
                let path = from.hasPrefix("sqlite:") ? String(from.dropFirst("sqlite:".count)) : from
                guard FileManager.default.fileExists(atPath: path) else {
                    throw CLIError("no review queue at \(path): check --from", status: ExitStatus.noInput)
                }
                let source = try SQLiteReviewQueue(path: path)
                let target = QueueLocation(to)
                let summary = try await moveQueue(from: source, to: to)
                print(
                    "moved \(summary.items) item(s), \(summary.decisions) decision(s), \(summary.notes) note(s) and "
                        + "\(summary.events) audit event(s) from \(path) to \(target.displayed)")
                print(summary.message)
                guard summary.verified else { throw ExitCode(ExitStatus.failure) }
            }
        }
    }
}

/// What a move reports: the counts and the new queue's verification.
struct MoveReport {
    var items: Int
    var decisions: Int
    var notes: Int
    var events: Int
    var verified: Bool
    var message: String
}

#if Postgres
    private func moveQueue(from source: SQLiteReviewQueue, to url: String) async throws -> MoveReport {
        let target = try await PostgresReviewQueue.open(url: url)
        let summary = try await target.moveIn(from: source)
        await target.close()
        return MoveReport(
            items: summary.items, decisions: summary.decisions, notes: summary.notes, events: summary.events,
            verified: summary.verification.isValid, message: "audit: " + summary.verification.message)
    }
#else
    private func moveQueue(from source: SQLiteReviewQueue, to url: String) async throws -> MoveReport {
        throw CLIError(
            "this redflag was built without the PostgreSQL store: build it with `swift build --traits Postgres`")
    }
#endif
