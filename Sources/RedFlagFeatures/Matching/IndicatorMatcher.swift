import RedFlagContract
/// Runs every lexicon entry over an ad's matching view, with a literal prefilter in front of PCRE2.
///
/// The straightforward way — each of hundreds of patterns run over the whole text — costs as much as parsing the
/// page (shared/bench: 150 separate PCRE2-JIT patterns ≈ the libxml2 parse). Here every pattern's required
/// literals (``RequiredLiterals``) go into one Aho–Corasick automaton (``LiteralAutomaton``); one pass over the text
/// says which literals occur, and PCRE2 runs only the patterns one of whose literals is present (plus the few with
/// no derivable literal). Suppressors run only for entries that hit. Compiled once and shared by all workers.
public final class IndicatorMatcher: Sendable {
    struct CompiledPattern: Sendable {
        var regex: PCRE2Regex
        var entry: Int
    }

    public let lexicon: Lexicon
    /// Each entry's feature name (`<family>.<entry>`), made once.
    let entryFeatures: [String]
    let patterns: [CompiledPattern]
    let suppressors: [[PCRE2Regex]]
    let automaton: LiteralAutomaton
    /// For each automaton literal, the patterns it unlocks.
    let literalPatterns: [[Int32]]
    /// Patterns with no derivable literal: always run.
    let alwaysRun: [Int32]
    /// For each pattern, the automaton literals that unlock it.
    let patternLiterals: [[Int32]]
    /// For each pattern, how far its matches reach (``PatternSpan``), or nil: then it runs on the whole text instead
    /// of in windows around its literals.
    let spans: [PatternSpan?]
    /// Each automaton literal, and its byte length.
    let literals: [[UInt8]]
    let literalLengths: [Int32]
    /// For each entry, each suppressor's reach (nil: unbounded).
    let suppressorSpans: [[PatternSpan?]]

    /// Compiles the lexicon; a bad pattern is reported with its entry id and position.
    public init(lexicon: Lexicon) throws(LexiconError) {
        self.lexicon = lexicon
        self.entryFeatures = lexicon.entries.map(\.feature)
        var patterns: [CompiledPattern] = []
        var suppressors: [[PCRE2Regex]] = []
        var literalIndex: [[UInt8]: Int] = [:]  // keyed by bytes: canonically equal spellings are distinct literals
        var literalPatterns: [[Int32]] = []
        var alwaysRun: [Int32] = []
        for (entryIndex, entry) in lexicon.entries.enumerated() {
            for (k, pattern) in entry.patterns.enumerated() {
                let regex: PCRE2Regex
                do {
                    regex = try PCRE2Regex(pattern)
                } catch {
                    throw LexiconError(
                        entry: entry.id,
                        message:
                            "\(lexicon.source): entry \"\(entry.id)\" pattern \(k + 1) does not compile: \(error.message) at offset \(error.offset): \(pattern)"
                    )
                }
                let index = Int32(patterns.count)
                patterns.append(CompiledPattern(regex: regex, entry: entryIndex))
                if let literals = RequiredLiterals.extract(from: pattern), !literals.isEmpty {
                    for literal in Set(literals.map { LiteralWindows.canonical(Array($0.utf8)) }) {
                        let slot: Int
                        if let existing = literalIndex[literal] {
                            slot = existing
                        } else {
                            slot = literalPatterns.count
                            literalIndex[literal] = slot
                            literalPatterns.append([])
                        }
                        literalPatterns[slot].append(index)
                    }
                } else {
                    alwaysRun.append(index)
                }
            }
            var compiledSuppressors: [PCRE2Regex] = []
            for (k, pattern) in (entry.suppress ?? []).enumerated() {
                do {
                    compiledSuppressors.append(try PCRE2Regex(pattern))
                } catch {
                    throw LexiconError(
                        entry: entry.id,
                        message:
                            "\(lexicon.source): entry \"\(entry.id)\" suppressor \(k + 1) does not compile: \(error.message) at offset \(error.offset): \(pattern)"
                    )
                }
            }
            suppressors.append(compiledSuppressors)
        }
        var literals = [[UInt8]](repeating: [], count: literalIndex.count)
        for (literal, slot) in literalIndex { literals[slot] = literal }
        var patternLiterals = [[Int32]](repeating: [], count: patterns.count)
        for (slot, owners) in literalPatterns.enumerated() {
            for p in owners { patternLiterals[Int(p)].append(Int32(slot)) }
        }
        self.patternLiterals = patternLiterals
        self.spans = patterns.map { PatternSpan.of($0.regex.pattern) }
        self.suppressorSpans = suppressors.map { $0.map { PatternSpan.of($0.pattern) } }
        self.literals = literals
        self.literalLengths = literals.map { Int32($0.count) }
        self.patterns = patterns
        self.suppressors = suppressors
        self.automaton = LiteralWindows.automaton(literals)
        self.literalPatterns = literalPatterns
        self.alwaysRun = alwaysRun
    }

    /// How many patterns the prefilter can skip, and how many always run (for `lexicon check` and benchmarks).
    public var prefilterCoverage: (patterns: Int, alwaysRun: Int, literals: Int, windowed: Int, states: Int, tableBytes: Int) {
        (
            patterns.count, alwaysRun.count, automaton.literalCount, spans.compactMap { $0 }.count, automaton.stateCount,
            automaton.tableByteCount
        )
    }

    /// Each compiled pattern's entry id, source and prefilter literals, by pattern index (for
    /// ``ExtractionProfile`` reports).
    public var patternSources: [(entry: String, pattern: String, literals: [String])] {
        patterns.indices.map { p in
            (
                lexicon.entries[patterns[p].entry].id, patterns[p].regex.pattern,
                patternLiterals[p].map { String(decoding: literals[Int($0)], as: UTF8.self) }
            )
        }
    }

    /// Patterns whose span could not be bounded (they run over the whole text), for `lexicon check --verbose`.
    public var unboundedPatterns: [String] {
        zip(patterns, spans).filter { $0.1 == nil }.map { $0.0.regex.pattern }
    }

    /// Finds every indicator in `view`, the `.words` normalization of `text`. Hits are in text order.
    ///
    /// A pattern that hits a PCRE2 resource limit is skipped for this ad and counted in `scratch.limitHits`.
    /// - Parameter prefilter: false runs every pattern (for tests that check the prefilter loses nothing).
    func match(view: MatchingText, text: String, scratch: FeatureScratch, prefilter: Bool = true) -> [IndicatorHit] {
        // Buffers moved out of the scratch for the duration: local arrays, no exclusivity checks in the loops.
        var occurrences = scratch.lexiconWindows
        scratch.lexiconWindows = LiteralWindows()
        var candidateMark = scratch.patternCandidate
        scratch.patternCandidate = []
        var profile = scratch.profile
        scratch.profile = nil
        defer {
            scratch.lexiconWindows = occurrences
            scratch.patternCandidate = candidateMark
            scratch.profile = profile
        }
        let bytes = view.bytes
        if candidateMark.count != patterns.count { candidateMark = [Bool](repeating: false, count: patterns.count) }
        let scanStarted = profile == nil ? 0 : ExtractionProfile.now()
        bytes.withUnsafeBufferPointer { occurrences.index($0, automaton: automaton) }
        profile?.literalOccurrences += occurrences.occurrences.count
        if profile != nil { profile!.automatonNanoseconds &+= ExtractionProfile.now() &- scanStarted }
        // Windows are sound only while whitespace and word runs are as short as PatternSpan assumes.
        let windowed = prefilter && bytes.withUnsafeBufferPointer { PatternSpan.holds(for: $0) }
        var candidates: [Int32] = prefilter ? alwaysRun : Array(0..<Int32(patterns.count))
        if prefilter {
            // Through the occurrences (about a hundred) rather than all literals' flags (nearly a thousand).
            for occurrence in occurrences.occurrences {
                for p in literalPatterns[Int(occurrence.literal)] where !candidateMark[Int(p)] {
                    candidateMark[Int(p)] = true
                    candidates.append(p)
                }
            }
            for p in candidates { candidateMark[Int(p)] = false }
            candidates.sort()
        }
        scratch.patternRuns += candidates.count
        if profile != nil { profile!.literalScanNanoseconds &+= ExtractionProfile.now() &- scanStarted }
        let matcher = scratch.pcre
        var limitHits = 0

        var raw: [(entry: Int, range: Range<Int>)] = []
        bytes.withUnsafeBufferPointer { subject in
            var suppressed: [Int: [Range<Int>]] = [:]
            // The current entry's ranges kept so far, sorted and disjoint: "already kept?" is a binary search, not
            // a scan of every hit (a page repeating one phrase 300,000 times made that scan quadratic). An entry's
            // patterns are consecutive and candidates run in pattern order, so one list serves each entry in turn.
            var entry = -1
            var earlier: [Range<Int>] = []
            var fresh: [Range<Int>] = []
            for p in candidates {
                let started = profile == nil ? 0 : ExtractionProfile.now()
                var calls = 0
                let pattern = patterns[Int(p)]
                do {
                    if windowed, let span = spans[Int(p)], !patternLiterals[Int(p)].isEmpty {
                        occurrences.windows(for: patternLiterals[Int(p)], lengths: literalLengths, span: span, count: subject.count)
                        calls = try occurrences.search(pattern.regex, in: subject, matcher: matcher)
                    } else {
                        occurrences.ranges = try matcher.allMatches(pattern.regex, in: subject)
                        calls = occurrences.ranges.count + 1
                    }
                    if pattern.entry != entry {
                        entry = pattern.entry
                        earlier.removeAll(keepingCapacity: true)
                    }
                    fresh.removeAll(keepingCapacity: true)
                    for range in occurrences.ranges where !range.isEmpty {
                        if isSuppressed(range, entry: pattern.entry, in: subject, windowed: windowed, matcher: matcher, cache: &suppressed) {
                            continue
                        }
                        // Two patterns of one entry on the same span count once.
                        if DisjointRanges.overlap(earlier, range) || DisjointRanges.overlap(fresh, range) { continue }
                        DisjointRanges.insert(range, into: &fresh)
                        raw.append((pattern.entry, range))
                    }
                    if !fresh.isEmpty {
                        if earlier.isEmpty { swap(&earlier, &fresh) } else { earlier = DisjointRanges.merge(earlier, fresh) }
                    }
                } catch {
                    limitHits += 1
                }
                if profile != nil {
                    profile!.patternCalls[Int(p)] += calls
                    profile!.patternNanoseconds[Int(p)] &+= ExtractionProfile.now() &- started
                    profile!.patternRuns[Int(p)] += 1
                }
            }
        }
        scratch.limitHits += limitHits
        let hitsStarted = profile == nil ? 0 : ExtractionProfile.now()
        defer { if profile != nil { profile!.hitNanoseconds &+= ExtractionProfile.now() &- hitsStarted } }
        raw.sort { ($0.range.lowerBound, $0.entry) < ($1.range.lowerBound, $1.entry) }
        let utf8 = Array(text.utf8)
        var scalarIndex = ScalarIndex(utf8)
        return raw.map { hit in
            let source = view.sourceRange(of: hit.range)
            let entry = lexicon.entries[hit.entry]
            return IndicatorHit(
                family: entry.family, entry: entry.id,
                match: String(decoding: utf8[source], as: UTF8.self), start: scalarIndex.scalarOffset(of: source.lowerBound),
                end: scalarIndex.scalarOffset(of: source.upperBound), feature: entryFeatures[hit.entry], minor: entry.minor)
        }
    }
}

extension IndicatorMatcher {
    /// Whether a suppressor of `entry` matches a span containing `range`.
    ///
    /// A containing match starts at most `span` bytes before the hit, so a suppressor with a bounded span runs only
    /// from there to `span` bytes past the hit; one without runs once over the whole text (cached per ad).
    func isSuppressed(
        _ range: Range<Int>, entry: Int, in subject: UnsafeBufferPointer<UInt8>, windowed: Bool, matcher: PCRE2Matcher,
        cache: inout [Int: [Range<Int>]]
    ) -> Bool {
        for (k, suppressor) in suppressors[entry].enumerated() {
            if windowed, let span = suppressorSpans[entry][k] {
                let end = min(subject.count, range.lowerBound + span.extent)
                let truncated = UnsafeBufferPointer(rebasing: subject[0..<end])
                var position = max(0, range.upperBound - span.span)
                while position <= range.lowerBound,
                    let found = try? matcher.firstMatch(suppressor, in: truncated, from: position)
                {
                    if found.lowerBound > range.lowerBound { break }
                    if found.upperBound >= range.upperBound { return true }
                    position = found.lowerBound + 1
                    while position < truncated.count && truncated[position] & 0xC0 == 0x80 { position += 1 }
                }
            } else {
                let key = entry &* 64 &+ k
                let spans: [Range<Int>]
                if let cached = cache[key] {
                    spans = cached
                } else {
                    spans = (try? matcher.allMatches(suppressor, in: subject)) ?? []
                    cache[key] = spans
                }
                if DisjointRanges.contain(spans, range) { return true }
            }
        }
        return false
    }
}

/// Converts UTF-8 byte offsets to Unicode scalar offsets, walking forward only (hits come in order).
struct ScalarIndex {
    private let utf8: [UInt8]
    private var byte = 0
    private var scalar = 0

    init(_ utf8: [UInt8]) { self.utf8 = utf8 }

    mutating func scalarOffset(of target: Int) -> Int {
        // Overlapping hits step back a little (the overlap), never to the start: restarting from 0 made a page of
        // many overlapping hits quadratic. `scalar` counts the offsets i in 1...byte that end a scalar.
        while byte > target {
            if byte >= utf8.count || utf8[byte] & 0xC0 != 0x80 { scalar -= 1 }
            byte -= 1
        }
        while byte < target && byte < utf8.count {
            byte += 1
            if byte >= utf8.count || utf8[byte] & 0xC0 != 0x80 { scalar += 1 }
        }
        return scalar
    }
}
