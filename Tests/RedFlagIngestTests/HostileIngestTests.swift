import Foundation
import Testing
@testable import RedFlagIngest

/// Regression tests for the ingest half of issue 17: each names the fault it pins down.
@Suite("Hostile input: readers and extraction")
struct HostileIngestTests {
    // MARK: Attribute cap

    @Test func attributeCapCutsOnlyPastTheLimitAndLeavesOrdinaryPagesUntouched() throws {
        let attributes = (0..<70).map { " a\($0)=\"v\($0)\"" }.joined()
        let page = Array("<p>x</p><div\(attributes) class=sidebar>text</div><p title='a>b' x y>z</p>".utf8)
        let (cuts, dropped) = page.withUnsafeBufferPointer { AttributeCap.excess(in: $0) }
        #expect(dropped == 71 - AttributeCap.maximumAttributes)
        var out: [UInt8] = []
        page.withUnsafeBufferPointer { AttributeCap.apply(cuts, to: $0, into: &out) }
        let capped = String(decoding: out, as: UTF8.self)
        #expect(capped.contains(" a63=\"v63\">text</div>"))
        #expect(!capped.contains("a64") && !capped.contains("sidebar"))
        #expect(capped.hasSuffix("<p title='a>b' x y>z</p>"))
        for sample in try FileManager.default.contentsOfDirectory(atPath: samplesURL.appendingPathComponent("pages").path) {
            let bytes = Array(try Data(contentsOf: samplesURL.appendingPathComponent("pages/\(sample)")))
            #expect(bytes.withUnsafeBufferPointer { AttributeCap.excess(in: $0) }.cuts.isEmpty, "\(sample) was cut")
        }
    }

    @Test func attributesInScriptsCommentsAndQuotedValuesAreNotTags() {
        let many = (0..<100).map { " b\($0)" }.joined()
        let page = "<script>if (a <b\(many)) {}</script><!-- <i\(many)> --><p title=\"<i\(many)>\">ok</p>"
        let (cuts, _) = Array(page.utf8).withUnsafeBufferPointer { AttributeCap.excess(in: $0) }
        #expect(cuts.isEmpty)
    }

    @Test func millionAttributesParseInLinearTime() throws {
        var page = Array("<div".utf8)
        for i in 0..<1_000_000 { page += Array(" a\(i)=1".utf8) }
        page += Array(">flood text</div>".utf8)
        let started = ContinuousClock.now
        let document = try HTMLExtractor().extract(htmlBytes: page)
        #expect(ContinuousClock.now - started < .seconds(30))
        #expect(document.text == "flood text")
        #expect(document.attributesDropped == 1_000_000 - AttributeCap.maximumAttributes)
    }

    // MARK: CPU-time budget

    @Test func spentBudgetStopsTheParserWithATimeout() throws {
        let page = Array((String(repeating: "<div>", count: 20_000) + "x" + String(repeating: "</span>", count: 200_000)).utf8)
        var budget = RecordBudget(seconds: 0.05)
        let started = ContinuousClock.now
        #expect(throws: IngestError.self) {
            _ = try HTMLExtractor().extract(.htmlBytes(page, charset: nil), budget: &budget)
        }
        #expect(budget.spent)
        #expect(ContinuousClock.now - started < .seconds(10))
        // The same extractor goes on with the next page, unhurt.
        var fresh = RecordBudget(seconds: 5)
        let next = try HTMLExtractor().extract(.htmlBytes(Array("<p>next ad</p>".utf8), charset: nil), budget: &fresh)
        #expect(next.text == "next ad")
    }

    // MARK: Charsets

    @Test func utf7IsRefusedAndUnknownLabelsFallBackToTheBytes() throws {
        let utf7 = try extract("<meta charset=\"UTF-7\"><p>+ADw-b+AD4-bold+ADw-/b+AD4- text</p>")
        #expect(utf7.text == "+ADw-b+AD4-bold+ADw-/b+AD4- text")
        #expect(utf7.encoding == "utf-8")
        let unknown = try extract("<meta charset=\"x-no-such-charset\"><p>été</p>")
        #expect(unknown.text == "été")
        let unknownLatin = try HTMLExtractor().extract(htmlBytes: Array("<meta charset=bogus><p>caf".utf8) + [0xE9] + Array("</p>".utf8))
        #expect(unknownLatin.text == "café")
        #expect(Charset.fromLabel("utf-7", inMeta: true) == nil)
        #expect(Charset.fromLabel("csUnicode11UTF7", inMeta: false) == nil)
        #expect(Charset.fromLabel("iso-2022-kr", inMeta: true) == nil)
    }

    @Test func legacyEncodingsAreDecodedBeforeParsing() throws {
        // "привет" in KOI8-R, and Shift_JIS "日本" declared over HTTP.
        let koi8: [UInt8] = [0xD0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4]
        let page = Array("<meta charset=koi8-r><p>".utf8) + koi8 + Array("</p>".utf8)
        #expect(try HTMLExtractor().extract(htmlBytes: page).text == "привет")
        let sjis = Array("<p>".utf8) + [0x93, 0xFA, 0x96, 0x7B] + Array("</p>".utf8)
        let document = try HTMLExtractor().extract(htmlBytes: sjis, transportCharset: "shift_jis")
        #expect(document.text == "日本")
        #expect(document.encoding == "cp932")
    }

    // MARK: JSONL

    @Test func invalidUTF8InAJSONStringIsRepairedAndMarked() throws {
        let folder = try makeTemporaryFolder()
        var bytes = Array("{\"id\":\"a\",\"text\":\"caf".utf8) + [0xE9] + Array(" ok\"}\n{\"id\":\"b\",\"text\":\"fine\"}\n".utf8)
        bytes += Array("{\"id\":\"c\",\"text\":".utf8) + [0xFF] + Array("}\n".utf8)
        let path = try write(bytes, to: folder.appendingPathComponent("a.jsonl"))
        let items = readAll([path])
        #expect(items.map(\.id) == ["a", "b", path + "#3"])
        #expect(items[0].record?.contentString == "caf\u{FFFD} ok")
        #expect(items[0].record?.warnings.map(\.code) == [.repairedEncoding])
        #expect(items[1].record?.warnings.isEmpty == true)
        #expect(items[2].failure?.error.code == .badJSON)
    }

    @Test func truncatedGzipDumpYieldsEveryCompleteRecordThenSaysWhere() throws {
        let folder = try makeTemporaryFolder()
        let lines = (1...300).map { "{\"id\":\"r\($0)\",\"text\":\"ad \($0) \(String(repeating: "w", count: $0))\"}" }
        let compressed = try gzip(Array((lines.joined(separator: "\n") + "\n").utf8))
        let path = try write(Array(compressed.prefix(compressed.count * 2 / 3)), to: folder.appendingPathComponent("a.jsonl.gz"))
        let items = readAll([path])
        let records = items.compactMap(\.record)
        #expect(records.count > 150)
        #expect(records.map(\.id) == (1...records.count).map { "r\($0)" })
        #expect(items.count == records.count + 1)
        let error = try #require(items.last?.failure?.error)
        #expect(error.code == .badGzip)
        #expect(error.message.contains("truncated") && error.message.contains("\(records.count) records up to line \(records.count)"))
    }

    @Test func corruptMemberInAConcatenatedGzipCostsOnlyItsOwnRecords() throws {
        let folder = try makeTemporaryFolder()
        var members: [[UInt8]] = []
        for part in 0..<3 {
            let lines = (1...20).map { "{\"id\":\"p\(part)-\($0)\",\"text\":\"part \(part) ad \($0)\"}\n" }.joined()
            members.append(try gzip(Array(lines.utf8)))
        }
        var middle = members[1]
        for i in (middle.count / 2)..<(middle.count / 2 + 6) { middle[i] ^= 0xA5 }
        let path = try write(members[0] + middle + members[2], to: folder.appendingPathComponent("a.jsonl.gz"))
        let items = readAll([path])
        let ids = items.compactMap(\.record?.id)
        #expect(Array(ids.prefix(20)) == (1...20).map { "p0-\($0)" })
        #expect(Array(ids.suffix(20)) == (1...20).map { "p2-\($0)" })
        let failures = items.compactMap(\.failure)
        #expect(!failures.isEmpty && failures.allSatisfy { $0.error.code == .badGzip || $0.error.code == .badJSON })
        #expect(failures.contains { $0.error.message.contains("compressed bytes skipped") })
    }

    // MARK: WARC

    @Test func corruptMemberOfTheSampleCrawlCostsNoAd() throws {
        let folder = try makeTemporaryFolder()
        let original = Array(try Data(contentsOf: samplesURL.appendingPathComponent("dumps/crawl.warc.gz")))
        var starts: [Int] = []
        for i in 0..<(original.count - 2) where original[i] == 0x1F && original[i + 1] == 0x8B && original[i + 2] == 0x08 {
            starts.append(i)
        }
        let expected = readAll([samplesURL.appendingPathComponent("dumps/crawl.warc.gz").path]).compactMap(\.record?.id)
        #expect(expected.count == 5)
        for member in 2...starts.count {
            var bytes = original
            let start = starts[member - 1]
            let end = member < starts.count ? starts[member] : bytes.count
            for i in (start + (end - start) / 2)..<min(end - 8, start + (end - start) / 2 + 10) { bytes[i] ^= 0x5A }
            let path = try write(bytes, to: folder.appendingPathComponent("crawl-\(member).warc.gz"))
            let items = readAll([path])
            let ids = items.compactMap(\.record?.id)
            // At most the record in the damaged member is lost, never one before or after it.
            #expect(ids.count >= 4 && Set(ids).isSubset(of: expected), "member \(member): \(ids)")
            #expect(items.contains { $0.failure?.error.code == .badGzip }, "member \(member) damage not reported")
        }
    }

    @Test func lyingContentLengthCostsOnlyItsRecord() throws {
        let folder = try makeTemporaryFolder()
        func response(_ n: Int, declared: Int? = nil) -> [UInt8] {
            let block = Array("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>ad \(n)</p>".utf8)
            var head = "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:r\(n)>\r\n"
            head += "Content-Type: application/http; msgtype=response\r\nContent-Length: \(declared ?? block.count)\r\n\r\n"
            return Array(head.utf8) + block + Array("\r\n\r\n".utf8)
        }
        for declared in [500, 10, 0, 40_000_000] {
            let path = try write(response(1) + response(2, declared: declared) + response(3), to: folder.appendingPathComponent("l\(declared).warc"))
            let items = readAll([path])
            #expect(items.compactMap(\.record?.id) == ["urn:uuid:r1", "urn:uuid:r3"], "Content-Length \(declared)")
            #expect(items.count == 3, "Content-Length \(declared): \(items.map(\.id))")
        }
    }

    @Test func truncatedGzipPayloadIsScoredButMarked() throws {
        var generator = UInt64(17)
        let words = (0..<2_000).map { _ -> String in
            generator = generator &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return "w\(generator >> 40)"
        }
        let html = "<p>" + words.joined(separator: " ") + "</p>"
        let compressed = try gzip(Array(html.utf8))
        let block = Array("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n".utf8)
            + compressed.prefix(compressed.count / 2)
        let payload = try #require(try HTTPPayload(block, name: "x", limit: 1 << 20))
        #expect(payload.warnings.map(\.code) == [.truncatedPayload])
        #expect(payload.body.count > 100 && payload.body.count < html.utf8.count)
        let whole = Array("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n".utf8) + compressed
        #expect(try HTTPPayload(whole, name: "x", limit: 1 << 20)?.warnings.isEmpty == true)
    }

    // MARK: CSV

    @Test func unclosedQuoteIsReportedWhereItOpensAndReadingRecovers() throws {
        let folder = try makeTemporaryFolder()
        let path = try write(
            "id,html\nc1,\"<p>one</p>\"\nc2,\"<p>Hola, soy nueva\nc3,\"<p>three</p>\"\nc4,\"<p>four\nstill four</p>\"\nc5,plain\n",
            to: folder.appendingPathComponent("a.csv"))
        let items = readAll([path])
        #expect(items.map(\.id) == ["c1", "c2", "c3", "c4", "c5"])
        let failure = try #require(items[1].failure)
        #expect(failure.error.code == .badCSV)
        #expect(failure.error.message.contains("a.csv:3:") && failure.error.message.contains("resumes at line 4"))
        #expect(items[3].record?.contentString == "<p>four\nstill four</p>")
        // At the end of the file with nothing to resume at: the record alone is reported.
        let tail = try write("id,text\na,\"fine\"\nb,\"never closed\n", to: folder.appendingPathComponent("b.csv"))
        let tailItems = readAll([tail])
        #expect(tailItems.map(\.id) == ["a", "b"])
        #expect(tailItems[1].failure?.error.code == .badCSV)
    }

    // MARK: Buffered reader

    @Test func unreadBytesAreReadAgainBeforeTheStream() throws {
        let reader = BufferedByteReader(MemoryByteStream(Array("line one\nline two\nline three\n".utf8)), chunkSize: 8)
        guard case .line(let first)? = try reader.readLine(limit: 100) else { Issue.record("no line"); return }
        #expect(String(decoding: first, as: UTF8.self) == "line one")
        reader.unread(Array("back\n".utf8))
        #expect(reader.offset == 4)
        guard case .line(let again)? = try reader.readLine(limit: 100) else { Issue.record("no line"); return }
        #expect(String(decoding: again, as: UTF8.self) == "back")
        #expect(String(decoding: try reader.read(count: 100), as: UTF8.self) == "line two\nline three\n")
    }
}
