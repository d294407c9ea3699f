import ArgumentParser
import Foundation
import RedFlagQueue
import RedFlagService

extension QueueCommand {
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show an item: the ad with its evidence, entities, linked ads, same-template ads, postings, decisions and notes.",
            discussion: """
                Linked ads share a phone or an e-mail with this one (directly or through other ads); each is shown \
                with its location (the url's host and path when no place is known), date and decision. Same-template \
                ads were posted from the same text whatever their contacts; the template's shared text is shown with \
                {n} where the copies differ, and each slot's values (names, cities, phones, prices). Postings list \
                every id and URL the same content was posted under.
                """
        )

        @OptionGroup var database: QueueDatabaseOptions

        @Argument(help: "The item id.")
        var id: Int64

        @Option(help: "Output format: table or json.")
        var format: ViewFormat = .table

        @Flag(help: "Show the whole ad text, however long.")
        var full = false

        @Flag(help: "Never use colour.")
        var noColor = false

        func run() async throws {
            try await withQueueErrors {
                let queue = try await database.openForReading()
                guard let item = try await queue.item(id: id) else {
                    throw QueueError(.itemNotFound, "no item \(id) in \(QueueLocation(database.path).displayed)", itemID: id)
                }
                let reply = try await ShowReply.load(item, from: queue)
                switch format {
                case .json:
                    print(try jsonLine(reply), terminator: "")
                case .table:
                    var renderer = QueueRenderer(colour: colourWanted(noColor: noColor))
                    if full { renderer.maximumTextLength = .max }
                    print(
                        renderer.render(
                            item, linked: reply.linked, notes: reply.notes, decisions: reply.decisions,
                            sameTemplate: reply.sameTemplate, template: reply.template, postings: reply.postings),
                        terminator: "")
                }
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List items in priority order.",
            discussion: """
                Items whose evidence points to a person under 18 come first and are marked MINOR (JSON: "minor": \
                true with "minor_reasons"; CSV: the minor column); --minors lists only them. JSON and CSV carry no \
                ad text; use `show` for that.
                """
        )

        @OptionGroup var database: QueueDatabaseOptions

        @Option(help: "pending, claimed, decided, confirmed, dismissed or escalated.")
        var status: StatusOption?

        @Option(name: .customLong("min-score"), help: "Only items scoring at least this.")
        var minScore: Double?

        @Option(help: "Only items where this indicator family fired.")
        var family: String?

        @Option(help: "Only items carrying this phone number (digits).")
        var phone: String?

        @Flag(help: "Only items whose evidence points to a person under 18.")
        var minors = false

        @Option(help: "At most this many items.")
        var limit: Int?

        @Option(help: "Output format: table, json or csv.")
        var format: ListFormat = .table

        func run() async throws {
            try await withQueueErrors {
                let queue = try await database.openForReading()
                let items = try await queue.list(
                    filter: QueueFilter(
                        status: status?.filter, minimumScore: minScore, family: family, phone: phone,
                        minorsOnly: minors, limit: limit))
                let now = Date()
                let rows = items.map { ItemSummary($0, now: now) }
                switch format {
                case .json:
                    print(String(decoding: try QueueJSON.encoder().encode(rows), as: UTF8.self))
                case .csv:
                    var out = csvLine(ItemSummary.csvHeader)
                    for row in rows { out += csvLine(row.csvFields) }
                    print(out, terminator: "")
                case .table:
                    print(listTable(rows, width: outputWidth()), terminator: "")
                }
            }
        }

        /// Rows fitted to `width`: fixed columns first, then the ad id, url, location and families share the rest.
        /// The group column gets its legend below the rows, since "12×3 0.97" means nothing on its own.
        func listTable(_ rows: [ItemSummary], width: Int) -> String {
            let fixed = 5 + 2 + 5 + 2 + 12 + 2 + 5 + 2 + 11 + 2 + 8 + 2 + 24 + 2  // id, minor, status, score, group, template, date, gaps
            let free = max(40, width - fixed)
            let adWidth = max(8, free * 22 / 100)
            let urlWidth = max(10, free * 30 / 100)
            let locationWidth = max(8, free * 18 / 100)
            let familiesWidth = max(8, free - adWidth - urlWidth - locationWidth - 6)
            var out =
                "   id  " + column("minor", 5) + "  " + column("status", 12) + "  score  " + column("group", 11) + "  "
                + column("template", 8) + "  "
                + column("ad id", adWidth) + "  " + column("url", urlWidth) + "  " + column("location", locationWidth) + "  "
                + column("date", 24) + "  families\n"
            for r in rows {
                let group = r.groupSize > 1 ? "\(r.groupID)×\(r.groupSize) \(String(format: "%.2f", r.groupScore))" : "-"
                out +=
                    String(format: "%5lld  ", r.id) + column(r.minor ? "MINOR" : "", 5) + "  " + column(r.state, 12)
                    + "  " + String(format: "%.3f", r.score) + "  " + column(group, 11) + "  "
                    + column(r.templateSize > 1 ? "×\(r.templateSize)" + (r.postingCount > 1 ? " +\(r.postingCount - 1)" : "") : (r.postingCount > 1 ? "+\(r.postingCount - 1)" : "-"), 8) + "  "
                    + column(clean(r.adID), adWidth, keepEnd: true) + "  "
                    + column(clean(r.url ?? "-"), urlWidth, keepEnd: true) + "  "
                    + column(clean(r.location), locationWidth) + "  " + column(clean(r.date), 24) + "  "
                    + column(r.families.joined(separator: ","), familiesWidth).trimmingCharacters(in: .whitespaces)
                    + "\n"
            }
            out += "\(rows.count) item(s)\n"
            if rows.contains(where: \.minor) {
                out += "MINOR = evidence points to a person under 18 (`queue show ID` says why): reviewed first\n"
            }
            if rows.contains(where: { $0.groupSize > 1 }) {
                out +=
                    "group: G×N S = one of N ads linked by a shared phone or e-mail (group G, top score S); "
                    + "- = not linked\n"
            }
            if rows.contains(where: { $0.templateSize > 1 || $0.postingCount > 1 }) {
                out +=
                    "template: ×N = one of N ads posted from the same text (`queue show ID`, `redflag clusters`); "
                    + "+R = the same ad reposted R more times\n"
            }
            return out
        }
    }

    struct Stats: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Counts by status, minors, decision and family, and the oldest pending item's age.")

        @OptionGroup var database: QueueDatabaseOptions

        @Option(help: "Output format: table or json.")
        var format: ViewFormat = .table

        func run() async throws {
            try await withQueueErrors {
                let stats = try await database.openForReading().stats()
                switch format {
                case .json:
                    print(try jsonLine(stats), terminator: "")
                case .table:
                    var out = "items: \(stats.total)\n"
                    for key in ["pending", "claimed", "expired", "decided"] {
                        out += "  \(column(key, 10)) \(stats.byStatus[key] ?? 0)\n"
                    }
                    let minors = stats.minors
                    out +=
                        "minors: \(minors["total"] ?? 0) (pending \(minors["pending"] ?? 0), claimed "
                        + "\(minors["claimed"] ?? 0), decided \(minors["decided"] ?? 0)): evidence points to a person "
                        + "under 18\n"
                    out += "decisions:\n"
                    for key in ["confirmed", "dismissed", "escalated"] {
                        out += "  \(column(key, 10)) \(stats.byVerdict[key] ?? 0)\n"
                    }
                    out += "families:\n"
                    for (family, count) in stats.byFamily.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }) {
                        out += "  \(column(family, 20)) \(count)\n"
                    }
                    out += "linked groups: \(stats.linkedGroups)\n"
                    if let age = stats.oldestPendingAgeSeconds, let at = stats.oldestPendingAt {
                        out += "oldest pending: \(RFC3339.string(from: at)) (\(duration(age)) ago)\n"
                    } else {
                        out += "oldest pending: none\n"
                    }
                    out += "audit events: \(stats.auditEvents)\n"
                    print(out, terminator: "")
                }
            }
        }

        func duration(_ seconds: Double) -> String {
            let s = Int(seconds)
            if s < 120 { return "\(s) s" }
            if s < 7200 { return "\(s / 60) min" }
            if s < 172_800 { return "\(s / 3600) h" }
            return "\(s / 86400) days"
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a case bundle of items with a given status.",
            discussion: """
                DIR gets items.jsonl (each item with its decisions and notes), decisions.jsonl, raw/<sha256>.html or \
                .txt (the captured bytes), audit-head.json (the audit chain head after this export, which is itself \
                audited) and MANIFEST.sha256 (check with `cd DIR && sha256sum -c MANIFEST.sha256`). Files are \
                readable by their owner only.
                """
        )

        @OptionGroup var database: QueueDatabaseOptions

        @Option(help: "Which items: pending, claimed, decided, confirmed, dismissed or escalated.")
        var status: StatusOption = .confirmed

        @Option(help: "The folder to create (must not exist or be empty).")
        var out: String

        @Option(help: "Who exports (default: $USER).")
        var actor: String?

        @Flag(
            help: """
                Mask phones and e-mails (digits become #, an address's letters *) in texts, evidence, URLs, \
                entities and notes, and leave the raw page copies out: for a bundle shared outside the team.
                """)
        var redact = false

        @Option(help: "Output format: table or json.")
        var format: ViewFormat = .table

        func run() async throws {
            try await withQueueErrors {
                let summary = try await database.open().export(
                    status: status.filter, to: out, actor: actorName(actor), redact: redact)
                switch format {
                case .json: print(try jsonLine(summary), terminator: "")
                case .table:
                    print(
                        "exported \(summary.itemCount) item(s), \(summary.decisionCount) decision(s) to "
                            + "\(summary.directory)\n"
                            + "audit head: event \(summary.auditHeadSequence) \(summary.auditHeadHash)")
                }
            }
        }
    }

    struct Audit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List audit events, or verify the hash chain.",
            discussion: """
                --verify recomputes every event's hash and link and says where the chain first breaks: an edited \
                event, missing (deleted) events, inserted events, a cut-off tail. Exits 1 when it does not verify.
                """
        )

        @OptionGroup var database: QueueDatabaseOptions

        @Flag(help: "Verify the chain instead of listing.")
        var verify = false

        @Option(help: "Only events of this item.")
        var item: Int64?

        @Option(help: "Only events after this sequence number.")
        var after: Int64?

        @Option(help: "At most this many events.")
        var limit: Int?

        @Option(help: "Output format: table or json.")
        var format: ViewFormat = .table

        func run() async throws {
            try await withQueueErrors {
                let queue = try await database.openForReading()
                if verify {
                    let result = try await queue.verifyAudit()
                    switch format {
                    case .json: print(try jsonLine(result), terminator: "")
                    case .table:
                        if result.isValid {
                            print(result.message)
                        } else {
                            let at = result.firstBadSequence.map { " at event \($0)" } ?? ""
                            print("BROKEN\(at) (\(result.problem?.rawValue ?? "?")): \(result.message)")
                        }
                    }
                    if !result.isValid { throw ExitCode.failure }
                    return
                }
                let events = try await queue.auditEvents(itemID: item, after: after, limit: limit)
                switch format {
                case .json:
                    var out = ""
                    for event in events { out += try jsonLine(event) }
                    print(out, terminator: "")
                case .table:
                    var out = ""
                    for e in events {
                        out +=
                            String(format: "%6lld  ", e.sequence) + e.atText + "  " + column(clean(e.actor), 12) + "  "
                            + column(e.action.rawValue, 7) + "  " + column(e.itemID.map { "#\($0)" } ?? "-", 7) + "  "
                            + clean(e.detail) + "  " + String(e.hash.prefix(12)) + "\n"
                    }
                    print(out, terminator: "")
                }
            }
        }
    }
}
