/// Everything RedFlag says about one input ad: the contract of a `redflag scan --format jsonl` line, and what a
/// service replies for one ad.
///
/// Encoded with the scan line's field names (`id`, `url`, `sha256`, `captured_at`, `score`, `flagged`, `category`,
/// `families`, `indicators`, `contributions`, `entities`, `warnings`, `error`). The scan writes its lines by hand
/// for speed and field order; `GoldenOutputTests` and the contract tests hold the two to the same shape.
public struct AdAssessment: Sendable, Hashable, Codable {
    public var id: String
    public var url: String?
    /// Lower-case hex SHA-256 of the ad's raw content bytes; nil when the record was skipped unread.
    public var sha256: String?
    public var capturedAt: String?
    /// Score, flag, category and contributions; nil on error or without models.
    public var assessment: Assessment?
    /// Families that fired, in canonical name order; nil on error.
    public var families: [Family]?
    public var indicators: [IndicatorHit]?
    public var entities: Entities?
    /// What was wrong but not fatal: the ad was still scored, on what could be read.
    public var warnings: [Problem]
    /// Why the ad could not be processed; nil when it was.
    public var error: Problem?

    public init(
        id: String, url: String? = nil, sha256: String? = nil, capturedAt: String? = nil,
        assessment: Assessment? = nil, families: [Family]? = nil, indicators: [IndicatorHit]? = nil,
        entities: Entities? = nil, warnings: [Problem] = [], error: Problem? = nil
    ) {
        self.id = id
        self.url = url
        self.sha256 = sha256
        self.capturedAt = capturedAt
        self.assessment = assessment
        self.families = families
        self.indicators = indicators
        self.entities = entities
        self.warnings = warnings
        self.error = error
    }

    /// An error or warning: a stable code (`too_large`, `bad_json`, `timeout`, `repaired_encoding` …) and a
    /// sentence that says where.
    public struct Problem: Sendable, Hashable, Codable {
        public var code: String
        public var message: String

        public init(code: String, message: String) {
            self.code = code
            self.message = message
        }
    }

    enum CodingKeys: String, CodingKey {
        case id, url, sha256, score, flagged, category, families, indicators, contributions, entities, warnings, error
        case capturedAt = "captured_at"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        url = try c.decodeIfPresent(String.self, forKey: .url)
        sha256 = try c.decodeIfPresent(String.self, forKey: .sha256)
        capturedAt = try c.decodeIfPresent(String.self, forKey: .capturedAt)
        families = try c.decodeIfPresent([Family].self, forKey: .families)
        indicators = try c.decodeIfPresent([IndicatorHit].self, forKey: .indicators)
        entities = try c.decodeIfPresent(Entities.self, forKey: .entities)
        warnings = try c.decodeIfPresent([Problem].self, forKey: .warnings) ?? []
        error = try c.decodeIfPresent(Problem.self, forKey: .error)
        let score = try c.decodeIfPresent(Double.self, forKey: .score)
        let category = try c.decodeIfPresent(String.self, forKey: .category)
        if score != nil || category != nil {
            assessment = Assessment(
                score: score ?? .nan, logit: .nan, flagged: try c.decodeIfPresent(Bool.self, forKey: .flagged) ?? false,
                category: category,
                contributions: try c.decodeIfPresent([Contribution].self, forKey: .contributions) ?? [])
        }
    }

    /// The scan line's fields; the logit and category probability are not part of it.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(url, forKey: .url)
        try c.encode(sha256, forKey: .sha256)
        try c.encode(capturedAt, forKey: .capturedAt)
        if let assessment {
            if assessment.score.isFinite {
                try c.encode(assessment.score, forKey: .score)
                try c.encode(assessment.flagged, forKey: .flagged)
            }
            try c.encodeIfPresent(assessment.category, forKey: .category)
        }
        try c.encodeIfPresent(families, forKey: .families)
        try c.encodeIfPresent(indicators, forKey: .indicators)
        if let assessment, assessment.score.isFinite { try c.encode(assessment.contributions, forKey: .contributions) }
        try c.encodeIfPresent(entities, forKey: .entities)
        if !warnings.isEmpty { try c.encode(warnings, forKey: .warnings) }
        try c.encode(error, forKey: .error)
    }
}
