import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import RedFlagQueue
import RedFlagTestSupport
import Testing

/// `POST /v1/scan`: one scan line per ad, in input order, each the line `redflag scan --format jsonl` prints.
@Suite struct ScanStreamTests {
    @Test func oneLinePerAdInInputOrderAsTheScanPrintsThem() async throws {
        let harness = try await ServerHarness()
        defer { harness.cleanUp() }
        let dump = samplesFolder + "/dumps/ads.jsonl"
        var batch = try String(contentsOfFile: dump, encoding: .utf8)
        // A malformed line gets its error line where it stands, and the batch goes on.
        batch += "{\"id\": \"broken\", \"html\": \n"
        let ids = batch.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["id"] as? String
        }
        let body = ByteBuffer(string: batch)
        let response = try await harness.test { client in
            try await client.execute(
                uri: "/v1/scan", method: .post, headers: ServerHarness.headers(harness.ingest, contentType: "application/x-ndjson"),
                body: body)
        }
        #expect(response.status == .ok)
        #expect(response.headers[.contentType] == "application/x-ndjson")
        let lines = response.text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == ids.count + 1)
        let returned = lines.map { (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["id"] as? String }
        #expect(Array(returned.prefix(ids.count)) == ids.map { Optional($0) })
        let last = try #require(lines.last.flatMap { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] })
        #expect(last["error"] is [String: Any], "the malformed line has an error line")

        // The same records through the command line give the same lines, byte for byte.
        guard binaryAvailable else { return }
        let cli = try runRedFlag(["scan", "--format", "jsonl", "-q", "--keep-going", dump], in: harness.folder)
        #expect(cli.status == 0)
        #expect(Array(lines.prefix(ids.count)).joined(separator: "\n") + "\n" == cli.stdout)

        let flagged = lines.filter { $0.contains(#""flagged":true"#) }.count
        #expect(flagged > 0)
        #expect(try await harness.queue.stats().total == flagged, "every flagged ad of the batch is queued")
    }
}
