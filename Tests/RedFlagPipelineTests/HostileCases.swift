import Foundation

/// The hostile inputs of issue 17, each as the files a scan reads, built in code so the suite needs no fixtures.
///
/// Every case is scanned between two ordinary ads (``HostileCase/goodBefore``, ``HostileCase/goodAfter``): the
/// batch must go on. With `REDFLAG_HOSTILE_OUT=<folder>` set, `HostileInputTests` also writes each case's files to
/// `<folder>/<case>/`, which `Tests/Hostile/measure.sh` times with `/usr/bin/time -v` against a release build.
enum HostileCase: String, CaseIterable, Sendable {
    case emptyFile = "empty-file"
    case binaryGarbage = "binary-garbage"
    case millionAttributes = "million-attributes"
    case unmatchedEndTagsUnderDeepStack = "unmatched-end-tags"
    case lessThanStorm = "less-than-storm"
    case nested100k = "nested-100k"
    case overlongUTF8 = "overlong-utf8"
    case utf16WithoutBOM = "utf16-no-bom"
    case utf7Charset = "utf7-charset"
    case unknownCharsetUTF8 = "unknown-charset-utf8"
    case phoneLikeNumbers = "phone-like-numbers"
    case regexHostileRuns = "regex-hostile-runs"
    case repeatedPhrase = "repeated-phrase"
    case csvUnclosedQuote = "csv-unclosed-quote"
    case jsonInvalidUTF8 = "json-invalid-utf8"
    case jsonlGzipTruncated = "jsonl-gz-truncated"
    case warcGzipCorruptMember = "warc-gz-corrupt-member"
    case warcLengthTooLong = "warc-length-too-long"
    case warcLengthTooShort = "warc-length-too-short"
    case warcTruncatedGzipPayload = "warc-truncated-gzip-payload"
    case sixLargePages = "six-8mib-pages"

    static let goodBefore = Array(
        "<html><head><title>Ad before</title></head><body><p>Sweet new girl in town, call 555-0142.</p></body></html>".utf8)
    static let goodAfter = Array(
        "<html><head><title>Ad after</title></head><body><p>Relaxing massage downtown, 555-0177.</p></body></html>".utf8)

    /// The case's files, by name, in the order they are scanned.
    func files() throws -> [(name: String, bytes: [UInt8])] {
        let mib = 1 << 20
        switch self {
        case .emptyFile:
            return [("empty.html", [])]
        case .binaryGarbage:
            var generator = SplitMix(seed: 17)
            return [("garbage.html", (0..<(2 * mib)).map { _ in UInt8(truncatingIfNeeded: generator.next()) })]
        case .millionAttributes:
            // The issue's page: one element, 1,000,000 distinct attributes, about 6.9 MB.
            var page = Array("<html><body><div".utf8)
            page.reserveCapacity(7 * mib)
            for i in 0..<1_000_000 { page += Array(" a\(String(i, radix: 36))=".utf8) }
            page += Array(">Attribute flood, call 555-0199.</div></body></html>".utf8)
            return [("attributes.html", page)]
        case .unmatchedEndTagsUnderDeepStack:
            // Every stray end tag makes libxml2 search the whole stack of 100,000 open elements.
            var page = Array(String(repeating: "<div>", count: 100_000).utf8) + Array("deep text".utf8)
            page += Array(String(repeating: "</span>", count: 1_000_000).utf8)
            return [("unmatched.html", page)]
        case .lessThanStorm:
            return [("storm.html", Array("<p>start ".utf8) + [UInt8](repeating: UInt8(ascii: "<"), count: 8 * mib - 64))]
        case .nested100k:
            let page = String(repeating: "<div>", count: 100_000) + "innermost words" + String(repeating: "</div>", count: 100_000)
            return [("nested.html", Array(page.utf8))]
        case .overlongUTF8:
            // Overlong encodings of `<` and `>` (C0 BC, E0 80 BC, F0 80 80 BE) must not become markup.
            var page = Array("<html><body><p>before ".utf8)
            page += [0xC0, 0xBC] + Array("script".utf8) + [0xE0, 0x80, 0xBE] + Array(" hidden? ".utf8)
            page += [0xF0, 0x80, 0x80, 0xBC] + Array("/script".utf8) + [0xC0, 0xBE] + Array(" after</p></body></html>".utf8)
            return [("overlong.html", page)]
        case .utf16WithoutBOM:
            let page = "<html><body><p>Hola, soy nueva en la ciudad</p></body></html>"
            return [("utf16.html", page.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })]
        case .utf7Charset:
            let page = "<html><head><meta charset=\"utf-7\"></head><body><p>+ADw-script+AD4-hidden words+ADw-/script+AD4- visible words</p></body></html>"
            return [("utf7.html", Array(page.utf8))]
        case .unknownCharsetUTF8:
            let page = "<html><head><meta charset=\"x-made-up\"></head><body><p>Masajes en verano, été, años</p></body></html>"
            return [("unknown-charset.html", Array(page.utf8))]
        case .phoneLikeNumbers:
            var text = "<html><body><p>"
            for i in 0..<10_000 { text += String(format: "(555) 01%02d-%04d ", i % 100, i) }
            return [("phones.html", Array((text + "</p></body></html>").utf8))]
        case .regexHostileRuns:
            // One JSONL record per run: letters, digits, separators, number words, mixed; 1 MiB each.
            let runs = [
                String(repeating: "a", count: mib), String(repeating: "5550123 ", count: mib / 8),
                String(repeating: "-.()/ ", count: mib / 6), String(repeating: "five five five zero one two three ", count: mib / 34),
                String(repeating: "5a5-5b5.0c1 ", count: mib / 12), String(repeating: "cinco cinco 5 uno @ dot com ", count: mib / 28),
            ]
            let lines = runs.enumerated().map { "{\"id\":\"run\($0.offset)\",\"text\":\"\($0.element)\"}" }
            return [("runs.jsonl", Array(lines.joined(separator: "\n").utf8))]
        case .repeatedPhrase:
            // 8 MB of one indicator phrase: hundreds of thousands of hits of the same lexicon entry.
            let text = String(repeating: "young girl new in town ", count: (8 * mib - 1024) / 23)
            return [("phrase.jsonl", Array("{\"id\":\"phrase\",\"text\":\"\(text)\"}\n".utf8))]
        case .csvUnclosedQuote:
            let csv = """
                id,html
                c1,"<p>First ad, 555-0101</p>"
                c2,"<p>Hola, soy nueva
                c3,"<p>Third ad, 555-0103</p>"
                c4,"<p>Fourth ad, 555-0104</p>"

                """
            return [("ads.csv", Array(csv.utf8))]
        case .jsonInvalidUTF8:
            var line = Array("{\"id\":\"bad-utf8\",\"text\":\"new in town ".utf8)
            line += [0xFF, 0xFE, 0xC3] + Array(" call 555-0142\"}\n".utf8)
            return [("invalid.jsonl", line)]
        case .jsonlGzipTruncated:
            let lines = (1...400).map { "{\"id\":\"r\($0)\",\"text\":\"ad number \($0) \(String(repeating: "filler ", count: $0 % 40))\"}" }
            let compressed = try gzip(Array(lines.joined(separator: "\n").utf8))
            return [("cut.jsonl.gz", Array(compressed.prefix(compressed.count / 2)))]
        case .warcGzipCorruptMember:
            return [("crawl.warc.gz", try corruptedSampleCrawl(member: 8))]
        case .warcLengthTooLong, .warcLengthTooShort:
            let records = (1...3).map { warcResponse(id: "rec\($0)", html: "<html><body><p>WARC ad \($0), 555-010\($0)</p></body></html>") }
            var archive = records[0].bytes
            let lie = self == .warcLengthTooLong ? records[1].length + 200 : records[1].length - 30
            archive += warcResponse(id: "rec2", html: records[1].html, declaredLength: lie).bytes
            archive += records[2].bytes
            return [("lying.warc", archive)]
        case .warcTruncatedGzipPayload:
            // Filler that does not compress away, so half the compressed bytes hold the whole first sentence.
            var generator = SplitMix(seed: 3)
            let filler = (0..<3_000).map { _ in "w\(generator.next() % 100_000)" }.joined(separator: " ")
            let html = "<html><body><p>Compressed ad, new in town, call 555-0111. " + filler + "</p></body></html>"
            let compressed = try gzip(Array(html.utf8))
            let cut = Array(compressed.prefix(compressed.count / 2))
            var http = Array("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Encoding: gzip\r\n\r\n".utf8)
            http += cut
            return [("payload.warc", warcRecord(id: "cut-payload", type: "response", contentType: "application/http; msgtype=response", block: http))]
        case .sixLargePages:
            return (1...6).map { n in
                var page = Array("<html><body><p>Large page \(n).</p>".utf8)
                let paragraph = Array("<p>Ordinary words in a very long listing page, nothing else to see here.</p>\n".utf8)
                while page.count + paragraph.count < 8 * mib - 64 { page += paragraph }
                return ("large-\(n).html", page + Array("</body></html>".utf8))
            }
        }
    }
}

/// A deterministic generator (SplitMix64) for garbage that is the same on every run.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// One WARC record with its framing.
func warcRecord(id: String, type: String, contentType: String, block: [UInt8], declaredLength: Int? = nil) -> [UInt8] {
    var head = "WARC/1.0\r\nWARC-Type: \(type)\r\nWARC-Record-ID: <urn:uuid:\(id)>\r\n"
    head += "WARC-Target-URI: http://example.com/\(id)\r\nContent-Type: \(contentType)\r\n"
    head += "Content-Length: \(declaredLength ?? block.count)\r\n\r\n"
    return Array(head.utf8) + block + Array("\r\n\r\n".utf8)
}

/// A WARC response record holding an HTTP response with `html`, and its block length.
func warcResponse(id: String, html: String, declaredLength: Int? = nil) -> (bytes: [UInt8], length: Int, html: String) {
    let block = Array("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n\(html)".utf8)
    return (
        warcRecord(id: id, type: "response", contentType: "application/http; msgtype=response", block: block, declaredLength: declaredLength),
        block.count, html
    )
}

/// `Samples/dumps/crawl.warc.gz` with bytes in the middle of gzip member `member` (1-based) overwritten.
func corruptedSampleCrawl(member: Int) throws -> [UInt8] {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Samples/dumps/crawl.warc.gz")
    var bytes = Array(try Data(contentsOf: url))
    var starts: [Int] = []
    for i in 0..<(bytes.count - 2) where bytes[i] == 0x1F && bytes[i + 1] == 0x8B && bytes[i + 2] == 0x08 { starts.append(i) }
    let start = starts[member - 1]
    let end = member < starts.count ? starts[member] : bytes.count
    let middle = start + (end - start) / 2
    for i in middle..<min(end - 8, middle + 12) { bytes[i] ^= 0x5A }
    return bytes
}

/// Gzips bytes with the system's `gzip`, as a crawler would.
func gzip(_ bytes: [UInt8]) throws -> [UInt8] {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("redflag-gzip-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let input = folder.appendingPathComponent("data")
    try Data(bytes).write(to: input)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", "gzip -n -c '\(input.path)' > '\(input.path).gz'"]
    try process.run()
    process.waitUntilExit()
    return Array(try Data(contentsOf: URL(fileURLWithPath: input.path + ".gz")))
}
