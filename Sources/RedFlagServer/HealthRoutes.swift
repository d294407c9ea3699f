import HTTPTypes
import Hummingbird
import NIOCore
import RedFlagPipeline
import RedFlagQueue
import RedFlagService

/// The routes a load balancer and a monitoring system use, open without a token: `GET /healthz` (the process
/// answers), `GET /readyz` (the model is loaded and the queue answers a read) and `GET /metrics` (Prometheus text).
struct HealthRoutes: Sendable {
    let service: ScanService
    let queue: any ReviewQueue
    let metrics: ServerMetrics

    func add(to router: Router<ServerRequestContext>) {
        router.get("/healthz") { _, _ in
            JSONReply.response(bytes: Array(#"{"status":"ok"}"#.utf8) + [0x0a])
        }
        router.get("/readyz") { _, _ in try await ready() }
        router.get("/metrics") { _, _ in try await exposition() }
    }

    private func ready() async throws -> Response {
        guard service.scorer?.suspicion != nil else {
            throw APIError(.serviceUnavailable, code: "not_ready", message: "no suspicion model is loaded")
        }
        do {
            _ = try await queue.list(filter: QueueFilter(), after: nil, limit: 1)
        } catch {
            throw APIError(.serviceUnavailable, code: "not_ready", message: "the review queue does not answer")
        }
        return JSONReply.response(bytes: Array(#"{"status":"ready"}"#.utf8) + [0x0a])
    }

    /// The queue's depth is read now, so the gauges are as fresh as the scrape; a queue that fails to answer
    /// leaves the last values (and `/readyz` says why).
    private func exposition() async throws -> Response {
        if let stats = try? await queue.stats() { metrics.recordQueueDepth(stats) }
        return Response(
            status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: metrics.exposition())))
    }
}
