public import Foundation
public import RedFlagContract
import GRDB

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The embedded review queue: one SQLite file, shared safely by any number of processes (a CLI, the server, ingest
/// workers).
///
/// Settings that matter, all deliberate:
/// - GRDB `DatabasePool`: WAL mode, readers never block the writer.
/// - `PRAGMA synchronous = FULL` on the writer, set after opening because `DatabasePool` forces NORMAL: a decision
///   that was reported written survives a power cut, not only a crash.
/// - A busy timeout, so processes wait for each other instead of failing.
/// - Every write is one GRDB write (an IMMEDIATE transaction); a claim is a single
///   `UPDATE … WHERE id = (SELECT … LIMIT 1) RETURNING id`.
/// - The file is created with mode 0600 and checked before use: random bytes or another application's SQLite
///   database give a clear ``QueueError`` naming the file, and a foreign database is never modified.
///
/// ```swift
/// let queue = try SQLiteReviewQueue(path: "redflag-queue.sqlite")
/// let outcomes = try await queue.enqueue(submissions, actor: "scan")
/// ```
public final class SQLiteReviewQueue: ReviewQueue {
    /// Settings for ``SQLiteReviewQueue``.
    public struct Configuration: Sendable {
        /// How long to wait for another process's write before failing with ``QueueError/Code/busy``.
        public var busyTimeout: Duration
        /// The clock; tests move it to expire leases without sleeping.
        public var now: @Sendable () -> Date
        /// Upper bound on stored note length, in characters.
        public var maximumNoteLength: Int
        /// Open for reading only: inspection (`list`, `show`, `stats`, `audit --verify`) of a queue file or folder
        /// this user may not write, such as an archived case file or a colleague's queue. The file must exist and
        /// be fully migrated; it is never created, migrated or chmod-ed, and every write fails with
        /// ``QueueError/Code/cannotOpen``.
        public var readOnly: Bool
        /// The estimated similarity at which two ads share a template (``TemplateSignature/defaultSimilarity``).
        public var templateSimilarity: Double

        public init(
            busyTimeout: Duration = .seconds(30), now: @escaping @Sendable () -> Date = { Date() },
            maximumNoteLength: Int = 20_000, readOnly: Bool = false,
            templateSimilarity: Double = TemplateSignature.defaultSimilarity
        ) {
            self.busyTimeout = busyTimeout
            self.now = now
            self.maximumNoteLength = maximumNoteLength
            self.readOnly = readOnly
            self.templateSimilarity = templateSimilarity
        }
    }

    /// The database file's path as given.
    public let path: String
    let configuration: Configuration
    /// A `DatabasePool` (WAL, concurrent readers); a read-only `DatabaseQueue` on an immutable file only when a
    /// read-only folder leaves SQLite no way to create the WAL index (see ``openReadOnly(path:configuration:)``).
    let pool: any DatabaseWriter

    /// Opens the queue at `path`, creating it (mode 0600) and its schema when absent.
    ///
    /// - Throws: ``QueueError`` with ``QueueError/Code/notADatabase``, ``QueueError/Code/corruptDatabase``,
    ///   ``QueueError/Code/foreignDatabase``, ``QueueError/Code/schemaTooNew`` or ``QueueError/Code/cannotOpen``,
    ///   each naming the file.
    public init(path: String, configuration: Configuration = Configuration()) throws {
        self.path = path
        self.configuration = configuration
        if configuration.readOnly {
            self.pool = try Self.openReadOnly(path: path, configuration: configuration)
            return
        }
        try Self.prepareFile(at: path)
        self.pool = try Self.openRetryingRaces(path: path, configuration: configuration)
        Self.restrictPermissions(of: path)
    }

    /// SQLite's answer when a read-only connection can neither use nor create the WAL index beside the file.
    private static func cannotUseWAL(_ error: DatabaseError) -> Bool {
        error.resultCode == .SQLITE_CANTOPEN || error.resultCode == .SQLITE_READONLY
    }

    /// `path` as an SQLite URI opened without locks or a WAL index (Debian's SQLite interprets URIs by default).
    private static func immutableURI(_ path: String) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        return "file:" + (absolute.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? absolute)
            + "?immutable=1"
    }

    /// Opens an existing, migrated queue for reading only.
    ///
    /// SQLite reads a WAL-mode file read-only when it can use or create the `-shm` index beside it. In a folder
    /// this user cannot write, with no `-shm` left there (the last writer closed cleanly), it cannot: then the
    /// file is opened as immutable (`?immutable=1`), which is sound because nobody who lacks write access to the
    /// folder can be changing the file through SQLite, and a writer elsewhere would have left its `-shm` there.
    private static func openReadOnly(path: String, configuration: Configuration) throws -> any DatabaseWriter {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw QueueError(
                .cannotOpen, "cannot read the queue database \(path): \(String(cString: strerror(errno)))", path: path)
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw QueueError(.cannotOpen, "\(path) is a folder, not a queue database file", path: path)
        }
        try checkIdentity(at: path, configuration: configuration)
        var config = GRDB.Configuration()
        config.readonly = true
        config.busyMode = .timeout(configuration.busyTimeout.seconds)
        config.maximumReaderCount = 4
        config.label = "RedFlagQueue.readOnly"
        let writer: any DatabaseWriter
        do {
            let pool = try DatabasePool(path: path, configuration: config)
            _ = try pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM sqlite_master") }
            writer = pool
        } catch let error as DatabaseError where cannotUseWAL(error) {
            do {
                writer = try DatabaseQueue(path: immutableURI(path), configuration: config)
            } catch {
                throw mapped(error, path: path)
            }
        } catch {
            throw mapped(error, path: path)
        }
        do {
            let migrator = Self.migrator
            let (superseded, complete) = try writer.read {
                (try migrator.hasBeenSuperseded($0), try migrator.hasCompletedMigrations($0))
            }
            if superseded {
                throw QueueError(
                    .schemaTooNew,
                    "\(path) was written by a newer RedFlag (its schema has migrations this version does not know); "
                        + "upgrade RedFlag to open it", path: path)
            }
            if !complete {
                throw QueueError(
                    .cannotOpen,
                    "\(path) was written by an older RedFlag and must be upgraded before it can be read; open it once "
                        + "where it can be written (any command that changes the queue upgrades it)", path: path)
            }
        } catch let error as QueueError {
            throw error
        } catch {
            throw mapped(error, path: path)
        }
        return writer
    }

    /// Checks, opens and migrates the file, again when another opener's race made SQLite answer "busy".
    ///
    /// Several processes or threads opening a new file at once race to switch it to WAL mode and to create the
    /// schema (GRDB's WAL set-up writes inside a transaction that has already read). SQLite answers a transaction
    /// that read before another connection wrote with `SQLITE_BUSY` at once, without calling the busy handler,
    /// since waiting cannot help; the transaction must start again. So opening is retried, after a short random
    /// pause, until the busy timeout has passed; six threads opening one new file failed this way nearly every
    /// time before.
    private static func openRetryingRaces(path: String, configuration: Configuration) throws -> DatabasePool {
        let deadline = ContinuousClock.now + configuration.busyTimeout
        var attempt = 0
        while true {
            do {
                try checkIdentity(at: path, configuration: configuration)
                let pool = try openPool(path: path, configuration: configuration)
                try migrate(pool, path: path)
                return pool
            } catch let error as QueueError where error.code == .busy && ContinuousClock.now < deadline {
                attempt += 1
                usleep(UInt32.random(in: 1_000...10_000) * UInt32(min(attempt, 10)))
            }
        }
    }

    private static func openPool(path: String, configuration: Configuration) throws -> DatabasePool {
        var config = GRDB.Configuration()
        config.busyMode = .timeout(configuration.busyTimeout.seconds)
        config.maximumReaderCount = 4
        config.label = "RedFlagQueue"
        do {
            let pool = try DatabasePool(path: path, configuration: config)
            // DatabasePool sets synchronous = NORMAL on the writer after prepareDatabase runs; decisions are evidence.
            try pool.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA synchronous = FULL")
            }
            return pool
        } catch {
            throw mapped(error, path: path)
        }
    }

    // MARK: - Opening

    /// Creates the file with mode 0600 when it does not exist, so SQLite (which gives the -wal and -shm files the
    /// database's mode) never creates a world-readable queue.
    private static func prepareFile(at path: String) throws {
        var info = stat()
        if stat(path, &info) == 0 {
            if (info.st_mode & S_IFMT) == S_IFDIR {
                throw QueueError(.cannotOpen, "\(path) is a folder, not a queue database file", path: path)
            }
            return
        }
        let fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        if fd < 0 {
            if errno == EEXIST { return }  // another process created it first
            let reason = String(cString: strerror(errno))
            throw QueueError(.cannotOpen, "cannot create the queue database \(path): \(reason)", path: path)
        }
        close(fd)
    }

    private static func restrictPermissions(of path: String) {
        for file in [path, path + "-wal", path + "-shm"] {
            _ = chmod(file, 0o600)
        }
    }

    /// Refuses files that are not SQLite at all, damaged, or another application's database, without changing
    /// them: the header is read by hand, and a foreign database is only read through a plain connection (the pool
    /// would switch it to WAL mode).
    private static func checkIdentity(at path: String, configuration: Configuration) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw QueueError(
                .cannotOpen, "cannot read the queue database \(path): \(String(cString: strerror(errno)))",
                path: path)
        }
        let header = (try? handle.read(upToCount: 100)) ?? Data()
        try? handle.close()
        if header.isEmpty { return }  // a new, empty file
        let magic = Array("SQLite format 3".utf8) + [0]
        guard header.count >= 100, Array(header.prefix(16)) == magic else {
            throw QueueError(
                .notADatabase,
                "\(path) is not a RedFlag queue: it is not an SQLite database at all (wrong header; random bytes or "
                    + "another kind of file).", path: path)
        }
        var config = GRDB.Configuration()
        config.busyMode = .timeout(configuration.busyTimeout.seconds)
        config.label = "RedFlagQueue.check"
        do {
            config.readonly = configuration.readOnly
            let queue: DatabaseQueue
            do {
                let plain = try DatabaseQueue(path: path, configuration: config)
                _ = try plain.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM sqlite_master") }
                queue = plain
            } catch let error as DatabaseError where configuration.readOnly && cannotUseWAL(error) {
                queue = try DatabaseQueue(path: immutableURI(path), configuration: config)
            }
            defer { try? queue.close() }
            let (applicationID, tables) = try queue.read { db in
                (
                    try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0,
                    try String.fetchAll(
                        db,
                        sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                            + "ORDER BY name")
                )
            }
            if applicationID == Self.applicationID { return }
            let unrelated = tables.filter { $0 != "grdb_migrations" }
            if applicationID == 0 && unrelated.isEmpty { return }  // created but not yet migrated
            let what =
                applicationID == 0
                ? "tables " + unrelated.prefix(5).joined(separator: ", ") + (unrelated.count > 5 ? ", …" : "")
                : String(format: "application_id 0x%08x", applicationID)
            throw QueueError(
                .foreignDatabase,
                "\(path) is an SQLite database of another application (\(what)), not a RedFlag queue; it was left "
                    + "untouched.", path: path)
        } catch let error as QueueError {
            throw error
        } catch {
            throw mapped(error, path: path)
        }
    }

    private static func migrate(_ pool: DatabasePool, path: String) throws {
        let migrator = Self.migrator
        do {
            if try pool.read({ try migrator.hasBeenSuperseded($0) }) {
                throw QueueError(
                    .schemaTooNew,
                    "\(path) was written by a newer RedFlag (its schema has migrations this version does not know); "
                        + "upgrade RedFlag to open it", path: path)
            }
            do {
                try migrator.migrate(pool)
            } catch {
                // Two processes opening a new file at once: the second's migration fails on the tables the first
                // just created. That is fine if the schema is now complete.
                if try pool.read({ try migrator.hasCompletedMigrations($0) }) == false { throw error }
            }
        } catch let error as QueueError {
            throw error
        } catch {
            throw Self.mapped(error, path: path)
        }
    }

    // MARK: - Error mapping

    /// Maps any error to a ``QueueError`` naming the file; done once, at the edge of each public method.
    static func mapped(_ error: any Error, path: String) -> QueueError {
        if let error = error as? QueueError { return error }
        if let error = error as? DatabaseError {
            let code = error.extendedResultCode.rawValue
            let detail = error.message ?? "\(error.resultCode)"
            switch error.resultCode {
            case .SQLITE_NOTADB:
                return QueueError(
                    .notADatabase, "\(path) is not a RedFlag queue: SQLite says \"\(detail)\"", path: path,
                    sqliteCode: code)
            case .SQLITE_CORRUPT:
                return QueueError(
                    .corruptDatabase,
                    "\(path) is damaged (SQLite: \(detail)); restore it from a backup or export what still reads",
                    path: path, sqliteCode: code)
            case .SQLITE_BUSY, .SQLITE_LOCKED:
                return QueueError(
                    .busy, "\(path) stayed locked by another process past the busy timeout (SQLite: \(detail))",
                    path: path, sqliteCode: code)
            case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY, .SQLITE_AUTH:
                return QueueError(
                    .cannotOpen, "cannot open \(path) for reading and writing: \(writeProblem(path)) (SQLite: \(detail))",
                    path: path, sqliteCode: code)
            case .SQLITE_FULL:
                return QueueError(.storage, "the disk holding \(path) is full", path: path, sqliteCode: code)
            case .SQLITE_IOERR:
                return QueueError(
                    .storage,
                    "writing \(path) failed (SQLite: \(detail)): a full disk or quota, a file-size limit or a failing "
                        + "device; the transaction in progress was rolled back",
                    path: path, sqliteCode: code)
            default:
                return QueueError(
                    .storage, "\(path): SQLite error \(error.resultCode.rawValue): \(detail)", path: path,
                    sqliteCode: code)
            }
        }
        if error is RowDecodingError || error is StoredValueError || error is DecodingError {
            return QueueError(
                .corruptDatabase,
                "\(path) holds a value RedFlag cannot read (\(error)); the file was edited or damaged",
                path: path)
        }
        return QueueError(.storage, "\(path): \(error)", path: path)
    }

    /// Which of the file and its folder keeps this user from writing the queue: SQLite says only "readonly
    /// database", and the fix differs (the file's mode, or a folder where the `-wal` and `-shm` files can be made).
    static func writeProblem(_ path: String) -> String {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        if access(path, W_OK) != 0 {
            return "the file is not writable by this user (\(String(cString: strerror(errno)))); "
                + "list, show, stats and audit still read it"
        }
        if access(folder, W_OK) != 0 {
            return "its folder \(folder) is not writable by this user, and SQLite must create \(path)-wal and -shm "
                + "beside it to write; list, show, stats and audit still read it"
        }
        return "the file and its folder are writable; another cause (a read-only mount, a full or failing disk)"
    }

    /// Runs a write transaction (IMMEDIATE), mapping errors. GRDB runs `body` on the pool's writer queue and the
    /// caller suspends meanwhile: the same one transaction, and the same busy timeout, as a blocking write, without
    /// holding a thread of the caller's while another process holds the lock.
    func write<T: Sendable>(_ body: @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await pool.write(body)
        } catch {
            throw Self.mapped(error, path: path)
        }
    }

    /// Runs a read on a snapshot, mapping errors.
    func read<T: Sendable>(_ body: @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await pool.read(body)
        } catch {
            throw Self.mapped(error, path: path)
        }
    }

    var now: Date { configuration.now() }
}

extension Database {
    /// Runs one statement through GRDB's per-connection statement cache: the hot paths (enqueue, claim, audit
    /// append) repeat the same SQL, and compiling it each time was a tenth of the enqueue time.
    func run(_ sql: String, _ arguments: StatementArguments = StatementArguments()) throws {
        try cachedStatement(sql: sql).execute(arguments: arguments)
    }

    /// The first row of a cached statement.
    func firstRow(_ sql: String, _ arguments: StatementArguments = StatementArguments()) throws -> Row? {
        try Row.fetchOne(cachedStatement(sql: sql), arguments: arguments)
    }
}

extension Duration {
    /// The duration in seconds, as a `TimeInterval`.
    var seconds: TimeInterval {
        let (s, attoseconds) = components
        return TimeInterval(s) + TimeInterval(attoseconds) / 1e18
    }
}
