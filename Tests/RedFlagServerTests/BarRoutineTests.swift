import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import RedFlagQueue
import RedFlagServer
import Testing

/// Issue 15's bar, in process: no token → 401, an ingest token scores an ad → 200 with a score, an ingest token
/// claiming → 403, bad JSON → 400, and `/healthz` still 200 afterwards.
@Suite struct BarRoutineTests {
    @Test func theBarRoutine() async throws {
        let harness = try await ServerHarness()
        defer { harness.cleanUp() }
        let page = String(decoding: try ServerHarness.sample("nightlist-1.html"), as: UTF8.self)
        try await harness.test { client in
            let anonymous = try await client.execute(
                uri: "/v1/ads", method: .post, headers: ServerHarness.headers(nil),
                body: try ServerHarness.adJSON(id: "a1", html: page))
            #expect(anonymous.status == .unauthorized)
            #expect(anonymous.errorCode == "unauthorized")
            #expect(anonymous.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)

            let scored = try await client.execute(
                uri: "/v1/ads", method: .post, headers: ServerHarness.headers(harness.ingest),
                body: try ServerHarness.adJSON(id: "a1", html: page))
            #expect(scored.status == .ok)
            let score = try #require(scored.json["score"] as? Double)
            #expect(score > 0.9 && score <= 1)
            #expect(scored.json["id"] as? String == "a1")

            let claim = try await client.execute(
                uri: "/v1/queue/claim", method: .post, headers: ServerHarness.headers(harness.ingest))
            #expect(claim.status == .forbidden)
            #expect(claim.errorCode == "forbidden")

            let bad = try await client.execute(
                uri: "/v1/ads", method: .post, headers: ServerHarness.headers(harness.ingest),
                body: ByteBuffer(string: #"{"id": "a2", "html": "<p>unterminated"#))
            #expect(bad.status == .badRequest)
            #expect(bad.errorCode == "malformed_json")

            let health = try await client.execute(uri: "/healthz", method: .get)
            #expect(health.status == .ok)
            #expect(health.json["status"] as? String == "ok")
        }
    }

    @Test func anUnknownOrRevokedTokenIs401AndAReviewerPostingAdsIs403() async throws {
        let harness = try await ServerHarness()
        defer { harness.cleanUp() }
        _ = try await harness.tokens.revoke("root")
        try await harness.test { client in
            var headers = HTTPFields()
            headers[.authorization] = "Bearer rf_" + String(repeating: "0", count: 64)
            let unknown = try await client.execute(uri: "/v1/queue", method: .get, headers: headers)
            #expect(unknown.status == .unauthorized)
            let revoked = try await client.execute(
                uri: "/v1/queue", method: .get, headers: ServerHarness.headers(harness.admin))
            #expect(revoked.status == .unauthorized)
            headers[.authorization] = "Basic YW5hOnNlY3JldA=="
            let basic = try await client.execute(uri: "/v1/queue", method: .get, headers: headers)
            #expect(basic.status == .unauthorized)
            let reviewerPosting = try await client.execute(
                uri: "/v1/ads", method: .post, headers: ServerHarness.headers(harness.reviewer),
                body: try ServerHarness.adJSON(id: "x", html: "<p>hello</p>"))
            #expect(reviewerPosting.status == .forbidden)
            let reviewerReading = try await client.execute(
                uri: "/v1/queue", method: .get, headers: ServerHarness.headers(harness.reviewer))
            #expect(reviewerReading.status == .ok)
        }
    }
}

/// A token that authenticated is remembered for `tokenCacheLifetime`: revoked, it is refused once that has passed.
@Suite struct TokenCacheTests {
    @Test func aRevokedTokenIsRefusedOnceTheCacheLifetimeHasPassed() async throws {
        let harness = try await ServerHarness(
            configuration: ServerConfiguration(requestTimeout: .seconds(900), tokenCacheLifetime: .milliseconds(300)))
        defer { harness.cleanUp() }
        try await harness.test { client in
            let headers = ServerHarness.headers(harness.reviewer)
            #expect(try await client.execute(uri: "/v1/queue", method: .get, headers: headers).status == .ok)
            _ = try await harness.tokens.revoke("ana")
            try await Task.sleep(for: .milliseconds(400))
            let refused = try await client.execute(uri: "/v1/queue", method: .get, headers: headers)
            #expect(refused.status == .unauthorized)
        }
    }
}
