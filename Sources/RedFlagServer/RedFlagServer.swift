public import Hummingbird
public import Logging
import NIOCore
public import RedFlagIngest
public import RedFlagQueue
public import RedFlagService
import ServiceLifecycle
import UnixSignals

/// The HTTP service: routes, bearer tokens, limits and metrics over one ``ScanService`` and one review queue.
///
/// The program that runs it (``redflag serve``) loads the models, opens the queue and the token store, and passes
/// them in with the limits; nothing here reads the environment or a file of its own.
///
/// ```swift
/// let server = RedFlagServer(
///     dependencies: .init(service: service, queue: queue, tokens: SQLiteAccessTokenStore(queue: queue),
///                         referrals: try ReferralDirectory.load(path: "Models/referral.yaml")),
///     configuration: ServerConfiguration(port: 8080))
/// try await server.run(logger: Logger(label: "redflag"))   // until SIGINT or SIGTERM
/// ```
public struct RedFlagServer: Sendable {
    /// What the server works with, loaded and opened by its caller.
    public struct Dependencies: Sendable {
        /// Scores ads; built with `keepsFlaggedContent: true` and a JSONL renderer, so flagged ads can be queued and
        /// every reply line is the scan's own line.
        public var service: ScanService
        /// How posted records are read and limited (largest ad, CPU time per ad, JSONL field names).
        public var ingestOptions: IngestOptions
        public var queue: any ReviewQueue
        public var tokens: any AccessTokenStore
        /// Where confirmed and escalated items are referred.
        public var referrals: ReferralDirectory
        public var metrics: ServerMetrics

        public init(
            service: ScanService, ingestOptions: IngestOptions = IngestOptions(), queue: any ReviewQueue,
            tokens: any AccessTokenStore, referrals: ReferralDirectory, metrics: ServerMetrics = ServerMetrics()
        ) {
            self.service = service
            self.ingestOptions = ingestOptions
            self.queue = queue
            self.tokens = tokens
            self.referrals = referrals
            self.metrics = metrics
        }
    }

    public let dependencies: Dependencies
    public let configuration: ServerConfiguration

    public init(dependencies: Dependencies, configuration: ServerConfiguration) {
        self.dependencies = dependencies
        self.configuration = configuration
    }

    /// The routes and middleware.
    ///
    /// Middleware order, outermost first: the request log (sees every reply, errors included), the error replies,
    /// the request timeout, then per group the bearer-token check for its role.
    public func buildRouter() -> Router<ServerRequestContext> {
        let metrics = dependencies.metrics
        let router = Router(context: ServerRequestContext.self)
        router.add(middleware: RequestLogMiddleware(metrics: metrics))
        router.add(middleware: ErrorReplyMiddleware(metrics: metrics))
        router.add(middleware: RequestTimeoutMiddleware(timeout: configuration.requestTimeout))
        HealthRoutes(service: dependencies.service, queue: dependencies.queue, metrics: metrics).add(to: router)
        let v1 = router.group("/v1")
        let tokens = TokenCache(lifetime: configuration.tokenCacheLifetime)
        let scoring = ScoringRoutes(
            service: dependencies.service, ingestOptions: dependencies.ingestOptions,
            batcher: SubmissionBatcher(queue: dependencies.queue, actor: "server", maximumBatch: configuration.enqueueBatch),
            gate: ScoringGate(limit: configuration.maximumInFlight), metrics: metrics, configuration: configuration)
        let ingest = BearerAccessMiddleware(store: dependencies.tokens, cache: tokens, role: .ingest)
        scoring.add(to: v1.group().add(middleware: ingest))
        let queueRoutes = QueueRoutes(
            queue: dependencies.queue, referrals: dependencies.referrals, configuration: configuration)
        let reviewer = BearerAccessMiddleware(store: dependencies.tokens, cache: tokens, role: .reviewer)
        queueRoutes.add(to: v1.group().add(middleware: reviewer))
        return router
    }

    /// The Hummingbird application on ``ServerConfiguration/host`` and ``ServerConfiguration/port``.
    ///
    /// - Parameter onServerRunning: called with the bound port once the server listens (the port the system chose
    ///   when the configuration asks for port 0).
    public func buildApplication(
        logger: Logger, onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        Application(
            router: buildRouter(),
            configuration: ApplicationConfiguration(
                address: .hostname(configuration.host, port: configuration.port), serverName: "redflag"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? 0) },
            logger: logger)
    }

    /// Serves until SIGINT or SIGTERM, then shuts down gracefully: no new connections, requests in flight finish
    /// (their flagged ads committed), then this returns so the caller closes the queue.
    public func run(logger: Logger, onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let application = buildApplication(logger: logger, onServerRunning: onServerRunning)
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [application], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}
