/// One worker's reusable state for feature extraction: normalization buffers, PCRE2 match data and JIT stack,
/// prefilter bit sets. Not thread-safe; each worker owns one, so the hot path allocates little per ad.
public final class FeatureScratch {
    let wordNormalizer = TextNormalizer(mode: .words)
    let entityNormalizer = TextNormalizer(mode: .entities)
    var wordView = MatchingText()
    var entityView = MatchingText()
    var titleView = MatchingText()
    let pcre = PCRE2Matcher()
    /// Literal occurrences and windows for the lexicon, and for the entity patterns.
    var lexiconWindows = LiteralWindows()
    var entityWindows = LiteralWindows()
    var patternCandidate: [Bool] = []
    /// Tokens of the text being read for ages.
    var ageTokens: [AgeToken] = []
    /// Words and shingles of the ad being signed (``TemplateShingles``).
    var templateBuffers = TemplateShingles.Buffers()
    /// Patterns skipped because they hit a PCRE2 resource limit, since this scratch was made.
    public internal(set) var limitHits = 0
    /// PCRE2 lexicon patterns run since this scratch was made (what the prefilter let through).
    public internal(set) var patternRuns = 0
    /// When set, time is recorded per pattern and entity step (benchmarks only).
    public var profile: ExtractionProfile?

    public init() {}
}
