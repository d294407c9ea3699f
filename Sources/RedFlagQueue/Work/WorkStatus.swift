/// How far a distributed scan has come: its items by state, what was scanned and how fast (`redflag scan
/// --status`).
public struct WorkStatus: Sendable, Hashable, Encodable {
    /// The run, or nil for every item registered in the queue.
    public var run: String?
    public var total: Int
    public var pending: Int
    /// Claimed by a worker whose lease has not run out.
    public var inFlight: Int
    /// Claimed, but the lease ran out: the worker stopped, and the next claim takes the item over.
    public var stalled: Int
    public var done: Int
    public var failed: Int
    /// Items taken over at least once from a worker that stopped.
    public var takenOver: Int
    /// Workers holding an item now.
    public var workers: Int
    /// Sums over the items done.
    public var ads: Int
    public var errors: Int
    public var flagged: Int
    public var queued: Int
    public var bytes: Int
    /// From the first claim to the last item finished, or to now while items are pending or in flight.
    public var seconds: Double
    /// The failed items (the first 20), each with its error naming the input.
    public var failures: [Failure]

    public struct Failure: Sendable, Hashable, Encodable {
        public var item: String
        public var error: String

        public init(item: String, error: String) {
            self.item = item
            self.error = error
        }
    }

    public init(
        run: String?, total: Int = 0, pending: Int = 0, inFlight: Int = 0, stalled: Int = 0, done: Int = 0,
        failed: Int = 0, takenOver: Int = 0, workers: Int = 0, ads: Int = 0, errors: Int = 0, flagged: Int = 0,
        queued: Int = 0, bytes: Int = 0, seconds: Double = 0, failures: [Failure] = []
    ) {
        self.run = run
        self.total = total
        self.pending = pending
        self.inFlight = inFlight
        self.stalled = stalled
        self.done = done
        self.failed = failed
        self.takenOver = takenOver
        self.workers = workers
        self.ads = ads
        self.errors = errors
        self.flagged = flagged
        self.queued = queued
        self.bytes = bytes
        self.seconds = seconds
        self.failures = failures
    }

    public var adsPerSecond: Double { seconds > 0 ? Double(ads) / seconds : 0 }

    /// Every item is done or failed.
    public var isFinished: Bool { pending + inFlight + stalled == 0 }

    enum CodingKeys: String, CodingKey {
        case run, total, pending, stalled, done, failed, workers, ads, errors, flagged, queued, bytes, seconds,
            failures
        case inFlight = "in_flight"
        case takenOver = "taken_over"
        case adsPerSecond = "ads_per_second"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(run, forKey: .run)
        try c.encode(total, forKey: .total)
        try c.encode(pending, forKey: .pending)
        try c.encode(inFlight, forKey: .inFlight)
        try c.encode(stalled, forKey: .stalled)
        try c.encode(done, forKey: .done)
        try c.encode(failed, forKey: .failed)
        try c.encode(takenOver, forKey: .takenOver)
        try c.encode(workers, forKey: .workers)
        try c.encode(ads, forKey: .ads)
        try c.encode(errors, forKey: .errors)
        try c.encode(flagged, forKey: .flagged)
        try c.encode(queued, forKey: .queued)
        try c.encode(bytes, forKey: .bytes)
        try c.encode((seconds * 1000).rounded() / 1000, forKey: .seconds)
        try c.encode((adsPerSecond * 10).rounded() / 10, forKey: .adsPerSecond)
        try c.encode(failures, forKey: .failures)
    }
}
