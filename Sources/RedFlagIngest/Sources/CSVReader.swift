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

    init(_ stream: any ByteStream, name: String, options: IngestOptions) {
        self.reader = BufferedByteReader(stream)
        self.name = name
        self.options = options
    }

    mutating func next() throws(IngestError) -> SourceItem? {
        if failed { return nil }
        if !headerRead {
            headerRead = true
            guard let header = try readRecord() else { return nil }
            guard case .fields(var names, _) = header else {
                failed = true
                return .failure(
                    RecordFailure(id: name, error: IngestError(.badCSV, "\(name): the header row is too long")))
            }
            if let first = names.first, first.hasPrefix("\u{FEFF}") { names[0] = String(first.dropFirst()) }
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
                            "\(name): the header has no \"\(options.htmlField)\" or \"\(options.textField)\" column (columns: \(found)); choose one with --html-field or --text-field"
                        )))
            }
        }
        while let record = try readRecord() {
            recordNumber += 1
            let fallbackID = "\(name)#\(recordNumber)"
            switch record {
            case .tooLong(let length, let startLine):
                return .failure(
                    RecordFailure(
                        id: fallbackID,
                        error: IngestError(
                            .tooLarge,
                            "\(name):\(startLine): record of \(length) bytes exceeds the limit (\(options.maximumAdBytes) bytes per ad; raise it with --max-bytes)"
                        )))
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
    }

    /// Reads physical lines until the quotes balance, then splits the record into fields.
    private mutating func readRecord() throws(IngestError) -> Record? {
        var bytes: [UInt8] = []
        var inQuotes = false
        var length = 0
        var overflow = false
        let startLine = lineNumber + 1
        var first = true
        while true {
            guard let line = try reader.readLine(limit: options.maximumRecordBytes) else {
                if first { return nil }
                break
            }
            lineNumber += 1
            if !first && !overflow { bytes.append(10) }
            first = false
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
                    if length > options.maximumRecordBytes {
                        overflow = true
                        bytes = []
                    } else {
                        bytes.append(contentsOf: lineBytes)
                    }
                }
            }
            if !inQuotes { break }
        }
        if overflow { return .tooLong(length: length, startLine: startLine) }
        return .fields(splitFields(bytes), startLine: startLine)
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
