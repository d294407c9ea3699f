/// Reads CSV dumps (RFC 4180): a header row naming the columns, quoted fields that may hold commas, doubled
/// quotes and newlines.
///
/// Streaming by physical lines: a record continues until its quotes balance, so memory holds one record at most,
/// and a record past the byte limit is skipped (still tracking quotes) and reported. Written here rather than
/// taken from SwiftCSV or CSV.swift because those read a whole string or a Foundation `InputStream`, while dumps
/// arrive through our own gzip-aware byte streams and must keep going past a bad record.
struct CSVReader {
    private var reader: BufferedByteReader
    private let name: String
    private let options: IngestOptions
    private var columns: [String: Int] = [:]
    private var headerRead = false
    private var recordNumber = 0
    private var lineNumber = 0
    private var failed = false
    /// Columns in the header: a record spread over several lines with another count of fields was probably opened
    /// by a quote that never closes.
    private var headerCount = 0
    /// Lines given back after an unclosed quote, read again before the stream, with their line numbers.
    private var replay: [(bytes: [UInt8], number: Int)] = []
    private var replayIndex = 0
    /// The last line number given back: no line is given back twice.
    private var replayedUpTo = 0
    private let damage: StreamDamage?

    init(_ stream: any ByteStream, name: String, options: IngestOptions, damage: StreamDamage? = nil) {
        self.reader = BufferedByteReader(stream)
        self.name = name
        self.options = options
        self.damage = damage
    }

    mutating func next() throws(IngestError) -> SourceItem? {
        if failed { return nil }
        if !headerRead {
            headerRead = true
            guard let header = try readRecord() else { return nil }
            guard case .fields(var names, _) = header else {
                failed = true
                return .failure(
                    RecordFailure(
                        id: name,
                        error: IngestError(
                            .badCSV, "\(name): the header row cannot be read (longer than the limit, or a quote in it never closes)")))
            }
            if let first = names.first, first.hasPrefix("\u{FEFF}") { names[0] = String(first.dropFirst()) }
            headerCount = names.count
            for (index, column) in names.enumerated() {
                let key = column.trimmingASCIIWhitespaceAndQuotes().lowercased()
                if columns[key] == nil { columns[key] = index }
            }
            if column(options.htmlField) == nil && column(options.textField) == nil {
                failed = true
                let found = names.prefix(12).joined(separator: ", ")
                return .failure(
                    RecordFailure(
                        id: name,
                        error: IngestError(
                            .badCSV,
                            "\(name): the header has no \"\(options.htmlField)\" or \"\(options.textField)\" column (columns: \(found))",
                            remedy: .contentFields, .clause, "")))
            }
        }
        while let record = try readRecord() {
            recordNumber += 1
            let fallbackID = "\(name)#\(recordNumber)"
            if let damage, damage.nextGapOffset.map({ $0 <= reader.offset }) == true {
                let described = damage.take(upTo: reader.offset).map { damage.describe($0, name: name) }
                return .failure(
                    RecordFailure(
                        id: fallbackID,
                        error: IngestError(
                            .badGzip,
                            "\(described.joined(separator: "; ")); the record ending at line \(lineNumber) is incomplete, and records in the skipped bytes are lost"
                        )))
            }
            switch record {
            case .unclosedQuote(let fields, let startLine, let lastLine, let resumeLine):
                let id = column(options.idField).flatMap { $0 < fields.count - 1 ? fields[$0] : nil }
                let resume =
                    resumeLine.map { "reading resumes at line \($0), the next line that is a whole record" }
                    ?? "the lines up to \(lastLine) are skipped"
                return .failure(
                    RecordFailure(
                        id: id.flatMap { $0.isEmpty ? nil : $0 } ?? fallbackID,
                        error: IngestError(
                            .badCSV,
                            "\(name):\(startLine): a quote opened on this line is never closed; the record is skipped and \(resume)"
                        )))
            case .tooLong(let length, let startLine):
                return .failure(
                    RecordFailure(
                        id: fallbackID,
                        error: IngestError(
                            .tooLarge,
                            "\(name):\(startLine): record of \(length) bytes exceeds the limit (\(options.maximumAdBytes) bytes per ad",
                            remedy: .maximumAdBytes, .clause, ")")))
            case .fields(let fields, let startLine):
                if fields.count == 1 && fields[0].isEmpty {
                    recordNumber -= 1
                    continue
                }
                return makeRecord(fields, origin: "\(name):\(startLine)", fallbackID: fallbackID)
            }
        }
        return nil
    }

    /// The column of `field`, which may list comma-separated alternatives (the first present wins).
    private func column(_ field: String) -> Int? {
        for alternative in field.split(separator: ",") {
            if let index = columns[alternative.lowercased()] { return index }
        }
        return nil
    }

    private func makeRecord(_ fields: [String], origin: String, fallbackID: String) -> SourceItem {
        func value(_ field: String) -> String? {
            guard let index = column(field), index < fields.count else { return nil }
            return fields[index]
        }
        let id = value(options.idField).flatMap { $0.isEmpty ? nil : $0 } ?? fallbackID
        let url = value(options.urlField).flatMap { $0.isEmpty ? nil : $0 }
        let capturedAt = value(options.capturedAtField).flatMap { $0.isEmpty ? nil : $0 }
        let content: AdRecord.Content
        if let html = value(options.htmlField), !html.isEmpty {
            content = .htmlString(html)
        } else if let text = value(options.textField), !text.isEmpty {
            content = .text(text)
        } else if value(options.htmlField) != nil || value(options.textField) != nil {
            content = .text("")  // reported as empty by the scan, with its id
        } else {
            return .failure(
                RecordFailure(
                    id: id, url: url,
                    error: IngestError(
                        .badRecord,
                        "\(origin): the record has \(fields.count) fields, too few for the \"\(options.htmlField)\"/\"\(options.textField)\" column"
                    )))
        }
        var record = AdRecord(id: id, url: url, capturedAt: capturedAt, content: content, origin: origin)
        for field in options.extraFields {
            if let value = value(field) { record.extra[field] = value }
        }
        return .record(record)
    }

    private enum Record {
        case fields([String], startLine: Int)
        case tooLong(length: Int, startLine: Int)
        /// A quote opened on `startLine` never closes (or closes only where the record no longer has the header's
        /// fields); `fields` are those read before it, `resumeLine` where reading goes on (nil: after `lastLine`).
        case unclosedQuote(fields: [String], startLine: Int, lastLine: Int, resumeLine: Int?)
    }

    /// The next physical line, from the lines given back first; nil at the end.
    private mutating func nextLine() throws(IngestError) -> (BufferedByteReader.Line, number: Int)? {
        if replayIndex < replay.count {
            let line = replay[replayIndex]
            replayIndex += 1
            if replayIndex == replay.count {
                replay = []
                replayIndex = 0
            }
            return (.line(line.bytes), line.number)
        }
        guard let line = try reader.readLine(limit: options.maximumRecordBytes) else { return nil }
        lineNumber += 1
        return (line, lineNumber)
    }

    /// Reads physical lines until the quotes balance, then splits the record into fields.
    ///
    /// A record whose quotes never balance (the file or the record limit ends first), or that spans several lines
    /// and then has another number of fields than the header, was opened by a stray quote: it is reported, and
    /// reading resumes at the first of its later lines that is a whole record on its own (balanced quotes, the
    /// header's number of fields). A line is given back at most once, so reading stays linear.
    private mutating func readRecord() throws(IngestError) -> Record? {
        var lines: [(bytes: [UInt8], number: Int)] = []
        var inQuotes = false
        var length = 0
        var overflow = false
        var startLine = 0
        var lastLine = 0
        while let (line, number) = try nextLine() {
            if startLine == 0 { startLine = number }
            lastLine = number
            switch line {
            case .tooLong(let n):
                // A physical line past the limit: the quote state of its bytes is lost, so assume it closed.
                overflow = true
                length += n
                inQuotes = false
            case .line(let lineBytes):
                length += lineBytes.count + 1
                for b in lineBytes where b == UInt8(ascii: "\"") { inQuotes.toggle() }
                if !overflow {
                    if length > options.maximumRecordBytes { overflow = true } else { lines.append((lineBytes, number)) }
                }
            }
            // Past the limit with a quote open: stop reading and decide among the lines held.
            if !inQuotes || overflow { break }
        }
        if startLine == 0 { return nil }
        let fields = overflow || inQuotes ? [] : joinedFields(lines)
        let strayQuote =
            inQuotes
            || (lines.count > 1 && headerCount > 0 && (fields.count != headerCount || hasMisplacedQuote(joined(lines))))
        if strayQuote {
            // A stray quote: resume at the first later line that is a record on its own, unless that line was
            // given back once already.
            if let resume = lines.indices.dropFirst().first(where: { isWholeRecord(lines[$0].bytes) }),
                lines[resume].number > replayedUpTo
            {
                replay = Array(lines[resume...]) + replay[replayIndex...]
                replayIndex = 0
                replayedUpTo = max(replayedUpTo, lines.last!.number)
                return .unclosedQuote(
                    fields: splitFields(lines[0].bytes), startLine: startLine, lastLine: lastLine,
                    resumeLine: lines[resume].number)
            }
            if inQuotes && !overflow {
                return .unclosedQuote(
                    fields: splitFields(lines[0].bytes), startLine: startLine, lastLine: lastLine, resumeLine: nil)
            }
        }
        if overflow {
            if inQuotes { try skipToBalancedQuotes(open: true) }
            return .tooLong(length: length, startLine: startLine)
        }
        return .fields(fields, startLine: startLine)
    }

    /// Reads on, unheld, until the quotes balance at the end of a line (a record past the limit).
    private mutating func skipToBalancedQuotes(open: Bool) throws(IngestError) {
        var inQuotes = open
        while inQuotes, let (line, _) = try nextLine() {
            if case .line(let bytes) = line {
                for b in bytes where b == UInt8(ascii: "\"") { inQuotes.toggle() }
            } else {
                inQuotes = false
            }
        }
    }

    private func joined(_ lines: [(bytes: [UInt8], number: Int)]) -> [UInt8] {
        if lines.count == 1 { return lines[0].bytes }
        var bytes: [UInt8] = []
        for (index, line) in lines.enumerated() {
            if index > 0 { bytes.append(10) }
            bytes.append(contentsOf: line.bytes)
        }
        return bytes
    }

    private func joinedFields(_ lines: [(bytes: [UInt8], number: Int)]) -> [String] { splitFields(joined(lines)) }

    /// Whether a record breaks RFC 4180's quoting: a closing quote followed by something other than a comma or
    /// the end of the record. In a record spread over several lines that is the mark of a quote that was never
    /// closed: the "closing" quote is really the opening quote of a later record's field.
    private func hasMisplacedQuote(_ bytes: [UInt8]) -> Bool {
        var inQuotes = false
        var atFieldStart = true
        var i = 0
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ",")
        while i < bytes.count {
            let b = bytes[i]
            if inQuotes {
                if b == quote {
                    if i + 1 < bytes.count && bytes[i + 1] == quote {
                        i += 2
                        continue
                    }
                    inQuotes = false
                    if i + 1 < bytes.count && bytes[i + 1] != comma && bytes[i + 1] != 13 && bytes[i + 1] != 10 {
                        return true
                    }
                }
            } else if b == quote {
                if !atFieldStart { return true }
                inQuotes = true
            }
            atFieldStart = !inQuotes && (b == comma || b == 10)
            i += 1
        }
        return false
    }

    /// Whether a line on its own is a complete record: balanced, well-placed quotes and the header's number of
    /// fields.
    private func isWholeRecord(_ line: [UInt8]) -> Bool {
        var quotes = 0
        for b in line where b == UInt8(ascii: "\"") { quotes += 1 }
        return quotes % 2 == 0 && !line.isEmpty && !hasMisplacedQuote(line) && splitFields(line).count == headerCount
    }

    private func splitFields(_ bytes: [UInt8]) -> [String] {
        var fields: [String] = []
        var field: [UInt8] = []
        var inQuotes = false
        var i = 0
        let quote = UInt8(ascii: "\"")
        let comma = UInt8(ascii: ",")
        while i < bytes.count {
            let b = bytes[i]
            if inQuotes {
                if b == quote {
                    if i + 1 < bytes.count && bytes[i + 1] == quote {
                        field.append(quote)
                        i += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.append(b)
                }
            } else if b == quote {
                inQuotes = true
            } else if b == comma {
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
            } else {
                field.append(b)
            }
            i += 1
        }
        fields.append(String(decoding: field, as: UTF8.self))
        return fields
    }
}
