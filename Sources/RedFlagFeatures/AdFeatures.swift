public import RedFlagContract
/// Everything the extractor found in one ad.
public struct AdFeatures: Sendable {
    public var indicators: [IndicatorHit]
    public var entities: Entities
    /// Each phone with where it stands in the text and whether it was disguised: what `explain` highlights. The
    /// contract's ``entities`` carries their digits.
    public var phones: [Phone]
    public var stats: NormalizationStats
    public var vector: FeatureVector
    /// The ad's wording as a MinHash signature, for finding reposts of one template; nil unless asked for, or when
    /// the ad is too short to tell (``TemplateShingles/minimumShingles``).
    public var template: TemplateSignature?

    /// Families that fired, in canonical name order: lexicon hits plus `obfuscated_phone` (a disguised number)
    /// and `underage_age` (a stated age under 18).
    public var families: [Family] {
        var set = Set(indicators.map(\.family))
        if entities.phoneObfuscated { set.insert(.obfuscatedPhone) }
        if entities.underage { set.insert(.underageAge) }
        return set.sorted()
    }
}
