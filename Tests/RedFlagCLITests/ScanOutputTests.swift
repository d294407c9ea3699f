import Foundation
import RedFlagTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `count` JSONL ads of plain text, about 120 bytes each; every seventh says something an indicator fires on.
func textDump(_ count: Int) -> String {
    (0..<count).map { k in
        let text = k % 7 == 0 ? "new in town, young and fresh, available 24/7, call \(k)" : "sofa for sale number \(k), barely used"
        return #"{"id":"ad-\#(k)","text":"\#(text) \#(String(repeating: "x", count: k % 40))"}"#
    }.joined(separator: "\n") + "\n"
}

/// Item 10: `scan --format table` marks flagged ads in words with a legend, and fits the terminal's width.
@Suite("scan --format table", .enabled(if: binaryAvailable, "needs the redflag binary"))
struct TableFormatTests {
    @Test("at 80 columns no line is wider than 80, flagged ads say FLAGGED, and a legend explains it", arguments: [80, 132])
    func fitsWidth(_ columns: Int) throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let result = try runRedFlag(
            ["scan", "--format", "table", samplesFolder], in: folder, environment: ["COLUMNS": String(columns)])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count > 20)
        for line in lines { #expect(line.count <= columns, "too wide: \(line)") }
        #expect(lines.first?.hasPrefix("legend: FLAGGED = score at or above the threshold") == true)
        #expect(lines.contains { $0.contains("  FLAGGED  ") })
        #expect(lines.contains { $0.contains("  ok  ") })
    }
}

/// Item 14: the end-of-scan summary, `--summary-json`, `--flagged-only` and `--min-score`.
@Suite("Scan summary and filters", .enabled(if: binaryAvailable, "needs the redflag binary"))
struct ScanSummaryTests {
    @Test("the summary gives flagged, category, family and error-code counts on stderr and in --summary-json")
    func summary() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        try folder.write(#"{"id":"broken" "#, to: "broken.jsonl")
        let result = try runRedFlag(
            ["scan", "--summary-json", "summary.json", samplesFolder, "broken.jsonl"], in: folder)
        #expect(result.status == 65)
        #expect(result.stderr.contains("flagged "))
        #expect(result.stderr.contains("by category: "))
        #expect(result.stderr.contains("by family (ads where it fired, flagged among them): "))
        #expect(result.stderr.contains("errors by code: bad_json 1"))
        #expect(result.stderr.contains("2 files skipped: unknown extension"))
        let data = try Data(contentsOf: URL(fileURLWithPath: folder.path("summary.json")))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let flaggedLines = result.stdout.split(separator: "\n").filter { $0.contains(#""flagged":true"#) }.count
        #expect(json["flagged"] as? Int == flaggedLines)
        #expect(json["errors"] as? Int == 1)
        #expect((json["errors_by_code"] as? [String: Int]) == ["bad_json": 1])
        #expect((json["categories"] as? [String: Int])?.values.reduce(0, +) == json["scored"] as? Int)
        #expect(((json["families"] as? [String: Int])?["youth"] ?? 0) > 0)
        #expect(json["exit_status"] as? Int == 65)
        #expect(json["skipped_files"] as? Int == 2)
    }

    @Test("--flagged-only prints only flagged ads (and error lines); --min-score only ads at or above it")
    func filters() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let all = try runRedFlag(["scan", samplesFolder], in: folder).stdout.split(separator: "\n")
        let flagged = try runRedFlag(["scan", "--flagged-only", samplesFolder], in: folder).stdout.split(separator: "\n")
        #expect(!flagged.isEmpty && flagged.count < all.count)
        #expect(flagged.allSatisfy { $0.contains(#""flagged":true"#) })
        #expect(flagged.count == all.filter { $0.contains(#""flagged":true"#) }.count)
        let high = try runRedFlag(["scan", "--min-score", "0.9", samplesFolder], in: folder).stdout.split(separator: "\n")
        for line in high {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect((object["score"] as? Double ?? 0) >= 0.9)
        }
        #expect(high.count < all.count)
    }
}

/// Item 13: progress on a terminal and in logs, and Ctrl-C.
@Suite("Progress and Ctrl-C", .serialized, .enabled(if: binaryAvailable, "needs the redflag binary"))
struct ProgressTests {
    @Test("with stderr in a file, a progress line every --progress-interval seconds with share read and ETA")
    func logLines() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        try folder.write(textDump(30_000), to: "dump.jsonl")
        let result = try runRedFlag(
            ["scan", "--no-model", "-j", "1", "--progress-interval", "0.2", "dump.jsonl"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let progress = result.stderr.split(separator: "\n").filter { $0.hasPrefix("progress: ") }
        #expect(!progress.isEmpty, "\(result.stderr)")
        #expect(progress.allSatisfy { $0.contains(" ads, ") && $0.contains("% of ") && $0.contains("ETA ") && $0.contains("ads/s") })
        #expect(!result.stderr.contains("\r"))
    }

    @Test("Ctrl-C ends on a complete line and says how many ads were done")
    func interrupt() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        try folder.write(textDump(200_000), to: "dump.jsonl")
        let scan = try RedFlagProcess(["scan", "--no-model", "dump.jsonl"], in: folder)
        // Wait until output is flowing, then interrupt (up to two minutes: under AddressSanitizer on a busy machine
        // the first line took over ten seconds, and an interrupt before the handler is set kills the process).
        for _ in 0..<1200 where scan.stdoutSoFar.count < 100_000 { usleep(100_000) }
        scan.signal(SIGINT)
        let result = scan.wait()
        #expect(result.status == 130, "\(result.stderr)")
        #expect(result.stdout.hasSuffix("}\n"))
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count > 0 && lines.count < 200_000)
        for line in lines.suffix(3) { #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) != nil) }
        #expect(result.stderr.contains("interrupted after \(lines.count) ads"), "\(result.stderr)")
    }

    @Test(
        "on a terminal (tmux): one line redrawn in place with ads, percentage, ETA and ads/s",
        .enabled(if: TmuxSession.available, "needs tmux"))
    func terminalLine() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        try folder.write(textDump(200_000), to: "dump.jsonl")
        let tmux = try TmuxSession(
            "cd \(folder.url.path) && \(redflagBinary!) scan --no-model -j 1 dump.jsonl > /dev/null; echo EXITED $?; sleep 30",
            columns: 100, rows: 10, in: folder)
        defer { tmux.kill() }
        let screen = tmux.screen(until: "ETA ")
        #expect(screen.contains(" ads, ") && screen.contains("% of ") && screen.contains("ads/s"), "\(screen)")
        tmux.send("C-c")
        let done = tmux.screen(until: "EXITED")
        #expect(done.contains("interrupted after"), "\(done)")
        #expect(done.contains("EXITED 130"), "\(done)")
    }
}
