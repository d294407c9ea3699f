/// An error from a review queue: a ``Code`` to branch on, a message for a person, and the file, item and SQLite detail
/// involved.
///
/// Codes will grow, so this is a struct with static members rather than an enum (as Hummingbird's `PersistError` and
/// PostgresNIO's `PSQLError.Code`):
///
/// ```swift
/// do {
///     _ = try queue.decide(id: 7, verdict: .confirmed, severity: 4, note: nil, reviewer: "ana", claimToken: nil)
/// } catch let error as QueueError where error.code == .claimNotHeld {
///     // the lease ran out and someone else has the item
/// }
/// ```
public struct QueueError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable {
            case notADatabase = "not_a_database"
            case corruptDatabase = "corrupt_database"
            case foreignDatabase = "foreign_database"
            case schemaTooNew = "schema_too_new"
            case cannotOpen = "cannot_open"
            case busy
            case storage
            case itemNotFound = "item_not_found"
            case invalidInput = "invalid_input"
            case invalidState = "invalid_state"
            case claimNotHeld = "claim_not_held"
            case alreadyDecided = "already_decided"
            case nothingToClaim = "nothing_to_claim"
            case exportFailed = "export_failed"
            case noQueue = "no_queue"
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The file is not an SQLite database at all (random bytes, another format).
        public static let notADatabase = Code(.notADatabase)
        /// SQLite reports the database is damaged.
        public static let corruptDatabase = Code(.corruptDatabase)
        /// A valid SQLite database that belongs to another application; it is left untouched.
        public static let foreignDatabase = Code(.foreignDatabase)
        /// The queue was written by a newer RedFlag with a schema this one does not know.
        public static let schemaTooNew = Code(.schemaTooNew)
        /// The file or its folder cannot be opened or created.
        public static let cannotOpen = Code(.cannotOpen)
        /// Another process held the database longer than the busy timeout.
        public static let busy = Code(.busy)
        /// Any other SQLite failure.
        public static let storage = Code(.storage)
        /// No item has the given id.
        public static let itemNotFound = Code(.itemNotFound)
        /// A submission, verdict, severity, name or path was rejected.
        public static let invalidInput = Code(.invalidInput)
        /// The item is not in a state that allows the operation (e.g. reopening a pending item).
        public static let invalidState = Code(.invalidState)
        /// The caller does not hold an unexpired claim on the item (never had it, lost it, or the lease ran out).
        public static let claimNotHeld = Code(.claimNotHeld)
        /// The item was already decided differently under the same claim.
        public static let alreadyDecided = Code(.alreadyDecided)
        /// No pending item to claim.
        public static let nothingToClaim = Code(.nothingToClaim)
        /// The export could not be written.
        public static let exportFailed = Code(.exportFailed)
        /// No queue is there, and the caller asked not to create one (a mistyped database schema must not open as
        /// a new, empty queue).
        public static let noQueue = Code(.noQueue)

        public var description: String { base.rawValue }
    }

    /// What the storage engine itself reported, in terms every store can fill: which engine, its own code as
    /// text, and whether trying again may succeed. A server retries on ``retryable`` (a lock held too long, a
    /// PostgreSQL serialization failure or lost connection) without knowing which store it talks to.
    public struct StoreFailure: Sendable, Hashable {
        /// `"sqlite"`, `"postgresql"`, …
        public var store: String
        /// The engine's code: SQLite's extended result code as a decimal number (`"2067"`), PostgreSQL's SQLSTATE
        /// (`"40001"`).
        public var code: String
        /// Whether the same operation may succeed if tried again, unchanged.
        public var retryable: Bool

        public init(store: String, code: String, retryable: Bool) {
            self.store = store
            self.code = code
            self.retryable = retryable
        }

        /// SQLite's extended result code: retryable when its primary code is `SQLITE_BUSY` (5) or `SQLITE_LOCKED`
        /// (6), another connection holding the database.
        public static func sqlite(_ extendedCode: Int32) -> StoreFailure {
            let primary = extendedCode & 0xff
            return StoreFailure(store: "sqlite", code: String(extendedCode), retryable: primary == 5 || primary == 6)
        }
    }

    public var code: Code
    public var message: String
    /// The database file (or export folder) involved.
    public var path: String?
    public var itemID: Int64?
    /// SQLite's extended result code, when SQLite reported the failure (also in ``storeFailure``).
    public var sqliteCode: Int32?
    /// The engine's own report, when a storage engine reported the failure; store-neutral.
    public var storeFailure: StoreFailure?

    /// - Parameters:
    ///   - sqliteCode: SQLite's extended result code; also fills ``storeFailure`` when that is not given.
    public init(
        _ code: Code, _ message: String, path: String? = nil, itemID: Int64? = nil, sqliteCode: Int32? = nil,
        storeFailure: StoreFailure? = nil
    ) {
        self.code = code
        self.message = message
        self.path = path
        self.itemID = itemID
        self.sqliteCode = sqliteCode
        self.storeFailure = storeFailure ?? sqliteCode.map(StoreFailure.sqlite)
    }

    public var description: String { message }
}
