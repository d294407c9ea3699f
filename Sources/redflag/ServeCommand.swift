import ArgumentParser
import Foundation
import Logging
import RedFlagFeatures
import RedFlagIngest
import RedFlagPipeline
import RedFlagQueue
import RedFlagServer
import RedFlagService

/// `redflag serve`: the HTTP service (RedFlagServer) over the models and a queue file.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve scoring and the review queue over HTTP.",
        discussion: """
            Routes: POST /v1/ads, POST /v1/scan (ingest tokens); GET /v1/queue, GET /v1/queue/{id}, POST \
            /v1/queue/claim, POST /v1/queue/{id}/decision|release|notes (reviewer tokens); GET /healthz, /readyz, \
            /metrics (open). Create tokens with `redflag token create`; the OpenAPI document is \
            Sources/RedFlagServer/openapi.json. Stops gracefully on SIGINT or SIGTERM: requests in flight finish, \
            then the queue is closed. Logs go to standard error, one line per request (never ad text or contacts).
            """
    )

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on (0: any free port, printed on standard error).")
    var port = 8080

    @Option(
        help: ArgumentHelp(
            "Review queue, created when missing, which also holds the tokens: an SQLite file or postgres://… "
                + "(default: $REDFLAG_DB, else redflag-queue.sqlite)."))
    var db: String?

    @OptionGroup var scoring: ScoringOptions

    @OptionGroup var referral: ReferralOptions

    @OptionGroup var workers: WorkerOptions

    @Option(name: .customLong("max-bytes"), help: "Largest ad scored, in bytes; larger ads get a too_large error line.")
    var maxBytes: Int = IngestOptions.defaultMaximumAdBytes

    @Option(name: .customLong("time-limit"), help: "CPU seconds one ad may use before it gets a timeout error line (0: no limit).")
    var timeLimit: Double = RecordBudget.defaultSeconds

    @Option(name: .customLong("max-body-bytes"), help: "Largest request body (POST /v1/ads and the queue routes); larger is 413.")
    var maxBodyBytes: Int = ServerConfiguration.defaultMaximumBodyBytes

    @Option(name: .customLong("max-batch-bytes"), help: "Largest JSONL batch POST /v1/scan reads; larger is 413.")
    var maxBatchBytes: Int = 64 << 20

    @Option(name: .customLong("request-timeout"), help: "Seconds a request may take before it gets 503 timeout.")
    var requestTimeout: Double = 30

    @Option(name: .customLong("max-in-flight"), help: "Scoring requests handled at once; one more gets 503 overloaded.")
    var maxInFlight = 64

    @Option(name: .customLong("enqueue-batch"), help: "Most flagged ads committed to the queue in one transaction.")
    var enqueueBatch = 200

    @Option(
        name: .customLong("token-cache"),
        help: "Seconds a token that authenticated is remembered; a revoked token is refused at most this long after (0: ask the database every request).")
    var tokenCache: Double = 1

    @Option(help: "Seconds a claim made over HTTP lasts when the request does not say.")
    var lease: Double = 900

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel: String = "info"

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0 to 65535") }
        guard maxBytes > 0 && maxBytes < Int(Int32.max) else { throw ValidationError("--max-bytes must be positive") }
        guard maxBodyBytes > 0, maxBatchBytes > 0 else { throw ValidationError("body limits must be positive") }
        guard requestTimeout > 0, requestTimeout.isFinite else { throw ValidationError("--request-timeout must be positive") }
        guard maxInFlight > 0, enqueueBatch > 0 else { throw ValidationError("--max-in-flight and --enqueue-batch must be positive") }
        guard tokenCache >= 0, tokenCache <= 3600 else { throw ValidationError("--token-cache must be 0 to 3600 seconds") }
        guard lease > 0, lease <= 7 * 24 * 3600 else { throw ValidationError("--lease must be 1 s to 7 days") }
        guard timeLimit >= 0, timeLimit.isFinite else { throw ValidationError("--time-limit must be 0 or more seconds") }
        guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("--log-level: unknown level \(logLevel)") }
    }

    func run() async throws {
        var options = IngestOptions(maximumAdBytes: maxBytes)
        options.recordTimeLimit = timeLimit > 0 ? timeLimit : nil
        let features = try scoring.loadFeatures()
        let scorer = try scoring.scorer(for: features)
        guard scorer?.suspicion != nil else {
            throw CLIError("serve needs a suspicion model: none at Models/default.json; pass --model")
        }
        // Read now: a server must not start taking decisions it cannot refer.
        let referrals: ReferralDirectory
        do {
            referrals = try referral.load()
        } catch let error as QueueError {
            throw CLIError(error.message)
        }
        let service: ScanService
        do {
            service = try ScanService(
                options: options, features: features, scorer: scorer, jobs: workers.count, keepsFlaggedContent: true,
                // Signed, so the ads it queues join the queue's template clusters.
                renderer: ScanOutputRenderer(format: .jsonl), signsTemplates: true)
        } catch {
            throw CLIError(error.message)
        }
        let path = QueueLocation(resolvedQueueLocation(db))
        let opened = try await openQueueWithTokens(at: path.text, creating: true)
        let queue = opened.queue
        var logger = Logger(label: "redflag.serve") { LineLogHandler(label: $0) }
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        let server = RedFlagServer(
            dependencies: .init(
                service: service, ingestOptions: options, queue: queue, tokens: opened.tokens,
                referrals: referrals),
            configuration: ServerConfiguration(
                host: host, port: port, maximumBodyBytes: maxBodyBytes, maximumBatchBytes: maxBatchBytes,
                requestTimeout: .milliseconds(Int64(requestTimeout * 1000)), maximumInFlight: maxInFlight,
                enqueueBatch: enqueueBatch, tokenCacheLifetime: .milliseconds(Int64(tokenCache * 1000)), defaultLease: .milliseconds(Int64(lease * 1000))))
        let host = host
        let jobs = workers.count
        let shown = path.displayed
        try await server.run(logger: logger) { port in
            // One plain line for people and scripts (a test started with --port 0 reads the port from it).
            standardError("redflag serve: listening on http://\(host):\(port) (queue \(shown), \(jobs) scoring workers)\n")
        }
        await opened.close()
        standardError("redflag serve: stopped; requests in flight finished and the queue is closed\n")
    }
}
