/// One worker's reusable state for feature extraction: normalization buffers, PCRE2 match data and JIT stack,
/// prefilter bit sets. Not thread-safe; each worker owns one, so the hot path allocates little per ad.
public final class FeatureScratch {
    let wordNormalizer = TextNormalizer(mode: .words)
    let entityNormalizer = TextNormalizer(mode: .entities)
    var wordView = MatchingText()
    var entityView = MatchingText()
    var titleView = MatchingText()
    let pcre = PCRE2Matcher()
    var literalFound: [Bool] = []
    var patternCandidate: [Bool] = []
    var entityLiteralFound: [Bool] = []
    var occurrences: [(literal: Int32, end: Int32)] = []
    var occurrenceHead: [Int32] = []
    var occurrenceNext: [Int32] = []
    var windows: [Range<Int>] = []
    /// Patterns skipped because they hit a PCRE2 resource limit, since this scratch was made.
    public internal(set) var limitHits = 0
    /// PCRE2 lexicon patterns run since this scratch was made (what the prefilter let through).
    public internal(set) var patternRuns = 0

    public init() {}
}
