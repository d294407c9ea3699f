/// What the models say about one ad: the score, whether it is flagged, its category, and why.
///
/// Encoded with the scan output's names (`score`, `flagged`, `category`, `contributions`) plus `logit` and
/// `category_probability`. A scan without a suspicion model has no score: `score` and `logit` are NaN then, and such
/// an assessment is not encodable as JSON (the scan output leaves those fields out).
public struct Assessment: Sendable, Hashable, Codable {
    /// Calibrated probability that the ad is suspicious.
    public var score: Double
    /// The raw logit, before calibration.
    public var logit: Double
    public var flagged: Bool
    public var category: String?
    /// How sure the category model is of `category`.
    public var categoryProbability: Double?
    /// A rule that flagged the ad first (with its reason), then every non-zero feature's contribution, largest
    /// magnitude first (the intercept is not listed).
    public var contributions: [Contribution]

    public init(
        score: Double, logit: Double, flagged: Bool, category: String?, categoryProbability: Double? = nil,
        contributions: [Contribution]
    ) {
        self.score = score
        self.logit = logit
        self.flagged = flagged
        self.category = category
        self.categoryProbability = categoryProbability
        self.contributions = contributions
    }

    enum CodingKeys: String, CodingKey {
        case score, logit, flagged, category, contributions
        case categoryProbability = "category_probability"
    }
}
