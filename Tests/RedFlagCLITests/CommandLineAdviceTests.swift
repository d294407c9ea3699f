import Foundation
import RedFlagTestSupport
import Testing

/// The libraries say which setting would help and never name a flag; `redflag` adds its flags when it prints, so
/// its messages read as they always have.
@Suite("Command-line advice in library errors", .enabled(if: binaryAvailable, "needs the redflag binary"))
struct CommandLineAdviceTests {
    @Test("a too-large ad's error line names --max-bytes, in every format")
    func maxBytes() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let page = samplesFolder + "/pages/nightlist-1.html"
        var result = try runRedFlag(["scan", "--max-bytes", "100", "--keep-going", page], in: folder)
        #expect(result.stdout.contains("exceeds the limit of 100 bytes per ad (raise it with --max-bytes); not parsed"))
        result = try runRedFlag(["scan", "--format", "csv", "--max-bytes", "100", "--keep-going", page], in: folder)
        #expect(result.stdout.contains("(raise it with --max-bytes); not parsed"))
        try folder.write(#"{"id":"a","text":"\#(String(repeating: "x", count: 300))"}"# + "\n", to: "big.jsonl")
        result = try runRedFlag(["scan", "--max-bytes", "100", "--keep-going", "big.jsonl"], in: folder)
        #expect(
            result.stdout.contains("big.jsonl:1: 300 bytes exceeds the limit of 100 bytes per ad (raise it with --max-bytes)"),
            "\(result.stdout)")
    }

    @Test("a missing content field and an unknown format name their flags")
    func fieldsAndFormat() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        try folder.write(#"{"id":"a","body":"young"}"# + "\n", to: "ads.jsonl")
        var result = try runRedFlag(["scan", "--keep-going", "ads.jsonl"], in: folder)
        #expect(result.stdout.contains(#"(choose others with --html-field/--text-field)"#), "\(result.stdout)")
        try folder.write("label,extracted_text\n3,ad\n", to: "dig.csv")
        result = try runRedFlag(["scan", "--keep-going", "dig.csv"], in: folder)
        #expect(result.stdout.contains("; choose one with --html-field or --text-field"), "\(result.stdout)")
        try folder.write("\u{01}\u{02}binary", to: "mystery.dat")
        result = try runRedFlag(["scan", "--keep-going", "mystery.dat"], in: folder)
        #expect(result.stdout.contains("(optionally .gz), or pass --input-format"), "\(result.stdout)\(result.stderr)")
    }

    @Test("a file that is not a queue is refused with the advice to point --db elsewhere")
    func notAQueue() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        try folder.write(String(repeating: "not a database ", count: 10), to: "cases.sqlite")
        let result = try runRedFlag(["queue", "list", "--db", "cases.sqlite"], in: folder)
        #expect(result.status != 0)
        #expect(result.stderr.contains("not an SQLite database at all"), "\(result.stderr)")
        #expect(result.stderr.contains("Point --db at a queue file or a new path."), "\(result.stderr)")
    }
}
