import ArgumentParser
import Foundation
import RedFlagFeatures
import RedFlagIngest
import RedFlagModel
import RedFlagPipeline
import RedFlagQueue
import RedFlagContract

#if canImport(Glibc)
import Glibc
import RedFlagService
#endif

struct ScanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Scan ads and print one result per ad, in input order.",
        discussion: """
            PATH is an .html/.htm file, a folder (read recursively, files in byte order of their paths), a JSONL/NDJSON \
            or CSV dump, a WARC archive (each optionally .gz), or - for JSONL on standard input. In a folder, files \
            whose name says no format are skipped and counted in the summary, unless --input-format names one: then \
            every regular file is read as that format.

            Errors never stop a scan: a record or input that cannot be read gets a line with its error, and the \
            scan goes on to the next. The exit status then says what happened: 0 every ad was read; 65 some records \
            or inputs failed (0 with --keep-going); 66 no input could be read at all (a missing path, an empty \
            folder); 130 interrupted by Ctrl-C, after the ads already read were written. A summary goes to standard \
            error (--summary-json writes it for scripts), with progress while it runs.

            Across machines: --work postgres://… registers the inputs as work items of a distributed scan (files, \
            and parts of large JSONL dumps cut on line boundaries) and prints the run's id; `redflag worker` \
            processes on any machines scan them into the review queue in the same database; --status shows how \
            far they are.
            """
    )

    @Argument(help: "Files, folders, dumps or archives to scan; - reads JSONL from standard input.")
    var paths: [String] = []

    @Option(help: "Output format: jsonl, csv or table.")
    var format: OutputFormatOption = .jsonl

    @Flag(help: "Print each ad's extracted main text instead of results, to check extraction by eye.")
    var text = false

    @Option(name: .customLong("max-bytes"), help: "Largest ad accepted, in bytes; larger ads get a too_large error.")
    var maxBytes: Int = IngestOptions.defaultMaximumAdBytes

    @Option(
        name: .customLong("time-limit"),
        help: "CPU seconds one ad may use before it gets a timeout error and the scan goes on (0: no limit).")
    var timeLimit: Double = RecordBudget.defaultSeconds

    @Option(
        name: .customLong("in-flight-bytes"),
        help: "Bytes of ads held at once (queued, being processed, or waiting for the ads before them); one larger ad still goes through, alone.")
    var inFlightBytes: Int = Scanner.defaultMemoryBudget

    @Option(name: .customLong("id-field"), help: "JSONL/CSV field holding the record id.")
    var idField = "id"

    @Option(name: .customLong("html-field"), help: "JSONL/CSV field holding HTML.")
    var htmlField = "html"

    @Option(name: .customLong("text-field"), help: "JSONL/CSV field holding plain text (skips the HTML parser).")
    var textField = "text"

    @Option(name: .customLong("url-field"), help: "JSONL/CSV field holding the page URL.")
    var urlField = "url"

    @Option(
        name: .customLong("input-format"),
        help: "Read every input, and every file in a folder whatever its name, as this format: html, jsonl, csv or warc.")
    var inputFormat: InputFormatOption?

    @OptionGroup var workers: WorkerOptions

    @Flag(name: .shortAndLong, help: "No summary or progress on standard error.")
    var quiet = false

    @Flag(
        name: .customLong("keep-going"),
        help: "Exit 0 even when some records failed (they still get their error lines and are counted); without it a scan with failed records exits 65. A scan that could read nothing still exits 66.")
    var keepGoing = false

    @Option(
        name: .customLong("progress-interval"),
        help: "When standard error is not a terminal, print a progress line every this many seconds (0: never).")
    var progressInterval = 30.0

    @Option(name: .customLong("summary-json"), help: "Also write the end-of-scan summary as JSON to this file.")
    var summaryJSON: String?

    @Flag(name: .customLong("flagged-only"), help: "Print only flagged ads (and error lines).")
    var flaggedOnly = false

    @Option(name: .customLong("min-score"), help: "Print only ads scoring at least this (and error lines).")
    var minScore: Double?

    @OptionGroup var scoring: ScoringOptions

    @Flag(name: .customLong("no-model"), help: "Extract indicators and entities only; no score.")
    var noModel = false

    @Flag(
        help: "Group ads posted from one template (the same text under another phone, name, city or price): each line gets \"cluster\", the id of the template an earlier ad opened, or null. --enqueue does this too, against the queue's templates as well.")
    var cluster = false

    @Option(
        name: .customLong("cluster-similarity"),
        help: "Estimated share of word 2-shingles two ads must share to be one template (0-1].")
    var clusterSimilarity = TemplateClusters.defaultThreshold

    @Flag(help: "Send ads scoring at or above the threshold to the review queue (--db).")
    var enqueue = false

    @Option(
        help: ArgumentHelp(
            "Review queue for --enqueue, created when missing: an SQLite file or postgres://… (default: "
                + "$REDFLAG_DB, else redflag-queue.sqlite)."))
    var db: String?

    @Option(
        help: ArgumentHelp(
            "Register the inputs as work items of a distributed scan in this PostgreSQL queue (postgres://…), for "
                + "`redflag worker` processes to scan; print the run id and return without scanning.",
            valueName: "url"))
    var work: String?

    @Option(
        name: .customLong("part-bytes"),
        help: "With --work: cut uncompressed JSONL dumps larger than this into parts of about this many bytes, on line boundaries, one work item each (default 64 MiB).")
    var partBytes: Int = WorkPlanner.defaultPartBytes

    @Flag(
        help: "Print the progress of distributed scans in --db: items done, in flight, failed and pending, ads scanned, ads/s (--format json for scripts); exit 65 when an item failed.")
    var status = false

    @Option(help: "With --status: only this run (the id --work printed).")
    var run: String?

    func validate() throws {
        try validateWork()
        guard maxBytes > 0 && maxBytes < Int(Int32.max) else {
            throw ValidationError("--max-bytes must be between 1 and \(Int32.max - 1)")
        }
        if enqueue && (text || noModel) { throw ValidationError("--enqueue needs a score: drop --text / --no-model") }
        if (flaggedOnly || minScore != nil) && (text || noModel) {
            throw ValidationError("--flagged-only and --min-score need a score: drop --text / --no-model")
        }
        guard progressInterval >= 0 else { throw ValidationError("--progress-interval must not be negative") }
        guard timeLimit >= 0 && timeLimit.isFinite else { throw ValidationError("--time-limit must be 0 or more seconds") }
        guard inFlightBytes > 0 else { throw ValidationError("--in-flight-bytes must be positive") }
        guard clusterSimilarity > 0 && clusterSimilarity <= 1 else {
            throw ValidationError("--cluster-similarity must be above 0 and at most 1")
        }
        if cluster && text { throw ValidationError("--cluster reads the ads' wording: drop --text") }
    }

    func run() async throws {
        if let work { return try await register(in: work) }
        if status { return try await printStatus() }
        let options = ingestOptions
        let reader = AdReader(paths: paths, options: options)
        let features = text ? nil : try scoring.loadFeatures()
        let scorer = try features.flatMap {
            noModel ? nil : try scoring.scorer(for: $0)
        }
        if enqueue && scorer?.suspicion == nil {
            throw CLIError("--enqueue needs a suspicion model: none at Models/default.json; pass --model")
        }
        if (flaggedOnly || minScore != nil) && scorer?.suspicion == nil {
            throw CLIError("--flagged-only and --min-score need a suspicion model: none at Models/default.json; pass --model")
        }
        let jobs = workers.count
        let effectiveThreshold = scorer?.threshold ?? scorer?.suspicion?.threshold
        var renderer = ScanOutputRenderer(
            format: text ? .text : format.format,
            table: .init(width: outputWidth(), colour: colourWanted(noColor: false), threshold: effectiveThreshold),
            advice: CommandLineAdvice.words)
        // A scan that feeds a queue clusters too: against the queue's templates and its own batch.
        let clusters = cluster || enqueue
        renderer.writesCluster = clusters
        let queueLocation = resolvedQueueLocation(db)
        let queue = enqueue ? try await openQueue(at: queueLocation, creating: true) : nil
        let enqueuer = queue.map { Enqueuer(queue: $0) }
        // The queue's indexed templates, loaded before the scan starts, so lines name the queue's clusters.
        let queueTemplates = try await queue?.templateIndex() ?? []
        let service: ScanService
        do {
            service = try ScanService(
                options: options, features: features, scorer: scorer, jobs: jobs, keepsFlaggedContent: enqueue,
                memoryBudget: inFlightBytes, renderer: clusters ? nil : renderer, signsTemplates: clusters)
        } catch {
            throw CLIError(error.message)
        }
        var tally = ScanTally()
        tally.threshold = effectiveThreshold
        tally.skippedFiles = reader.skippedFiles.count
        Interruption.install()
        // The scan blocks the thread it runs on (and waits there for each batch the queue commits), so it gets one
        // of its own rather than one of the concurrency pool's.
        let quiet = quiet
        tally = await runOnOwnThread { [self, tally, renderer] in
            var reader = reader
            var tally = tally
            let output = StandardOutput()
            output.write(renderer.header())
            let progress = quiet ? nil : ScanProgress(interval: progressInterval)
            // A template id is known only in input order, so a clustering scan renders on the delivering thread.
            let templates = clusters ? TemplateClusters(threshold: clusterSimilarity) : nil
            for entry in queueTemplates { templates?.seed(entry.signature, cluster: entry.cluster) }
            let feeder = enqueuer.map(EnqueueFeeder.init)
            var line: [UInt8] = []
            let summary = service.scan(
                &reader,
                deliver: { result in
                    var result = result
                    if let templates, let sha256 = result.sha256 {
                        result.cluster = templates.add(result.features?.template, sha256: sha256)
                    }
                    tally.count(result)
                    if shows(result) {
                        tally.linesWritten += 1
                        if let rendered = result.rendered {
                            output.write(rendered)
                        } else {
                            line.removeAll(keepingCapacity: true)
                            renderer.render(result, into: &line)
                            output.write(line)
                        }
                    }
                    feeder?.add(result)
                },
                progress: { progress?.update($0) },
                shouldStop: { Interruption.wasRequested })
            output.flush()
            progress?.finish()
            tally.finish(summary, jobs: jobs)
            if let templates {
                tally.templates = .init(
                    repeated: templates.repeatedTemplates, ads: templates.adsInRepeatedTemplates,
                    largest: templates.largestTemplate)
            }
            feeder?.finish()
            return tally
        }
        var enqueueFailure: String?
        if let enqueuer {
            enqueueFailure = await enqueuer.failureMessage(db: QueueLocation(queueLocation).displayed)
            if !quiet && enqueueFailure == nil {
                standardError(
                    "enqueued to \(QueueLocation(queueLocation).displayed): \(await enqueuer.queued) new, \(await enqueuer.refreshed) refreshed, \(await enqueuer.reposted) reposts, \(await enqueuer.alreadyDecided) already decided or claimed (unchanged)\n")
            }
        }
        let verdict = outcome(tally)
        tally.exitStatus = verdict.status
        if !quiet { standardError(tally.text) }
        if let summaryJSON {
            do {
                try tally.json().write(to: URL(fileURLWithPath: summaryJSON))
            } catch {
                throw CLIError("cannot write the summary to \(summaryJSON): \(error.localizedDescription)")
            }
        }
        // The scan's own summary first: every line it printed is still valid when the queue stopped taking ads.
        if let enqueueFailure { throw CLIError(enqueueFailure) }
        if let message = verdict.message { throw CLIError(message, status: verdict.status) }
    }

    /// How inputs are read: formats, field names and limits from the options.
    var ingestOptions: IngestOptions {
        var options = IngestOptions(
            maximumAdBytes: maxBytes, idField: idField, htmlField: htmlField, textField: textField,
            urlField: urlField, format: inputFormat?.format)
        options.recordTimeLimit = timeLimit > 0 ? timeLimit : nil
        return options
    }

    /// Whether a result gets an output line: error lines always do, so failures stay visible.
    private func shows(_ result: ScanResult) -> Bool {
        guard result.error == nil, let assessment = result.assessment, assessment.score.isFinite else { return true }
        if flaggedOnly && !assessment.flagged { return false }
        if let minScore, assessment.score < minScore { return false }
        return true
    }

    /// The exit status and the sentence that explains it, from what was read.
    private func outcome(_ tally: ScanTally) -> (status: Int32, message: String?) {
        if tally.interrupted {
            return (ExitStatus.interrupted, "interrupted after \(tally.ads) ads; every line for them was written")
        }
        if tally.read == 0 {
            if tally.ads == 0 {
                let skipped =
                    tally.skippedFiles > 0
                    ? ": \(tally.skippedFiles) file(s) skipped for their unknown extension; pass --input-format" : ""
                return (ExitStatus.noInput, "no ads found in \(paths.joined(separator: " "))\(skipped)")
            }
            return (ExitStatus.noInput, "no input could be read: all \(tally.errors) failed (see the error lines)")
        }
        if tally.errors > 0 && !keepGoing {
            return (
                ExitStatus.dataError,
                "\(tally.errors) of \(tally.ads) ads could not be read (their lines carry the error); "
                    + "exit status 65 (--keep-going makes it 0)"
            )
        }
        return (ExitStatus.ok, nil)
    }
}

enum OutputFormatOption: String, ExpressibleByArgument, CaseIterable {
    /// `json` is for `--status` (one object); a scan prints one JSON object per line (`jsonl`).
    case jsonl, csv, table, json
    var format: ScanOutputFormat {
        switch self {
        case .jsonl, .json: .jsonl
        case .csv: .csv
        case .table: .table
        }
    }
}

enum InputFormatOption: String, ExpressibleByArgument, CaseIterable {
    case html, jsonl, csv, warc
    var format: InputFormat { InputFormat(rawValue: rawValue)! }
}
