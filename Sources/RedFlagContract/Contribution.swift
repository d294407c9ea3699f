/// One feature's share of a score (its weight times its value, added to the logit), or a rule that flagged the ad
/// whatever the score (with a reason in words and no weight).
///
/// Encoded as the scan output writes it: `{"feature","family","weight","reason"?}`.
public struct Contribution: Sendable, Hashable, Codable {
    public var feature: String
    /// The family or fact group it belongs to (`youth`, `evidence`, `entity`, `category` …): what `explain` groups
    /// contributions by.
    public var family: String
    public var weight: Double
    /// For rules: why the ad is flagged, in words ("stated age 16: a minor").
    public var reason: String?

    public init(feature: String, family: String, weight: Double, reason: String? = nil) {
        self.feature = feature
        self.family = family
        self.weight = weight
        self.reason = reason
    }
}
