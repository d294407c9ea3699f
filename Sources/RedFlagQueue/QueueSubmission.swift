public import RedFlagContract

/// One assessed ad sent to the review queue: what `redflag scan --enqueue` hands to ``ReviewQueue/enqueue(_:actor:)``.
///
/// It carries the contract's typed values (``IndicatorHit``, ``Contribution``, ``Entities``), as the pipeline made
/// them: the queue checks them (offsets inside the text, a score in [0, 1], finite features) and stores them as the
/// scan writes them (RedFlagCore's JSON writer), with no knowledge of the feature or model modules.
///
/// ```swift
/// let submission = QueueSubmission(
///     sha256: result.sha256, sha256Verified: true, adID: result.id, url: result.url,
///     capturedAt: result.capturedAt, score: 0.93, category: "escort", families: ["youth"],
///     indicators: features.indicators, contributions: assessment.contributions, entities: features.entities,
///     rawContent: bytes, contentKind: "html", text: text, features: vector.dictionary)
/// ```
public struct QueueSubmission: Sendable, Hashable {
    /// Lower-case hex SHA-256 of ``rawContent``; the queue's deduplication key.
    public var sha256: String
    /// Whether ``sha256`` was computed from ``rawContent`` by the code that hands the submission over (the scan
    /// hashes each ad's bytes once, as it reads them; `queue import` hashes each line's content): the queue then
    /// does not hash the bytes a second time. A hash that came with the data from elsewhere is not verified, and the
    /// queue checks it.
    public var sha256Verified: Bool
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
    /// The indicators that fired, offsets in Unicode scalars into ``text``.
    public var indicators: [IndicatorHit]
    /// Each feature's contribution to the logit, and the rules that flagged the ad.
    public var contributions: [Contribution]
    /// Phones, e-mails, ages and prices; the phones (as digits) and e-mails (lower-cased) link ads.
    public var entities: Entities
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
    /// The ad's wording as a MinHash signature (contacts, numbers and names masked): the queue files the item in
    /// a template cluster with the queued ads it nearly repeats. Nil when the ad is too short to tell, or its sender
    /// did not sign it; such an item has no template.
    public var template: TemplateSignature?
    /// The template cluster the sender already put the ad in (`t` and 16 hex digits), when nothing queued matches
    /// it: a clustering scan matches against the queue and its own batch, and the batch's first copy of a text may
    /// not have been flagged, so never queued. Nil lets the queue name a new cluster after this ad.
    public var templateCluster: String?

    public init(
        sha256: String, sha256Verified: Bool = false, adID: String, url: String? = nil, capturedAt: String? = nil,
        score: Double, category: String? = nil, families: [String] = [], indicators: [IndicatorHit] = [],
        contributions: [Contribution] = [], entities: Entities = Entities(), location: String? = nil,
        rawContent: [UInt8], contentKind: String, text: String, features: [String: Double] = [:],
        template: TemplateSignature? = nil, templateCluster: String? = nil
    ) {
        self.sha256 = sha256
        self.sha256Verified = sha256Verified
        self.adID = adID
        self.url = url
        self.capturedAt = capturedAt
        self.score = score
        self.category = category
        self.families = families
        self.indicators = indicators
        self.contributions = contributions
        self.entities = entities
        self.location = location
        self.rawContent = rawContent
        self.contentKind = contentKind
        self.text = text
        self.features = features
        self.template = template
        self.templateCluster = templateCluster
    }
}

/// What ``ReviewQueue/enqueue(_:actor:)`` did with one submission.
public enum EnqueueOutcome: Sendable, Hashable {
    /// A new item.
    case queued(id: Int64)
    /// The same content was already pending; its assessment was replaced by the new one.
    case refreshed(id: Int64)
    /// The same content was already pending and is posted again under another ad id or URL: a posting was recorded
    /// (and the assessment replaced, as for ``refreshed(id:)``). A repost of a claimed or decided item is
    /// ``unchangedDecided(id:)``, its posting recorded too.
    case reposted(id: Int64)
    /// The same content was already claimed or decided; nothing changed.
    case unchangedDecided(id: Int64)

    /// The item the submission landed on.
    public var id: Int64 {
        switch self {
        case .queued(let id), .refreshed(let id), .reposted(let id), .unchangedDecided(let id): id
        }
    }
}
