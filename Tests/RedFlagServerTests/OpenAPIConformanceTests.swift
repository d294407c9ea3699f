import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import RedFlagServer
import Testing

/// Real requests to every route the OpenAPI document describes, each reply checked against it: the status must be
/// one the document lists for the operation, and the body must match that response's schema.
@Suite struct OpenAPIConformanceTests {
    /// One exchange to check: the document's path template and method, and what came back.
    struct Exchange {
        var path: String
        var method: String
        var response: TestResponse
    }

    @Test func everyRouteAnswersAsTheDocumentSays() async throws {
        let document = try OpenAPIDocument()
        #expect(document.root["openapi"] as? String == "3.1.0")
        let harness = try await ServerHarness(
            configuration: ServerConfiguration(maximumBodyBytes: 512 << 10, requestTimeout: .seconds(900)))
        defer { harness.cleanUp() }
        let flaggedPage = String(decoding: try ServerHarness.sample("nightlist-1.html"), as: UTF8.self)
        let otherPage = String(decoding: try ServerHarness.sample("velvetroom-1.html"), as: UTF8.self)
        let plainPage = try ServerHarness.sample("cityboard-1.html")
        let ingest = ServerHarness.headers(harness.ingest)
        let reviewer = ServerHarness.headers(harness.reviewer)
        let admin = ServerHarness.headers(harness.admin)

        let exchanges: [Exchange] = try await harness.test { client in
            var log: [Exchange] = []
            func send(
                _ template: String, _ uri: String, _ method: HTTPRequest.Method, _ headers: HTTPFields = [:],
                _ body: ByteBuffer? = nil
            ) async throws -> TestResponse {
                let response = try await client.execute(uri: uri, method: method, headers: headers, body: body)
                log.append(Exchange(path: template, method: method.rawValue.lowercased(), response: response))
                return response
            }
            _ = try await send("/healthz", "/healthz", .get)
            _ = try await send("/readyz", "/readyz", .get)
            _ = try await send("/v1/ads", "/v1/ads", .post, ServerHarness.headers(nil), try ServerHarness.adJSON(id: "x", html: "<p>x</p>"))
            _ = try await send("/v1/ads", "/v1/ads", .post, reviewer, try ServerHarness.adJSON(id: "x", html: "<p>x</p>"))
            let first = try await send("/v1/ads", "/v1/ads", .post, ingest, try ServerHarness.adJSON(id: "n1", html: flaggedPage))
            _ = try await send("/v1/ads", "/v1/ads", .post, ingest, try ServerHarness.adJSON(id: "v1", html: otherPage))
            _ = try await send(
                "/v1/ads", "/v1/ads?url=https://example.com/c1", .post,
                ServerHarness.headers(harness.ingest, contentType: "text/html"), ByteBuffer(bytes: plainPage))
            _ = try await send("/v1/ads", "/v1/ads", .post, ingest, ByteBuffer(string: #"{"id":"e","text":""}"#))
            _ = try await send("/v1/ads", "/v1/ads", .post, ingest, ByteBuffer(string: "{nope"))
            _ = try await send(
                "/v1/ads", "/v1/ads", .post, ingest,
                try ServerHarness.adJSON(id: "big", html: String(repeating: "a", count: 600 << 10)))
            _ = try await send(
                "/v1/ads", "/v1/ads?url=https://example.com/z", .post,
                ServerHarness.headers(harness.ingest, contentType: "text/html"), ByteBuffer(bytes: [0x1f, 0x8b, 8, 0, 0, 0]))
            _ = try await send(
                "/v1/scan", "/v1/scan", .post, ServerHarness.headers(harness.ingest, contentType: "application/x-ndjson"),
                ByteBuffer(string: "{\"id\":\"s1\",\"text\":\"new in town, ask for daddy\"}\n{\"id\":\"s2\",\"text\":\"\"}\n"))
            _ = try await send("/v1/scan", "/v1/scan", .post, reviewer, ByteBuffer(string: "{}\n"))
            _ = try await send("/v1/queue", "/v1/queue?limit=1", .get, reviewer)
            _ = try await send("/v1/queue", "/v1/queue?minors=perhaps", .get, reviewer)
            _ = try await send("/v1/queue", "/v1/queue", .get, ingest)
            let claimed = try await send("/v1/queue/claim", "/v1/queue/claim", .post, reviewer)
            let id = try #require(claimed.json["id"] as? Int)
            #expect(first.json["queue"] != nil)
            _ = try await send("/v1/queue/{id}", "/v1/queue/\(id)", .get, reviewer)
            _ = try await send("/v1/queue/{id}", "/v1/queue/424242", .get, reviewer)
            _ = try await send(
                "/v1/queue/{id}/notes", "/v1/queue/\(id)/notes", .post, reviewer, ByteBuffer(string: #"{"text":"seen"}"#))
            _ = try await send("/v1/queue/{id}/notes", "/v1/queue/\(id)/notes", .post, reviewer, ByteBuffer(string: #"{"text":5}"#))
            _ = try await send(
                "/v1/queue/{id}/decision", "/v1/queue/\(id)/decision", .post, admin,
                ByteBuffer(string: #"{"verdict":"dismissed"}"#))
            _ = try await send(
                "/v1/queue/{id}/decision", "/v1/queue/\(id)/decision", .post, reviewer,
                ByteBuffer(string: #"{"verdict":"escalated","severity":5,"note":"minor?"}"#))
            let second = try await send("/v1/queue/claim", "/v1/queue/claim", .post, admin, ByteBuffer(string: #"{"lease_seconds":60}"#))
            let secondID = try #require(second.json["id"] as? Int)
            _ = try await send("/v1/queue/{id}/release", "/v1/queue/\(secondID)/release", .post, reviewer)
            _ = try await send("/v1/queue/{id}/release", "/v1/queue/\(secondID)/release", .post, admin)
            // Claim until the queue is empty (404): how many of the ads above were flagged is the models' business.
            for _ in 0..<8 {
                if try await send("/v1/queue/claim", "/v1/queue/claim", .post, admin).status == .notFound { break }
            }
            _ = try await send("/metrics", "/metrics", .get)
            return log
        }

        var covered = Set<String>()
        for exchange in exchanges {
            let status = exchange.response.status.code
            let label = "\(exchange.method.uppercased()) \(exchange.path) → \(status)"
            covered.insert("\(exchange.method) \(exchange.path)")
            #expect(document.documents(exchange.path, exchange.method, status: status), "\(label) is not documented")
            let mediaType = exchange.response.headers[.contentType]?.split(separator: ";").first.map(String.init) ?? ""
            guard let schema = document.responseSchema(exchange.path, exchange.method, status: status, mediaType: mediaType)
            else {
                Issue.record("\(label): the document has no \(mediaType) body for it")
                continue
            }
            let bytes = Array(exchange.response.body.readableBytesView)
            if mediaType == "application/x-ndjson" {
                let lines = bytes.split(separator: 0x0a)
                #expect(!lines.isEmpty, "\(label): no lines")
                for line in lines {
                    let problems = document.problems(json: Array(line), against: schema)
                    #expect(problems.isEmpty, "\(label): \(problems)")
                }
            } else if mediaType == "application/json" {
                let problems = document.problems(json: bytes, against: schema)
                #expect(problems.isEmpty, "\(label): \(problems)")
            } else {
                #expect(mediaType == "text/plain")
                #expect(exchange.response.text.contains("redflag_ads_scored_total"))
            }
        }
        var documented = Set<String>()
        for (path, methods) in document.paths {
            for method in methods.keys { documented.insert("\(method) \(path)") }
        }
        #expect(covered == documented, "routes documented but not exercised, or the reverse")
        let statuses = Set(exchanges.map { "\($0.method) \($0.path) \($0.response.status.code)" })
        for expected in [
            "post /v1/ads 401", "post /v1/ads 403", "post /v1/ads 200", "post /v1/ads 422", "post /v1/ads 400",
            "post /v1/ads 413", "post /v1/ads 415", "post /v1/queue/claim 404", "get /v1/queue/{id} 404",
            "post /v1/queue/{id}/decision 409", "post /v1/queue/{id}/release 409", "post /v1/queue/{id}/notes 201",
        ] {
            #expect(statuses.contains(expected), "no exchange gave \(expected)")
        }
    }
}
