import Dispatch

/// Where feature extraction spends its time: per lexicon pattern and per entity kind.
///
/// Off by default (``FeatureScratch/profile`` is nil) because reading the clock around every PCRE2 run costs more
/// than some of the runs. `redflag bench --profile` turns it on so an analyst who adds a lexicon entry can see
/// whether it is the one that slows scans down, as the C floor's `--profile` does for its 150 patterns.
public struct ExtractionProfile: Sendable {
    /// Nanoseconds spent in each lexicon pattern (PCRE2 windows and suppressors), by pattern index.
    public internal(set) var patternNanoseconds: [UInt64]
    /// How many ads each pattern ran on after the prefilter.
    public internal(set) var patternRuns: [Int]
    /// `pcre2_match` calls per pattern (windows, repeated matches and suppressors).
    public internal(set) var patternCalls: [Int]
    /// Literal occurrences the lexicon prefilter reported, over all ads (each may open a PCRE2 window).
    public internal(set) var literalOccurrences = 0
    /// Nanoseconds in the lexicon's literal scan (automaton, occurrence chains), candidate choice, and hit building.
    public internal(set) var literalScanNanoseconds: UInt64 = 0
    public internal(set) var hitNanoseconds: UInt64 = 0
    /// Of ``literalScanNanoseconds``, the automaton pass and occurrence chains alone.
    public internal(set) var automatonNanoseconds: UInt64 = 0
    /// Nanoseconds per entity step, in ``EntityStep`` order.
    public internal(set) var entityNanoseconds = [UInt64](repeating: 0, count: EntityStep.allCases.count)

    /// The parts of entity extraction that are timed separately.
    public enum EntityStep: String, CaseIterable, Sendable {
        case phones, emails, ages, prices, title
    }

    public init(patterns: Int) {
        patternNanoseconds = [UInt64](repeating: 0, count: patterns)
        patternRuns = [Int](repeating: 0, count: patterns)
        patternCalls = [Int](repeating: 0, count: patterns)
    }

    static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    mutating func add(entity step: EntityStep, since start: UInt64) {
        entityNanoseconds[EntityStep.allCases.firstIndex(of: step)!] &+= Self.now() &- start
    }
}
