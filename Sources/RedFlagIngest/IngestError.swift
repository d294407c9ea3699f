/// Why an input or a record could not be read.
///
/// A struct with a closed set of codes rather than an enum, so new codes can be added without breaking callers
/// (the shape of Hummingbird's `PersistError`). `code` is the stable, machine-readable string that the scan
/// output's `error.code` carries; `message` names the input and says what went wrong.
///
/// A library does not know how its caller exposes settings, so a message never names a command-line flag: when a
/// setting would let the record through (a larger byte limit, a longer time limit, a named format, other field
/// names), ``remedy`` says which, and where in the sentence a front end may name it.
/// `redflag` prints "(raise it with --max-bytes)" there (``message(advising:)``).
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
        /// The page says its ad was removed and lists other ads: only the text up to the notice was read as the
        /// ad (families, contacts, ages, score); the listing after it only told the page's category.
        public static let adRemoved = Code(rawValue: "ad_removed")
    }

    public var code: Code
    /// What went wrong, naming the input and the place in it; no front end's words.
    public var message: String
    /// The setting that would let the record through, when there is one.
    public var remedy: Remedy?

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// An error whose message has a place for advice on `setting`: the message is `before + after`, and a front
    /// end's advice goes between them (``message(advising:)``).
    public init(_ code: Code, _ before: String, remedy setting: Remedy.Setting, _ form: Remedy.Form, _ after: String) {
        self.code = code
        self.message = before + after
        self.remedy = Remedy(setting: setting, form: form, offset: before.utf8.count)
    }

    /// A setting of ``IngestOptions`` that would let the record through, and where advice about it fits in the
    /// message.
    public struct Remedy: Sendable, Hashable {
        public enum Setting: String, Sendable, Hashable {
            /// ``IngestOptions/maximumAdBytes``.
            case maximumAdBytes
            /// ``IngestOptions/recordTimeLimit``.
            case recordTimeLimit
            /// Naming the input's format instead of recognising it (``IngestOptions/format``).
            case inputFormat
            /// Other field names for the content (``IngestOptions/htmlField``, ``IngestOptions/textField``).
            case contentFields
        }

        /// How the advice joins the sentence: as a parenthesis of its own, or as a clause after the text before it.
        public enum Form: Sendable, Hashable {
            case parenthetical
            case clause
        }

        public var setting: Setting
        public var form: Form
        /// UTF-8 offset in ``IngestError/message`` where the advice goes.
        public var offset: Int
    }

    /// The message with `words(remedy)` inserted where the remedy belongs (nothing when it returns nil): how a
    /// front end names its own setting.
    public func message(advising words: (Remedy) -> String?) -> String {
        guard let remedy, let advice = words(remedy) else { return message }
        let utf8 = Array(message.utf8)
        let offset = min(remedy.offset, utf8.count)
        return String(decoding: utf8[..<offset], as: UTF8.self) + advice + String(decoding: utf8[offset...], as: UTF8.self)
    }

    /// The same error with `prefix` before its message (where it came from), the remedy's place moved with it.
    public func prefixed(_ prefix: String) -> IngestError {
        var error = self
        error.message = prefix + message
        error.remedy?.offset += prefix.utf8.count
        return error
    }

    public var description: String { "\(code): \(message)" }
}
