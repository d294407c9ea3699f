import Foundation
import Synchronization
import RedFlagContract
public import RedFlagFeatures
import RedFlagIngest
public import RedFlagPipeline
public import RedFlagQueue

/// A worker of a distributed batch scan (`redflag worker`): claims work items (``ScanWorkQueue``), scans each with
/// the normal scan pipeline (``ScanService``), enqueues its flagged ads into the review queue, and marks the item
/// done or failed, until no item is left (or, waiting for work, until told to stop).
///
/// While it scans an item it renews the item's lease every third of the lease. If a renewal finds the claim taken
/// (the worker stalled past its lease and another took the item over), it stops reading that item and leaves it to
/// the new holder. A worker that dies loses nothing: its lease runs out and the next claim takes the item over from
/// its start. Scanning an item again is harmless because the review queue keeps each content (SHA-256) once and, for
/// an ad seen again with the same assessment, records nothing (no item, no audit event).
///
/// With ``Configuration/concurrency`` above one, that many items are scanned at once, each on a thread of its own
/// with its own compiled lexicon (a batch scan's workers do the same), since an item is often one page.
///
/// ```swift
/// let worker = try ScanWorker(work: work, queue: queue, features: extractor, scorer: scorer,
///                             configuration: .init(name: "host-1:4242"))
/// let summary = try await worker.run(shouldStop: { false }, events: { print($0) })
/// ```
public final class ScanWorker: Sendable {
    public struct Configuration: Sendable {
        /// How the work table and the audit trail name this worker.
        public var name: String
        /// Only this run's items (any run's when nil).
        public var run: String?
        /// How long a claim lasts without renewal: how soon another worker takes over an item from a dead one.
        public var lease: Duration
        /// Claims whose lease ran out, after which an item is failed instead of claimed again.
        public var maxAttempts: Int
        /// Items scanned at once.
        public var concurrency: Int
        /// Keep polling for new items once every item is done, instead of returning.
        public var waitsForWork: Bool

        public init(
            name: String, run: String? = nil, lease: Duration = .seconds(60), maxAttempts: Int = 3,
            concurrency: Int = 1, waitsForWork: Bool = false
        ) {
            self.name = name
            self.run = run
            self.lease = lease
            self.maxAttempts = maxAttempts
            self.concurrency = concurrency
            self.waitsForWork = waitsForWork
        }

        /// How long to wait before claiming again while other workers hold the remaining items: half the lease, at
        /// most a second, so an item a dead worker held is taken over soon after its lease runs out.
        public var pollInterval: Duration { min(.seconds(1), lease / 2) }
    }

    /// What the worker did, as it happens, for a front end to report.
    public enum Event: Sendable {
        case claimed(WorkItem)
        case done(WorkItem, WorkOutcome, seconds: Double)
        case failed(WorkItem, error: String)
        /// The claim was taken over by another worker (this one stalled past its lease); its outcome is not recorded.
        case lost(WorkItem)
        /// Given back unfinished, because the worker was told to stop.
        case released(WorkItem)
    }

    /// What the worker did in all.
    public struct Summary: Sendable {
        public var done = 0
        public var failed = 0
        public var lost = 0
        public var released = 0
        public var ads = 0
        public var flagged = 0
        public var queued = 0

        public init() {}

        mutating func add(_ other: Summary) {
            done += other.done
            failed += other.failed
            lost += other.lost
            released += other.released
            ads += other.ads
            flagged += other.flagged
            queued += other.queued
        }
    }

    private let work: any ScanWorkQueue
    private let queue: any ReviewQueue
    private let features: FeatureExtractor
    private let scorer: Scorer
    public let configuration: Configuration

    /// - Parameters:
    ///   - work: the work items; `queue` the review queue flagged ads go to (the same database, for `redflag worker`).
    ///   - features, scorer: the lexicon and models every item is scanned with (a suspicion model is needed to
    ///     flag).
    public init(
        work: any ScanWorkQueue, queue: any ReviewQueue, features: FeatureExtractor, scorer: Scorer,
        configuration: Configuration
    ) {
        self.work = work
        self.queue = queue
        self.features = features
        self.scorer = scorer
        self.configuration = configuration
    }

    /// Works until every item is done or failed (or, with ``Configuration/waitsForWork``, until `shouldStop`).
    /// `shouldStop` is also asked between ads: once it says yes, the items in hand are given back, pending again.
    ///
    /// - Throws: ``QueueError`` when the work items or the review queue fail (the item in hand is given back first
    ///   when the store still answers), `LexiconError` when a lane's copy of the lexicon does not compile.
    public func run(shouldStop: @escaping @Sendable () -> Bool, events: @escaping @Sendable (Event) -> Void)
        async throws -> Summary
    {
        let halt = Flag()
        let stop: @Sendable () -> Bool = { shouldStop() || halt.isSet }
        var extractors = [features]
        for _ in 1..<max(1, configuration.concurrency) {
            extractors.append(try FeatureExtractor(lexicon: features.lexicon, vocabulary: features.vocabulary))
        }
        return try await withThrowingTaskGroup(of: Summary.self) { group in
            for extractor in extractors {
                let lane = Lane(worker: self, features: extractor, shouldStop: stop, events: events)
                group.addTask {
                    do {
                        return try await lane.run()
                    } catch {
                        halt.set()  // the other lanes give their items back and end
                        throw error
                    }
                }
            }
            var total = Summary()
            for try await summary in group { total.add(summary) }
            return total
        }
    }

    /// One item at a time, with its own lexicon and a scanner per settings.
    private struct Lane: Sendable {
        let worker: ScanWorker
        let features: FeatureExtractor
        let shouldStop: @Sendable () -> Bool
        let events: @Sendable (Event) -> Void

        var configuration: Configuration { worker.configuration }

        func run() async throws -> Summary {
            var summary = Summary()
            var services: [String: ScanService] = [:]
            while !shouldStop() {
                let claim = try await worker.work.claim(
                    worker: configuration.name, run: configuration.run, lease: configuration.lease,
                    maxAttempts: configuration.maxAttempts)
                switch claim {
                case .finished where !configuration.waitsForWork:
                    return summary
                case .finished, .waiting:
                    try? await Task.sleep(for: configuration.pollInterval)
                case .claimed(let item):
                    events(.claimed(item))
                    let settings: ScanSettings
                    do {
                        settings = try ScanSettings(json: item.spec.settings)
                    } catch {
                        try await fail(item, "\(item.spec.displayName): its scan settings cannot be read (\(error))", &summary)
                        continue
                    }
                    let service: ScanService
                    if let cached = services[item.spec.settings] {
                        service = cached
                    } else {
                        service = try ScanService(
                            options: settings.options, features: features, scorer: worker.scorer, jobs: 1,
                            keepsFlaggedContent: true)
                        services[item.spec.settings] = service
                    }
                    try await process(item, settings: settings, service: service, summary: &summary)
                }
            }
            return summary
        }

        private func process(_ item: WorkItem, settings: ScanSettings, service: ScanService, summary: inout Summary)
            async throws
        {
            let spec = item.spec
            let identity: FileIdentity
            do throws(IngestError) {
                identity = try FileIdentity(path: spec.path)
            } catch {
                try await fail(item, error.message, &summary)
                return
            }
            guard identity.size == spec.fileSize, identity.modifiedNanoseconds == spec.modifiedNanoseconds else {
                try await fail(
                    item,
                    "\(spec.path): changed since it was registered (\(spec.fileSize) bytes then, \(identity.size) now, "
                        + "or another modification time); register it again to scan what it holds now",
                    &summary)
                return
            }
            let started = ContinuousClock.now
            let lost = Flag()
            let renewal = Task { [work = worker.work, lease = configuration.lease] in
                while !Task.isCancelled {
                    try? await Task.sleep(for: lease / 3)
                    if Task.isCancelled { break }
                    // A failed renewal (the server unreachable a moment) is tried again; if the lease runs out
                    // meanwhile, the item is taken over and the next renewal says so.
                    if let held = try? await work.renew(item, lease: lease), !held {
                        lost.set()
                        break
                    }
                }
            }
            let enqueuer = Enqueuer(queue: worker.queue, actor: configuration.name)
            let shouldStop = shouldStop
            var input = Input.recognise(spec.path) ?? Input(path: spec.path, format: nil, gzipped: false)
            input.byteRange = spec.byteRange
            let options = settings.options
            let scan = await runOnOwnThread { [input] in
                ItemScan.run(
                    input: input, options: options, service: service, enqueuer: enqueuer,
                    shouldStop: { lost.isSet || shouldStop() })
            }
            renewal.cancel()
            if lost.isSet {
                summary.lost += 1
                events(.lost(item))
                return
            }
            if let failure = await enqueuer.failure {
                _ = try? await worker.work.release(item)
                let reason = (failure as? QueueError)?.message ?? "\(failure)"
                throw QueueError(
                    .storage,
                    "the review queue failed while taking the flagged ads of \(spec.displayName) (\(reason)); the "
                        + "item was given back and will be scanned again")
            }
            if scan.summary.stoppedEarly {
                if try await worker.work.release(item) {
                    summary.released += 1
                    events(.released(item))
                }
                return
            }
            if scan.summary.ads == 0 {
                try await fail(item, "\(spec.displayName): no ads in it", &summary)
                return
            }
            if scan.summary.errors == scan.summary.ads {
                try await fail(item, scan.firstError ?? "\(spec.displayName): no ad could be read", &summary)
                return
            }
            let outcome = WorkOutcome(
                ads: scan.summary.ads, errors: scan.summary.errors, flagged: scan.flagged,
                // A work item's record keeps one count for content already queued: refreshed and reposted.
                queued: await enqueuer.queued, refreshed: await enqueuer.refreshed + (await enqueuer.reposted),
                alreadyDecided: await enqueuer.alreadyDecided, bytes: scan.summary.bytes, firstError: scan.firstError)
            guard try await worker.work.finish(item, outcome: outcome) else {
                summary.lost += 1
                events(.lost(item))
                return
            }
            summary.done += 1
            summary.ads += outcome.ads
            summary.flagged += outcome.flagged
            summary.queued += outcome.queued
            let elapsed = ContinuousClock.now - started
            events(
                .done(
                    item, outcome,
                    seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))
        }

        private func fail(_ item: WorkItem, _ error: String, _ summary: inout Summary) async throws {
            if try await worker.work.fail(item, error: error) {
                summary.failed += 1
                events(.failed(item, error: error))
            } else {
                summary.lost += 1
                events(.lost(item))
            }
        }
    }
}

/// One item's scan, run on a thread of its own (the pipeline and ``EnqueueFeeder`` block their thread).
private struct ItemScan: Sendable {
    var summary: ScanSummary
    var flagged: Int
    var firstError: String?

    static func run(
        input: Input, options: IngestOptions, service: ScanService, enqueuer: Enqueuer,
        shouldStop: @escaping () -> Bool
    ) -> ItemScan {
        var reader = AdReader(inputs: [input], options: options)
        let feeder = EnqueueFeeder(enqueuer)
        var flagged = 0
        var firstError: String?
        let summary = service.scan(
            &reader,
            deliver: { result in
                if result.assessment?.flagged == true { flagged += 1 }
                if firstError == nil, let error = result.error { firstError = error.message }
                feeder.add(result)
            }, shouldStop: shouldStop)
        feeder.finish()
        return ItemScan(summary: summary, flagged: flagged, firstError: firstError)
    }
}

/// A flag set once, read from any thread.
private final class Flag: Sendable {
    private let value = Atomic<Bool>(false)
    func set() { value.store(true, ordering: .relaxed) }
    var isSet: Bool { value.load(ordering: .relaxed) }
}
