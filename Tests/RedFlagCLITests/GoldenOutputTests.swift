import Foundation
import RedFlagCore
import RedFlagTestSupport
import Testing

/// `scan` and `explain` print today exactly what they printed before the core refactor (issue 15): every case of
/// `Tests/Golden/cases.tsv` is run against the built binary and compared with `Tests/Golden/expected/`, written by
/// `Tests/Golden/record.sh` from the binary before the refactor. Whole files for the samples in every format, the
/// SHA-256 for the generated corpus (800 ads; its output is too large to commit).
@Suite("Golden output", .enabled(if: binaryAvailable, "needs the redflag binary"))
struct GoldenOutputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var hashed: Bool
        var arguments: [String]
        var testDescription: String { name }
    }

    static let golden = repositoryRoot + "/Tests/Golden"

    static let cases: [Case] = {
        guard let text = try? String(contentsOfFile: golden + "/cases.tsv", encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#") else { return nil }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 3 else { return nil }
            return Case(
                name: String(fields[0]), hashed: fields[1] == "sha256",
                arguments: fields[2].split(separator: " ").map(String.init))
        }
    }()

    @Test("the case list is there and names every format")
    func caseList() {
        let names = Set(Self.cases.map(\.name))
        #expect(names.isSuperset(of: ["scan-jsonl", "scan-csv", "scan-table", "scan-text", "explain-page", "corpus-jsonl"]))
    }

    @Test("output is byte for byte what the pre-refactor binary printed", arguments: cases)
    func sameOutput(_ golden: Case) throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        try FileManager.default.copyItem(atPath: samplesFolder, toPath: folder.path("Samples"))
        try FileManager.default.copyItem(
            atPath: repositoryRoot + "/Models/training/second/test.jsonl.gz", toPath: folder.path("corpus.jsonl.gz"))
        let result = try runRedFlag(
            golden.arguments, in: folder,
            environment: ["COLUMNS": "120", "REDFLAG_MODELS": repositoryRoot + "/Models"])
        if golden.hashed {
            let expected = try String(contentsOfFile: Self.golden + "/expected/\(golden.name).sha256", encoding: .utf8)
            #expect(sha256Hex(result.stdout) == expected.trimmingCharacters(in: .whitespacesAndNewlines), "\(result.stderr)")
        } else {
            let expected = try String(contentsOfFile: Self.golden + "/expected/\(golden.name).out", encoding: .utf8)
            #expect(result.stdout == expected, "\(result.stderr)")
        }
    }
}
