import Foundation
import RedFlagFuzzTargets
import Testing

/// Replays every committed fuzz input (seed corpora and crashers a fuzzer found) through its target under
/// `swift test`: what a fuzzer once found stays fixed. Inputs live in `Tests/Fuzz/Corpus/<target>/`.
@Suite("Fuzz corpora")
struct FuzzCorpusTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Corpus")

    @Test(arguments: FuzzTarget.allCases)
    func corpusReplaysCleanly(_ target: FuzzTarget) throws {
        let folder = Self.corpus.appendingPathComponent(target.rawValue)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }.sorted()
        #expect(!names.isEmpty, "no seed inputs for \(target.rawValue)")
        for name in names {
            let bytes = Array(try Data(contentsOf: folder.appendingPathComponent(name)))
            target.run(bytes)
        }
    }
}
