import RedFlagQueue
import RedFlagService

extension Enqueuer {
    /// What a user needs after a failed enqueue: what stopped it, what was committed before, what is missing, and
    /// the command that finishes the job.
    func failureMessage(db: String) -> String? {
        guard let failure else { return nil }
        let reason = (failure as? QueueError)?.message ?? "\(failure)"
        return "enqueue to \(db) stopped: \(reason). Committed before it stopped: \(queued) new, \(refreshed) "
            + "refreshed and \(reposted) reposted item(s); \(notEnqueued) flagged ad(s) were not enqueued. Once fixed, scan the same input "
            + "again with --enqueue: ads already queued are recognised by content hash and not added twice"
    }
}
