import Testing

@testable import RedFlagServer

/// The request log's latency field: two decimals, rounded half up, without Foundation's formatter.
@Suite("Request log")
struct RequestLogTests {
    @Test func latencyInMilliseconds() {
        let µs: Int64 = 1_000_000_000_000  // attoseconds
        #expect(RequestLogMiddleware.milliseconds(seconds: 0, attoseconds: 0) == "0.00")
        #expect(RequestLogMiddleware.milliseconds(seconds: 0, attoseconds: 840 * µs) == "0.84")
        #expect(RequestLogMiddleware.milliseconds(seconds: 0, attoseconds: 8_449 * µs) == "8.45")
        #expect(RequestLogMiddleware.milliseconds(seconds: 0, attoseconds: 9_994 * µs) == "9.99")
        #expect(RequestLogMiddleware.milliseconds(seconds: 0, attoseconds: 9_996 * µs) == "10.00")
        #expect(RequestLogMiddleware.milliseconds(seconds: 1, attoseconds: 520_000 * µs) == "1520.00")
        #expect(RequestLogMiddleware.milliseconds(seconds: 3, attoseconds: 50 * µs) == "3000.05")
    }

    @Test("route templates read as the OpenAPI paths do")
    func routes() {
        #expect(RequestLogMiddleware.route("/v1/queue/:id/decision") == "/v1/queue/{id}/decision")
        #expect(RequestLogMiddleware.route(nil) == "unmatched")
    }
}
