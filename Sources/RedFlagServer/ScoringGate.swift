import HTTPTypes
import Synchronization

/// Bounds the scoring requests (`POST /v1/ads`, `POST /v1/scan`) handled at once; one past the bound is turned away
/// at once with 503 `overloaded` and `Retry-After`, instead of waiting in memory behind the others until every
/// request times out.
///
/// The scoring workers (one per core) bound the CPU; this bounds what waits for them: memory (bodies held) and
/// latency (a request admitted waits behind at most `limit - 1` others).
final class ScoringGate: Sendable {
    let limit: Int
    private let inFlight = Mutex(0)

    init(limit: Int) { self.limit = max(1, limit) }

    /// Runs `body` holding a slot, or throws 503 when none is free.
    func withSlot<T>(_ body: () async throws -> T) async throws -> T {
        try enter()
        defer { leave() }
        return try await body()
    }

    /// Takes a slot that the caller gives back with ``leave()`` (a streamed reply that outlives its handler), or
    /// throws 503 when none is free.
    func enter() throws {
        let admitted = inFlight.withLock { count in
            guard count < limit else { return false }
            count += 1
            return true
        }
        guard admitted else {
            throw APIError(
                .serviceUnavailable, code: "overloaded",
                message: "the server is scoring \(limit) requests already; retry shortly", headers: [.retryAfter: "1"])
        }
    }

    func leave() { inFlight.withLock { $0 -= 1 } }
}
