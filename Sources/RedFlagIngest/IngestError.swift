/// Why an input or a record could not be read.
///
/// A struct with a closed set of codes rather than an enum, so new codes can be added without breaking callers
/// (the shape of Hummingbird's `PersistError`). `code` is the stable, machine-readable string that the scan
/// output's `error.code` carries; `message` names the input and says what to do.
public struct IngestError: Error, Sendable, Equatable, CustomStringConvertible {
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The record is larger than the configured byte limit; it was skipped unread.
        public static let tooLarge = Code(rawValue: "too_large")
        /// The record has no content (empty file, empty html/text field).
        public static let empty = Code(rawValue: "empty")
        /// A JSONL line is not a JSON object.
        public static let badJSON = Code(rawValue: "bad_json")
        /// A record lacks the fields the format needs (no html/text, unknown column).
        public static let badRecord = Code(rawValue: "bad_record")
        /// A CSV file whose quoting or header cannot be read.
        public static let badCSV = Code(rawValue: "bad_csv")
        /// A WARC archive whose record framing is broken.
        public static let badWARC = Code(rawValue: "bad_warc")
        /// An HTTP payload in a WARC record that cannot be decoded (chunking, gzip/deflate).
        public static let badPayload = Code(rawValue: "bad_payload")
        /// A compressed stream that cannot be inflated.
        public static let badGzip = Code(rawValue: "bad_gzip")
        /// The file or folder cannot be opened or read.
        public static let unreadable = Code(rawValue: "unreadable")
        /// The input's format cannot be recognised.
        public static let unknownFormat = Code(rawValue: "unknown_format")
        /// The HTML parser gave up part of the document.
        public static let truncated = Code(rawValue: "truncated")
        /// The record used up its CPU-time budget (``RecordBudget``) and was abandoned; the scan went on.
        public static let timeout = Code(rawValue: "timeout")

        // Warnings: the record was read and scored, but not all of it, or not as written.

        /// A compressed HTTP payload stops before its end: the page was scored on the part that arrived.
        public static let truncatedPayload = Code(rawValue: "truncated_payload")
        /// Invalid UTF-8 in the record was replaced with U+FFFD.
        public static let repairedEncoding = Code(rawValue: "repaired_encoding")
        /// The main text was longer than the text matched per ad; only its beginning was matched.
        public static let textTruncated = Code(rawValue: "text_truncated")
        /// A start tag carried more attributes than libxml2 is given per element; the rest were dropped.
        public static let attributesDropped = Code(rawValue: "attributes_dropped")
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }
}
