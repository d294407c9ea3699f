import Foundation
import RedFlagCore

/// Reads JSONL/NDJSON records `{"id", "url"?, "html" | "text", "captured_at"?}`, one per line.
///
/// Each line is parsed on its own, so a bad line costs one error record and the next line goes on; lines longer
/// than the record limit are skipped without being held in memory. Field names come from ``IngestOptions``.
struct JSONLReader {
    private var reader: BufferedByteReader
    private let name: String
    private let options: IngestOptions
    private let damage: StreamDamage?
    private var lineNumber = 0
    private var recordNumber = 0
    /// A line read after a gap in the compressed stream was reported, handed out on the next call.
    private var held: SourceItem?

    init(_ stream: any ByteStream, name: String, options: IngestOptions, damage: StreamDamage? = nil) {
        self.reader = BufferedByteReader(stream)
        self.name = name
        self.options = options
        self.damage = damage
    }

    mutating func next() throws(IngestError) -> SourceItem? {
        if let held {
            self.held = nil
            return held
        }
        while true {
            let lineStart = reader.offset
            let line: BufferedByteReader.Line
            do throws(IngestError) {
                guard let read = try reader.readLine(limit: options.maximumRecordBytes) else {
                    return gapItem(upTo: Int.max)
                }
                line = read
            } catch {
                // A truncated or unreadable stream: every complete line before it was handed out; say where.
                throw IngestError(
                    error.code,
                    "\(error.message); \(recordNumber) records up to line \(lineNumber) were read, and line \(lineNumber + 1) is incomplete"
                )
            }
            lineNumber += 1
            let origin = "\(name):\(lineNumber)"
            var item: SourceItem
            switch line {
            case .tooLong(let length):
                recordNumber += 1
                item = .failure(
                    RecordFailure(
                        id: "\(name)#\(recordNumber)",
                        error: IngestError(
                            .tooLarge,
                            "\(origin): record of \(length) bytes exceeds the limit (\(options.maximumAdBytes) bytes per ad",
                            remedy: .maximumAdBytes, .clause, ")")))
            case .line(let bytes):
                if bytes.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) {
                    // Blank lines are not records (but a gap in the compressed stream there is still reported).
                    if let gap = gapItem(upTo: reader.offset) { return gap }
                    continue
                }
                recordNumber += 1
                item = parse(bytes, origin: origin)
            }
            guard let damage, let gap = damage.nextGapOffset, gap <= reader.offset else { return item }
            if gap > lineStart {
                // The gap lies inside this line: what came before it is a damaged line; what comes after it is the
                // next member's data, which starts a line of its own, so it is read again.
                if gap < reader.offset, case .line(let bytes) = line {
                    var raw = bytes
                    let terminator = reader.offset - lineStart - bytes.count
                    if terminator == 2 { raw.append(13) }
                    if terminator >= 1 { raw.append(10) }
                    if gap - lineStart < raw.count { reader.unread(Array(raw[(gap - lineStart)...])) }
                }
                let described = damage.take(upTo: gap).map { damage.describe($0, name: name) }.joined(separator: "; ")
                return .failure(
                    RecordFailure(
                        id: "\(name)#\(recordNumber)",
                        error: IngestError(.badGzip, "\(origin): \(described); this line is incomplete")))
            }
            // The gap lies between two lines: report it, then this line.
            held = item
            return gapItem(upTo: gap)
        }
    }

    /// One error for the gaps in the compressed stream up to `offset`, or nil when there are none.
    private func gapItem(upTo offset: Int) -> SourceItem? {
        guard let damage else { return nil }
        let gaps = damage.take(upTo: offset)
        guard let first = gaps.first else { return nil }
        let described = gaps.map { damage.describe($0, name: name) }.joined(separator: "; ")
        return .failure(
            RecordFailure(
                id: "\(name)@gzip:\(first.memberStart)",
                error: IngestError(
                    .badGzip, "\(described); the records in those bytes, after line \(lineNumber), are lost")))
    }

    private func parse(_ bytes: [UInt8], origin: String) -> SourceItem {
        let fallbackID = "\(name)#\(recordNumber)"
        let object: [String: Any]
        var warnings: [IngestError] = []
        // JSON must be UTF-8, but a scraper's bytes may not be: invalid sequences are repaired (U+FFFD) rather
        // than losing the record, and the record says so. Only a line that fails to parse is checked.
        var parsed = try? JSONSerialization.jsonObject(with: Data(bytes))
        var text = bytes
        if parsed == nil, String(validating: bytes, as: UTF8.self) == nil {
            text = Array(String(decoding: bytes, as: UTF8.self).utf8)
            parsed = try? JSONSerialization.jsonObject(with: Data(text))
            if parsed != nil {
                warnings.append(
                    IngestError(.repairedEncoding, "\(origin): invalid UTF-8 in the record was replaced with U+FFFD"))
            }
        }
        do {
            if parsed == nil { _ = try JSONSerialization.jsonObject(with: Data(text)) }
            guard let parsed = parsed as? [String: Any] else {
                return .failure(
                    RecordFailure(
                        id: fallbackID, error: IngestError(.badJSON, "\(origin): the line is JSON but not an object"),
                        sha256: sha256Hex(bytes)))
            }
            object = parsed
        } catch {
            return .failure(
                RecordFailure(
                    id: fallbackID, error: IngestError(.badJSON, "\(origin), \(describeJSONError(error, in: text))"),
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
                        "\(origin): no string field \"\(options.htmlField)\" or \"\(options.textField)\"",
                        remedy: .contentFields, .parenthetical, ""), sha256: sha256Hex(bytes)))
        }
        var record = AdRecord(id: id, url: url, capturedAt: capturedAt, content: content, origin: origin)
        record.warnings = warnings
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

