import Foundation
import Testing
@testable import RedFlagIngest

@Suite("Ad sources")
struct SourceReaderTests {
    // MARK: HTML files and folders

    @Test func folderIsReadRecursivelyInByteOrderAndIgnoresOtherFiles() throws {
        let folder = try makeTemporaryFolder()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("b"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent(".hidden"), withIntermediateDirectories: true)
        try write("<p>2</p>", to: folder.appendingPathComponent("b/z.html"))
        try write("<p>1</p>", to: folder.appendingPathComponent("a.htm"))
        try write("<p>3</p>", to: folder.appendingPathComponent("b/Z.HTML"))
        try write("<p>4</p>", to: folder.appendingPathComponent("c.html"))
        try write("notes", to: folder.appendingPathComponent("README.md"))
        try write("<p>hidden</p>", to: folder.appendingPathComponent(".hidden/x.html"))
        let ids = readAll([folder.path]).map(\.id)
        #expect(ids == ["a.htm", "b/Z.HTML", "b/z.html", "c.html"].map { folder.path + "/" + $0 })
    }

    @Test func missingPathIsOneErrorAndTheRestGoesOn() throws {
        let folder = try makeTemporaryFolder()
        let good = try write("<p>ok</p>", to: folder.appendingPathComponent("ok.html"))
        let items = readAll([folder.path + "/missing.html", good])
        #expect(items.count == 2)
        #expect(items[0].failure?.error.code == .unreadable)
        #expect(items[0].failure?.error.message.contains("missing.html") == true)
        #expect(items[1].record?.id == good)
    }

    @Test func explicitFileWithAnUnknownNameIsSniffed() throws {
        let folder = try makeTemporaryFolder()
        let html = try write("<html><p>page</p></html>", to: folder.appendingPathComponent("page.txt"))
        let jsonl = try write("{\"id\":\"j\",\"text\":\"t\"}\n", to: folder.appendingPathComponent("dump.data"))
        let binary = try write([0x00, 0x01, 0x02], to: folder.appendingPathComponent("blob.bin"))
        let items = readAll([html, jsonl, binary])
        #expect(items[0].record?.id == html)
        #expect(items[1].record?.id == "j")
        #expect(items[2].failure?.error.code == .unknownFormat)
    }

    @Test func gzippedHTMLFile() throws {
        let folder = try makeTemporaryFolder()
        let path = try write(try gzip(Array("<p>zipped page</p>".utf8)), to: folder.appendingPathComponent("a.html.gz"))
        let record = try #require(readAll([path]).first?.record)
        #expect(record.contentString == "<p>zipped page</p>")
    }

    // MARK: JSONL

    @Test func jsonlRecordsWithAllFields() throws {
        let folder = try makeTemporaryFolder()
        let path = try write(
            """
            {"id": "a1", "url": "http://example.com/1", "html": "<p>one</p>", "captured_at": "2024-01-02T03:04:05Z"}

            {"id": 42, "text": "plain text ad"}
            {"text": "no id here"}
            """, to: folder.appendingPathComponent("ads.jsonl"))
        let items = readAll([path])
        #expect(items.count == 3)
        let first = try #require(items[0].record)
        #expect(first.id == "a1")
        #expect(first.url == "http://example.com/1")
        #expect(first.capturedAt == "2024-01-02T03:04:05Z")
        guard case .htmlString("<p>one</p>") = first.content else { Issue.record("html not read"); return }
        let second = try #require(items[1].record)
        #expect(second.id == "42")
        guard case .text("plain text ad") = second.content else { Issue.record("text not read"); return }
        #expect(items[2].record?.id == path + "#3")
    }

    @Test func badJSONLinesAreOneErrorEachAndTheBatchGoesOn() throws {
        let folder = try makeTemporaryFolder()
        let path = try write(
            """
            {"id": "ok1", "text": "fine"}
            {"id": "broken", "text": "unterminated
            [1, 2, 3]
            {"id": "nocontent", "title": "no html or text"}
            {"id": "ok2", "text": "fine again"}
            """, to: folder.appendingPathComponent("ads.jsonl"))
        let items = readAll([path])
        #expect(items.map(\.id) == ["ok1", path + "#2", path + "#3", "nocontent", "ok2"])
        #expect(items[1].failure?.error.code == .badJSON)
        #expect(items[1].failure?.error.message.contains("ads.jsonl:2") == true)
        #expect(items[2].failure?.error.code == .badJSON)
        #expect(items[3].failure?.error.code == .badRecord)
        #expect(items[4].record != nil)
    }

    @Test func customFieldNames() throws {
        let folder = try makeTemporaryFolder()
        let path = try write(
            "{\"ad_id\": \"x\", \"body\": \"<p>b</p>\", \"page\": \"http://example.com\"}\n",
            to: folder.appendingPathComponent("ads.ndjson"))
        let options = IngestOptions(idField: "ad_id", htmlField: "body", urlField: "page")
        let record = try #require(readAll([path], options: options).first?.record)
        #expect(record.id == "x")
        #expect(record.url == "http://example.com")
        guard case .htmlString("<p>b</p>") = record.content else { Issue.record("custom html field not read"); return }
    }

    @Test func gzippedJSONL() throws {
        let folder = try makeTemporaryFolder()
        let lines = (1...500).map { "{\"id\": \"r\($0)\", \"text\": \"ad number \($0)\"}" }.joined(separator: "\n")
        let path = try write(try gzip(Array(lines.utf8)), to: folder.appendingPathComponent("ads.jsonl.gz"))
        let items = readAll([path])
        #expect(items.map(\.id) == (1...500).map { "r\($0)" })
    }

    @Test func standardInputIsJSONL() throws {
        let stdin = MemoryByteStream(Array("{\"id\": \"s1\", \"text\": \"from stdin\"}\n{\"id\": \"s2\", \"text\": \"two\"}".utf8))
        let items = Array(AdReader(paths: ["-"], options: IngestOptions(), standardInput: stdin))
        #expect(items.map(\.id) == ["s1", "s2"])
    }

    @Test func gzippedStandardInputIsRecognised() throws {
        let stdin = MemoryByteStream(try gzip(Array("{\"id\": \"g\", \"text\": \"zipped stdin\"}\n".utf8)))
        let items = Array(AdReader(paths: ["-"], options: IngestOptions(), standardInput: stdin))
        #expect(items.map(\.id) == ["g"])
    }

    @Test func corruptGzipIsAnErrorForThatInputOnly() throws {
        let folder = try makeTemporaryFolder()
        var zipped = try gzip(Array(String(repeating: "{\"id\": \"a\", \"text\": \"x\"}\n", count: 2000).utf8))
        zipped.removeLast(zipped.count / 2)
        let broken = try write(zipped, to: folder.appendingPathComponent("broken.jsonl.gz"))
        let good = try write("{\"id\": \"after\", \"text\": \"ok\"}\n", to: folder.appendingPathComponent("good.jsonl"))
        let items = readAll([broken, good])
        #expect(items.last?.record?.id == "after")
        let failure = try #require(items.dropLast().last?.failure)
        #expect(failure.id == broken)
        #expect(failure.error.code == .badGzip)
    }

    // MARK: CSV

    @Test func csvWithQuotedNewlinesAndDoubledQuotes() throws {
        let folder = try makeTemporaryFolder()
        let path = try write(
            "\u{FEFF}id,url,text\r\n1,http://example.com/a,\"line one\r\nline \"\"two\"\", with comma\"\r\n2,,plain\r\n\r\n3,,\"last\"\r\n",
            to: folder.appendingPathComponent("ads.csv"))
        let items = readAll([path])
        #expect(items.map(\.id) == ["1", "2", "3"])
        #expect(items[0].record?.contentString == "line one\nline \"two\", with comma")
        #expect(items[0].record?.url == "http://example.com/a")
        #expect(items[1].record?.url == nil)
        #expect(items[2].record?.contentString == "last")
    }

    @Test func csvWithoutIdUsesTheRecordNumberAndCustomTextField() throws {
        let folder = try makeTemporaryFolder()
        let path = try write(
            "label,extracted_text,location\n3,\"first ad\",here\n4,\"second, ad\",there\n",
            to: folder.appendingPathComponent("dig.csv"))
        let items = readAll([path], options: IngestOptions(textField: "extracted_text"))
        #expect(items.map(\.id) == [path + "#1", path + "#2"])
        #expect(items[1].record?.contentString == "second, ad")
    }

    @Test func csvWithoutContentColumnIsOneClearError() throws {
        let folder = try makeTemporaryFolder()
        let path = try write("label,extracted_text\n3,ad\n", to: folder.appendingPathComponent("dig.csv"))
        let items = readAll([path])
        #expect(items.count == 1)
        #expect(items[0].failure?.error.code == .badCSV)
        // The library names the setting, not a flag; `redflag` adds "choose one with --html-field or --text-field".
        #expect(items[0].failure?.error.remedy?.setting == .contentFields)
        #expect(items[0].failure?.error.message.contains("--") == false)
    }

    @Test func gzippedCSVWithHTMLColumn() throws {
        let folder = try makeTemporaryFolder()
        let csv = "id,html\nh1,\"<p class=\"\"x\"\">hello</p>\"\n"
        let path = try write(try gzip(Array(csv.utf8)), to: folder.appendingPathComponent("ads.csv.gz"))
        let record = try #require(readAll([path]).first?.record)
        guard case .htmlString("<p class=\"x\">hello</p>") = record.content else {
            Issue.record("html column not read: \(record.content)")
            return
        }
    }

    // MARK: WARC

    func warcRecord(type: String, id: String, uri: String, block: [UInt8], contentType: String = "application/http; msgtype=response") -> [UInt8] {
        let header = """
            WARC/1.0\r
            WARC-Type: \(type)\r
            WARC-Record-ID: <\(id)>\r
            WARC-Target-URI: \(uri)\r
            WARC-Date: 2024-03-20T10:00:00Z\r
            Content-Type: \(contentType)\r
            Content-Length: \(block.count)\r
            \r

            """
        return Array(header.utf8) + block + Array("\r\n\r\n".utf8)
    }

    func http(_ headers: [String], _ body: [UInt8]) -> [UInt8] {
        Array(("HTTP/1.1 200 OK\r\n" + headers.map { $0 + "\r\n" }.joined() + "\r\n").utf8) + body
    }

    func chunked(_ body: [UInt8], size: Int = 7) -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        while i < body.count {
            let piece = body[i..<min(i + size, body.count)]
            out += Array((String(piece.count, radix: 16) + ";ext=1\r\n").utf8) + piece + Array("\r\n".utf8)
            i += size
        }
        return out + Array("0\r\n\r\n".utf8)
    }

    @Test func warcResponsesWithChunkedAndGzipPayloads() throws {
        let page = Array("<html><body><p>warc page café</p></body></html>".utf8)
        var archive: [UInt8] = []
        archive += warcRecord(type: "warcinfo", id: "urn:uuid:info", uri: "", block: Array("software: test\r\n".utf8), contentType: "application/warc-fields")
        archive += warcRecord(type: "request", id: "urn:uuid:req", uri: "http://example.com/1", block: Array("GET /1 HTTP/1.1\r\n\r\n".utf8), contentType: "application/http; msgtype=request")
        archive += warcRecord(type: "response", id: "urn:uuid:plain", uri: "http://example.com/1", block: http(["Content-Type: text/html"], page))
        archive += warcRecord(type: "response", id: "urn:uuid:chunked", uri: "http://example.com/2", block: http(["Content-Type: text/html", "Transfer-Encoding: chunked"], chunked(page)))
        archive += warcRecord(type: "response", id: "urn:uuid:gzip", uri: "http://example.com/3", block: http(["Content-Type: text/html; charset=utf-8", "Content-Encoding: gzip"], try gzip(page)))
        archive += warcRecord(type: "response", id: "urn:uuid:both", uri: "http://example.com/4", block: http(["Content-Type: text/html", "Content-Encoding: gzip", "Transfer-Encoding: chunked"], chunked(try gzip(page), size: 13)))
        archive += warcRecord(type: "response", id: "urn:uuid:image", uri: "http://example.com/i.png", block: http(["Content-Type: image/png"], [0x89, 0x50, 0x4E, 0x47]))
        archive += warcRecord(type: "metadata", id: "urn:uuid:meta", uri: "http://example.com/1", block: Array("young new in town".utf8), contentType: "application/warc-fields")
        let folder = try makeTemporaryFolder()
        let plain = try write(archive, to: folder.appendingPathComponent("crawl.warc"))
        let items = readAll([plain])
        #expect(items.map(\.id) == ["urn:uuid:plain", "urn:uuid:chunked", "urn:uuid:gzip", "urn:uuid:both"])
        for item in items {
            let record = try #require(item.record)
            #expect(record.contentString == String(decoding: page, as: UTF8.self), "\(record.id)")
            #expect(record.capturedAt == "2024-03-20T10:00:00Z")
        }
        #expect(items[0].record?.url == "http://example.com/1")
    }

    @Test func warcCharsetFromTheHTTPHeader() throws {
        let page: [UInt8] = Array("<p>cr".utf8) + [0xE8] + Array("me br".utf8) + [0xFB] + Array("l".utf8) + [0xE9, 0x92] + Array("s</p>".utf8)
        let archive = warcRecord(type: "response", id: "urn:uuid:c", uri: "http://example.com/c", block: http(["Content-Type: text/html; charset=windows-1252"], page))
        let folder = try makeTemporaryFolder()
        let path = try write(archive, to: folder.appendingPathComponent("c.warc"))
        let record = try #require(readAll([path]).first?.record)
        guard case .htmlBytes(let bytes, let charset) = record.content else { Issue.record("no bytes"); return }
        #expect(charset == "windows-1252")
        #expect(try HTMLExtractor().extract(htmlBytes: bytes, transportCharset: charset).text == "crème brûlé’s")
    }

    /// `.warc.gz` as crawlers write it: one gzip member per record.
    @Test func warcGzWithOneMemberPerRecord() throws {
        let page = Array("<p>member</p>".utf8)
        var archive: [UInt8] = []
        for n in 1...3 {
            archive += try gzip(warcRecord(type: "response", id: "urn:uuid:\(n)", uri: "http://example.com/\(n)", block: http(["Content-Type: text/html"], page)))
        }
        let folder = try makeTemporaryFolder()
        let path = try write(archive, to: folder.appendingPathComponent("crawl.warc.gz"))
        #expect(readAll([path]).map(\.id) == ["urn:uuid:1", "urn:uuid:2", "urn:uuid:3"])
    }

    @Test func badChunkingIsAnErrorForThatRecordOnly() throws {
        var archive = warcRecord(type: "response", id: "urn:uuid:bad", uri: "http://example.com/b", block: http(["Content-Type: text/html", "Transfer-Encoding: chunked"], Array("zz\r\nxx\r\n".utf8)))
        archive += warcRecord(type: "response", id: "urn:uuid:good", uri: "http://example.com/g", block: http(["Content-Type: text/html"], Array("<p>ok</p>".utf8)))
        let folder = try makeTemporaryFolder()
        let path = try write(archive, to: folder.appendingPathComponent("x.warc"))
        let items = readAll([path])
        #expect(items.map(\.id) == ["urn:uuid:bad", "urn:uuid:good"])
        #expect(items[0].failure?.error.code == .badPayload)
        #expect(items[1].record != nil)
    }

    @Test func truncatedWARCReportsTheRecord() throws {
        var archive = warcRecord(type: "response", id: "urn:uuid:cut", uri: "http://example.com/c", block: http(["Content-Type: text/html"], Array(repeating: UInt8(ascii: "a"), count: 1000)))
        archive.removeLast(600)
        let folder = try makeTemporaryFolder()
        let path = try write(archive, to: folder.appendingPathComponent("cut.warc"))
        let items = readAll([path])
        #expect(items.count == 1)
        #expect(items[0].failure?.error.code == .badWARC)
    }

    // MARK: Limits

    @Test func oversizeHTMLFileIsRefusedUnread() throws {
        let folder = try makeTemporaryFolder()
        let path = try write(String(repeating: "<p>x</p>", count: 200), to: folder.appendingPathComponent("big.html"))
        let item = try #require(readAll([path], options: IngestOptions(maximumAdBytes: 1000)).first)
        #expect(item.failure?.error.code == .tooLarge)
        #expect(item.failure?.error.message.contains("big.html") == true)
    }

    @Test func oversizeJSONLLineIsSkippedAndTheNextIsRead() throws {
        let folder = try makeTemporaryFolder()
        let huge = String(repeating: "y", count: 300_000)
        let path = try write(
            "{\"id\": \"big\", \"text\": \"\(huge)\"}\n{\"id\": \"small\", \"text\": \"ok\"}\n",
            to: folder.appendingPathComponent("ads.jsonl"))
        let items = readAll([path], options: IngestOptions(maximumAdBytes: 100_000))
        #expect(items.count == 2)
        #expect(items[0].failure?.error.code == .tooLarge)
        #expect(items[1].record?.id == "small")
    }

    @Test func oversizeCSVRecordIsSkippedAndTheNextIsRead() throws {
        let folder = try makeTemporaryFolder()
        let huge = String(repeating: "line with \"\"quotes\"\"\n", count: 20_000)
        let path = try write("id,text\nbig,\"\(huge)\"\nsmall,ok\n", to: folder.appendingPathComponent("ads.csv"))
        let items = readAll([path], options: IngestOptions(maximumAdBytes: 100_000))
        #expect(items.map(\.id) == [path + "#1", "small"])
        #expect(items[0].failure?.error.code == .tooLarge)
    }

    @Test func oversizeWARCRecordIsSkippedAndTheNextIsRead() throws {
        var archive = warcRecord(type: "response", id: "urn:uuid:big", uri: "http://example.com/big", block: http(["Content-Type: text/html"], Array(repeating: 65, count: 400_000)))
        archive += warcRecord(type: "response", id: "urn:uuid:small", uri: "http://example.com/s", block: http(["Content-Type: text/html"], Array("<p>s</p>".utf8)))
        let folder = try makeTemporaryFolder()
        let path = try write(archive, to: folder.appendingPathComponent("x.warc"))
        let items = readAll([path], options: IngestOptions(maximumAdBytes: 100_000))
        #expect(items.map(\.id) == ["urn:uuid:big", "urn:uuid:small"])
        #expect(items[0].failure?.error.code == .tooLarge)
    }

    @Test func gzipBombInAWARCPayloadStopsAtTheLimit() throws {
        let bomb = try gzip(Array(repeating: UInt8(ascii: "a"), count: 5_000_000))
        let archive = warcRecord(type: "response", id: "urn:uuid:bomb", uri: "http://example.com/b", block: http(["Content-Type: text/html", "Content-Encoding: gzip"], bomb))
        let folder = try makeTemporaryFolder()
        let path = try write(archive, to: folder.appendingPathComponent("b.warc"))
        let item = try #require(readAll([path], options: IngestOptions(maximumAdBytes: 1_000_000)).first)
        #expect(item.failure?.error.code == .tooLarge)
    }
}
