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

    public init() {}

    public var adsPerSecond: Double { seconds > 0 ? Double(ads) / seconds : 0 }
    public var megabytesPerSecond: Double { seconds > 0 ? Double(bytes) / 1e6 / seconds : 0 }
}

/// Runs the pipeline over a stream of ads, on several cores, with results delivered in input order.
///
/// Reads a batch (at most ``batchSize`` ads or ``batchBytes`` bytes, so memory stays bounded), processes it with
/// one ``AdProcessor`` per worker, delivers the results in input order, and reads the next batch. With `jobs: 1`
/// everything runs on the calling thread; the output is the same byte for byte either way.
public final class Scanner {
    public static let batchSize = 256
    public static let batchBytes = 32 << 20
    /// Ads a worker takes at a time and processes stage by stage.
    public static let chunkSize = 16

    private let processors: [AdProcessor]
    public let jobs: Int
    /// When set, each result is rendered on the worker that made it (``ScanResult/rendered``).
    public var renderer: ScanOutputRenderer?

    public init(
        options: IngestOptions = IngestOptions(), features: FeatureExtractor? = nil, scorer: Scorer? = nil, jobs: Int = 1,
        keepsFlaggedContent: Bool = false
    ) {
        self.jobs = max(1, jobs)
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
    /// each batch.
    ///
    /// With several workers, reading and delivering overlap the processing: while batch *k* is processed on the
    /// workers, the calling thread delivers batch *k − 1* and reads batch *k + 1*. At most two batches are held
    /// at once, so memory stays bounded by ``batchBytes``. `shouldStop` is asked before each batch is read (Ctrl-C):
    /// once it says yes, the batches already read are finished and delivered whole, and the scan ends.
    public func run(
        _ reader: inout AdReader, deliver: (ScanResult) -> Void, progress: ((ScanSummary) -> Void)? = nil,
        shouldStop: () -> Bool = { false }
    ) -> ScanSummary {
        var summary = ScanSummary()
        summary.inputBytesTotal = reader.totalBytes
        let started = DispatchTime.now().uptimeNanoseconds
        func read() -> [SourceItem] {
            if shouldStop() {
                summary.stoppedEarly = true
                return []
            }
            var batch: [SourceItem] = []
            batch.reserveCapacity(Self.batchSize)
            var batchBytes = 0
            while batch.count < Self.batchSize && batchBytes < Self.batchBytes, let item = reader.next() {
                if case .record(let record) = item { batchBytes += record.byteCount }
                batch.append(item)
            }
            return batch
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
            while case let batch = read(), !batch.isEmpty { hand(process(batch)) }
            return summary
        }
        var batch = read()
        while !batch.isEmpty {
            let running = InFlight(scanner: self, batch: batch)
            batch = read()
            hand(running.wait())
        }
        return summary
    }

    /// A batch being processed on the workers while the calling thread reads the next one.
    private final class InFlight: @unchecked Sendable {
        // Written by the background task before `done` is signalled, read by the caller after waiting on it.
        private var results: [ScanResult] = []
        private let done = DispatchSemaphore(value: 0)

        init(scanner: Scanner, batch: [SourceItem]) {
            nonisolated(unsafe) let scanner = scanner
            DispatchQueue.global().async {
                self.results = scanner.process(batch)
                self.done.signal()
            }
        }

        func wait() -> [ScanResult] {
            done.wait()
            return results
        }
    }

    /// Processes a batch, in parallel when there is more than one worker; results are in the batch's order.
    public func process(_ batch: [SourceItem]) -> [ScanResult] {
        let renderer = renderer
        @Sendable func rendering(_ result: ScanResult) -> ScanResult {
            guard let renderer else { return result }
            var result = result
            var line: [UInt8] = []
            renderer.render(result, into: &line)
            result.rendered = line
            return result
        }
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
