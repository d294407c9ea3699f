import ArgumentParser
import Foundation
import RedFlagFeatures
import RedFlagIngest
import RedFlagModel
import RedFlagPipeline

#if canImport(Glibc)
import Glibc
#endif

struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Scan ads and print one result per ad, in input order.",
        discussion: """
            PATH is an .html/.htm file, a folder (read recursively, files in byte order of their paths), a JSONL/NDJSON \
            or CSV dump, a WARC archive (each optionally .gz), or - for JSONL on standard input. Records that cannot be \
            read get a line with an error; the scan goes on. A summary goes to standard error.
            """
    )

    @Argument(help: "Files, folders, dumps or archives to scan; - reads JSONL from standard input.")
    var paths: [String]

    @Option(help: "Output format: jsonl, csv or table.")
    var format: OutputFormatOption = .jsonl

    @Flag(help: "Print each ad's extracted main text instead of results, to check extraction by eye.")
    var text = false

    @Option(name: .customLong("max-bytes"), help: "Largest ad accepted, in bytes; larger ads get a too_large error.")
    var maxBytes: Int = IngestOptions.defaultMaximumAdBytes

    @Option(name: .customLong("id-field"), help: "JSONL/CSV field holding the record id.")
    var idField = "id"

    @Option(name: .customLong("html-field"), help: "JSONL/CSV field holding HTML.")
    var htmlField = "html"

    @Option(name: .customLong("text-field"), help: "JSONL/CSV field holding plain text (skips the HTML parser).")
    var textField = "text"

    @Option(name: .customLong("url-field"), help: "JSONL/CSV field holding the page URL.")
    var urlField = "url"

    @Option(name: .customLong("input-format"), help: "Read every input as this format: html, jsonl, csv or warc.")
    var inputFormat: InputFormatOption?

    @Option(name: .shortAndLong, help: "Worker threads (default: one per core).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(name: .shortAndLong, help: "No summary or progress on standard error.")
    var quiet = false

    @Option(help: "Indicator lexicon (default: $REDFLAG_LEXICON, else Models/lexicon.yaml).")
    var lexicon: String?

    @Option(help: "Suspicion model: Models/NAME.json or a path (default: default).")
    var model: String?

    @Option(name: .customLong("category-model"), help: "Ad-category model (default: category).")
    var categoryModel: String?

    @Option(help: "Flag ads scoring at or above this (default: the model's threshold).")
    var threshold: Double?

    @Flag(name: .customLong("no-model"), help: "Extract indicators and entities only; no score.")
    var noModel = false

    @Flag(help: "Send ads scoring at or above the threshold to the review queue (--db).")
    var enqueue = false

    @Option(help: "Review queue database for --enqueue.")
    var db = "redflag-queue.sqlite"

    func validate() throws {
        guard maxBytes > 0 && maxBytes < Int(Int32.max) else {
            throw ValidationError("--max-bytes must be between 1 and \(Int32.max - 1)")
        }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        if enqueue && (text || noModel) { throw ValidationError("--enqueue needs a score: drop --text / --no-model") }
    }

    func run() throws {
        let options = IngestOptions(
            maximumAdBytes: maxBytes, idField: idField, htmlField: htmlField, textField: textField,
            urlField: urlField, format: inputFormat?.format)
        var reader = AdReader(paths: paths, options: options)
        let renderer = ScanOutputRenderer(format: text ? .text : format.format)
        let features = text ? nil : try loadFeatureExtractor(lexicon)
        let scorer = try features.flatMap {
            noModel ? nil : try loadScorer(model: model, categoryModel: categoryModel, threshold: threshold, lexicon: $0.lexicon)
        }
        if enqueue && scorer?.suspicion == nil {
            throw CLIError("--enqueue needs a suspicion model: none at Models/default.json; pass --model")
        }
        let enqueuer = enqueue ? try Enqueuer(path: db) : nil
        var enqueueError: (any Error)?
        let scanner = Scanner(options: options, features: features, scorer: scorer, jobs: jobs, keepsFlaggedContent: enqueue)
        scanner.renderer = renderer
        let output = StandardOutput()
        output.write(renderer.header())
        let progress = quiet ? nil : ProgressLine()
        var line: [UInt8] = []
        let summary = scanner.run(
            &reader,
            deliver: { result in
                if let rendered = result.rendered {
                    output.write(rendered)
                } else {
                    line.removeAll(keepingCapacity: true)
                    renderer.render(result, into: &line)
                    output.write(line)
                }
                if let enqueuer, enqueueError == nil {
                    do { try enqueuer.add(result) } catch { enqueueError = error }
                }
            },
            progress: { progress?.update($0) })
        output.flush()
        progress?.finish()
        if let enqueuer {
            if enqueueError == nil {
                do { try enqueuer.flush() } catch { enqueueError = error }
            }
            if let enqueueError { throw CLIError("enqueue to \(db) failed: \(enqueueError)") }
            if !quiet {
                standardError(
                    "enqueued to \(db): \(enqueuer.queued) new, \(enqueuer.refreshed) refreshed, \(enqueuer.alreadyDecided) already decided or claimed (unchanged)\n")
            }
        }
        if !quiet {
            let s = summary
            standardError(
                String(
                    format: "scanned %d ads (%d errors) in %.2f s: %.0f ads/s, %.2f MB/s, %d jobs\n", s.ads, s.errors,
                    s.seconds, s.adsPerSecond, s.megabytesPerSecond, jobs))
        }
    }
}

enum OutputFormatOption: String, ExpressibleByArgument, CaseIterable {
    case jsonl, csv, table
    var format: ScanOutputFormat {
        switch self {
        case .jsonl: .jsonl
        case .csv: .csv
        case .table: .table
        }
    }
}

enum InputFormatOption: String, ExpressibleByArgument, CaseIterable {
    case html, jsonl, csv, warc
    var format: InputFormat { InputFormat(rawValue: rawValue)! }
}
