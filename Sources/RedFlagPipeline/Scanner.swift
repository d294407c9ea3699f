import Dispatch
public import RedFlagIngest
public import RedFlagFeatures

/// Counts for the run summary.
public struct ScanSummary: Sendable, Equatable {
    public var ads = 0
    public var errors = 0
    /// Bytes of ad content received (HTML or text), the basis for MB/s.
    public var bytes = 0
    public var seconds = 0.0

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

    private let processors: [AdProcessor]
    public let jobs: Int

    public init(
        options: IngestOptions = IngestOptions(), features: FeatureExtractor? = nil, scorer: Scorer? = nil, jobs: Int = 1,
        keepsFlaggedContent: Bool = false
    ) {
        self.jobs = max(1, jobs)
        self.processors = (0..<max(1, jobs)).map { _ in
            let processor = AdProcessor(options: options, features: features, scorer: scorer)
            processor.keepsFlaggedContent = keepsFlaggedContent
            return processor
        }
    }

    /// Scans every item `reader` yields, calling `deliver` once per item in input order, and `progress` after
    /// each batch.
    public func run(
        _ reader: inout AdReader, deliver: (ScanResult) -> Void, progress: ((ScanSummary) -> Void)? = nil
    ) -> ScanSummary {
        var summary = ScanSummary()
        let started = DispatchTime.now().uptimeNanoseconds
        var batch: [SourceItem] = []
        batch.reserveCapacity(Self.batchSize)
        var finished = false
        while !finished {
            batch.removeAll(keepingCapacity: true)
            var batchBytes = 0
            while batch.count < Self.batchSize && batchBytes < Self.batchBytes {
                guard let item = reader.next() else {
                    finished = true
                    break
                }
                if case .record(let record) = item { batchBytes += record.byteCount }
                batch.append(item)
            }
            for result in process(batch) {
                summary.ads += 1
                summary.bytes += result.byteCount
                if result.error != nil { summary.errors += 1 }
                deliver(result)
            }
            summary.seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            progress?(summary)
        }
        return summary
    }

    /// Processes a batch, in parallel when there is more than one worker; results are in the batch's order.
    public func process(_ batch: [SourceItem]) -> [ScanResult] {
        if jobs == 1 || batch.count < 2 { return batch.map(processors[0].process) }
        var results = [ScanResult?](repeating: nil, count: batch.count)
        let workers = min(jobs, batch.count)
        results.withUnsafeMutableBufferPointer { slots in
            // Each worker owns one processor and writes only the slots with its own stride, so no two threads
            // touch the same memory.
            nonisolated(unsafe) let slots = slots
            nonisolated(unsafe) let processors = processors
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                var index = worker
                while index < batch.count {
                    slots[index] = processors[worker].process(batch[index])
                    index += workers
                }
            }
        }
        return results.map { $0! }
    }
}
