import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import RedFlagQueue
import RedFlagServer
import Testing

/// Limits and bad input: each is a 4xx (or 503) with a JSON error naming the problem, stores nothing, and the server
/// keeps serving.
@Suite struct LimitTests {
    @Test func oversizeBinaryAndMalformedBodiesAreRefusedAndStoreNothing() async throws {
        let harness = try await ServerHarness(
            configuration: ServerConfiguration(maximumBodyBytes: 64 << 10, requestTimeout: .seconds(900)))
        defer { harness.cleanUp() }
        let page = String(decoding: try ServerHarness.sample("nightlist-1.html"), as: UTF8.self)
        try await harness.test { client in
            let oversize = try await client.execute(
                uri: "/v1/ads", method: .post, headers: ServerHarness.headers(harness.ingest),
                body: try ServerHarness.adJSON(id: "big", html: page + String(repeating: "x", count: 70 << 10)))
            #expect(oversize.status == .contentTooLarge)
            #expect(oversize.errorCode == "body_too_large")
            #expect(oversize.json.description.contains("65536"))

            var gzip: [UInt8] = [0x1f, 0x8b, 0x08, 0x00]
            gzip += (0..<2000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
            let binary = try await client.execute(
                uri: "/v1/ads?url=https://example.com/1", method: .post,
                headers: ServerHarness.headers(harness.ingest, contentType: "text/html"), body: ByteBuffer(bytes: gzip))
            #expect(binary.status == .unsupportedMediaType)
            #expect(binary.errorCode == "binary_body")

            let withNUL = try await client.execute(
                uri: "/v1/ads", method: .post, headers: ServerHarness.headers(harness.ingest),
                body: ByteBuffer(bytes: Array(#"{"id":"n","text":"a"#.utf8) + [0] + Array(#""}"#.utf8)))
            #expect(withNUL.status == .unsupportedMediaType)

            let wrongType = try await client.execute(
                uri: "/v1/ads", method: .post, headers: ServerHarness.headers(harness.ingest),
                body: ByteBuffer(string: #"{"id": 7, "html": "<p>hi</p>"}"#))
            #expect(wrongType.status == .badRequest)
            #expect(wrongType.errorCode == "wrong_type")
            #expect(wrongType.json.description.contains("`id`"))

            let notAnObject = try await client.execute(
                uri: "/v1/ads", method: .post, headers: ServerHarness.headers(harness.ingest),
                body: ByteBuffer(string: #"["id", "html"]"#))
            #expect(notAnObject.status == .badRequest)

            let missing = try await client.execute(
                uri: "/v1/ads", method: .post, headers: ServerHarness.headers(harness.ingest),
                body: ByteBuffer(string: #"{"id": "m"}"#))
            #expect(missing.status == .badRequest)
            #expect(missing.errorCode == "missing_field")

            let both = try await client.execute(
                uri: "/v1/ads", method: .post, headers: ServerHarness.headers(harness.ingest),
                body: ByteBuffer(string: #"{"id": "b", "html": "<p>x</p>", "text": "x"}"#))
            #expect(both.status == .badRequest)

            let noURL = try await client.execute(
                uri: "/v1/ads", method: .post, headers: ServerHarness.headers(harness.ingest, contentType: "text/html"),
                body: ByteBuffer(string: page))
            #expect(noURL.status == .badRequest)
            #expect(noURL.errorCode == "missing_parameter")

            let image = try await client.execute(
                uri: "/v1/ads", method: .post, headers: ServerHarness.headers(harness.ingest, contentType: "image/png"),
                body: ByteBuffer(string: "not really"))
            #expect(image.status == .unsupportedMediaType)

            let batchTooLarge = try await client.execute(
                uri: "/v1/scan", method: .post, headers: ServerHarness.headers(harness.ingest),
                body: ByteBuffer(string: String(repeating: "{\"id\":\"x\",\"text\":\"y\"}\n", count: 1)))
            #expect(batchTooLarge.status == .ok, "a small batch is within its own, larger limit")

            // The server still serves, and scores the page when it comes as HTML with its url.
            let html = try await client.execute(
                uri: "/v1/ads?url=https://example.com/ad/1", method: .post,
                headers: ServerHarness.headers(harness.ingest, contentType: "text/html; charset=utf-8"),
                body: ByteBuffer(string: page))
            #expect(html.status == .ok)
            #expect(html.json["id"] as? String == "https://example.com/ad/1")
            #expect(try await client.execute(uri: "/healthz", method: .get).status == .ok)
        }
        // Only the last, good request stored anything.
        #expect(try await harness.queue.stats().total == 1)
    }

    @Test func aBatchOverItsLimitIs413() async throws {
        let harness = try await ServerHarness(
            configuration: ServerConfiguration(maximumBatchBytes: 1000, requestTimeout: .seconds(900)))
        defer { harness.cleanUp() }
        try await harness.test { client in
            let batch = String(repeating: "{\"id\":\"x\",\"text\":\"young new in town\"}\n", count: 100)
            let response = try await client.execute(
                uri: "/v1/scan", method: .post, headers: ServerHarness.headers(harness.ingest), body: ByteBuffer(string: batch))
            #expect(response.status == .contentTooLarge)
        }
        #expect(try await harness.queue.stats().total == 0)
    }

    @Test func aRequestOverTheTimeoutIs503AndTheServerGoesOn() async throws {
        let slow = SlowTokenStore(delay: .seconds(3600))
        let harness = try await ServerHarness(
            configuration: ServerConfiguration(requestTimeout: .milliseconds(200)), tokenStore: slow)
        defer { harness.cleanUp() }
        try await harness.test { client in
            let start = ContinuousClock.now
            let response = try await client.execute(
                uri: "/v1/queue", method: .get, headers: ServerHarness.headers(harness.reviewer))
            #expect(response.status == .serviceUnavailable)
            #expect(response.errorCode == "timeout")
            // The store's hour-long wait is cancelled, not waited for (the bound is loose: beside the whole suite the
            // cooperative pool can be busy for a minute).
            #expect(start.duration(to: .now) < .seconds(600), "the waiting work is cancelled, not waited for")
            #expect(try await client.execute(uri: "/healthz", method: .get).status == .ok)
        }
    }

    @Test func requestsPastTheInFlightBoundAreTurnedAway() async throws {
        let harness = try await ServerHarness(
            configuration: ServerConfiguration(requestTimeout: .seconds(900), maximumInFlight: 1))
        defer { harness.cleanUp() }
        let page = String(decoding: try ServerHarness.sample("nightlist-1.html"), as: UTF8.self)
        let body = try ServerHarness.adJSON(id: "p", html: page)
        let statuses = try await harness.test { client in
            try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for _ in 0..<16 {
                    group.addTask {
                        try await client.execute(
                            uri: "/v1/ads", method: .post, headers: ServerHarness.headers(harness.ingest), body: body
                        ).status
                    }
                }
                return try await group.reduce(into: [HTTPResponse.Status]()) { $0.append($1) }
            }
        }
        #expect(statuses.contains(.ok))
        #expect(statuses.contains(.serviceUnavailable), "16 at once against a bound of 1")
        #expect(statuses.allSatisfy { $0 == .ok || $0 == .serviceUnavailable })
    }
}

/// A token store that answers after `delay` (cancellably), standing in for a store stuck behind a lock: what the
/// request timeout is for.
actor SlowTokenStore: AccessTokenStore {
    let delay: Duration
    let inner = InMemoryAccessTokenStore()

    init(delay: Duration) { self.delay = delay }

    func create(name: String, role: AccessRole) async throws -> IssuedAccessToken {
        try await inner.create(name: name, role: role)
    }

    func list() async throws -> [AccessToken] { await inner.list() }

    func revoke(_ nameOrID: String) async throws -> AccessToken { try await inner.revoke(nameOrID) }

    func authenticate(secret: String) async throws -> AccessToken? {
        try await Task.sleep(for: delay)
        return await inner.authenticate(secret: secret)
    }
}
