import ArgumentParser
import Foundation

/// The `redflag` command: scan ads for trafficking indicators.
@main
struct RedFlagCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "redflag",
        abstract: "Find sex-trafficking indicators in online classified ads.",
        discussion: """
            Reads ad pages (HTML files and folders), JSONL/CSV dumps, WARC crawl archives and JSONL on stdin (-), \
            extracts each ad's visible text with libxml2, and prints one line per ad.
            """,
        version: "0.1.0",
        subcommands: [
            ScanCommand.self, ExplainCommand.self, TrainCommand.self, EvalCommand.self, LexiconCommand.self,
            BenchCommand.self, QueueCommand.self, ReviewCommand.self, IndicatorsCommand.self, ServeCommand.self,
            TokenCommand.self, ClustersCommand.self, WorkerCommand.self,
        ]
    )

    /// Runs the command, mapping ``CLIError`` to its message and status in one place (ArgumentParser would print
    /// any other error with "Error:" and exit 1, whatever went wrong). Every subcommand is an
    /// `AsyncParsableCommand`; a group without subcommand to run (`redflag queue`) prints its help, as before.
    static func main() async {
        do {
            var command = try await asyncParseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as CLIError {
            standardError("redflag: \(error.description)\n")
            Foundation.exit(error.status)
        } catch {
            exit(withError: error)
        }
    }
}
