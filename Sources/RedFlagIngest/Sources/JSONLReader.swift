import Foundation

/// Reads JSONL/NDJSON records `{"id", "url"?, "html" | "text", "captured_at"?}`, one per line.
///
/// Each line is parsed on its own, so a bad line costs one error record and the next line goes on; lines longer
/// than the record limit are skipped without being held in memory. Field names come from ``IngestOptions``.
struct JSONLReader {
    private var reader: BufferedByteReader
    private let name: String
    private let options: IngestOptions
    private var lineNumber = 0
    private var recordNumber = 0

    init(_ stream: any ByteStream, name: String, options: IngestOptions) {
        self.reader = BufferedByteReader(stream)
        self.name = name
        self.options = options
    }

    mutating func next() throws(IngestError) -> SourceItem? {
        while let line = try reader.readLine(limit: options.maximumRecordBytes) {
            lineNumber += 1
            let origin = "\(name):\(lineNumber)"
            switch line {
            case .tooLong(let length):
                recordNumber += 1
                return .failure(
                    RecordFailure(
                        id: "\(name)#\(recordNumber)",
                        error: IngestError(
                            .tooLarge,
                            "\(origin): record of \(length) bytes exceeds the limit (\(options.maximumAdBytes) bytes per ad; raise it with --max-bytes)"
                        )))
            case .line(let bytes):
                if bytes.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) { continue }  // blank lines are not records
                recordNumber += 1
                return parse(bytes, origin: origin)
            }
        }
        return nil
    }

    private func parse(_ bytes: [UInt8], origin: String) -> SourceItem {
        let fallbackID = "\(name)#\(recordNumber)"
        let object: [String: Any]
        do {
            guard let parsed = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
                return .failure(
                    RecordFailure(
                        id: fallbackID, error: IngestError(.badJSON, "\(origin): the line is JSON but not an object"),
                        sha256: sha256Hex(bytes)))
            }
            object = parsed
        } catch {
            return .failure(
                RecordFailure(
                    id: fallbackID, error: IngestError(.badJSON, "\(origin), \(describeJSONError(error, in: bytes))"),
                    sha256: sha256Hex(bytes)))
        }
        func field(_ names: String) -> Any? {
            for name in names.split(separator: ",") {
                if let value = object[String(name)] { return value }
            }
            return nil
        }
        let id = scalarString(field(options.idField)) ?? fallbackID
        let url = scalarString(field(options.urlField))
        let capturedAt = scalarString(field(options.capturedAtField))
        let content: AdRecord.Content
        if let html = field(options.htmlField) as? String {
            content = .htmlString(html)
        } else if let text = field(options.textField) as? String {
            content = .text(text)
        } else {
            return .failure(
                RecordFailure(
                    id: id, url: url,
                    error: IngestError(
                        .badRecord,
                        "\(origin): no string field \"\(options.htmlField)\" or \"\(options.textField)\" (choose others with --html-field/--text-field)"
                    ), sha256: sha256Hex(bytes)))
        }
        var record = AdRecord(id: id, url: url, capturedAt: capturedAt, content: content, origin: origin)
        for field in options.extraFields {
            if let value = scalarString(object[field]) { record.extra[field] = value }
        }
        return .record(record)
    }
}

/// A JSON scalar as a string: strings as they are, numbers and booleans in their JSON spelling; nil otherwise.
func scalarString(_ value: Any?) -> String? {
    switch value {
    case let s as String: return s
    case let n as NSNumber: return n.stringValue
    case let i as Int: return String(i)
    case let d as Double: return String(d)
    default: return nil
    }
}

