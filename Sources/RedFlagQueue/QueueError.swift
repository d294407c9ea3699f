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

        public var description: String { base.rawValue }
    }

    public var code: Code
    public var message: String
    /// The database file (or export folder) involved.
    public var path: String?
    public var itemID: Int64?
    /// SQLite's extended result code, when SQLite reported the failure.
    public var sqliteCode: Int32?

    public init(_ code: Code, _ message: String, path: String? = nil, itemID: Int64? = nil, sqliteCode: Int32? = nil) {
        self.code = code
        self.message = message
        self.path = path
        self.itemID = itemID
        self.sqliteCode = sqliteCode
    }

    public var description: String { message }
}
