import ArgumentParser
import RedFlagQueue

extension QueueCommand {
    /// `queue purge ID --reason …`: removes an item's personal data, audited.
    struct Purge: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove an item's ad text, raw copy, URL and contact details (audited).",
            discussion: """
                For takedown and data-protection requests and retention rules. The item keeps its score, \
                families, decisions and notes; its phones and e-mails no longer link new ads; the same ad scanned \
                again is not brought back. The audit trail records who purged it, when and why, and still \
                verifies. A claimed item is refused: release or decide it first.
                """
        )

        @OptionGroup var database: QueueDatabaseOptions

        @Argument(help: "The item's id.")
        var id: Int64

        @Option(help: "Why (kept in the audit trail): a request reference, a retention rule.")
        var reason: String

        @Option(help: "Who purges (default: $USER).")
        var actor: String?

        func run() async throws {
            try await withQueueErrors {
                try await database.open().purge(id: id, actor: actorName(actor), reason: reason)
                print("purged item \(id): text, raw copy, url and contact details removed")
            }
        }
    }
}
