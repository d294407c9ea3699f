#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The CPU time one record may use before it is abandoned with a ``IngestError/Code/timeout`` error.
///
/// Every byte an ad carries was written by someone who may want the scan to stall: a page can be shaped so that a
/// parser or a pattern does far more work than its size suggests. The limits on each such shape (attributes per
/// element, text matched per ad) keep the known ones linear; the budget is the backstop for the ones nobody has
/// found yet. It counts the worker thread's CPU time (`CLOCK_THREAD_CPUTIME_ID`), not the wall clock, so a busy
/// machine does not time out ads that are merely waiting for a core.
///
/// Reading the clock is a system call, so ``isSpent()`` reads it only every ``checkInterval`` calls: it is cheap
/// enough to call from libxml2's per-element and per-text callbacks.
///
/// A budget belongs to one record on one thread; it is a value, and is not shared.
public struct RecordBudget: Sendable {
    /// The default: 1 second of CPU time per record. A typical ad takes a few milliseconds and an 8 MiB page of
    /// ordinary markup well under half a second, so only a page built to stall the parser reaches it.
    public static let defaultSeconds = 1.0
    /// Calls to ``isSpent()`` between two readings of the clock.
    static let checkInterval = 256

    private let deadline: UInt64
    private var countdown = RecordBudget.checkInterval
    /// Whether the budget was found spent (sticky).
    public private(set) var spent = false
    public let seconds: Double

    /// Starts a budget of `seconds` of this thread's CPU time, from now.
    public init(seconds: Double) {
        self.init(seconds: seconds, startedAt: Self.threadCPUNanoseconds())
    }

    /// A budget of `seconds` of this thread's CPU time counted from `startedAt` (a ``threadCPUNanoseconds()``
    /// reading the caller already has: the clock is a system call).
    public init(seconds: Double, startedAt: UInt64) {
        self.seconds = seconds
        deadline = startedAt &+ UInt64(max(0, seconds) * 1e9)
    }

    /// This thread's CPU time in nanoseconds.
    public static func threadCPUNanoseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return UInt64(time.tv_sec) &* 1_000_000_000 &+ UInt64(time.tv_nsec)
    }

    /// Whether the budget is spent, reading the clock only every ``checkInterval`` calls.
    public mutating func isSpent() -> Bool {
        if spent { return true }
        countdown -= 1
        if countdown > 0 { return false }
        countdown = Self.checkInterval
        return checkNow()
    }

    /// Whether the budget is spent, reading the clock now (between stages).
    public mutating func checkNow() -> Bool {
        if !spent && Self.threadCPUNanoseconds() >= deadline { spent = true }
        return spent
    }

    /// The error a record gets when its budget is spent in `stage`.
    public func error(origin: String, stage: String) -> IngestError {
        IngestError(
            .timeout, "\(origin): \(stage) used up the record's CPU-time budget of \(seconds) s",
            remedy: .recordTimeLimit, .parenthetical, "; the ad was abandoned")
    }
}
