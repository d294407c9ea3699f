import CoreMetrics
public import Prometheus
import RedFlagQueue
import Synchronization

/// RedFlag's metrics through swift-metrics, kept in its own Prometheus registry (not the process-wide
/// `MetricsSystem`, so several servers, or tests, in one process never share counts):
///
/// - `redflag_ads_scored_total`, `redflag_ads_flagged_total`, `redflag_ads_enqueued_total`;
/// - `redflag_errors_total{code}`: failed requests by their error code, and ads whose scan line carried an error;
/// - `redflag_http_request_duration_seconds{route,method,status}`: a latency histogram per route;
/// - `redflag_queue_items{state}`: the queue's depth by state (pending, claimed, expired, decided), read when
///   `/metrics` is scraped.
public final class ServerMetrics: Sendable {
    public let registry: PrometheusCollectorRegistry
    private let factory: PrometheusMetricsFactory
    private let scored: CoreMetrics.Counter
    private let flagged: CoreMetrics.Counter
    private let enqueued: CoreMetrics.Counter
    /// The latency timers made so far, one per route, method and status: making one looks it up in the registry
    /// under a lock, by its name and sorted labels, which cost more than recording into it.
    private let timers = Mutex<[TimerKey: CoreMetrics.Timer]>([:])

    private struct TimerKey: Hashable {
        var route: String
        var method: String
        var status: Int
    }

    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
        var factory = PrometheusMetricsFactory(registry: registry)
        // Scoring one ad takes about a millisecond: buckets from 0.5 ms so the fast path is visible.
        factory.defaultDurationHistogramBuckets = [
            .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10),
            .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500),
            .seconds(1), .milliseconds(2500), .seconds(5), .seconds(10), .seconds(30),
        ]
        self.factory = factory
        scored = CoreMetrics.Counter(label: "redflag_ads_scored_total", factory: factory)
        flagged = CoreMetrics.Counter(label: "redflag_ads_flagged_total", factory: factory)
        enqueued = CoreMetrics.Counter(label: "redflag_ads_enqueued_total", factory: factory)
    }

    /// One ad scored; `errorCode` when its scan line carries an error.
    func adScored(flagged isFlagged: Bool, errorCode: String?) {
        scored.increment()
        if isFlagged { flagged.increment() }
        if let errorCode { countError(code: errorCode) }
    }

    func adEnqueued() { enqueued.increment() }

    func countError(code: String) {
        CoreMetrics.Counter(label: "redflag_errors_total", dimensions: [("code", code)], factory: factory).increment()
    }

    func recordRequest(route: String, method: String, status: Int, elapsed: Duration) {
        // Methods a client invents would each make a series (and a cached timer): they count as "other".
        let known = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"].contains(method)
        let method = known ? method : "other"
        let key = TimerKey(route: route, method: method, status: status)
        let timer = timers.withLock { timers in
            if let known = timers[key] { return known }
            let made = CoreMetrics.Timer(
                label: "redflag_http_request_duration_seconds",
                dimensions: [("route", route), ("method", method), ("status", String(status))], factory: factory)
            timers[key] = made
            return made
        }
        timer.recordNanoseconds(elapsed.components.seconds * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000)
    }

    /// Sets the queue-depth gauges from the queue's counts.
    func recordQueueDepth(_ stats: QueueStats) {
        for state in ["pending", "claimed", "expired", "decided"] {
            CoreMetrics.Gauge(label: "redflag_queue_items", dimensions: [("state", state)], factory: factory)
                .record(Double(stats.byStatus[state] ?? 0))
        }
    }

    /// The Prometheus text exposition of every metric.
    func exposition() -> [UInt8] { registry.emitToBuffer() }
}
