import Foundation
import RedFlagTestSupport
import Testing

@testable import RedFlagQueue

/// A queue that runs out of room mid-scan (issue 17): the scan prints every line, says how many items were
/// committed before it stopped and how many flagged ads are missing, exits non-zero, and the queue keeps what it
/// committed, its audit chain intact.
///
/// The full disk is a file-size limit (`ulimit -f`, with SIGXFSZ ignored so the write fails instead of killing
/// the process): SQLite's writes come up short exactly as on a full disk, without needing a mount.
@Suite("scan --enqueue on a full disk", .serialized)
struct DiskFullTests {
    @Test(.enabled(if: binaryAvailable, "needs the redflag binary"))
    func fullDiskSaysWhatWasCommitted() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        // 1,000 ads of about 6 KB, each flagged (a third-party cue) and each its own content: about 12 MB of queue.
        var lines = ""
        for i in 0..<1000 {
            let filler = (0..<120).map { "w\(($0 * 7 + i) % 997)" }.joined(separator: " ")
            lines +=
                #"{"id":"ad-\#(i)","text":"<p>Ad \#(i). My manager books all my dates, new girls every week. \#(filler) "#
                + #"Call 312-555-\#(String(format: "%04d", i))</p>"}"# + "\n"
        }
        try folder.write(lines, to: "ads.jsonl")
        let db = folder.path("q.sqlite")
        // dash's ulimit -f counts 512-byte blocks: 4 MiB per file.
        let result = try runRedFlag(
            ["scan", "--threshold", "0", "--enqueue", "--db", db, "ads.jsonl"], in: folder,
            launcher: ["/bin/sh", "-c", #"trap '' XFSZ; ulimit -f 8192; exec "$0" "$@""#])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(!result.signalled)
        #expect(result.stdout.split(separator: "\n").count == 1000, "every scan line is printed")
        let message = try #require(result.stderr.split(separator: "\n").first { $0.contains("enqueue to") })
        #expect(message.contains("stopped"), "\(message)")
        let committed = try #require(
            message.firstMatch(of: /Committed before it stopped: (\d+) new/).flatMap { Int($0.1) })
        let missing = try #require(message.firstMatch(of: /(\d+) flagged ad\(s\) were not enqueued/).flatMap { Int($0.1) })
        #expect(committed > 0 && committed < 1000)
        #expect(committed + missing == 1000)

        let queue = try makeQueue(db)
        #expect(try await queue.stats().total == committed)
        #expect(try await queue.verifyAudit().isValid)
    }
}
