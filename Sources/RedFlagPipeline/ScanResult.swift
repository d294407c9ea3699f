public import RedFlagIngest
public import RedFlagFeatures
import RedFlagModel
public import RedFlagContract

/// Everything the scan output says about one input ad.
public struct ScanResult: Sendable {
    public var id: String
    public var url: String?
    public var capturedAt: String?
    /// SHA-256 of the raw content bytes (nil when the record was skipped unread).
    public var sha256: String?
    /// Bytes of content received.
    public var byteCount: Int
    /// The extracted document; nil on error.
    public var document: AdDocument?
    public var error: IngestError?
    /// What was wrong but not fatal (a truncated payload, repaired UTF-8, text cut for matching): the ad was still
    /// scored, on what could be read.
    public var warnings: [IngestError] = []
    /// CPU time the record has used so far, against its budget.
    var cpuNanoseconds: UInt64 = 0
    /// Indicators, entities and the feature vector; nil on error or when the scan runs without features.
    public var features: AdFeatures?
    /// The raw content bytes and their kind (`html` or `text`), kept only when the scan enqueues.
    public var rawContent: [UInt8]?
    public var contentKind: String?
    /// Extra record fields asked for in ``IngestOptions/extraFields`` (labels when training).
    public var extra: [String: String] = [:]
    /// Score, flag, category and contributions; nil when the scan runs without models.
    public var assessment: Assessment?
    /// The result already rendered as an output line, when ``Scanner/renderer`` is set: rendering then runs on the
    /// workers, not on the one thread that writes the output in order.
    public var rendered: [UInt8]?
    /// The template this ad repeats (``TemplateClusters``), set in input order by a clustering scan.
    public var cluster: String?

    public init(
        id: String, url: String? = nil, capturedAt: String? = nil, sha256: String?, byteCount: Int,
        document: AdDocument?, error: IngestError?
    ) {
        self.id = id
        self.url = url
        self.capturedAt = capturedAt
        self.sha256 = sha256
        self.byteCount = byteCount
        self.document = document
        self.error = error
    }
}
