/// One ad as read from a source, before any parsing.
public struct AdRecord: Sendable {
    /// How the ad's content arrived.
    public enum Content: Sendable {
        /// Raw HTML bytes from a file or an HTTP payload; `charset` is a transport declaration (HTTP header), if any.
        case htmlBytes([UInt8], charset: String?)
        /// HTML that is already Unicode (a JSON or CSV string): a `<meta charset>` inside it is ignored.
        case htmlString(String)
        /// Plain text: skips the HTML parser.
        case text(String)
    }

    /// The ad's identity in the scan output: a file path, a record's `id`, a `WARC-Record-ID`, or `input#N`.
    public var id: String
    public var url: String?
    /// Capture time as the source states it (JSONL/CSV `captured_at`, `WARC-Date`).
    public var capturedAt: String?
    public var content: Content
    /// Where the record came from, for error messages: `path` or `path:line`.
    public var origin: String
    /// Values of ``IngestOptions/extraFields`` found in the record.
    public var extra: [String: String] = [:]
    /// What was wrong with the record but did not stop it being read (a truncated payload, repaired UTF-8): the
    /// scan output lists these with the result.
    public var warnings: [IngestError] = []

    public init(id: String, url: String? = nil, capturedAt: String? = nil, content: Content, origin: String) {
        self.id = id
        self.url = url
        self.capturedAt = capturedAt
        self.content = content
        self.origin = origin
    }

    /// Byte length of the content as received.
    public var byteCount: Int {
        switch content {
        case .htmlBytes(let bytes, _): bytes.count
        case .htmlString(let string), .text(let string): string.utf8.count
        }
    }
}

/// A record that could not be read; it still gets its own line in the scan output.
public struct RecordFailure: Sendable, Error {
    public var id: String
    public var url: String?
    public var error: IngestError
    /// SHA-256 of the raw bytes when they were read (nil when the record was skipped unread, e.g. too large).
    public var sha256: String?

    public init(id: String, url: String? = nil, error: IngestError, sha256: String? = nil) {
        self.id = id
        self.url = url
        self.error = error
        self.sha256 = sha256
    }
}

/// What a source yields: a record to scan, or a per-record failure that the batch reports and moves past.
public enum SourceItem: Sendable {
    case record(AdRecord)
    case failure(RecordFailure)
}
