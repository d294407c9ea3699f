import Foundation
import RedFlagQueue
import RedFlagTestSupport
import Testing

/// Item 2: failures give documented non-zero statuses (65 some records failed, 66 nothing could be read) while every
/// line that could be written still is.
@Suite("Exit statuses on failure", .enabled(if: binaryAvailable, "needs the redflag binary"))
struct ExitStatusTests {
    @Test("scan of a missing file exits 66, with an error line naming it")
    func missingFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let result = try runRedFlag(["scan", "/nonexistent.html"], in: folder)
        #expect(result.status == 66, "\(result.stderr)")
        #expect(result.stdout.contains(#""code":"unreadable""#))
        #expect(result.stderr.contains("no input could be read"))
    }

    @Test("a truncated .gz exits 65 after writing every record before the cut; --keep-going makes it 0")
    func truncatedGzip() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let lines = (0..<20_000).map { #"{"id":"ad-\#($0)","text":"ad number \#($0) with some words in it \#(UUID().uuidString)"}"# }
        let plain = try folder.write(lines.joined(separator: "\n") + "\n", to: "dump.jsonl")
        #expect(spawnAndWait(["/bin/gzip", "-k", plain], stdout: folder.path("gzip.out")) == 0)
        let gz = try Data(contentsOf: URL(fileURLWithPath: plain + ".gz"))
        try gz.prefix(gz.count * 2 / 3).write(to: URL(fileURLWithPath: folder.path("cut.jsonl.gz")))
        var result = try runRedFlag(["scan", "--no-model", "cut.jsonl.gz"], in: folder)
        #expect(result.status == 65, "\(result.stderr)")
        let output = result.stdout.split(separator: "\n")
        #expect(output.count > 100, "the records before the cut were not written")
        #expect(output.last?.contains(#""code":"bad_gzip""#) == true || output.last?.contains("truncated") == true)
        #expect(result.stderr.contains("errors by code:"))
        result = try runRedFlag(["scan", "--no-model", "--keep-going", "cut.jsonl.gz"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").count == output.count)
    }

    @Test("scan --help spells out --keep-going and the exit statuses")
    func helpSaysSo() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let help = try runRedFlag(["scan", "--help"], in: folder).stdout
        #expect(help.contains("--keep-going"))
        #expect(help.contains("65") && help.contains("66"))
    }

    @Test("explain on a missing file exits 66 and says so")
    func explainMissing() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let result = try runRedFlag(["explain", "missing.html"], in: folder)
        #expect(result.status == 66)
        #expect(result.stderr.contains("missing.html"))
    }

    @Test("eval on data without labels exits 65 and leaves an existing report untouched")
    func evalWithoutLabels() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        try folder.write(#"{"id":"a","text":"just a sofa for sale"}"# + "\n", to: "unlabeled.jsonl")
        try folder.write("<svg>earlier report</svg>", to: "eval-report/pr-curve.svg")
        let result = try runRedFlag(["eval", "--data", "unlabeled.jsonl"], in: folder)
        #expect(result.status == 65, "\(result.stdout) \(result.stderr)")
        #expect(result.stderr.contains("no labeled ads"))
        #expect(try String(contentsOfFile: folder.path("eval-report/pr-curve.svg"), encoding: .utf8) == "<svg>earlier report</svg>")
        let missing = try runRedFlag(["eval", "--data", "nothing.jsonl"], in: folder)
        #expect(missing.status == 66)
    }
}

/// Item 3: a folder of extension-less pages is read with --input-format, and counted as skipped without it.
@Suite("Folders and --input-format", .enabled(if: binaryAvailable, "needs the redflag binary"))
struct FolderFormatTests {
    @Test("six extension-less pages: skipped and counted without --input-format, all scanned with it")
    func extensionless() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let pages = try FileManager.default.contentsOfDirectory(atPath: samplesFolder + "/pages").sorted().prefix(6)
        try FileManager.default.createDirectory(atPath: folder.path("crawl"), withIntermediateDirectories: true)
        for (k, page) in pages.enumerated() {
            try FileManager.default.copyItem(atPath: samplesFolder + "/pages/" + page, toPath: folder.path("crawl/page\(k)"))
        }
        var result = try runRedFlag(["scan", "crawl"], in: folder)
        #expect(result.status == 66)
        #expect(result.stderr.contains("6 files skipped: unknown extension"), "\(result.stderr)")
        result = try runRedFlag(["scan", "--input-format", "html", "crawl"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").count == 6)
        #expect(result.stderr.contains("scanned 6 ads"))
        #expect(!result.stderr.contains("skipped"))
    }
}

/// Items 4 and 5: `train` never overwrites a model without --force, and refuses data too small to trust.
@Suite("train refuses traps", .enabled(if: binaryAvailable, "needs the redflag binary"))
struct TrainTrapTests {
    @Test("train --out onto an existing model is refused before training, and --force overwrites")
    func overwrite() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        try folder.write("{\"shipped\": true}", to: "Models/default.json")
        let result = try runRedFlag(
            ["train", "--data", repositoryRoot + "/Models/training/holdout.jsonl.gz", "--out", "Models/default"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("Models/default.json already exists") && result.stderr.contains("--force"))
        #expect(try String(contentsOfFile: folder.path("Models/default.json"), encoding: .utf8) == "{\"shipped\": true}")
    }

    @Test("train --from-queue with 22 decisions is refused (65) naming the minimum; --allow-small-data warns and writes")
    func smallQueue() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        var lines: [String] = []
        for k in 0..<22 {
            let features = k % 2 == 0 ? #"{"youth.young":1,"bias":1}"# : #"{"length.lt200":1,"bias":1}"#
            lines.append(#"{"id":"ad-\#(k)","score":0.9,"text":"ad \#(k)","features":\#(features)}"#)
        }
        var result = try runRedFlag(
            ["queue", "import", "-", "--db", "q.sqlite"], in: folder, stdin: lines.joined(separator: "\n") + "\n")
        #expect(result.status == 0, "\(result.stderr)")
        let queue = try SQLiteReviewQueue(path: folder.path("q.sqlite"))
        while let item = try await queue.claimNext(reviewer: "ana") {
            _ = try await queue.decide(
                id: item.id, verdict: item.id % 2 == 1 ? .confirmed : .dismissed, severity: 3, note: nil,
                reviewer: "ana", claimToken: item.claim?.token)
        }
        result = try runRedFlag(["train", "--from-queue", "q.sqlite", "--out", "small"], in: folder)
        #expect(result.status == 65, "\(result.stdout) \(result.stderr)")
        #expect(result.stderr.contains("only 22 labeled example(s)") && result.stderr.contains("at least 100"))
        #expect(!FileManager.default.fileExists(atPath: folder.path("small.json")))
        result = try runRedFlag(["train", "--from-queue", "q.sqlite", "--out", "small", "--allow-small-data"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("warning: only 22 labeled example(s)"))
        #expect(FileManager.default.fileExists(atPath: folder.path("small.json")))
        result = try runRedFlag(["train", "--from-queue", "missing.sqlite", "--out", "other"], in: folder)
        #expect(result.status == 66)
    }
}

/// Item 6: `lexicon check` fails a lexicon the shipped model would refuse.
@Suite("lexicon check against the model", .enabled(if: binaryAvailable, "needs the redflag binary"))
struct LexiconModelTests {
    @Test("the shipped lexicon passes with the shipped models; one with an entry renamed fails, naming the model")
    func renamedEntry() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        var result = try runRedFlag(["lexicon", "check"], in: folder)
        #expect(result.status == 0, "\(result.stdout) \(result.stderr)")
        #expect(result.stdout.contains("accept this lexicon") && result.stdout.hasSuffix("ok\n"))
        let shipped = try String(contentsOfFile: repositoryRoot + "/Models/lexicon.yaml", encoding: .utf8)
        // Every entry keeps its patterns and examples; only the first entry's id changes, so lint alone passes.
        let idLine = try #require(shipped.split(separator: "\n").first { $0.contains("- id: ") })
        let renamed = shipped.replacingOccurrences(of: String(idLine), with: String(idLine) + "_renamed")
        try folder.write(renamed, to: "renamed.yaml")
        result = try runRedFlag(["lexicon", "check", "renamed.yaml", "--no-model"], in: folder)
        #expect(result.status == 0, "lint alone should pass: \(result.stdout)")
        result = try runRedFlag(["lexicon", "check", "renamed.yaml"], in: folder)
        #expect(result.status == 1)
        // The category model learns per-entry features; the family-level suspicion model does not.
        #expect(result.stdout.contains("problem: model \"category\""), "\(result.stdout)")
        #expect(!result.stdout.hasSuffix("ok\n"))
    }
}

/// Item 7: -j's help reads once, and the default follows the CPU affinity mask.
@Suite("-j default", .enabled(if: binaryAvailable, "needs the redflag binary"))
struct JobsDefaultTests {
    @Test("help names the default once; under taskset -c 0 a scan runs one job")
    func affinity() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let help = try runRedFlag(["scan", "--help"], in: folder).stdout
        #expect(!help.contains("(default: one per core). (default:"))
        #expect(help.contains("taskset"))
        let pinned = try runRedFlag(
            ["scan", samplesFolder + "/pages"], in: folder, launcher: ["/usr/bin/taskset", "-c", "0"])
        #expect(pinned.status == 0, "\(pinned.stderr)")
        #expect(pinned.stderr.contains(", 1 jobs"), "\(pinned.stderr)")
    }
}

/// Items 11 and 12: explanations keep words whole and show every piece of evidence; JSON errors are sentences.
@Suite("Readable explanations and errors", .enabled(if: binaryAvailable, "needs the redflag binary"))
struct ReadableTextTests {
    @Test("explain merges overlapping evidence and highlights an under-18 age and a disguised phone")
    func explainHighlights() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let result = try runRedFlag(["explain", samplesFolder + "/pages/nightlist-1.html"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("[incall_outcall, venue_hotel: Upscale hotel incall]"), "\(result.stdout)")
        #expect(result.stdout.contains("[obfuscated_phone: seven zero two 5five5 zero1four7]"))
        #expect(!result.stdout.contains("]/7"))
        try folder.write("<p>Sweet girl, age 16, new in town</p>", to: "minor.html")
        let minor = try runRedFlag(["explain", "minor.html"], in: folder)
        // The age is inside the highlight, whether or not a lexicon entry also covers the words around it.
        #expect(minor.stdout.contains("[underage_age: ") && minor.stdout.contains("16]"), "\(minor.stdout)")
    }

    @Test("a bad JSONL line and a bad queue import line say what is wrong, and at which column")
    func jsonErrors() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        try folder.write(#"{"id":"a","text":"fine"}"# + "\n" + #"{"id": "b", "text": nope}"# + "\n", to: "bad.jsonl")
        let scan = try runRedFlag(["scan", "--no-model", "bad.jsonl"], in: folder)
        #expect(scan.status == 65)
        #expect(!scan.stdout.contains("NSCocoaErrorDomain") && !scan.stdout.contains("3840"))
        #expect(scan.stdout.contains("bad.jsonl:2, column 21: a value was expected"), "\(scan.stdout)")
        #expect(scan.stdout.contains("found 'n'"))
        let imported = try runRedFlag(
            ["queue", "import", "-", "--db", "q.sqlite"], in: folder,
            stdin: #"{"id":"x","score":"high","html":"<p>a</p>"}"# + "\n")
        #expect(imported.status == 65)
        #expect(imported.stderr.contains(#"-:1: not a submission: the field "score" should be a number"#), "\(imported.stderr)")
        #expect(!imported.stderr.contains("DecodingError"))
    }
}
