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
    private let damage: StreamDamage?
    private var recordNumber = 0
    /// Items found while reading a record that come out before it (a gap in the compressed stream).
    private var queued: [SourceItem] = []
    private var ended = false

    init(_ stream: any ByteStream, name: String, options: IngestOptions, damage: StreamDamage? = nil) {
        self.reader = BufferedByteReader(stream)
        self.name = name
        self.options = options
        self.damage = damage
    }

    /// Every record costs only itself: a record whose `Content-Length` lies (too long: the next record's header
    /// appears inside its block; too short: its block is not followed by the record end and another header), whose
    /// header is cut off by the next record, or that lies across a corrupt gzip member gets its own error, and
    /// reading resumes at the next `WARC/1.x` line. Bytes that belong to no record are skipped and reported once,
    /// with their count.
    mutating func next() throws(IngestError) -> SourceItem? {
        while true {
            if !queued.isEmpty { return queued.removeFirst() }
            if ended { return nil }
            if let item = try readRecord() { return item }
        }
    }

    /// Reads one record; nil when it yields nothing (skipped types, non-HTML responses) or only queued items.
    private mutating func readRecord() throws(IngestError) -> SourceItem? {
        // Gaps before this record (a corrupt member that produced nothing) are reported on their own.
        reportGaps(upTo: reader.offset)
        guard let (versionLine, recordStart) = try nextVersionLine() else {
            ended = true
            reportGaps(upTo: Int.max)
            return nil
        }
        recordNumber += 1
        let fallbackID = "\(name)#\(recordNumber)"
        func failure(_ code: IngestError.Code, _ message: String, id: String? = nil, url: String? = nil) -> SourceItem {
            .failure(RecordFailure(id: id ?? fallbackID, url: url, error: IngestError(code, message)))
        }
        if let gap = gapCrossing(versionLine, at: recordStart) {
            return failure(.badGzip, damage!.describe(gap, name: name) + "; record \(recordNumber) is lost")
        }
        var headers: [String: String] = [:]
        while true {
            let lineStart = reader.offset
            guard let line = try reader.readLine(limit: 64 * 1024) else {
                return failure(.badWARC, "\(name): the archive ends inside the header of record \(recordNumber)")
            }
            guard case .line(let bytes) = line else { continue }
            let raw = rawLine(bytes, from: lineStart)
            if let gap = gapCrossing(raw, at: lineStart) {
                return failure(.badGzip, damage!.describe(gap, name: name) + "; record \(recordNumber) is lost")
            }
            if bytes.isEmpty { break }
            if isVersionLine(bytes) {
                // The header stops without its blank line and another record begins: this one is cut off.
                reader.unread(raw)
                return failure(
                    .badWARC,
                    "\(name): record \(recordNumber) near byte \(recordStart) is cut off by the next record's header; skipped")
            }
            if let colon = bytes.firstIndex(of: UInt8(ascii: ":")) {
                let key = String(decoding: bytes[..<colon], as: UTF8.self).lowercased()
                let value = String(decoding: bytes[(colon + 1)...], as: UTF8.self).trimmingASCIIWhitespaceAndQuotes()
                headers[key] = value
            }
        }
        var id = headers["warc-record-id"] ?? fallbackID
        if id.hasPrefix("<") && id.hasSuffix(">") { id = String(id.dropFirst().dropLast()) }
        let url = headers["warc-target-uri"].map {
            $0.hasPrefix("<") && $0.hasSuffix(">") ? String($0.dropFirst().dropLast()) : $0
        }
        guard let lengthText = headers["content-length"], let length = Int(lengthText), length >= 0 else {
            let skipped = try skipToNextRecord()
            return failure(
                .badWARC,
                "\(name): record \(recordNumber) near byte \(recordStart) has no valid Content-Length; its \(skipped) bytes were skipped to the next record",
                id: id, url: url)
        }
        let type = headers["warc-type"]?.lowercased()
        if type != "response" || length > options.maximumRecordBytes {
            let blockStart = reader.offset
            let (skipped, foundHeader) = try skipBlock(length)
            if let gap = gapCrossing(nil, at: blockStart, length: skipped), type == "response" {
                return failure(.badGzip, damage!.describe(gap, name: name) + "; record \(id) is lost", id: id, url: url)
            }
            guard type == "response" else { return nil }
            let lie =
                foundHeader
                ? " (its Content-Length of \(length) runs past the next record's header, \(skipped) bytes on)" : ""
            return .failure(
                RecordFailure(
                    id: id, url: url,
                    error: IngestError(
                        .tooLarge,
                        "\(name): response record \(id) of \(length) bytes exceeds the limit (\(options.maximumAdBytes) bytes per ad",
                        remedy: .maximumAdBytes, .clause, ")\(lie)")))
        }
        let blockStart = reader.offset
        let block = try reader.read(count: length)
        if let gap = gapCrossing(block, at: blockStart) {
            return failure(.badGzip, damage!.describe(gap, name: name) + "; record \(id) is lost", id: id, url: url)
        }
        if let next = nextRecordHeader(in: block) {
            // Content-Length too long: the next record starts inside this block. Give it back; this record alone
            // is lost.
            reader.unread(Array(block[next...]))
            return failure(
                .badWARC,
                "\(name): record \(id) declares Content-Length \(length), but the next record's header follows after \(next) bytes; the record is skipped",
                id: id, url: url)
        }
        if block.count < length {
            return failure(
                .badWARC,
                "\(name): record \(id) ends after \(block.count) of its \(length) bytes (truncated archive)", id: id,
                url: url)
        }
        if try !recordEndFollows() {
            // Content-Length too short: the block is not followed by the record end. Skip what remains of it.
            let skipped = try skipToNextRecord()
            return failure(
                .badWARC,
                "\(name): record \(id) declares Content-Length \(length), but \(skipped) more bytes follow before the next record; the record is skipped",
                id: id, url: url)
        }
        let contentType = headers["content-type"]?.lowercased() ?? ""
        if contentType.hasPrefix("application/http") || contentType.isEmpty || block.starts(with: Array("HTTP/".utf8)) {
            do throws(IngestError) {
                guard let payload = try HTTPPayload(block, name: "\(name): \(id)", limit: options.maximumAdBytes)
                else { return nil }  // not an HTML response
                var record = AdRecord(
                    id: id, url: url, capturedAt: headers["warc-date"],
                    content: .htmlBytes(payload.body, charset: payload.charset), origin: "\(name): \(id)")
                record.warnings = payload.warnings
                return .record(record)
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
        return nil
    }

    /// The next `WARC/` version line and the offset where it starts, skipping blank lines. Other bytes before it
    /// are skipped and reported as one error (queued before the record).
    private mutating func nextVersionLine() throws(IngestError) -> ([UInt8], Int)? {
        var junkStart: Int?
        var junk = 0
        defer {
            if let junkStart, junk > 0 {
                queued.append(
                    .failure(
                        RecordFailure(
                            id: "\(name)@\(junkStart)",
                            error: IngestError(
                                .badWARC,
                                "\(name): \(junk) bytes from byte \(junkStart) are not a WARC record (no WARC/1.x version line); skipped to the next record"
                            ))))
            }
        }
        while true {
            let lineStart = reader.offset
            guard let line = try reader.readLine(limit: 4096) else { return nil }
            let consumed = reader.offset - lineStart
            if case .line(let bytes) = line {
                if isVersionLine(bytes) { return (rawLine(bytes, from: lineStart), lineStart) }
                if bytes.isEmpty { continue }
            }
            if junkStart == nil { junkStart = lineStart }
            junk += consumed
        }
    }

    /// Skips lines up to the next version line (given back to be read next); returns the bytes skipped.
    private mutating func skipToNextRecord() throws(IngestError) -> Int {
        var skipped = 0
        while true {
            let lineStart = reader.offset
            guard let line = try reader.readLine(limit: 4096) else { return skipped }
            if case .line(let bytes) = line, isVersionLine(bytes) {
                reader.unread(rawLine(bytes, from: lineStart))
                return skipped
            }
            skipped += reader.offset - lineStart
        }
    }

    /// Skips a block unread, line by line so that nothing is held in memory, but stops at a version line that
    /// follows a blank line: a Content-Length that overstates the block must not swallow the records after it.
    private mutating func skipBlock(_ length: Int) throws(IngestError) -> (skipped: Int, foundHeader: Bool) {
        var skipped = 0
        var previousBlank = true
        while skipped < length {
            let lineStart = reader.offset
            guard let line = try reader.readLine(limit: 4096) else { break }
            if case .line(let bytes) = line {
                if previousBlank && skipped > 0 && isVersionLine(bytes) {
                    reader.unread(rawLine(bytes, from: lineStart))
                    return (skipped, true)
                }
                previousBlank = bytes.isEmpty
            } else {
                previousBlank = false
            }
            skipped += reader.offset - lineStart
        }
        return (skipped, false)
    }

    /// Whether the record end follows the block: line ends (`\r\n\r\n`, or bare newlines), then the next
    /// record's version line or the end of the archive.
    private func recordEndFollows() throws(IngestError) -> Bool {
        let after = try reader.peek(16)
        let rest = after.drop(while: { $0 == 13 || $0 == 10 })
        if rest.isEmpty { return true }
        return rest.count < 5 ? Array("WARC/".utf8).starts(with: rest) : rest.starts(with: Array("WARC/".utf8))
    }

    /// Where a record header (`WARC/1.x` after the previous record's end) begins inside `block`, if anywhere.
    private func nextRecordHeader(in block: [UInt8]) -> Int? {
        let marker = Array("\nWARC/".utf8)
        guard block.count > marker.count else { return nil }
        var i = 0
        return block.withUnsafeBufferPointer { bytes -> Int? in
            while i + marker.count + 3 <= bytes.count {
                guard let newline = bytes[i...].firstIndex(of: 10) else { return nil }
                i = newline + 1
                // A blank line before it: the previous record's end.
                guard newline >= 1, bytes[newline - 1] == 10 || (newline >= 2 && bytes[newline - 1] == 13 && bytes[newline - 2] == 10)
                else { continue }
                if i + 7 <= bytes.count, bytes[i] == UInt8(ascii: "W"), isVersionLine(Array(bytes[i..<min(bytes.count, i + 16)])) {
                    return i
                }
            }
            return nil
        }
    }

    private func isVersionLine<C: Collection<UInt8>>(_ bytes: C) -> Bool {
        let prefix = Array("WARC/".utf8)
        guard bytes.count >= 8, bytes.starts(with: prefix) else { return false }
        let rest = bytes.dropFirst(5)
        guard let major = rest.first, major >= UInt8(ascii: "0") && major <= UInt8(ascii: "9") else { return false }
        return rest.dropFirst().first == UInt8(ascii: ".")
    }

    /// A line as it was in the stream, its terminator put back (`readLine` drops `\n` and a `\r` before it).
    private func rawLine(_ bytes: [UInt8], from start: Int) -> [UInt8] {
        let terminator = reader.offset - start - bytes.count
        switch terminator {
        case 1: return bytes + [10]
        case 2: return bytes + [13, 10]
        default: return bytes
        }
    }

    /// The unreported gap in the compressed stream that lies inside `bytes` read from `start` (after its first
    /// byte, up to its end), if any; the bytes from the gap on belong to the next gzip member and are given back.
    private mutating func gapCrossing(_ bytes: [UInt8]?, at start: Int, length: Int? = nil) -> StreamDamage.Gap? {
        guard let damage, let gapOffset = damage.nextGapOffset else { return nil }
        let count = bytes?.count ?? length ?? 0
        guard gapOffset > start && gapOffset <= start + count else { return nil }
        if let bytes, gapOffset < start + count { reader.unread(Array(bytes[(gapOffset - start)...])) }
        return damage.take(upTo: gapOffset).last
    }

    /// Reports gaps at or before `offset` as errors of their own, queued.
    private mutating func reportGaps(upTo offset: Int) {
        guard let damage else { return }
        for gap in damage.take(upTo: offset) {
            queued.append(
                .failure(
                    RecordFailure(
                        id: "\(name)@gzip:\(gap.memberStart)",
                        error: IngestError(.badGzip, damage.describe(gap, name: name) + "; the records in it are lost"))))
        }
    }
}

/// The entity body of an HTTP response inside a WARC record, with transfer and content encodings removed.
struct HTTPPayload {
    var body: [UInt8]
    var charset: String?
    /// What was wrong but not fatal: a gzip/deflate body cut off before its end (``IngestError/Code/truncatedPayload``).
    var warnings: [IngestError] = []

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
            case "gzip", "x-gzip", "deflate":
                let inflated = try inflatePayload(body, limit: limit, name: name)
                body = inflated.bytes
                if inflated.truncated {
                    warnings.append(
                        IngestError(
                            .truncatedPayload,
                            "\(name): the \(String(coding).trimmingASCIIWhitespaceAndQuotes())-compressed body stops before its end; only the first \(body.count) bytes of the page were read"
                        ))
                }
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
