import Foundation
import RedFlagFeatures
import RedFlagIngest
import RedFlagContract

/// The fuzz targets: each feeds arbitrary bytes to one part of RedFlag that reads untrusted input and checks what
/// must hold whatever the bytes (beyond not crashing, which AddressSanitizer checks in the fuzz build).
///
/// Shared by the libFuzzer executable (`Tests/Fuzz/Main`, built by `Tests/Fuzz/run.sh`) and by the test that
/// replays the committed corpora and crashers under `swift test` (`Tests/Fuzz/Replay`), so every input a fuzzer
/// ever found stays a regression test.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// libxml2 through the SAX extractor, with the attribute cap and the markup pruner, on raw page bytes.
    case html
    /// The WARC reader (record framing, HTTP payloads, chunked and gzip bodies).
    case warc
    case csv
    case jsonl
    /// Gzip decoding, member resynchronisation and truncation, under the JSONL reader.
    case gzip
    /// Both normalization views and their maps back to the original text.
    case normalize
    case phones
    /// Ages, with emails and prices: the entity stage.
    case ages
    /// The lexicon matcher (literal prefilter, windows, PCRE2) with the shipped lexicon.
    case lexicon

    /// Runs the target on one input. Traps (a failed `precondition`) when an invariant does not hold.
    /// Builds what the target shares across inputs before the first one: compiling the shipped lexicon takes
    /// seconds under AddressSanitizer on a busy machine, which libFuzzer would otherwise count against the first
    /// input's timeout (it did: "timeout" on unit 1 of `ages` and `lexicon` at a load average of 9).
    public func prepare() {
        switch self {
        case .ages, .lexicon: _ = FuzzState.features
        default: break
        }
    }

    public func run(_ data: [UInt8]) {
        switch self {
        case .html:
            let extractor = FuzzState.extractor
            if let document = try? extractor.extract(htmlBytes: data) {
                precondition(document.text.utf8.count <= max(16, data.count * 3 + 16), "text longer than the page")
            }
        case .warc: readAll(data, name: "fuzz.warc")
        case .csv: readAll(data, name: "fuzz.csv")
        case .jsonl: readAll(data, name: "fuzz.jsonl")
        case .gzip: readAll(data, name: "fuzz.jsonl.gz", expands: true)
        case .normalize:
            let text = String(decoding: data, as: UTF8.self)
            for mode in [TextNormalizer.Mode.words, .entities] {
                let view = TextNormalizer(mode: mode).normalize(text)
                let count = text.utf8.count
                for start in stride(from: 0, to: view.bytes.count, by: max(1, view.bytes.count / 64)) {
                    let range = view.sourceRange(of: start..<min(view.bytes.count, start + 8))
                    precondition(range.lowerBound >= 0 && range.upperBound <= count, "map points outside the text")
                }
            }
        case .phones:
            let text = String(decoding: data, as: UTF8.self)
            let view = TextNormalizer(mode: .entities).normalize(text)
            for phone in PhoneExtractor().phones(in: view, original: text) {
                // Ten NANP digits, or an international number's 10 to 15 (``Phone/digits``); digits only.
                let digits = phone.digits.utf8
                precondition((10...15).contains(digits.count) && digits.allSatisfy { $0 &- 48 < 10 }, "phone \(phone.digits)")
            }
        case .ages:
            let text = String(decoding: data, as: UTF8.self)
            let features = FuzzState.features
            let scratch = FeatureScratch()
            _ = features.run(.normalize, text: text, scratch: scratch)
            _ = features.run(.entities, text: text, scratch: scratch)
        case .lexicon:
            let text = String(decoding: data, as: UTF8.self)
            let features = FuzzState.features
            let result = features.features(ofText: text, scratch: FeatureScratch())
            let scalars = text.unicodeScalars.count
            for hit in result.indicators {
                precondition(hit.start <= hit.end && hit.end <= scalars, "indicator outside the text")
            }
        }
    }

    private func readAll(_ data: [UInt8], name: String, expands: Bool = false) {
        var count = 0
        for item in AdReader(bytes: data, name: name) {
            count += 1
            if case .record(let record) = item {
                precondition(record.byteCount <= IngestOptions.defaultMaximumAdBytes * 2 + 65536, "record past the limit")
            }
        }
        // Every item consumes input, so a reader cannot yield more items than bytes (plus one closing error);
        // compressed input may expand, and then only libFuzzer's timeout catches a reader that loops.
        precondition(expands || count <= data.count + 2, "\(count) items from \(data.count) bytes")
    }
}

/// What the targets build once: an extractor and the compiled shipped lexicon.
enum FuzzState {
    nonisolated(unsafe) static let extractor = HTMLExtractor()
    static let features: FeatureExtractor = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let path = ProcessInfo.processInfo.environment["REDFLAG_LEXICON"] ?? root.appendingPathComponent("Models/lexicon.yaml").path
        return try! FeatureExtractor(lexicon: Lexicon.load(path: path))
    }()
}
