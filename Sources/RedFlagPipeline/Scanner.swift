import Dispatch
import Synchronization
public import RedFlagIngest
public import RedFlagFeatures

/// Counts for the run summary.
public struct ScanSummary: Sendable, Equatable {
    public var ads = 0
    public var errors = 0
    /// Bytes of ad content received (HTML or text), the basis for MB/s.
    public var bytes = 0
    public var seconds = 0.0
    /// Bytes read from the input files so far, and their total size when known (not for standard input): how far
    /// the scan has come, for progress and an ETA.
    public var inputBytesRead = 0
    public var inputBytesTotal: Int?
    /// Whether the scan stopped early because `shouldStop` said so.
    public var stoppedEarly = false
    /// The most bytes of ad content held at once (read, not yet delivered), against ``Scanner/memoryBudget``.
    public var peakBytesInFlight = 0

    public init() {}

    public var adsPerSecond: Double { seconds > 0 ? Double(ads) / seconds : 0 }
    public var megabytesPerSecond: Double { seconds > 0 ? Double(bytes) / 1e6 / seconds : 0 }
}

/// Runs the pipeline over ads on several cores: one ad at a time for a caller that awaits it (``assess(_:)``), or a
/// stream of ads with results delivered in input order (``run(_:deliver:progress:shouldStop:)``).
///
/// A pool of workers, each with its own ``AdProcessor`` (a libxml2 parser context and per-ad scratch, not thread-safe)
/// behind its own lock, so any thread or task may use the pool: a batch scan's worker threads each take one worker
/// (uncontended), and concurrent ``assess(_:)`` calls take whichever worker is free, waiting without blocking a
/// thread when none is.
///
/// Results of a stream come out as soon as every result before them has: a slow ad holds back the ads after it only
/// while it is processed (at most its CPU-time budget, ``RecordBudget``), never the ones before it. Memory is bounded
/// by the ads in flight, read but not yet delivered: at most ``memoryBudget`` bytes of ad content (plus the one ad
/// that crosses it, so an ad larger than the budget still goes through, alone) and at most ``batchSize`` ads. With
/// `jobs: 1` everything runs on the calling thread; the output is the same byte for byte either way.
///
/// ```swift
/// let scanner = try Scanner(features: extractor, scorer: scorer, jobs: 2)
/// let result = await scanner.assess(record)                 // one ad, from any task
/// var reader = AdReader(paths: ["dump.jsonl.gz"])
/// let summary = scanner.run(&reader) { result in print(result.id) }   // a stream, in input order
/// ```
public final class Scanner: Sendable {
    /// The most ads in flight at once, and the batch ``PipelineBenchmark`` hands to ``process(_:)``.
    public static let batchSize = 256
    /// Default bytes of ad content in flight (queued, being processed, or waiting for the ads before them): 32 MiB.
    /// With the 8 MiB default ad limit that is four of the largest pages, so a folder of them stays far below
    /// 300 MB resident, while 32 MiB holds hundreds of ordinary ads and keeps every core busy.
    public static let defaultMemoryBudget = 32 << 20
    /// Ads a worker takes at a time and processes stage by stage.
    public static let chunkSize = 16

    /// One worker's processor; the lock is uncontended in a batch scan (each thread has its own worker).
    final class Worker: Sendable {
        let processor: Mutex<AdProcessor>

        init(_ processor: sending AdProcessor) { self.processor = Mutex(processor) }

        func process<Items: Collection<SourceItem> & Sendable>(_ items: Items) -> [ScanResult] {
            processor.withLock { $0.process(items) }
        }
    }

    private let workers: [Worker]
    private let dispenser: WorkerDispenser
    public let jobs: Int
    /// Bytes of ad content the scan holds in flight at most (see the type's description).
    public let memoryBudget: Int
    /// When set, each result is rendered on the worker that made it (``ScanResult/rendered``).
    public let renderer: ScanOutputRenderer?

    /// - Parameters:
    ///   - features: the compiled lexicon; each further worker compiles its own copy.
    ///   - jobs: workers (at least one).
    /// - Throws: ``LexiconError`` when a worker's copy of the lexicon does not compile: a worker never runs without
    ///   its own (sharing one compiled lexicon between cores made two cores run 1.55× one).
    public init(
        options: IngestOptions = IngestOptions(), features: FeatureExtractor? = nil, scorer: Scorer? = nil, jobs: Int = 1,
        keepsFlaggedContent: Bool = false, memoryBudget: Int = Scanner.defaultMemoryBudget,
        renderer: ScanOutputRenderer? = nil, signsTemplates: Bool = false
    ) throws(LexiconError) {
        self.jobs = max(1, jobs)
        self.memoryBudget = max(1, memoryBudget)
        self.renderer = renderer
        var workers: [Worker] = []
        for worker in 0..<max(1, jobs) {
            // Each worker gets its own compiled lexicon: shared, every array and PCRE2 object the matcher touches is
            // retained and released from both cores, and those reference counts' cache lines bounce between them.
            let own = try worker == 0 ? features : features.map { (shared) throws(LexiconError) in
                try FeatureExtractor(lexicon: shared.lexicon, vocabulary: shared.vocabulary)
            }
            let processor = AdProcessor(options: options, features: own, scorer: scorer)
            processor.keepsFlaggedContent = keepsFlaggedContent
            processor.signsTemplates = signsTemplates
            workers.append(Worker(processor))
        }
        self.workers = workers
        self.dispenser = WorkerDispenser(count: workers.count)
    }

    /// Processes one ad on a free worker, waiting (without blocking a thread) while all are busy. The work runs on a
    /// Dispatch thread, not on the caller's executor: an ad may take up to its CPU-time budget.
    public func assess(_ item: SourceItem) async -> ScanResult {
        let index = await dispenser.acquire()
        defer { dispenser.release(index) }
        let worker = workers[index]
        let renderer = renderer
        return await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                let result = worker.process(CollectionOfOne(item))[0]
                continuation.resume(returning: Scanner.rendering(result, with: renderer))
            }
        }
    }

    /// ``assess(_:)-(SourceItem)`` for a record already read.
    public func assess(_ record: AdRecord) async -> ScanResult { await assess(.record(record)) }

    /// Scans every item `reader` yields, calling `deliver` once per item in input order, and `progress` after
    /// each group of results delivered.
    ///
    /// With several workers, the calling thread reads and delivers while the workers process: it reads while the
    /// ads in flight are under ``memoryBudget`` and ``batchSize``, and delivers each result as soon as the ones
    /// before it are out. `shouldStop` is asked before each ad is read (Ctrl-C): once it says yes, the ads already
    /// read are finished and delivered, and the scan ends.
    public func run(
        _ reader: inout AdReader, deliver: (ScanResult) -> Void, progress: ((ScanSummary) -> Void)? = nil,
        shouldStop: () -> Bool = { false }
    ) -> ScanSummary {
        var summary = ScanSummary()
        summary.inputBytesTotal = reader.totalBytes
        let started = DispatchTime.now().uptimeNanoseconds
        var readerEnded = false
        /// The next item, unless the reader is done or the scan was told to stop.
        func readOne() -> SourceItem? {
            if readerEnded { return nil }
            if shouldStop() {
                summary.stoppedEarly = true
                readerEnded = true
                return nil
            }
            guard let item = reader.next() else {
                readerEnded = true
                return nil
            }
            return item
        }
        func hand(_ results: [ScanResult]) {
            for result in results {
                summary.ads += 1
                summary.bytes += result.byteCount
                if result.error != nil { summary.errors += 1 }
                deliver(result)
            }
            summary.seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            summary.inputBytesRead = reader.bytesRead
            progress?(summary)
        }
        if jobs == 1 {
            // Chunks of ads, each read within the memory budget, processed and delivered before the next is read.
            while true {
                var chunk: [SourceItem] = []
                var bytes = 0
                while chunk.count < Self.chunkSize && (chunk.isEmpty || bytes < memoryBudget), let item = readOne() {
                    bytes += item.contentBytes
                    chunk.append(item)
                }
                if chunk.isEmpty { break }
                summary.peakBytesInFlight = max(summary.peakBytesInFlight, bytes)
                hand(process(chunk))
            }
            return summary
        }
        let flow = ScanFlow()
        let group = DispatchGroup()
        let renderer = renderer
        for worker in workers {
            DispatchQueue.global().async(group: group) {
                while let (start, items) = flow.take(workers: self.jobs) {
                    let results = worker.process(items).map { Scanner.rendering($0, with: renderer) }
                    flow.complete(start: start, results: results)
                }
            }
        }
        var nextToDeliver = 0
        var read = 0
        while true {
            // Read while the ads in flight (read, not yet delivered) are within the budgets; at least one.
            var items: [SourceItem] = []
            var bytes = 0
            while !readerEnded {
                let (inFlightBytes, inFlightItems) = (flow.bytesInFlight + bytes, read - nextToDeliver + items.count)
                guard inFlightItems == 0 || (inFlightBytes < memoryBudget && inFlightItems < Self.batchSize) else { break }
                guard let item = readOne() else { break }
                bytes += item.contentBytes
                items.append(item)
                if items.count >= Self.chunkSize { break }  // hand them to the workers without waiting for more
            }
            if !items.isEmpty {
                flow.add(items, bytes: bytes)
                read += items.count
                summary.peakBytesInFlight = max(summary.peakBytesInFlight, flow.bytesInFlight)
            }
            if readerEnded { flow.finish() }
            if readerEnded && nextToDeliver == read { break }
            // Wait for results only when nothing more may be read now.
            let mayRead = !readerEnded && flow.bytesInFlight < memoryBudget && read - nextToDeliver < Self.batchSize
            let ready = flow.results(from: nextToDeliver, waiting: !mayRead)
            if !ready.isEmpty {
                nextToDeliver += ready.count
                flow.release(ready.reduce(0) { $0 + $1.byteCount })
                hand(ready)
            }
        }
        flow.finish()
        group.wait()
        return summary
    }

    /// The result with its output line rendered, when there is a renderer.
    static func rendering(_ result: ScanResult, with renderer: ScanOutputRenderer?) -> ScanResult {
        guard let renderer else { return result }
        var result = result
        var line: [UInt8] = []
        renderer.render(result, into: &line)
        result.rendered = line
        return result
    }

    /// Processes a batch, in parallel when there is more than one worker; results are in the batch's order.
    public func process(_ batch: [SourceItem]) -> [ScanResult] {
        let renderer = renderer
        if jobs == 1 || batch.count < 2 {
            var results: [ScanResult] = []
            results.reserveCapacity(batch.count)
            var start = 0
            while start < batch.count {
                let end = min(start + Self.chunkSize, batch.count)
                results += workers[0].process(batch[start..<end]).map { Scanner.rendering($0, with: renderer) }
                start = end
            }
            return results
        }
        let count = batch.count
        let active = min(jobs, count)
        // Workers take the next chunk of ads from a shared counter rather than a fixed stride: ads differ tenfold in
        // size, and on a shared host one core can run slower for a while, so a fixed split left the other core idle
        // at the end of every batch. Chunks shrink as the batch runs out (guided scheduling), so the workers finish
        // together; each chunk is processed stage by stage (``AdProcessor/process(_:)-(Items)``).
        let next = Atomic<Int>(0)
        let done = Mutex<[(start: Int, results: [ScanResult])]>([])
        let workers = workers
        DispatchQueue.concurrentPerform(iterations: active) { worker in
            var finished: [(start: Int, results: [ScanResult])] = []
            var start = next.load(ordering: .relaxed)
            while start < count {
                let size = min(Self.chunkSize, max(1, (count - start) / (2 * active)))
                let (exchanged, current) = next.compareExchange(expected: start, desired: start + size, ordering: .relaxed)
                guard exchanged else {
                    start = current
                    continue
                }
                let results = workers[worker].process(batch[start..<(start + size)])
                finished.append((start, results.map { Scanner.rendering($0, with: renderer) }))
                start = next.load(ordering: .relaxed)
            }
            let mine = finished
            done.withLock { $0 += mine }
        }
        var results: [ScanResult] = []
        results.reserveCapacity(count)
        for (_, chunk) in done.withLock({ $0 }).sorted(by: { $0.start < $1.start }) { results += chunk }
        return results
    }
}

/// Hands out free workers to ``Scanner/assess(_:)-(SourceItem)`` callers, parking a caller (a continuation, no
/// blocked thread) while all are busy, and handing a released worker straight to the longest-waiting caller.
final class WorkerDispenser: Sendable {
    private struct State {
        var free: [Int]
        var waiting: [CheckedContinuation<Int, Never>] = []
    }

    private let state: Mutex<State>

    init(count: Int) { state = Mutex(State(free: Array((0..<count).reversed()))) }

    func acquire() async -> Int {
        if let index = state.withLock({ $0.free.popLast() }) { return index }
        return await withCheckedContinuation { continuation in
            let index = state.withLock { state -> Int? in
                if let index = state.free.popLast() { return index }
                state.waiting.append(continuation)
                return nil
            }
            if let index { continuation.resume(returning: index) }
        }
    }

    func release(_ index: Int) {
        let waiter = state.withLock { state -> CheckedContinuation<Int, Never>? in
            if state.waiting.isEmpty {
                state.free.append(index)
                return nil
            }
            return state.waiting.removeFirst()
        }
        waiter?.resume(returning: index)
    }
}
