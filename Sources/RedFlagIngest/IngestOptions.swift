/// Limits and field names that apply to every source.
public struct IngestOptions: Sendable {
    /// Default per-ad byte limit: 8 MiB. Real ad pages are 5–200 KB; anything near this is a crawl accident or an
    /// attack, and it is refused before any parsing.
    public static let defaultMaximumAdBytes = 8 << 20

    /// Largest ad content accepted, in bytes, checked before parsing (and before decompression finishes).
    public var maximumAdBytes: Int
    /// JSONL/CSV field that holds the record id (default `id`); without one, `input#N` (the record number) serves.
    public var idField: String
    /// JSONL/CSV field that holds HTML (default `html`).
    public var htmlField: String
    /// JSONL/CSV field that holds plain text (default `text`). Every field name may list comma-separated
    /// alternatives, the first present wins (`text,extracted_text` reads two dumps in one run).
    public var textField: String
    /// JSONL/CSV field that holds the page URL (default `url`).
    public var urlField: String
    /// JSONL/CSV field that holds the capture time (default `captured_at`).
    public var capturedAtField: String
    /// Forces one format for every input instead of recognising it from the name and first bytes.
    public var format: InputFormat?
    /// Other JSONL/CSV fields to keep with each record (`label` and `category` for training and evaluation).
    public var extraFields: [String] = []
    /// CPU seconds one record may use before it is abandoned with a `timeout` error (``RecordBudget``); nil for
    /// no limit.
    public var recordTimeLimit: Double? = RecordBudget.defaultSeconds

    public init(
        maximumAdBytes: Int = IngestOptions.defaultMaximumAdBytes, idField: String = "id", htmlField: String = "html",
        textField: String = "text", urlField: String = "url", capturedAtField: String = "captured_at",
        format: InputFormat? = nil
    ) {
        self.maximumAdBytes = maximumAdBytes
        self.idField = idField
        self.htmlField = htmlField
        self.textField = textField
        self.urlField = urlField
        self.capturedAtField = capturedAtField
        self.format = format
    }

    /// Upper bound for one line or record of a dump: the ad itself plus room for JSON escaping and other fields.
    var maximumRecordBytes: Int { maximumAdBytes * 2 + 64 * 1024 }
}

/// The formats RedFlag reads.
public enum InputFormat: String, Sendable, CaseIterable {
    case html, jsonl, csv, warc
}
