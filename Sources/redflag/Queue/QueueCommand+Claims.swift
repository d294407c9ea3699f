import ArgumentParser
import Foundation
import RedFlagQueue
import RedFlagService

extension QueueCommand {
    struct Next: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Claim the highest-priority pending item and print it.",
            discussion: """
                Priority: items whose evidence points to a person under 18 (a stated age under 18, or wording the \
                lexicon marks as pointing to a minor) first, whatever their score; then the highest score in the \
                item's linked group, then the item's score, then age (older first). Items whose lease ran out go back \
                to pending first. Exits 69 when nothing is pending. With \
                --format json, prints the item (its `id`, and `claim.token` for --token) on one line.
                """
        )

        @OptionGroup var database: QueueDatabaseOptions

        @Option(help: "Who is claiming.")
        var reviewer: String

        @Option(help: "Lease in seconds; the item returns to the queue when it runs out.")
        var lease: Double = 900

        @Option(help: "Output format: table or json.")
        var format: ViewFormat = .table

        @Flag(help: "Never use colour.")
        var noColor = false

        func validate() throws {
            guard lease > 0, lease <= 7 * 24 * 3600 else { throw ValidationError("--lease must be 1 s to 7 days") }
        }

        func run() async throws {
            try await withQueueErrors {
                let queue = try database.open()
                guard let item = try await queue.claimNext(reviewer: reviewer, lease: .milliseconds(Int64(lease * 1000)))
                else {
                    throw QueueError(.nothingToClaim, "nothing to claim: no pending items in \(database.path)")
                }
                switch format {
                case .json:
                    print(try jsonLine(item), terminator: "")
                case .table:
                    let renderer = QueueRenderer(colour: colourWanted(noColor: noColor))
                    print(
                        renderer.render(
                            item, linked: try await queue.linkedItems(of: item.id), notes: try await queue.notes(of: item.id)),
                        terminator: "")
                    if let claim = item.claim {
                        print(
                            "claimed item \(item.id) until \(RFC3339.string(from: claim.leaseExpiresAt)) "
                                + "(token \(claim.token))"
                        )
                    }
                }
            }
        }
    }

    struct Release: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Give a claimed item back to the queue.")

        @OptionGroup var database: QueueDatabaseOptions

        @Argument(help: "The item id.")
        var id: Int64

        @Option(help: "Who holds the claim.")
        var reviewer: String

        @Option(help: "The claim token `next` printed (optional fencing).")
        var token: String?

        @Option(help: "Output format: table or json.")
        var format: ViewFormat = .table

        func run() async throws {
            try await withQueueErrors {
                let queue = try database.open()
                try await queue.release(id: id, reviewer: reviewer, claimToken: token)
                switch format {
                case .json: print(#"{"id":\#(id),"released":true}"#)
                case .table: print("released item \(id)")
                }
            }
        }
    }

    struct Decide: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a decision on an item you hold.",
            discussion: """
                Only the reviewer holding an unexpired claim may decide (exit 75 otherwise). Repeating the same \
                decision under the same claim succeeds and says it was already recorded. Confirming or escalating \
                prints where to report the item (--referral, default Models/referral.yaml: the National Human \
                Trafficking Hotline, NCMEC's CyberTipline first for a suspected minor, and the team's local \
                contacts) and records that referral with the decision in the audit trail and the export bundle.
                """
        )

        @OptionGroup var database: QueueDatabaseOptions

        @Argument(help: "The item id.")
        var id: Int64

        @Argument(help: "confirmed, dismissed or escalated.")
        var verdict: VerdictOption

        @Option(help: "Severity from 1 (lowest) to 5.")
        var severity = 3

        @Option(help: "Why (optional).")
        var note: String?

        @Option(help: "Who decides; must hold the claim.")
        var reviewer: String

        @Option(help: "The claim token `next` printed (optional fencing).")
        var token: String?

        @OptionGroup var referral: ReferralOptions

        @Option(help: "Output format: table or json.")
        var format: ViewFormat = .table

        func validate() throws {
            guard (1...5).contains(severity) else { throw ValidationError("--severity must be 1 to 5") }
        }

        func run() async throws {
            try await withQueueErrors {
                let queue = try database.open()
                // Read only when the verdict calls for a referral: a broken file never blocks a dismissal.
                let referrals = ReferralDirectory.needsReferral(verdict.verdict) ? try referral.load() : nil
                let outcome = try await queue.decide(
                    id: id, verdict: verdict.verdict, severity: severity, note: note, reviewer: reviewer,
                    claimToken: token, referrals: referrals)
                let decision = outcome.decision
                let again: Bool
                if case .alreadyRecorded = outcome { again = true } else { again = false }
                switch format {
                case .json:
                    print(try jsonLine(DecisionReply(decision: decision, alreadyRecorded: again)), terminator: "")
                case .table:
                    print(
                        "item \(id): \(decision.verdict.rawValue), severity \(decision.severity)"
                            + (again ? " (already recorded)" : "") + " — decision \(decision.id), audit event "
                            + "\(decision.auditSequence)")
                    if let shown = decision.referral {
                        for line in ReferralText.lines(shown, source: referral.resolvedPath) { print(line) }
                        print("  (this referral is recorded with the decision in audit event \(decision.auditSequence))")
                    }
                }
            }
        }
    }

    struct Reopen: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Return a decided item to pending (a supervisor's correction).",
            discussion: "The earlier decision stays in the item's history and the audit trail."
        )

        @OptionGroup var database: QueueDatabaseOptions

        @Argument(help: "The item id.")
        var id: Int64

        @Option(help: "The supervisor reopening it.")
        var reviewer: String

        @Option(help: "Why it is reopened.")
        var note: String

        @Option(help: "Output format: table or json.")
        var format: ViewFormat = .table

        func run() async throws {
            try await withQueueErrors {
                let queue = try database.open()
                let item = try await queue.reopen(id: id, supervisor: reviewer, note: note)
                switch format {
                case .json: print(try jsonLine(item), terminator: "")
                case .table: print("item \(id) reopened: pending again")
                }
            }
        }
    }

    struct NoteCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "note", abstract: "Add a note to an item.")

        @OptionGroup var database: QueueDatabaseOptions

        @Argument(help: "The item id.")
        var id: Int64

        @Argument(help: "The note.")
        var text: String

        @Option(help: "Who writes it.")
        var reviewer: String

        @Option(help: "Output format: table or json.")
        var format: ViewFormat = .table

        func run() async throws {
            try await withQueueErrors {
                let queue = try database.open()
                let note = try await queue.addNote(id: id, author: reviewer, text: text)
                switch format {
                case .json: print(try jsonLine(note), terminator: "")
                case .table: print("note \(note.id) added to item \(id)")
                }
            }
        }
    }
}
