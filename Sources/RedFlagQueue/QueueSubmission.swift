/// One assessed ad sent to the review queue: what `redflag scan --enqueue` hands to ``ReviewQueue/enqueue(_:actor:)``.
///
/// The JSON fields are kept as the scan produced them (they are validated on enqueue and stored verbatim), so the
/// queue needs no knowledge of the feature or model modules.
///
/// ```swift
/// let submission = QueueSubmission(
///     sha256: result.sha256, adID: result.id, url: result.url, capturedAt: result.capturedAt,
///     score: 0.93, category: "escort", families: ["youth"], evidenceJSON: "[]", contributionsJSON: "[]",
///     entitiesJSON: #"{"phones":[],"phone_obfuscated":false,"emails":[],"ages":[],"prices":[]}"#,
///     phones: [], emails: [], location: nil, rawContent: bytes, contentKind: "html", text: text,
///     features: vector)
/// ```
public struct QueueSubmission: Sendable, Hashable {
    /// Lower-case hex SHA-256 of ``rawContent``; the queue's deduplication key.
    public var sha256: String
    /// The ad's id in its source (file path, JSONL id, WARC record id).
    public var adID: String
    public var url: String?
    /// Capture time as the source gave it (RFC 3339 preferred), kept verbatim.
    public var capturedAt: String?
    /// Calibrated score in [0, 1].
    public var score: Double
    public var category: String?
    /// Indicator families that fired (canonical names).
    public var families: [String]
    /// JSON array: `[{"family","feature","match","start","end"}]`, offsets in Unicode scalars into ``text``.
    public var evidenceJSON: String
    /// JSON array: `[{"feature","weight"}]`, each feature's contribution to the logit.
    public var contributionsJSON: String
    /// JSON object: `{"phones":[…],"phone_obfuscated":bool,"emails":[…],"ages":[…],"prices":[…]}`.
    public var entitiesJSON: String
    /// Normalised phone numbers (digits) used to link ads; non-digits are dropped on enqueue.
    public var phones: [String]
    /// E-mail addresses used to link ads; lower-cased on enqueue.
    public var emails: [String]
    /// A place name when the source knows one; otherwise the url's host and path stand in for it.
    public var location: String?
    /// The exact captured bytes (evidentiary copy).
    public var rawContent: [UInt8]
    /// `"html"` or `"text"`: how ``rawContent`` is to be read, and the extension of its file in an export.
    public var contentKind: String
    /// The extracted main text the evidence offsets point into.
    public var text: String
    /// The feature vector the score came from, kept so decisions can train the model.
    public var features: [String: Double]

    public init(
        sha256: String, adID: String, url: String? = nil, capturedAt: String? = nil, score: Double,
        category: String? = nil, families: [String] = [], evidenceJSON: String = "[]", contributionsJSON: String = "[]",
        entitiesJSON: String = "{}", phones: [String] = [], emails: [String] = [], location: String? = nil,
        rawContent: [UInt8], contentKind: String, text: String, features: [String: Double] = [:]
    ) {
        self.sha256 = sha256
        self.adID = adID
        self.url = url
        self.capturedAt = capturedAt
        self.score = score
        self.category = category
        self.families = families
        self.evidenceJSON = evidenceJSON
        self.contributionsJSON = contributionsJSON
        self.entitiesJSON = entitiesJSON
        self.phones = phones
        self.emails = emails
        self.location = location
        self.rawContent = rawContent
        self.contentKind = contentKind
        self.text = text
        self.features = features
    }
}

/// What ``ReviewQueue/enqueue(_:actor:)`` did with one submission.
public enum EnqueueOutcome: Sendable, Hashable {
    /// A new item.
    case queued(id: Int64)
    /// The same content was already pending; its assessment was replaced by the new one.
    case refreshed(id: Int64)
    /// The same content was already claimed or decided; nothing changed.
    case unchangedDecided(id: Int64)

    /// The item the submission landed on.
    public var id: Int64 {
        switch self {
        case .queued(let id), .refreshed(let id), .unchangedDecided(let id): id
        }
    }
}
