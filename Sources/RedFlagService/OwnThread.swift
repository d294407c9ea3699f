import Foundation
import Synchronization

/// Runs blocking work on a thread of its own and suspends the calling task until the work returns.
///
/// A batch scan blocks the thread it runs on for its whole length (it reads, waits for workers and delivers in
/// order), and a scan that enqueues blocks it again while each batch is committed (``EnqueueFeeder``). On one of
/// the concurrency pool's threads (as many as there are cores) that would starve the very tasks it waits for; on a
/// thread of its own it starves nothing, and the task that started it waits without holding a thread.
///
/// The thread gets an 8 MiB stack, what the pool's and the main thread's get, since a scan with one job parses ads
/// on it.
public func runOnOwnThread<T: Sendable>(_ work: sending @escaping () -> T) async -> T {
    let handoff = Handoff(work)
    return await withCheckedContinuation { continuation in
        let thread = Thread {
            guard let work = handoff.take() else { preconditionFailure("the work was taken twice") }
            continuation.resume(returning: work())
        }
        thread.stackSize = 8 << 20
        thread.start()
    }
}

/// Moves a value that is not `Sendable` to another thread exactly once.
private final class Handoff<Value>: Sendable {
    private let slot: Mutex<Value?>

    init(_ value: sending Value) {
        slot = Mutex(Optional(value))
    }

    func take() -> sending Value? {
        slot.withLock { value in
            let taken = value
            value = nil
            return taken
        }
    }
}
