import Foundation
import RedFlagIngest
import Testing
@testable import RedFlagPipeline

/// Results stream out in order, ads in flight stay within the memory budget, and a record over its CPU-time budget
/// costs only itself.
@Suite("Streaming scan")
struct StreamingScanTests {
    private static func result(_ id: String) -> ScanResult {
        ScanResult(id: id, sha256: nil, byteCount: 10, document: nil, error: nil)
    }

    /// The first result is delivered while a later one is still being worked on: no batch barrier.
    @Test func readyResultsComeOutBeforeLaterOnesFinish() {
        let flow = ScanFlow()
        let items = (0..<3).map { SourceItem.record(AdRecord(id: "a\($0)", content: .text("x"), origin: "t")) }
        flow.add(items, bytes: 30)
        let taken = flow.take(workers: 1)
        #expect(taken?.start == 0 && taken?.items.count == 1)
        flow.complete(start: 0, results: [Self.result("a0")])
        #expect(flow.results(from: 0, waiting: true).map(\.id) == ["a0"])
        // Out of order: 2 before 1 waits for 1.
        flow.complete(start: 2, results: [Self.result("a2")])
        #expect(flow.results(from: 1, waiting: false).isEmpty)
        flow.complete(start: 1, results: [Self.result("a1")])
        #expect(flow.results(from: 1, waiting: false).map(\.id) == ["a1", "a2"])
        flow.release(30)
        #expect(flow.bytesInFlight == 0)
    }

    @Test func adsInFlightStayWithinTheMemoryBudget() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("redflag-flight-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let line = "{\"id\":\"%d\",\"html\":\"<p>" + String(repeating: "w", count: 1000) + "</p>\"}"
        let dump = (0..<300).map { line.replacingOccurrences(of: "%d", with: "\($0)") }.joined(separator: "\n")
        let path = folder.appendingPathComponent("a.jsonl").path
        try Data(dump.utf8).write(to: URL(fileURLWithPath: path))
        for jobs in [1, 3] {
            var reader = AdReader(paths: [path])
            let scanner = try Scanner(jobs: jobs, memoryBudget: 5_000)
            var ids: [String] = []
            let summary = scanner.run(&reader, deliver: { ids.append($0.id) })
            #expect(ids == (0..<300).map { "\($0)" })
            #expect(summary.peakBytesInFlight <= 5_000 + 1_007, "jobs \(jobs): \(summary.peakBytesInFlight) bytes in flight")
            #expect(summary.peakBytesInFlight > 0)
        }
    }

    @Test func recordOverItsBudgetTimesOutAndTheScanGoesOn() throws {
        let slow = "<div>" + String(repeating: "<div>", count: 30_000) + String(repeating: "</span>", count: 300_000)
        let items: [SourceItem] = [
            .record(AdRecord(id: "before", content: .htmlString("<p>before</p>"), origin: "t")),
            .record(AdRecord(id: "slow", content: .htmlString(slow), origin: "t")),
            .record(AdRecord(id: "after", content: .htmlString("<p>after</p>"), origin: "t")),
        ]
        var options = IngestOptions()
        options.recordTimeLimit = 0.1
        let results = AdProcessor(options: options).process(items[...])
        #expect(results.map(\.id) == ["before", "slow", "after"])
        #expect(results[1].error?.code == .timeout)
        #expect(results[0].document?.text == "before" && results[2].document?.text == "after")
    }

    @Test func longTextIsMatchedUpToTheCapWithAWarning() throws {
        let text = String(repeating: "é", count: AdProcessor.maximumMatchedTextBytes / 2 + 10)
        let prefix = AdProcessor.prefix(of: text, bytes: AdProcessor.maximumMatchedTextBytes - 1)
        #expect(prefix.utf8.count == AdProcessor.maximumMatchedTextBytes - 2)
        #expect(prefix.unicodeScalars.allSatisfy { $0 == "é" })
    }
}

@Suite("Warnings in the output")
struct WarningOutputTests {
    @Test func warningsAppearInEveryFormatOnlyWhenThereAreSome() throws {
        var result = ScanResult(id: "w", sha256: nil, byteCount: 5, document: AdDocument(text: "t"), error: nil)
        let plain = String(decoding: ScanOutputRenderer(format: .jsonl).jsonLine(result), as: UTF8.self)
        #expect(!plain.contains("warnings"))
        result.warnings = [IngestError(.truncatedPayload, "x: the gzip-compressed body stops before its end")]
        let json = String(decoding: ScanOutputRenderer(format: .jsonl).jsonLine(result), as: UTF8.self)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let warnings = try #require(object["warnings"] as? [[String: String]])
        #expect(warnings.first?["code"] == "truncated_payload")
        #expect(json.range(of: "\"warnings\"")!.lowerBound < json.range(of: "\"error\"")!.lowerBound)
        var csv: [UInt8] = []
        ScanOutputRenderer(format: .csv).render(result, into: &csv)
        #expect(String(decoding: csv, as: UTF8.self).hasSuffix(",truncated_payload\n"))
        #expect(ScanOutputRenderer(format: .csv).header().count > 0)
        var table: [UInt8] = []
        ScanOutputRenderer(format: .table).render(result, into: &table)
        #expect(String(decoding: table, as: UTF8.self).contains("warning: x: the gzip-compressed body"))
    }
}
