/// What `redflag serve` is told: where to listen and the limits that keep one client from starving the others.
///
/// Passed in whole by the program that runs the server (the command line builds it from its options); the server
/// reads no environment of its own.
public struct ServerConfiguration: Sendable, Hashable {
    /// Address to bind; loopback by default so a fresh install is not reachable from the network.
    public var host: String
    /// TCP port; 0 asks the system for a free one (tests).
    public var port: Int
    /// The largest request body read, in bytes; a larger one gets 413 before it is read further.
    public var maximumBodyBytes: Int
    /// How long one request may take, headers to last byte of the reply (seconds); past it the request gets 503 and
    /// its work is cancelled.
    public var requestTimeout: Duration
    /// The largest JSONL batch `POST /v1/scan` reads, in bytes.
    public var maximumBatchBytes: Int
    /// Scoring requests (`POST /v1/ads`, `POST /v1/scan`) handled at once, scored or waiting for a worker; one more
    /// gets 503 `overloaded` at once. The workers (one per core) bound the CPU; this bounds what waits for them.
    public var maximumInFlight: Int
    /// The most flagged ads written to the queue in one transaction (``SubmissionBatcher``); 1 writes each alone.
    public var enqueueBatch: Int
    /// How long a token that authenticated is remembered (``TokenCache``): a revoked token is refused at most this
    /// long after `redflag token revoke`; zero asks the store on every request.
    public var tokenCacheLifetime: Duration
    /// How long a claim made over HTTP lasts when the request does not say.
    public var defaultLease: Duration

    public init(
        host: String = "127.0.0.1", port: Int = 8080, maximumBodyBytes: Int = Self.defaultMaximumBodyBytes,
        maximumBatchBytes: Int = 64 << 20, requestTimeout: Duration = .seconds(30), maximumInFlight: Int = 64,
        enqueueBatch: Int = 200, tokenCacheLifetime: Duration = .seconds(1),
        defaultLease: Duration = .seconds(15 * 60)
    ) {
        self.host = host
        self.port = port
        self.maximumBodyBytes = maximumBodyBytes
        self.requestTimeout = requestTimeout
        self.maximumBatchBytes = maximumBatchBytes
        self.maximumInFlight = maximumInFlight
        self.enqueueBatch = enqueueBatch
        self.tokenCacheLifetime = tokenCacheLifetime
        self.defaultLease = defaultLease
    }

    /// 8 MiB: the scan's own largest ad (`--max-bytes`), so any ad `redflag scan` accepts can be posted.
    public static let defaultMaximumBodyBytes = 8 << 20
}
