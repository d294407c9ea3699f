import Foundation
import RedFlagTestSupport
import Testing

/// Two `redflag serve` processes on one PostgreSQL queue (issue #18): tokens made once serve both, and reviewers
/// claiming through either server never get the same item. Needs a build with the `Postgres` trait and the server in
/// `REDFLAG_TEST_POSTGRES_URL` (`Tests/Postgres/with-cluster.sh`); skipped with that note otherwise.
@Suite(.serialized) struct SharedPostgresServeTests {
    static let server = ProcessInfo.processInfo.environment["REDFLAG_TEST_POSTGRES_URL"] ?? ""

    static var available: Bool {
        #if Postgres
            return binaryAvailable && !server.isEmpty
        #else
            return false
        #endif
    }

    @Test(
        "two servers share one PostgreSQL queue: one token set, each item claimed through one server only",
        .enabled(if: available, "needs the Postgres trait and REDFLAG_TEST_POSTGRES_URL"))
    func twoServersOneQueue() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let schema = "serve_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(12)
        let db = Self.server + (Self.server.contains("?") ? "&" : "?") + "schema=\(schema)"
        let lines = (0..<30).map {
            #"{"id":"ad-\#($0)","score":0.\#(50 + $0),"text":"shared queue ad number \#($0)","features":{"bias":1}}"#
        }
        try (lines.joined(separator: "\n") + "\n").write(
            toFile: folder.path("ads.jsonl"), atomically: true, encoding: .utf8)
        let imported = try runRedFlag(["queue", "import", "ads.jsonl", "--db", db], in: folder)
        #expect(imported.status == 0, "\(imported.stderr)")
        var tokens: [String] = []
        for name in ["ana", "bob"] {
            let created = try runRedFlag(["token", "create", "--role", "reviewer", "--name", name, "--db", db], in: folder)
            #expect(created.status == 0, "\(created.stderr)")
            tokens.append(created.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        }

        let servers = try (0..<2).map { _ in
            try ServeBinaryTests.Served.start(in: folder, arguments: ["--db", db])
        }
        defer { for served in servers where served.process.process.isRunning { served.process.kill() } }
        // Each reviewer claims through one server, both at once, until nothing is left.
        let claims = try await withThrowingTaskGroup(of: (Int, [Int]).self) { group in
            for (index, (served, token)) in zip(servers, tokens).enumerated() {
                let client = served.client
                group.addTask {
                    var mine: [Int] = []
                    while true {
                        let reply = try await client.request("POST", "/v1/queue/claim", token: token)
                        guard reply.status == 200, let id = ServeBinaryTests.json(reply.body)["id"] as? Int else {
                            break
                        }
                        mine.append(id)
                    }
                    return (index, mine)
                }
            }
            var all: [[Int]] = [[], []]
            for try await (index, mine) in group { all[index] = mine }
            return all
        }
        let claimed = claims.flatMap { $0 }
        #expect(claimed.count == 30 && Set(claimed).count == 30, "\(claims)")
        // A claim taken through one server is decided through the other.
        let first = try #require(claims.first { !$0.isEmpty }?.first)
        let owner = claims[0].contains(first) ? 0 : 1
        let decided = try await servers[1 - owner].client.request(
            "POST", "/v1/queue/\(first)/decision", token: tokens[owner], body: Data(#"{"verdict":"dismissed"}"#.utf8))
        #expect(decided.status == 200, "\(String(decoding: decided.body, as: UTF8.self))")
        for served in servers { served.process.signal(SIGTERM) }
        for served in servers { #expect(served.process.wait().status == 0) }
        let verified = try runRedFlag(["queue", "audit", "--verify", "--db", db], in: folder)
        #expect(verified.status == 0 && verified.stdout.hasPrefix("ok:"), "\(verified.stdout)\(verified.stderr)")
    }
}
