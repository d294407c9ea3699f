import ArgumentParser
import Foundation
import RedFlagFeatures
import RedFlagPipeline
import RedFlagQueue
import RedFlagService

#if canImport(Glibc)
    import Glibc
#endif

/// `redflag worker`: one of any number of processes, on any machines, that scan the work items `scan --work`
/// registered and enqueue the flagged ads into the review queue of the same database. The work is
/// ``ScanWorker``'s; this reads options, loads the models and reports.
struct WorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Scan the work items of distributed scans (`redflag scan --work`) into the review queue.",
        discussion: """
            Claims work items in --db (a PostgreSQL queue) one at a time per job, scans each with the normal scan \
            pipeline and models, enqueues the flagged ads into the review queue there, and marks the item done, or \
            failed with an error naming the input. Exits once every item is done or failed (--wait: keeps polling \
            for new ones until Ctrl-C or SIGTERM). While items are in other workers' hands it waits: if one of them \
            stops renewing its lease (killed, its machine gone), the item is taken over when the lease runs out and \
            scanned again from its start; ads already queued are recognised by content hash and not added twice. \
            Every worker must see the files at the paths they were registered with. Exit codes: 0 ok, 1 failure \
            (the queue), 64 usage, 66 no queue at --db, 130 stopped (the items in hand are given back).
            """)

    @Option(
        help: ArgumentHelp(
            "The PostgreSQL queue holding the work items: postgres://USER@HOST:PORT/DATABASE (default: $REDFLAG_DB).",
            valueName: "url"))
    var db: String?

    @Option(help: "Only this run's items (the id `scan --work` printed); default: any run's.")
    var run: String?

    @OptionGroup var workers: WorkerOptions

    @Option(help: "Seconds a claim lasts unless renewed (renewed every third of it while scanning): how soon another worker takes over an item from one that died.")
    var lease: Double = 60

    @Option(
        name: .customLong("max-attempts"),
        help: "Claims of one item that may end with a lost lease before the item is marked failed (an input that crashes or stalls every worker).")
    var maxAttempts = 3

    @Flag(help: "Keep polling for new work items when none is left, until Ctrl-C or SIGTERM.")
    var wait = false

    @Option(help: "How the work items and the audit trail name this worker (default: HOST:PID).")
    var name: String?

    @OptionGroup var scoring: ScoringOptions

    @Flag(name: .shortAndLong, help: "No line per item on standard error, only failures and the summary.")
    var quiet = false

    func validate() throws {
        guard lease >= 1 && lease <= 7 * 24 * 3600 else { throw ValidationError("--lease must be 1 s to 7 days") }
        guard maxAttempts >= 1 else { throw ValidationError("--max-attempts must be at least 1") }
    }

    func run() async throws {
        let features = try scoring.loadFeatures()
        guard
            let scorer = try scoring.scorer(for: features),
            scorer.suspicion != nil
        else { throw CLIError("a worker needs a suspicion model to flag ads: none at Models/default.json; pass --model") }
        let location = resolvedQueueLocation(db)
        let opened = try await openWork(at: location, creating: false, option: "--db")
        let workerName = name ?? "\(ProcessInfo.processInfo.hostName):\(getpid())"
        let worker = ScanWorker(
            work: opened.work, queue: opened.queue, features: features, scorer: scorer,
            configuration: ScanWorker.Configuration(
                name: workerName, run: run, lease: .milliseconds(Int64((lease * 1000).rounded())),
                maxAttempts: maxAttempts, concurrency: workers.count, waitsForWork: wait))
        Interruption.install(signals: [SIGINT, SIGTERM])
        let quiet = quiet
        var summary = ScanWorker.Summary()
        try await withQueueErrors {
            summary = try await worker.run(shouldStop: { Interruption.wasRequested }) { event in
                if let line = Self.line(for: event, quiet: quiet) { standardError(line) }
            }
        }
        await opened.close()
        standardError(
            "worker \(workerName): \(summary.done) item(s) done, \(summary.failed) failed"
                + (summary.lost > 0 ? ", \(summary.lost) taken over by other workers" : "")
                + (summary.released > 0 ? ", \(summary.released) given back" : "")
                + "; \(summary.ads) ads, \(summary.flagged) flagged, \(summary.queued) new in the queue\n")
        if Interruption.wasRequested {
            throw CLIError("stopped; the items in hand were given back", status: ExitStatus.interrupted)
        }
    }

    /// The line an event prints on standard error (nil when `quiet` hides it).
    static func line(for event: ScanWorker.Event, quiet: Bool) -> String? {
        switch event {
        case .claimed(let item):
            if quiet { return nil }
            let over = item.attempt > 1 ? ", taken over: attempt \(item.attempt)" : ""
            return "claimed \(item.spec.displayName) (item \(item.id)\(over))\n"
        case .done(let item, let outcome, let seconds):
            if quiet { return nil }
            return "done \(item.spec.displayName): \(outcome.ads) ads"
                + (outcome.errors > 0 ? " (\(outcome.errors) unreadable)" : "")
                + ", \(outcome.flagged) flagged, \(outcome.queued) new in the queue ("
                + String(format: "%.2f", seconds) + " s)\n"
        case .failed(let item, let error):
            return "failed \(item.spec.displayName): \(error)\n"
        case .lost(let item):
            return "lost \(item.spec.displayName): this worker's lease ran out and another worker took it over\n"
        case .released(let item):
            return quiet ? nil : "gave back \(item.spec.displayName) (stopping)\n"
        }
    }
}
