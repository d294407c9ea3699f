/// One piece of a distributed batch scan, as registered: a file, or a byte range of a large JSONL dump, with the
/// file's size and modification time when it was registered and the scan settings it is to be read with.
///
/// Content-addressed: ``key`` is the SHA-256 of all of these, so registering the same files again finds the items
/// already there instead of adding new ones, and a file changed since (another size or time) is a new item.
public struct WorkSpec: Sendable, Hashable {
    /// The file's absolute path, which every worker must be able to open (a shared filesystem).
    public var path: String
    /// The part of the file to read, starting at a line and ending after one; nil for the whole file.
    public var byteRange: Range<Int>?
    public var fileSize: Int64
    public var modifiedNanoseconds: Int64
    /// How to read it (format, field names, limits), as JSON the service layer writes and reads; opaque here.
    public var settings: String

    public init(path: String, byteRange: Range<Int>?, fileSize: Int64, modifiedNanoseconds: Int64, settings: String) {
        self.path = path
        self.byteRange = byteRange
        self.fileSize = fileSize
        self.modifiedNanoseconds = modifiedNanoseconds
        self.settings = settings
    }

    /// The item's identity: SHA-256 hex over every field, each followed by a NUL (no field holds one).
    public var key: String {
        let range = byteRange.map { "\($0.lowerBound)-\($0.upperBound)" } ?? "whole"
        return SHA256Hex.of(
            [path, range, String(fileSize), String(modifiedNanoseconds), settings].map { $0 + "\u{0}" }.joined())
    }

    /// How messages name it: the path, and `bytes START-END` for a part.
    public var displayName: String {
        byteRange.map { "\(path) (bytes \($0.lowerBound)-\($0.upperBound))" } ?? path
    }

    /// The run that a set of items makes: the first 16 hex digits of the SHA-256 of their keys, sorted, so the same
    /// set registered again is the same run.
    public static func runID(of specs: [WorkSpec]) -> String {
        String(SHA256Hex.of(specs.map(\.key).sorted().joined(separator: "\n")).prefix(16))
    }
}

/// An item a worker holds: its spec, and the fencing token of this claim. Every change a worker makes to the item
/// (renewing its lease, marking it done or failed) names the token, and only the current one is accepted, so a
/// worker that stalled past its lease, and whose item another worker took over, cannot overwrite the new holder's
/// outcome.
public struct WorkItem: Sendable, Hashable {
    public var id: Int64
    public var spec: WorkSpec
    /// Raised by every claim of the item.
    public var fence: Int64
    /// This claim's number: 1 for the first, 2 when the item was taken over from a worker that stopped, …
    public var attempt: Int
    public var worker: String

    public init(id: Int64, spec: WorkSpec, fence: Int64, attempt: Int, worker: String) {
        self.id = id
        self.spec = spec
        self.fence = fence
        self.attempt = attempt
        self.worker = worker
    }
}

/// What claiming found.
public enum WorkClaim: Sendable, Hashable {
    /// An item, now this worker's until its lease runs out.
    case claimed(WorkItem)
    /// Nothing to take now, but items are still in other workers' hands (or being claimed): one of them may stop
    /// and its item come back when its lease runs out.
    case waiting(inFlight: Int)
    /// Every item is done or failed.
    case finished
}

/// What scanning one item did, recorded with it when it is done.
public struct WorkOutcome: Sendable, Hashable {
    public var ads: Int
    /// Records that could not be read (each had its error line in a plain scan).
    public var errors: Int
    public var flagged: Int
    /// What the review queue did with the flagged ads: new items, pending items refreshed or unchanged, and ads
    /// whose item was already claimed or decided.
    public var queued: Int
    public var refreshed: Int
    public var alreadyDecided: Int
    /// Bytes of ad content scanned.
    public var bytes: Int
    /// The first record error, naming where it was (`PATH:LINE, …`), when there was one.
    public var firstError: String?

    public init(
        ads: Int = 0, errors: Int = 0, flagged: Int = 0, queued: Int = 0, refreshed: Int = 0, alreadyDecided: Int = 0,
        bytes: Int = 0, firstError: String? = nil
    ) {
        self.ads = ads
        self.errors = errors
        self.flagged = flagged
        self.queued = queued
        self.refreshed = refreshed
        self.alreadyDecided = alreadyDecided
        self.bytes = bytes
        self.firstError = firstError
    }
}

/// What registering a set of items did.
public struct WorkRegistration: Sendable, Hashable, Encodable {
    public var runID: String
    /// Items in the run, and how many of them were not registered before (by this or another run).
    public var items: Int
    public var newItems: Int
    /// Items of the run already done by an earlier run: they are not scanned again.
    public var alreadyDone: Int
    /// Whether this exact set had been registered before (the same run id).
    public var existingRun: Bool

    public init(runID: String, items: Int, newItems: Int, alreadyDone: Int, existingRun: Bool) {
        self.runID = runID
        self.items = items
        self.newItems = newItems
        self.alreadyDone = alreadyDone
        self.existingRun = existingRun
    }

    enum CodingKeys: String, CodingKey {
        case runID = "run", items
        case newItems = "new_items"
        case alreadyDone = "already_done"
        case existingRun = "existing_run"
    }
}
