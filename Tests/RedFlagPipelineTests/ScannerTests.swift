import Foundation
import RedFlagFeatures
import RedFlagIngest
import Testing
@testable import RedFlagPipeline
import RedFlagModel

private let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Samples")

private func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("redflag-pipeline-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Runs a scan and returns its JSONL output and summary.
private func scan(_ paths: [String], jobs: Int, options: IngestOptions = IngestOptions()) -> (String, ScanSummary) {
    var reader = AdReader(paths: paths, options: options)
    let renderer = ScanOutputRenderer(format: .jsonl)
    var out: [UInt8] = []
    let summary = try! Scanner(options: options, jobs: jobs).run(&reader, deliver: { renderer.render($0, into: &out) })
    return (String(decoding: out, as: UTF8.self), summary)
}

private func objects(_ jsonl: String) throws -> [[String: Any]] {
    try jsonl.split(separator: "\n").map {
        try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
    }
}

@Suite("Scan pipeline")
struct ScannerTests {
    @Test func samplesGiveOneLinePerAdInInputOrder() throws {
        let (output, summary) = scan([samples.path], jobs: 1)
        let lines = try objects(output)
        // 8 JSONL + 6 CSV + 5 WARC responses + 12 pages.
        #expect(lines.count == 31)
        #expect(summary.ads == 31)
        #expect(summary.errors == 0)
        let ids = lines.map { $0["id"] as? String ?? "" }
        #expect(Array(ids.prefix(6)) == (1...6).map { "c-00\($0)" })
        #expect(ids.last?.hasSuffix("pages/velvetroom-2.html") == true)
        for line in lines {
            #expect((line["sha256"] as? String)?.count == 64)
            #expect(line["error"] is NSNull)
            #expect(Array(line.keys).sorted() == ["captured_at", "error", "id", "sha256", "url"])
        }
    }

    @Test func parallelOutputIsIdenticalToSingleThreaded() throws {
        let folder = try temporaryFolder()
        var lines: [String] = []
        for n in 0..<700 {
            if n % 97 == 13 {
                lines.append("{\"id\": \"bad\(n)\", \"text\": ")  // broken JSON
            } else if n % 3 == 0 {
                lines.append("{\"id\": \"h\(n)\", \"html\": \"<p>page \(n)</p><div class=sidebar>x</div>\"}")
            } else {
                lines.append("{\"id\": \"t\(n)\", \"text\": \"text ad \(n) \(String(repeating: "w", count: n))\"}")
            }
        }
        let path = folder.appendingPathComponent("ads.jsonl").path
        try Data(lines.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: path))
        let (single, s1) = scan([path, samples.path], jobs: 1)
        let (parallel, s4) = scan([path, samples.path], jobs: 4)
        #expect(single == parallel)
        #expect(s1.ads == 731)
        #expect(s1.ads == s4.ads && s1.errors == s4.errors && s1.bytes == s4.bytes)
    }

    @Test func everyBadRecordGetsItsOwnErrorLineAndTheBatchGoesOn() throws {
        let folder = try temporaryFolder()
        let jsonl = folder.appendingPathComponent("a.jsonl")
        try Data(
            """
            {"id": "one", "text": "first"}
            not json at all
            {"id": "empty", "html": "   "}
            {"id": "two", "html": "<p>second</p>"}
            """.utf8
        ).write(to: jsonl)
        let emptyFile = folder.appendingPathComponent("empty.html")
        try Data().write(to: emptyFile)
        let big = folder.appendingPathComponent("big.html")
        try Data(String(repeating: "<p>x</p>", count: 1000).utf8).write(to: big)
        let options = IngestOptions(maximumAdBytes: 4000)
        let (output, summary) = scan(
            [jsonl.path, folder.appendingPathComponent("missing.html").path, emptyFile.path, big.path], jobs: 2,
            options: options)
        let lines = try objects(output)
        #expect(lines.count == 7)
        let codes = lines.map { ($0["error"] as? [String: Any])?["code"] as? String }
        #expect(codes == [nil, "bad_json", "empty", nil, "unreadable", "empty", "too_large"])
        #expect(summary.errors == 5)
        let message = (lines[1]["error"] as? [String: Any])?["message"] as? String
        #expect(message?.contains("a.jsonl:2") == true)
    }

    @Test func sha256IsOfTheRawBytes() throws {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("p.html")
        try Data("<p>abc</p>".utf8).write(to: file)
        let (output, _) = scan([file.path], jobs: 1)
        let line = try #require(try objects(output).first)
        // sha256("<p>abc</p>") computed with coreutils' sha256sum.
        #expect(line["sha256"] as? String == "25d0f020f6881a92742eadf0dda2a864025b35ec0008886497ed1d21efe99d20")
    }

    @Test func csvAndTableRenderings() throws {
        let result = ScanResult(
            id: "a,\"b\"", url: "http://example.com", capturedAt: nil, sha256: "00", byteCount: 3, document: nil,
            error: IngestError(.badJSON, "line 2: bad\nthing"))
        var csv: [UInt8] = []
        ScanOutputRenderer(format: .csv).render(result, into: &csv)
        #expect(String(decoding: csv, as: UTF8.self) == "\"a,\"\"b\"\"\",http://example.com,00,,,,,,,,,,bad_json,\"line 2: bad\nthing\",\n")
        var table: [UInt8] = []
        ScanOutputRenderer(format: .table).render(result, into: &table)
        #expect(String(decoding: table, as: UTF8.self).contains("bad_json"))
    }

    @Test func jsonEscapesControlCharacters() throws {
        let result = ScanResult(
            id: "tab\there \"q\" \\ \u{01}", sha256: nil, byteCount: 0, document: nil, error: nil)
        let line = String(decoding: ScanOutputRenderer(format: .jsonl).jsonLine(result), as: UTF8.self)
        let object = try #require(try objects(line).first)
        #expect(object["id"] as? String == "tab\there \"q\" \\ \u{01}")
    }
}

@Suite("Scan with features and models")
struct ScoredScanTests {
    static let models = samples.deletingLastPathComponent().appendingPathComponent("Models")

    /// The shipped lexicon and models, as `scan` loads them.
    static func shippedModels() throws -> (FeatureExtractor, Scorer) {
        let extractor = try FeatureExtractor(
            lexiconPath: models.appendingPathComponent("lexicon.yaml").path,
            vocabularyPath: models.appendingPathComponent("category-words.yaml").path)
        let scorer = try Scorer.load(
            suspicion: ModelStore.load(path: models.appendingPathComponent("default.json").path),
            category: ModelStore.load(path: models.appendingPathComponent("category.json").path), threshold: nil,
            lexicon: extractor.lexicon)
        return (extractor, scorer)
    }

    /// Lines rendered on the workers (``Scanner/renderer``, as `scan` does) equal lines rendered in order on the
    /// delivering thread, for one worker and for several, each with its own compiled lexicon.
    @Test func workerRenderedOutputIsTheSame() throws {
        let (extractor, scorer) = try Self.shippedModels()
        let renderer = ScanOutputRenderer(format: .jsonl)
        var outputs: [[UInt8]] = []
        for (jobs, onWorkers) in [(1, false), (1, true), (3, true), (3, false)] {
            var reader = AdReader(paths: [samples.path])
            let scanner = try Scanner(
                features: extractor, scorer: scorer, jobs: jobs, renderer: onWorkers ? renderer : nil)
            var out: [UInt8] = []
            _ = scanner.run(&reader, deliver: { result in
                if onWorkers {
                    out += result.rendered ?? []
                } else {
                    #expect(result.rendered == nil)
                    renderer.render(result, into: &out)
                }
            })
            outputs.append(out)
        }
        #expect(outputs[0].count > 1000)
        for output in outputs.dropFirst() { #expect(output == outputs[0]) }
    }

    /// A chunk processed stage by stage (all pages parsed, then all texts matched) gives what processing the same
    /// items one by one gives: failures, empty and oversized ads, text records and kept flagged content included.
    @Test func chunkedProcessingEqualsOneByOne() throws {
        let (extractor, scorer) = try Self.shippedModels()
        var options = IngestOptions()
        options.maximumAdBytes = 20_000
        var items = Array(AdReader(paths: [samples.path], options: options))
        items.insert(.record(AdRecord(id: "empty", content: .htmlString("   "), origin: "test")), at: 3)
        items.insert(.record(AdRecord(id: "big", content: .htmlString(String(repeating: "x", count: 30_000)), origin: "test")), at: 5)
        items.insert(.record(AdRecord(id: "text", content: .text("new in town, ask for Candy, 555-0142"), origin: "test")), at: 7)
        let renderer = ScanOutputRenderer(format: .jsonl)
        func render(_ results: [ScanResult]) -> [UInt8] {
            var out: [UInt8] = []
            for result in results {
                renderer.render(result, into: &out)
                out += result.rawContent ?? []
            }
            return out
        }
        let one = AdProcessor(options: options, features: extractor, scorer: scorer)
        one.keepsFlaggedContent = true
        let chunked = AdProcessor(options: options, features: extractor, scorer: scorer)
        chunked.keepsFlaggedContent = true
        let single = render(items.map { one.process($0) })
        var inChunks: [ScanResult] = []
        var start = 0
        while start < items.count {
            let end = min(start + 5, items.count)
            inChunks += chunked.process(items[start..<end])
            start = end
        }
        #expect(inChunks.count == items.count)
        #expect(inChunks.contains { $0.rawContent != nil } && inChunks.contains { $0.error != nil })
        #expect(render(inChunks) == single)
    }

    @Test func samplesAreScoredExplainedAndCategorised() throws {
        let (extractor, scorer) = try Self.shippedModels()
        var reader = AdReader(paths: [samples.appendingPathComponent("pages").path])
        let renderer = ScanOutputRenderer(format: .jsonl)
        var out: [UInt8] = []
        _ = try Scanner(features: extractor, scorer: scorer, jobs: 2).run(&reader, deliver: { renderer.render($0, into: &out) })
        let text = String(decoding: out, as: UTF8.self)
        let lines = try objects(text)
        #expect(lines.count == 12)
        // The contract's field order.
        let first = try #require(text.split(separator: "\n").first)
        let order = ["\"id\"", "\"url\"", "\"sha256\"", "\"score\"", "\"flagged\"", "\"category\"", "\"families\"",
            "\"indicators\"", "\"contributions\"", "\"entities\"", "\"error\""]
        let positions = order.map { first.range(of: $0)!.lowerBound }
        #expect(positions == positions.sorted())
        let byName = Dictionary(uniqueKeysWithValues: lines.map { (($0["id"] as! String).split(separator: "/").last!, $0) })
        let nightlist = try #require(byName["nightlist-1.html"])
        #expect(nightlist["flagged"] as? Bool == true)
        #expect(nightlist["category"] as? String == "escort")
        #expect((nightlist["families"] as? [String])?.contains("youth") == true)
        let entities = try #require(nightlist["entities"] as? [String: Any])
        #expect(entities["phones"] as? [String] == ["7025550147"])
        #expect(entities["phone_obfuscated"] as? Bool == true)
        #expect((nightlist["contributions"] as? [[String: Any]])?.isEmpty == false)
        for benign in ["sparadar-2.html", "cityboard-1.html", "cityboard-2.html", "cityboard-3.html", "cityboard-4.html", "kindredhearts-1.html"] {
            #expect(byName[Substring(benign)]?["flagged"] as? Bool == false, "\(benign) flagged")
        }
        #expect(byName["cityboard-2.html"]?["category"] as? String == "other")
        // Sidebars of other ads do not lend their words: the benign spa's indicators are empty.
        #expect((byName["sparadar-2.html"]?["indicators"] as? [Any])?.isEmpty == true)
    }
}
