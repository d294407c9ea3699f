import Foundation
import RedFlagIngest

/// The ads a scan has read and not yet delivered, shared by the thread that reads and delivers and the workers.
///
/// The reading thread adds ads; each worker takes the next few (fewer as the queue runs short, so the workers
/// finish together) and hands back their results; the reading thread takes results out in input order, as soon as
/// the next one is there. One condition variable guards it all: the work per ad (milliseconds) dwarfs the lock.
final class ScanFlow: @unchecked Sendable {
    private let condition = NSCondition()
    /// Ads waiting for a worker: `queue[head...]`, the first with sequence number `firstQueued`.
    private var queue: [SourceItem] = []
    private var head = 0
    private var firstQueued = 0
    /// Results not yet taken by the reading thread, by sequence number.
    private var done: [Int: ScanResult] = [:]
    private var finished = false
    private var inFlight = 0

    /// Bytes of ad content read and not yet released by ``release(_:)``.
    var bytesInFlight: Int {
        condition.lock()
        defer { condition.unlock() }
        return inFlight
    }

    /// Queues ads (in input order, after those queued before) holding `bytes` of content.
    func add(_ items: [SourceItem], bytes: Int) {
        condition.lock()
        if head > 0 && head == queue.count {
            queue.removeAll(keepingCapacity: true)
            head = 0
        }
        queue.append(contentsOf: items)
        inFlight += bytes
        condition.broadcast()
        condition.unlock()
    }

    /// No more ads will be added: workers stop once the queue is empty.
    func finish() {
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// The next ads for a worker with their first sequence number, waiting for some; nil once finished and empty.
    func take(workers: Int) -> (start: Int, items: ArraySlice<SourceItem>)? {
        condition.lock()
        defer { condition.unlock() }
        while head == queue.count && !finished { condition.wait() }
        guard head < queue.count else { return nil }
        let queued = queue.count - head
        let size = min(Scanner.chunkSize, max(1, queued / (2 * workers)))
        let items = queue[head..<(head + size)]
        let start = firstQueued
        head += size
        firstQueued += size
        return (start, items)
    }

    /// Hands back the results of the ads taken from sequence number `start` on.
    func complete(start: Int, results: [ScanResult]) {
        condition.lock()
        for (offset, result) in results.enumerated() { done[start + offset] = result }
        condition.broadcast()
        condition.unlock()
    }

    /// The results from sequence number `next` on that are ready, in order; when `waiting`, waits until there is
    /// at least one.
    func results(from next: Int, waiting: Bool) -> [ScanResult] {
        condition.lock()
        defer { condition.unlock() }
        if waiting {
            while done[next] == nil { condition.wait() }
        }
        var ready: [ScanResult] = []
        var sequence = next
        while let result = done.removeValue(forKey: sequence) {
            ready.append(result)
            sequence += 1
        }
        return ready
    }

    /// Releases the content bytes of delivered ads.
    func release(_ bytes: Int) {
        condition.lock()
        inFlight -= bytes
        condition.unlock()
    }
}

extension SourceItem {
    /// Bytes of ad content the item holds (0 for a failure), for the scan's memory budget.
    var contentBytes: Int {
        if case .record(let record) = self { return record.byteCount }
        return 0
    }
}
