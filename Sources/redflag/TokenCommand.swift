import ArgumentParser
import Foundation
import RedFlagQueue

/// `redflag token …`: the bearer tokens `redflag serve` accepts, kept hashed in the queue database.
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Create, list and revoke the bearer tokens of the HTTP service.",
        discussion: """
            Tokens live in the queue database (--db), stored as the SHA-256 of a random 32-byte secret: the secret \
            is printed once, by `token create`, and cannot be shown again. Roles: ingest (post ads and batches), \
            reviewer (read the queue, claim, decide, release, note), admin (everything). A token's name is the \
            reviewer recorded for everything done with it.
            """,
        subcommands: [Create.self, List.self, Revoke.self]
    )

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a token and print its secret once on standard output.")

        @OptionGroup var database: QueueDatabaseOptions

        @Option(help: "ingest, reviewer or admin.")
        var role: RoleOption

        @Option(help: "Unique name; recorded as the reviewer for claims, decisions and notes made with the token.")
        var name: String

        func run() async throws {
            try await withTokenErrors {
                let store = try await database.openOrCreateWithTokens().tokens
                let issued = try await store.create(name: name, role: role.role)
                writeNow(issued.secret + "\n")
                standardError(
                    "redflag: token \(issued.token.id) \"\(issued.token.name)\" (\(issued.token.role.rawValue)) created; "
                        + "the secret above is shown only now\n")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List tokens (never their secrets).")

        @OptionGroup var database: QueueDatabaseOptions

        @Option(help: "Output format: table or json.")
        var format: ViewFormat = .table

        func run() async throws {
            try await withTokenErrors {
                let tokens = try await database.openForReadingWithTokens().tokens.list()
                switch format {
                case .json:
                    var out = ""
                    for token in tokens { out += try jsonLine(token) }
                    print(out, terminator: "")
                case .table:
                    var out = "   id  " + column("name", 24) + "  " + column("role", 8) + "  " + column("created", 24)
                        + "  revoked\n"
                    for token in tokens {
                        out +=
                            String(format: "%5lld  ", token.id) + column(clean(token.name), 24) + "  "
                            + column(token.role.rawValue, 8) + "  " + column(RFC3339.string(from: token.createdAt), 24)
                            + "  " + (token.revokedAt.map { RFC3339.string(from: $0) } ?? "-") + "\n"
                    }
                    out += "\(tokens.count) token(s)\n"
                    print(out, terminator: "")
                }
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Revoke a token by name or id; requests with it are refused from then on.")

        @OptionGroup var database: QueueDatabaseOptions

        @Argument(help: "The token's name, or its id.")
        var token: String

        func run() async throws {
            try await withTokenErrors {
                let revoked = try await database.openWithTokens().tokens.revoke(token)
                print("revoked token \(revoked.id) \"\(clean(revoked.name))\"")
            }
        }
    }
}

/// A role on the command line.
enum RoleOption: String, ExpressibleByArgument, CaseIterable {
    case ingest, reviewer, admin
    var role: AccessRole { AccessRole(rawValue: rawValue)! }
}

/// Runs a token command body, a ``QueueError`` becoming its message and exit code as for queue commands.
func withTokenErrors(_ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch let error as QueueError {
        standardError("redflag: \(error.message)\n")
        throw ExitCode(QueueExit.code(for: error))
    }
}
