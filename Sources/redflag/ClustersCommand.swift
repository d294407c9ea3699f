import ArgumentParser
import Foundation
import RedFlagQueue
import RedFlagService

/// `redflag clusters`: the queue's template clusters, largest first.
struct ClustersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clusters",
        abstract: "List the review queue's template clusters: ads posted from the same text, whatever their phones.",
        discussion: """
            A template cluster holds the queued ads whose wording (contacts, numbers and names masked) matches \
            (estimated similarity 0.5 or more); it never follows phone or e-mail links, which `queue show` lists \
            apart. Each row gives the cluster's size, highest score, confirmed or escalated members, date span, \
            cities and phones. --format json prints one line per cluster with its member ids and the template's \
            shared text and varying slots.
            """
    )

    @OptionGroup var database: QueueDatabaseOptions

    @Option(name: .customLong("min-size"), help: "Only clusters of at least this many ads (default 2).")
    var minSize = 2

    @Option(help: "Output format: table or json.")
    var format: ViewFormat = .table

    func validate() throws {
        guard minSize >= 1 else { throw ValidationError("--min-size must be 1 or more") }
    }

    func run() async throws {
        try await withQueueErrors {
            let clusters = try await database.openForReading().templateClusters(minimumSize: minSize)
            switch format {
            case .json:
                var out = ""
                for cluster in clusters { out += try jsonLine(ClusterReply(cluster)) }
                print(out, terminator: "")
            case .table:
                print(table(clusters, width: outputWidth()), terminator: "")
            }
        }
    }

    /// One row per cluster, cities and phones sharing what the fixed columns leave.
    func table(_ clusters: [TemplateCluster], width: Int) -> String {
        let fixed = 17 + 2 + 5 + 2 + 5 + 2 + 9 + 2 + 23 + 2
        let free = max(30, width - fixed)
        let citiesWidth = free / 2
        var out =
            column("cluster", 17) + "  " + column("size", 5) + "  " + column("top", 5) + "  " + column("confirmed", 9)
            + "  " + column("dates", 23) + "  " + column("cities", citiesWidth) + "  phones\n"
        for c in clusters {
            let dates = c.dateSpan.map { String($0.first.prefix(10)) + " – " + String($0.last.prefix(10)) } ?? "-"
            out +=
                column(c.id, 17) + "  " + column(String(c.size), 5) + "  " + String(format: "%.3f", c.highestScore)
                + "  " + column(String(c.confirmed), 9) + "  " + column(dates, 23) + "  "
                + column(clean(c.cities.joined(separator: ", ")), citiesWidth) + "  "
                + column(clean(c.phones.joined(separator: ", ")), max(10, free - citiesWidth - 2)).trimmingCharacters(
                    in: .whitespaces) + "\n"
        }
        out += "\(clusters.count) cluster(s) of \(minSize) or more ads"
        out += clusters.isEmpty ? "\n" : "; `redflag queue show ID` shows a member with the template's text\n"
        return out
    }
}
