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

/// Runs the pipeline over a stream of ads, on several cores, with results delivered in input order.
///
/// Results stream out: each is delivered as soon as every result before it is, so a slow ad holds back the ads
/// after it only while it is processed (at most its CPU-time budget, ``RecordBudget``), never the ones before it.
/// Memory is bounded by the ads in flight, read but not yet delivered: at most ``memoryBudget`` bytes of ad content
/// (plus the one ad that crosses it, so an ad larger than the budget still goes through, alone) and at most
/// ``batchSize`` ads. With `jobs: 1` everything runs on the calling thread; the output is the same byte for byte
/// either way.
public final class Scanner {
    /// The most ads in flight at once, and the batch ``PipelineBenchmark`` hands to ``process(_:)``.
    public static let batchSize = 256
    /// Default bytes of ad content in flight (queued, being processed, or waiting for the ads before them): 32 MiB.
    /// With the 8 MiB default ad limit that is four of the largest pages, so a folder of them stays far below
    /// 300 MB resident, while 32 MiB holds hundreds of ordinary ads and keeps every core busy.
    public static let defaultMemoryBudget = 32 << 20
    /// Ads a worker takes at a time and processes stage by stage.
    public static let chunkSize = 16

    private let processors: [AdProcessor]
    public let jobs: Int
    /// Bytes of ad content the scan holds in flight at most (see the type's description).
    public let memoryBudget: Int
    /// When set, each result is rendered on the worker that made it (``ScanResult/rendered``).
    public var renderer: ScanOutputRenderer?

    public init(
        options: IngestOptions = IngestOptions(), features: FeatureExtractor? = nil, scorer: Scorer? = nil, jobs: Int = 1,
        keepsFlaggedContent: Bool = false, memoryBudget: Int = Scanner.defaultMemoryBudget
    ) {
        self.jobs = max(1, jobs)
        self.memoryBudget = max(1, memoryBudget)
        self.processors = (0..<max(1, jobs)).map { worker in
            // Each worker gets its own compiled lexicon: shared, every array and PCRE2 object the matcher touches
            // is retained and released from both cores, and those reference counts' cache lines bounce between
            // them (two cores ran 1.55× one). Compiling again costs a fraction of a second per worker and cannot
            // fail where the first compile succeeded; if it did, the worker would share the first.
            let own = worker == 0 ? features : features.map { (try? FeatureExtractor(lexicon: $0.lexicon, vocabulary: $0.vocabulary)) ?? $0 }
            let processor = AdProcessor(options: options, features: own, scorer: scorer)
            processor.keepsFlaggedContent = keepsFlaggedContent
            return processor
        }
    }

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
        let workers = DispatchGroup()
        nonisolated(unsafe) let processors = processors
        let renderer = renderer
        for worker in 0..<jobs {
            DispatchQueue.global().async(group: workers) {
                while let (start, items) = flow.take(workers: processors.count) {
                    let results = processors[worker].process(items).map { Scanner.rendering($0, with: renderer) }
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
        workers.wait()
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
        @Sendable func rendering(_ result: ScanResult) -> ScanResult { Scanner.rendering(result, with: renderer) }
        if jobs == 1 || batch.count < 2 {
            var results: [ScanResult] = []
            results.reserveCapacity(batch.count)
            var start = 0
            while start < batch.count {
                let end = min(start + Self.chunkSize, batch.count)
                results += processors[0].process(batch[start..<end]).map(rendering)
                start = end
            }
            return results
        }
        var results = [ScanResult?](repeating: nil, count: batch.count)
        let workers = min(jobs, batch.count)
        // Workers take the next chunk of ads from a shared counter rather than a fixed stride: ads differ tenfold in
        // size, and on a shared host one core can run slower for a while, so a fixed split left the other core idle
        // at the end of every batch. Chunks shrink as the batch runs out (guided scheduling), so the workers finish
        // together; each chunk is processed stage by stage (``AdProcessor/process(_:)-(Items)``).
        let next = Atomic<Int>(0)
        let count = batch.count
        results.withUnsafeMutableBufferPointer { slots in
            // Each worker owns one processor; each slot is written by the one worker that took its index.
            nonisolated(unsafe) let slots = slots
            nonisolated(unsafe) let processors = processors
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                var start = next.load(ordering: .relaxed)
                while start < count {
                    let size = min(Self.chunkSize, max(1, (count - start) / (2 * workers)))
                    let (exchanged, current) = next.compareExchange(
                        expected: start, desired: start + size, ordering: .relaxed)
                    guard exchanged else {
                        start = current
                        continue
                    }
                    for (offset, result) in processors[worker].process(batch[start..<(start + size)]).enumerated() {
                        slots[start + offset] = rendering(result)
                    }
                    start = next.load(ordering: .relaxed)
                }
            }
        }
        return results.map { $0! }
    }
}
