import Dispatch
public import RedFlagPipeline
import RedFlagContract
import RedFlagQueue

/// Feeds an ``Enqueuer`` from a thread that is not a task's: the thread a batch scan delivers its results on, whose
/// callback is synchronous.
///
/// Flagged results are turned into submissions on that thread and handed over a batch at a time; the thread then
/// waits until the batch is committed, as the scan waited for its synchronous queue before the queue became async.
/// That wait is what bounds memory (a slow disk slows the scan instead of piling up ads) and keeps batches in input
/// order. It blocks the calling thread, so that thread must not be one of the concurrency pool's: a task waiting
/// here could starve the very task it waits for. ``runOnOwnThread(_:)`` runs a scan on a thread of its own for this
/// reason.
///
/// Not thread-safe: one delivering thread adds results.
public final class EnqueueFeeder {
    public let enqueuer: Enqueuer
    private var batch: [QueueSubmission] = []

    public init(_ enqueuer: Enqueuer) {
        self.enqueuer = enqueuer
    }

    /// Takes a result; sends (and waits for) a batch when ``Enqueuer/batchSize`` submissions are waiting.
    public func add(_ result: ScanResult) {
        guard let submission = Enqueuer.submission(for: result) else {
            if result.assessment?.flagged == true { send { enqueuer in await enqueuer.add(result) } }
            return
        }
        batch.append(submission)
        if batch.count >= Enqueuer.batchSize { sendBatch() }
    }

    /// Sends what is waiting and flushes the enqueuer, waiting until it is committed.
    public func finish() {
        sendBatch()
        send { enqueuer in await enqueuer.flush() }
    }

    private func sendBatch() {
        guard !batch.isEmpty else { return }
        let submissions = batch
        batch.removeAll(keepingCapacity: true)
        send { enqueuer in await enqueuer.add(submissions) }
    }

    /// Runs `body` on the enqueuer and waits for it on this thread.
    private func send(_ body: @escaping @Sendable (Enqueuer) async -> Void) {
        let done = DispatchSemaphore(value: 0)
        let enqueuer = self.enqueuer
        Task {
            await body(enqueuer)
            done.signal()
        }
        done.wait()
    }
}
