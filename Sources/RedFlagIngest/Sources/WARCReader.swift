/// Reads WARC 1.0/1.1 crawl archives (plain, or `.warc.gz` with one gzip member per record) and yields the HTML
/// pages of their `response` records.
///
/// id = `WARC-Record-ID` (without its angle brackets), url = `WARC-Target-URI`, capture time = `WARC-Date`. The
/// HTTP payload's `Transfer-Encoding: chunked` and `Content-Encoding: gzip`/`deflate` are decoded, and the HTTP
/// `Content-Type` charset is handed to the HTML decoder. `warcinfo`, `request`, `metadata`, `resource`,
/// `revisit` and `conversion` records, and responses that are not HTML (images, scripts), are skipped.
struct WARCReader {
    private var reader: BufferedByteReader
    private let name: String
    private let options: IngestOptions
    private var recordNumber = 0
    private var failed = false

    init(_ stream: any ByteStream, name: String, options: IngestOptions) {
        self.reader = BufferedByteReader(stream)
        self.name = name
        self.options = options
    }

    mutating func next() throws(IngestError) -> SourceItem? {
        while !failed {
            // Records are separated by blank lines; find the next version line.
            var versionLine: [UInt8]?
            while let line = try reader.readLine(limit: 4096) {
                guard case .line(let bytes) = line else { continue }
                if bytes.isEmpty { continue }
                versionLine = bytes
                break
            }
            guard let versionLine else { return nil }
            recordNumber += 1
            let recordOffset = reader.offset
            guard versionLine.starts(with: Array("WARC/".utf8)) else {
                failed = true
                return .failure(
                    RecordFailure(
                        id: "\(name)#\(recordNumber)",
                        error: IngestError(
                            .badWARC,
                            "\(name): expected a WARC/1.x version line near byte \(recordOffset), found \(printable(versionLine)); the rest of the archive is skipped"
                        )))
            }
            var headers: [String: String] = [:]
            while let line = try reader.readLine(limit: 64 * 1024) {
                guard case .line(let bytes) = line else { continue }
                if bytes.isEmpty { break }
                if let colon = bytes.firstIndex(of: UInt8(ascii: ":")) {
                    let key = String(decoding: bytes[..<colon], as: UTF8.self).lowercased()
                    let value = String(decoding: bytes[(colon + 1)...], as: UTF8.self).trimmingASCIIWhitespaceAndQuotes()
                    headers[key] = value
                }
            }
            guard let lengthText = headers["content-length"], let length = Int(lengthText), length >= 0 else {
                failed = true
                return .failure(
                    RecordFailure(
                        id: "\(name)#\(recordNumber)",
                        error: IngestError(
                            .badWARC,
                            "\(name): record \(recordNumber) has no valid Content-Length; the rest of the archive is skipped"
                        )))
            }
            var id = headers["warc-record-id"] ?? "\(name)#\(recordNumber)"
            if id.hasPrefix("<") && id.hasSuffix(">") { id = String(id.dropFirst().dropLast()) }
            let url = headers["warc-target-uri"].map { $0.hasPrefix("<") && $0.hasSuffix(">") ? String($0.dropFirst().dropLast()) : $0 }
            let type = headers["warc-type"]?.lowercased()
            guard type == "response" else {
                try skipBlock(length)
                continue
            }
            if length > options.maximumRecordBytes {
                try skipBlock(length)
                return .failure(
                    RecordFailure(
                        id: id, url: url,
                        error: IngestError(
                            .tooLarge,
                            "\(name): response record \(id) of \(length) bytes exceeds the limit (\(options.maximumAdBytes) bytes per ad; raise it with --max-bytes)"
                        )))
            }
            let block = try reader.read(count: length)
            if block.count < length {
                failed = true
                return .failure(
                    RecordFailure(
                        id: id, url: url,
                        error: IngestError(
                            .badWARC,
                            "\(name): record \(id) ends after \(block.count) of its \(length) bytes (truncated archive)")))
            }
            let contentType = headers["content-type"]?.lowercased() ?? ""
            if contentType.hasPrefix("application/http") || contentType.isEmpty
                || block.starts(with: Array("HTTP/".utf8))
            {
                do throws(IngestError) {
                    guard let payload = try HTTPPayload(block, name: "\(name): \(id)", limit: options.maximumAdBytes)
                    else { continue }  // not an HTML response
                    return .record(
                        AdRecord(
                            id: id, url: url, capturedAt: headers["warc-date"],
                            content: .htmlBytes(payload.body, charset: payload.charset), origin: "\(name): \(id)"))
                } catch {
                    return .failure(RecordFailure(id: id, url: url, error: error))
                }
            } else if contentType.contains("html") {
                // A response record holding the page without HTTP headers.
                return .record(
                    AdRecord(
                        id: id, url: url, capturedAt: headers["warc-date"], content: .htmlBytes(block, charset: nil),
                        origin: "\(name): \(id)"))
            }
        }
        return nil
    }

    private mutating func skipBlock(_ length: Int) throws(IngestError) {
        let skipped = try reader.skip(count: length)
        if skipped < length {
            failed = true
        }
    }
}

/// The entity body of an HTTP response inside a WARC record, with transfer and content encodings removed.
struct HTTPPayload {
    var body: [UInt8]
    var charset: String?

    /// Parses `block` as an HTTP response; nil when it is not an HTML response (image, script, redirect body …).
    init?(_ block: [UInt8], name: String, limit: Int) throws(IngestError) {
        guard let headerEnd = findHeaderEnd(block) else {
            throw IngestError(.badPayload, "\(name): the HTTP response has no end of headers")
        }
        let headerText = String(decoding: block[..<headerEnd.start], as: UTF8.self)
        var lines = headerText.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            .map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
        guard let statusLine = lines.first, statusLine.hasPrefix("HTTP/") else {
            throw IngestError(.badPayload, "\(name): the payload does not start with an HTTP status line")
        }
        lines.removeFirst()
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].lowercased()
            let value = String(line[line.index(after: colon)...]).trimmingASCIIWhitespaceAndQuotes()
            headers[key] = headers[key].map { $0 + ", " + value } ?? value
        }
        var body = Array(block[headerEnd.end...])
        let contentType = headers["content-type"]?.lowercased()
        if let contentType, !(contentType.contains("html") || contentType.hasPrefix("text/plain")) {
            return nil
        }
        if headers["transfer-encoding"]?.lowercased().contains("chunked") == true {
            body = try dechunk(body, name: name, limit: limit)
        }
        for coding in (headers["content-encoding"] ?? "").lowercased().split(separator: ",").reversed() {
            switch String(coding).trimmingASCIIWhitespaceAndQuotes() {
            case "gzip", "x-gzip", "deflate": body = try inflatePayload(body, limit: limit, name: name)
            case "identity", "": break
            default:
                throw IngestError(.badPayload, "\(name): unsupported Content-Encoding \"\(coding)\"")
            }
        }
        if body.count > limit {
            throw IngestError(.tooLarge, "\(name): page of \(body.count) bytes exceeds the \(limit)-byte limit")
        }
        if contentType == nil {
            // No declared type: keep it only if it looks like markup.
            guard let first = body.first(where: { $0 != 32 && $0 != 10 && $0 != 13 && $0 != 9 && $0 != 0xEF }),
                first == UInt8(ascii: "<")
            else { return nil }
        }
        self.body = body
        self.charset = contentType.flatMap(charsetParameter)
    }
}

private func findHeaderEnd(_ block: [UInt8]) -> (start: Int, end: Int)? {
    var i = 0
    while i + 1 < block.count {
        if block[i] == 10 {
            if block[i + 1] == 10 { return (i, i + 2) }
            if i + 2 < block.count && block[i + 1] == 13 && block[i + 2] == 10 { return (i, i + 3) }
        }
        i += 1
    }
    return nil
}

/// Removes HTTP/1.1 chunked framing (chunk extensions and trailers ignored).
func dechunk(_ body: [UInt8], name: String, limit: Int) throws(IngestError) -> [UInt8] {
    var out: [UInt8] = []
    var i = 0
    while true {
        guard let lineEnd = body[i...].firstIndex(of: 10) else {
            throw IngestError(.badPayload, "\(name): chunked body ends without its last chunk")
        }
        var sizeText = String(decoding: body[i..<lineEnd], as: UTF8.self)
        if let semicolon = sizeText.firstIndex(of: ";") { sizeText = String(sizeText[..<semicolon]) }
        sizeText = sizeText.trimmingASCIIWhitespaceAndQuotes()
        guard let size = Int(sizeText, radix: 16), size >= 0 else {
            throw IngestError(.badPayload, "\(name): bad chunk size \"\(sizeText.prefix(20))\"")
        }
        i = lineEnd + 1
        if size == 0 { return out }
        guard i + size <= body.count else {
            throw IngestError(.badPayload, "\(name): chunk of \(size) bytes runs past the end of the body")
        }
        out.append(contentsOf: body[i..<(i + size)])
        if out.count > limit {
            throw IngestError(.tooLarge, "\(name): de-chunked page exceeds the \(limit)-byte limit")
        }
        i += size
        if i < body.count && body[i] == 13 { i += 1 }
        if i < body.count && body[i] == 10 { i += 1 }
    }
}

/// The `charset` parameter of a Content-Type value.
func charsetParameter(_ contentType: String) -> String? {
    for part in contentType.split(separator: ";").dropFirst() {
        let pair = part.split(separator: "=", maxSplits: 1)
        if pair.count == 2 && pair[0].trimmingCharacters(in: " ") == "charset" {
            let value = String(pair[1]).trimmingASCIIWhitespaceAndQuotes()
            return value.isEmpty ? nil : value
        }
    }
    return nil
}

private func printable(_ bytes: [UInt8]) -> String {
    let text = String(decoding: bytes.prefix(40), as: UTF8.self)
    return "\"" + text.unicodeScalars.map { $0.value < 32 || $0.value == 0xFFFD ? "?" : String($0) }.joined() + "\""
}

extension Substring {
    fileprivate func trimmingCharacters(in set: Character) -> String {
        var s = self
        while s.first == set { s.removeFirst() }
        while s.last == set { s.removeLast() }
        return String(s)
    }
}
