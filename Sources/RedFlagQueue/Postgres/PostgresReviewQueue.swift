#if Postgres
    public import Foundation
    public import RedFlagContract
    import Logging
    import PostgresNIO

    /// The review queue on a PostgreSQL server: one queue shared by reviewers, servers and ingest machines that one
    /// SQLite file no longer serves, on an engine teams already run and back up.
    ///
    /// The same rules as every store (``QueueRules``, `PreparedSubmission`, `DecisionStateMachine`,
    /// `AuditEventBuilder`, ``QueuePriority``, `ExportBundleBuilder`) and the same chain (`AuditChainHead`,
    /// `AuditChainCheck`), so messages, outcomes and `verifyAudit()` mean what they mean on SQLite;
    /// `ReviewQueueContractTests` runs against a real server. What differs is how writers meet:
    ///
    /// - **Claims** pick the top pending item with `SELECT … FOR UPDATE SKIP LOCKED`: two claimers never wait for
    ///   each other's choice, each takes the next row nobody holds. A claim is a lease with a random token (the
    ///   fencing token); only its holder may decide, before the lease ends.
    /// - **The audit chain** has one head row, `audit_head`, which every appending transaction locks
    ///   (`SELECT … FOR UPDATE`) after its item work and holds until it commits, so events are numbered and linked
    ///   one after another however many processes write (``AuditChain``). Every transaction locks item rows before
    ///   the head and none waits for a row while holding it, so the head cannot take part in a deadlock.
    /// - **Enqueues** take one lock row (`queue_lock`) first: linking ads into groups reads other items' keys, and
    ///   two batches that each miss the other's uncommitted phone would leave one group split in two.
    /// - **The schema** is RedFlag's own, versioned in `schema_migrations` and applied on open under an advisory lock,
    ///   so two processes opening a new database at once do not race (``PostgresSchema``).
    ///
    /// Times come from the configured clock, as in the other stores, so the machines sharing a queue should keep
    /// their clocks in step (NTP); the chain's times never go back whatever the clocks do.
    ///
    /// The client (PostgresNIO's `PostgresClient`, a connection pool) runs in a task this queue starts and
    /// ``close()`` ends; a process that simply exits needs no call.
    ///
    /// ```swift
    /// let queue = try await PostgresReviewQueue.open(try PostgresLocation(url: "postgres://ana@db/cases"))
    /// let item = try await queue.claimNext(reviewer: "ana")
    /// ```
    public final class PostgresReviewQueue: ReviewQueue, Sendable {
        /// Settings for ``PostgresReviewQueue``.
        public struct Configuration: Sendable {
            /// The clock; tests move it to expire leases without sleeping.
            public var now: @Sendable () -> Date
            /// Upper bound on stored note length, in characters.
            public var maximumNoteLength: Int
            /// Connections the pool may open (each claim, decision or read holds one for its transaction).
            public var maximumConnections: Int
            /// How long to wait for the server to accept a connection.
            public var connectTimeout: Duration
            /// How often a transaction that PostgreSQL rolled back as a deadlock or serialization failure is run
            /// again before the failure is reported (with ``QueueError/StoreFailure/retryable``).
            public var transientRetries: Int
            /// The estimated similarity at which two ads share a template (``TemplateSignature/defaultSimilarity``).
            public var templateSimilarity: Double

            public init(
                now: @escaping @Sendable () -> Date = { Date() }, maximumNoteLength: Int = 20_000,
                maximumConnections: Int = 8, connectTimeout: Duration = .seconds(10), transientRetries: Int = 5,
                templateSimilarity: Double = TemplateSignature.defaultSimilarity
            ) {
                self.templateSimilarity = templateSimilarity
                self.now = now
                self.maximumNoteLength = maximumNoteLength
                self.maximumConnections = maximumConnections
                self.connectTimeout = connectTimeout
                self.transientRetries = transientRetries
            }
        }

        /// The server, database and schema.
        public let location: PostgresLocation
        let configuration: Configuration
        let client: PostgresClient
        let logger: Logger
        private let running: Task<Void, Never>

        /// Connects, creates (unless `creating` is false) or migrates the queue's schema, and starts the connection
        /// pool.
        ///
        /// - Throws: ``QueueError`` with ``QueueError/Code/cannotOpen`` (server unreachable, login refused, no such
        ///   database), ``QueueError/Code/foreignDatabase`` (the schema holds another application's tables),
        ///   ``QueueError/Code/schemaTooNew`` or, when not `creating`, ``QueueError/Code/noQueue``, each naming the
        ///   queue.
        public static func open(
            _ location: PostgresLocation, configuration: Configuration = Configuration(), creating: Bool = true
        ) async throws -> PostgresReviewQueue {
            let logger = Logger(label: "RedFlagQueue.postgres", factory: { _ in SwiftLogNoOpLogHandler() })
            do {
                let connection = try await PostgresConnection.connect(
                    configuration: try connectionConfiguration(location, configuration: configuration), id: 0,
                    logger: logger)
                do {
                    try await PostgresSchema.migrate(
                        PostgresSQL(connection: connection, logger: logger), location: location, creating: creating)
                } catch {
                    try? await connection.close()
                    throw error
                }
                try? await connection.close()
            } catch {
                throw PostgresFailure.mapped(error, location: location, opening: true)
            }
            return PostgresReviewQueue(location: location, configuration: configuration, logger: logger)
        }

        /// ``open(_:configuration:)`` from a `postgres://` URL.
        public static func open(url: String, configuration: Configuration = Configuration(), creating: Bool = true)
            async throws -> PostgresReviewQueue
        {
            try await open(try PostgresLocation(url: url), configuration: configuration, creating: creating)
        }

        private init(location: PostgresLocation, configuration: Configuration, logger: Logger) {
            self.location = location
            self.configuration = configuration
            self.logger = logger
            let client = PostgresClient(
                configuration: Self.clientConfiguration(location, configuration: configuration),
                backgroundLogger: logger)
            self.client = client
            self.running = Task { await client.run() }
        }

        deinit { running.cancel() }

        /// Stops the connection pool: transactions in flight finish or fail, new calls fail.
        public func close() async {
            running.cancel()
            await running.value
        }

        // MARK: - Connections

        /// Every connection's session settings: the queue's schema first on the search path (its tables are named
        /// unqualified), UTC, and a name in `pg_stat_activity`.
        private static func startupParameters(_ location: PostgresLocation) -> [(String, String)] {
            [("search_path", location.schema), ("TimeZone", "UTC"), ("application_name", "redflag")]
        }

        private static func connectionConfiguration(_ location: PostgresLocation, configuration: Configuration)
            throws -> PostgresConnection.Configuration
        {
            var config: PostgresConnection.Configuration
            if let socket = location.socketPath {
                config = PostgresConnection.Configuration(
                    unixSocketPath: socket, username: location.username, password: location.password,
                    database: location.database)
            } else {
                let tls: PostgresConnection.Configuration.TLS
                switch location.tls {
                case .disable: tls = .disable
                case .prefer: tls = .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
                case .require: tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
                }
                config = PostgresConnection.Configuration(
                    host: location.host, port: location.port, username: location.username,
                    password: location.password, database: location.database, tls: tls)
            }
            config.options.additionalStartupParameters = startupParameters(location)
            let (seconds, attoseconds) = configuration.connectTimeout.components
            config.options.connectTimeout = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
            return config
        }

        private static func clientConfiguration(_ location: PostgresLocation, configuration: Configuration)
            -> PostgresClient.Configuration
        {
            var config: PostgresClient.Configuration
            if let socket = location.socketPath {
                config = PostgresClient.Configuration(
                    unixSocketPath: socket, username: location.username, password: location.password,
                    database: location.database)
            } else {
                let tls: PostgresClient.Configuration.TLS
                switch location.tls {
                case .disable: tls = .disable
                case .prefer: tls = .prefer(.makeClientConfiguration())
                case .require: tls = .require(.makeClientConfiguration())
                }
                config = PostgresClient.Configuration(
                    host: location.host, port: location.port, username: location.username,
                    password: location.password, database: location.database, tls: tls)
            }
            config.options.additionalStartupParameters = startupParameters(location)
            config.options.connectTimeout = configuration.connectTimeout
            config.options.maximumConnections = max(1, configuration.maximumConnections)
            return config
        }

        // MARK: - Transactions

        /// Runs `body` in a read-write transaction (READ COMMITTED: each statement sees what committed before it,
        /// and a row lock waited for is read again once released, which the head lock relies on), committing when
        /// it returns and rolling back when it throws. A deadlock or serialization failure rolls the whole
        /// transaction back, so it is run again, up to ``Configuration/transientRetries`` times.
        func write<T: Sendable>(_ body: (PostgresSQL) async throws -> T) async throws -> T {
            try await transaction("BEGIN", body)
        }

        /// Runs `body` on one snapshot (REPEATABLE READ, read only): a listing, an export or a verification sees
        /// one state of the queue however many statements it takes.
        func read<T: Sendable>(_ body: (PostgresSQL) async throws -> T) async throws -> T {
            try await transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", body)
        }

        private func transaction<T: Sendable>(_ begin: PostgresQuery, _ body: (PostgresSQL) async throws -> T)
            async throws -> T
        {
            var attempt = 0
            while true {
                do {
                    return try await client.withConnection { connection in
                        let sql = PostgresSQL(connection: connection, logger: logger)
                        try await sql.run(begin)
                        do {
                            let value = try await body(sql)
                            try await sql.run("COMMIT")
                            return value
                        } catch {
                            try? await sql.run("ROLLBACK")
                            throw error
                        }
                    }
                } catch  where PostgresFailure.isTransient(error) && attempt < configuration.transientRetries {
                    attempt += 1
                    try? await Task.sleep(for: .milliseconds(Int.random(in: 1...10) * attempt))
                } catch {
                    throw PostgresFailure.mapped(error, location: location, opening: false)
                }
            }
        }

        var now: Date { configuration.now() }

        /// How messages name this queue.
        var name: String { location.description }

        func notFound(_ id: Int64) -> QueueError {
            QueueError(.itemNotFound, "no item \(id) in \(name)", path: name, itemID: id)
        }
    }
#endif
