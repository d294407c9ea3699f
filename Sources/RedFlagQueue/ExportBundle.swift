public import Foundation

/// What a case bundle holds, as values: the items of one export with their decisions, notes and raw copies, the data
/// files rendered from them, and the audit head after the export event.
///
/// A store builds it (``ReviewQueue/exportBundle(status:actor:redact:destination:)``) and writes nothing outside
/// itself; ``ExportFolder`` writes it as the folder `redflag queue export` makes, and a server may send it as it
/// likes. The data files are rendered here, once, by one definition for every store, because the export event binds
/// them by the SHA-256 of their manifest before anything is written: so the folder's `MANIFEST.sha256`, the event and
/// `audit-head.json` agree whichever store made the bundle.
public struct ExportBundle: Sendable, Hashable {
    /// One exported item.
    public struct Entry: Sendable, Hashable {
        /// The item, its contact details masked when the bundle is redacted.
        public var item: QueueItem
        /// Every decision on it, oldest first (notes masked when redacted).
        public var decisions: [Decision]
        public var notes: [Note]
        /// The captured bytes; nil in a redacted bundle and for a purged item.
        public var raw: [UInt8]?
        /// Where and when the item's content was posted (URLs masked when redacted).
        public var postings: [Posting]

        public init(item: QueueItem, decisions: [Decision], notes: [Note], raw: [UInt8]?, postings: [Posting] = []) {
            self.item = item
            self.decisions = decisions
            self.notes = notes
            self.raw = raw
            self.postings = postings
        }

        /// The raw copy's path in the bundle (`raw/<sha256>.html` or `.txt`), when the bundle carries it.
        public var rawFile: String? {
            raw.map { _ in "raw/\(item.sha256).\(item.contentKind == "html" ? "html" : "txt")" }
        }
    }

    /// One file of the bundle: its path relative to the bundle's folder, and its bytes.
    public struct File: Sendable, Hashable {
        public var name: String
        public var contents: Data

        public init(name: String, contents: Data) {
            self.name = name
            self.contents = contents
        }
    }

    /// The export format's version, written on every line of `items.jsonl`.
    public static let schemaVersion = 1

    public var status: StatusFilter
    /// Contact details masked and raw copies left out.
    public var redacted: Bool
    /// The items, in id order.
    public var entries: [Entry]
    /// The raw copies (item id order), then `items.jsonl` and `decisions.jsonl`.
    public var dataFiles: [File]
    /// SHA-256 of the data files' manifest: what the export event records as `files_sha256`.
    public var dataFilesSHA256: String
    /// The audit chain head right after the export event, and whether the whole chain then verified.
    public var head: ExportHead

    public var itemCount: Int { entries.count }
    public var decisionCount: Int { entries.reduce(0) { $0 + $1.decisions.count } }

    /// `audit-head.json`: ``head`` as indented JSON, with a final newline.
    public func headFile() throws -> File {
        var data = try QueueJSON.encoder(pretty: true).encode(head)
        data.append(10)
        return File(name: "audit-head.json", contents: data)
    }

    /// `sha256sum` lines (`<hex>  <name>`), sorted by name.
    public static func manifest(_ files: [File]) -> String {
        files.map { (name: $0.name, hash: SHA256Hex.of($0.contents)) }.sorted { $0.name < $1.name }
            .map { "\($0.hash)  \($0.name)\n" }.joined()
    }
}

/// `audit-head.json`: the audit chain head right after the export event, and whether the chain verified.
public struct ExportHead: Sendable, Hashable, Encodable {
    public var sequence: Int64
    public var hash: String
    public var exportedAt: String
    public var exportedBy: String
    public var status: String
    public var items: Int
    public var decisions: Int
    public var dataFilesSHA256: String
    /// Contact details masked and raw copies left out (`--redact`).
    public var redacted: Bool
    public var auditVerified: Bool
    public var auditMessage: String

    enum CodingKeys: String, CodingKey {
        case status, items, decisions, redacted
        case sequence = "audit_head_seq"
        case hash = "audit_head_hash"
        case exportedAt = "exported_at"
        case exportedBy = "exported_by"
        case dataFilesSHA256 = "data_files_sha256"
        case auditVerified = "audit_verified"
        case auditMessage = "audit_message"
    }
}
