import RedFlagQueue

/// Sends flagged ads from concurrent requests to the queue through one writer, coalescing whatever arrived while the
/// previous transaction was committing into the next one (group commit).
///
/// With SQLite every write transaction ends in an fsync (`synchronous = FULL`); one per request would cap flagged
/// ads at the disk's fsync rate, while one per batch pays it once for every request waiting. Each caller still gets
/// its own outcome and waits until its ad is committed, so a reply never says "queued" for an ad that is not on disk.
/// A batch that fails is retried one submission at a time, so one bad submission fails only its own request.
actor SubmissionBatcher {
    private let queue: any ReviewQueue
    private let actorName: String
    /// The most submissions one transaction carries; 1 writes each request's ad in its own transaction.
    let maximumBatch: Int
    private var pending: [(submission: QueueSubmission, waiter: CheckedContinuation<EnqueueOutcome, any Error>)] = []
    private var writing = false

    /// - Parameter actor: who the audit trail names as enqueueing.
    init(queue: any ReviewQueue, actor: String, maximumBatch: Int) {
        self.queue = queue
        self.actorName = actor
        self.maximumBatch = max(1, maximumBatch)
    }

    /// Queues one submission and returns once it is committed (or failed).
    func submit(_ submission: QueueSubmission) async throws -> EnqueueOutcome {
        try await withCheckedThrowingContinuation { waiter in
            pending.append((submission, waiter))
            if !writing {
                writing = true
                Task { await self.drain() }
            }
        }
    }

    /// Writes batches until nothing waits; submissions that arrive meanwhile join the next batch.
    private func drain() async {
        while !pending.isEmpty {
            let batch = Array(pending.prefix(maximumBatch))
            pending.removeFirst(batch.count)
            do {
                let outcomes = try await queue.enqueue(batch.map(\.submission), actor: actorName)
                guard outcomes.count == batch.count else {
                    throw QueueError(.storage, "the queue answered \(outcomes.count) outcomes for \(batch.count) ads")
                }
                for (entry, outcome) in zip(batch, outcomes) { entry.waiter.resume(returning: outcome) }
            } catch where batch.count > 1 {
                for entry in batch {
                    do {
                        let outcomes = try await queue.enqueue([entry.submission], actor: actorName)
                        guard let outcome = outcomes.first else {
                            throw QueueError(.storage, "the queue answered no outcome for an ad")
                        }
                        entry.waiter.resume(returning: outcome)
                    } catch {
                        entry.waiter.resume(throwing: error)
                    }
                }
            } catch {
                batch[0].waiter.resume(throwing: error)
            }
        }
        writing = false
    }
}
