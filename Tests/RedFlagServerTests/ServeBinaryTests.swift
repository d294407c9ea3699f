import Foundation
import RedFlagTestSupport
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `redflag serve` as a person runs it: tokens made with `redflag token create`, the server on a free port, the bar
/// routine over real HTTP, a decision that `queue audit --verify` accepts under the token's name, logs without contact
/// details, and a graceful stop on SIGTERM that lets a streamed batch finish.
@Suite(.serialized) struct ServeBinaryTests {
    /// A running `redflag serve` and its address.
    struct Served {
        let process: RedFlagProcess
        let base: String

        static func start(in folder: TemporaryFolder, arguments: [String] = []) throws -> Served {
            let process = try RedFlagProcess(["serve", "--port", "0", "--db", "queue.sqlite"] + arguments, in: folder)
            let deadline = Date().addingTimeInterval(60)
            while Date() < deadline {
                if let range = process.stderrSoFar.range(of: #"listening on http://[0-9.]+:[0-9]+"#, options: .regularExpression) {
                    let address = process.stderrSoFar[range].replacingOccurrences(of: "listening on ", with: "")
                    return Served(process: process, base: address)
                }
                if !process.process.isRunning { break }
                Thread.sleep(forTimeInterval: 0.05)
            }
            process.kill()
            throw ServeDidNotStart(log: process.stderrSoFar)
        }

        var client: Client { Client(base: base) }
    }

    /// Requests to a running server, from any task.
    struct Client: Sendable {
        let base: String

        func request(
            _ method: String, _ path: String, token: String? = nil, contentType: String = "application/json",
            body: Data? = nil
        ) async throws -> (status: Int, body: Data) {
            var request = URLRequest(url: URL(string: base + path)!)
            request.httpMethod = method
            request.timeoutInterval = 120
            if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
            request.setValue(contentType, forHTTPHeaderField: "Content-Type")
            request.httpBody = body
            let (data, response) = try await URLSession.shared.data(for: request)
            return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
        }
    }

    struct ServeDidNotStart: Error, CustomStringConvertible {
        var log: String
        var description: String { "redflag serve did not start: \(log)" }
    }

    static func json(_ data: Data) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
    }

    static func token(_ role: String, _ name: String, in folder: TemporaryFolder) throws -> String {
        let created = try runRedFlag(["token", "create", "--role", role, "--name", name, "--db", "queue.sqlite"], in: folder)
        #expect(created.status == 0, "\(created.stderr)")
        let secret = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(secret.hasPrefix("rf_") && secret.count == 67)
        return secret
    }

    @Test(.enabled(if: binaryAvailable)) func theBarRoutineThroughTheBinaryThenADecisionAndAGracefulStop() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let ingest = try Self.token("ingest", "crawler", in: folder)
        let reviewer = try Self.token("reviewer", "ana", in: folder)
        let listed = try runRedFlag(["token", "list", "--db", "queue.sqlite"], in: folder)
        #expect(listed.stdout.contains("crawler") && listed.stdout.contains("ana"))
        #expect(!listed.stdout.contains(ingest) && !listed.stdout.contains(reviewer), "secrets are never listed")

        let served = try Served.start(in: folder)
        defer { if served.process.process.isRunning { served.process.kill() } }
        let page = try Data(contentsOf: URL(fileURLWithPath: samplesFolder + "/pages/nightlist-1.html"))
        let ad = try JSONSerialization.data(withJSONObject: [
            "id": "n1", "url": "https://nightlist.example.com/n1", "html": String(decoding: page, as: UTF8.self),
        ])

        #expect(try await served.client.request("POST", "/v1/ads", body: ad).status == 401)
        let scored = try await served.client.request("POST", "/v1/ads", token: ingest, body: ad)
        #expect(scored.status == 200)
        let line = Self.json(scored.body)
        #expect((line["score"] as? Double ?? 0) > 0.9)
        #expect(try await served.client.request("POST", "/v1/queue/claim", token: ingest).status == 403)
        #expect(try await served.client.request("POST", "/v1/ads", token: ingest, body: Data("{\"id\":".utf8)).status == 400)
        #expect(try await served.client.request("GET", "/healthz").status == 200)
        #expect(try await served.client.request("GET", "/readyz").status == 200)

        let claimed = try await served.client.request("POST", "/v1/queue/claim", token: reviewer)
        #expect(claimed.status == 200)
        let id = try #require(Self.json(claimed.body)["id"] as? Int)
        let decided = try await served.client.request(
            "POST", "/v1/queue/\(id)/decision", token: reviewer, body: Data(#"{"verdict":"confirmed","severity":4}"#.utf8))
        #expect(decided.status == 200)
        #expect(Self.json(decided.body)["reviewer"] as? String == "ana")
        let metrics = try await served.client.request("GET", "/metrics")
        let exposition = String(decoding: metrics.body, as: UTF8.self)
        #expect(exposition.contains("redflag_ads_scored_total 1"))
        #expect(exposition.contains(#"redflag_queue_items{state="decided"} 1"#))
        #expect(exposition.contains(#"redflag_errors_total{code="unauthorized"} 1"#))
        #expect(exposition.contains(#"redflag_http_request_duration_seconds_bucket{route="/v1/queue/{id}/decision""#))

        // A batch in flight when SIGTERM arrives is finished, line by line, before the server stops.
        let dump = try String(contentsOfFile: samplesFolder + "/dumps/ads.jsonl", encoding: .utf8)
        let batch = String(repeating: dump, count: 150)
        let client = served.client
        async let streamed = client.request(
            "POST", "/v1/scan", token: ingest, contentType: "application/x-ndjson", body: Data(batch.utf8))
        try await Task.sleep(for: .milliseconds(400))
        served.process.signal(SIGTERM)
        let finished = try await streamed
        #expect(finished.status == 200)
        #expect(finished.body.split(separator: 0x0a).count == 8 * 150)
        let result = served.process.wait()
        #expect(result.status == 0, "\(result.stderr.suffix(500))")
        #expect(result.stderr.contains("stopped; requests in flight finished and the queue is closed"))

        // The request log: one line per request with route and status, and never the ad's contacts or text.
        #expect(result.stderr.contains("route=/v1/ads"))
        #expect(result.stderr.contains("status=401"))
        let entities = line["entities"] as? [String: Any] ?? [:]
        let contacts = (entities["phones"] as? [String] ?? []) + (entities["emails"] as? [String] ?? [])
        #expect(!contacts.isEmpty)
        for contact in contacts { #expect(!result.stderr.contains(contact), "the log shows \(contact)") }
        #expect(!result.stderr.contains("nightlist.example.com"))

        let verified = try runRedFlag(["queue", "audit", "--verify", "--db", "queue.sqlite"], in: folder)
        #expect(verified.status == 0, "\(verified.stdout)\(verified.stderr)")
        let audit = try runRedFlag(["queue", "audit", "--item", String(id), "--format", "json", "--db", "queue.sqlite"], in: folder)
        let actions = audit.stdout.split(separator: "\n").map { Self.json(Data($0.utf8)) }
        let decide = actions.first { $0["action"] as? String == "decide" }
        #expect(decide?["actor"] as? String == "ana")

        let revoked = try runRedFlag(["token", "revoke", "crawler", "--db", "queue.sqlite"], in: folder)
        #expect(revoked.status == 0)
        #expect(revoked.stdout.contains("revoked token"))
    }
}
