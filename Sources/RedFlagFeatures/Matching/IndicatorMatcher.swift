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
    let patterns: [CompiledPattern]
    let suppressors: [[PCRE2Regex]]
    let automaton: LiteralAutomaton
    /// For each automaton literal, the patterns it unlocks.
    let literalPatterns: [[Int32]]
    /// Patterns with no derivable literal: always run.
    let alwaysRun: [Int32]
    /// For each pattern, the automaton literals that unlock it.
    let patternLiterals: [[Int32]]
    /// For each pattern, its longest possible match in bytes (``PatternSpan``), or nil: then it runs on the whole
    /// text instead of in windows around its literals.
    let spans: [Int?]
    /// Byte length of each automaton literal.
    let literalLengths: [Int32]
    /// Context kept after a window for lookaheads and `\b`.
    static let windowMargin = 64
    /// For each entry, each suppressor's longest possible match (nil: unbounded).
    let suppressorSpans: [[Int?]]

    /// Compiles the lexicon; a bad pattern is reported with its entry id and position.
    public init(lexicon: Lexicon) throws(LexiconError) {
        self.lexicon = lexicon
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
                    for literal in Set(literals.map { Array($0.utf8) }) {
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
        self.spans = patterns.map { PatternSpan.maximumBytes(of: $0.regex.pattern) }
        self.suppressorSpans = suppressors.map { $0.map { PatternSpan.maximumBytes(of: $0.pattern) } }
        self.literalLengths = literals.map { Int32($0.count) }
        self.patterns = patterns
        self.suppressors = suppressors
        self.automaton = LiteralAutomaton(literals: literals)
        self.literalPatterns = literalPatterns
        self.alwaysRun = alwaysRun
    }

    /// How many patterns the prefilter can skip, and how many always run (for `lexicon check` and benchmarks).
    public var prefilterCoverage: (patterns: Int, alwaysRun: Int, literals: Int, windowed: Int) {
        (patterns.count, alwaysRun.count, automaton.literalCount, spans.compactMap { $0 }.count)
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
        let bytes = view.bytes
        if scratch.literalFound.count != automaton.literalCount {
            scratch.literalFound = [Bool](repeating: false, count: automaton.literalCount)
        } else {
            for i in scratch.literalFound.indices { scratch.literalFound[i] = false }
        }
        if scratch.patternCandidate.count != patterns.count {
            scratch.patternCandidate = [Bool](repeating: false, count: patterns.count)
        }
        scratch.occurrences.removeAll(keepingCapacity: true)
        bytes.withUnsafeBufferPointer { automaton.occurrences(in: $0, into: &scratch.occurrences) }
        // Occurrences chained per literal, so each pattern visits only its own literals' occurrences.
        if scratch.occurrenceHead.count != automaton.literalCount {
            scratch.occurrenceHead = [Int32](repeating: -1, count: automaton.literalCount)
        } else {
            for i in scratch.occurrenceHead.indices { scratch.occurrenceHead[i] = -1 }
        }
        scratch.occurrenceNext.removeAll(keepingCapacity: true)
        for (k, occurrence) in scratch.occurrences.enumerated() {
            let literal = Int(occurrence.literal)
            scratch.literalFound[literal] = true
            scratch.occurrenceNext.append(scratch.occurrenceHead[literal])
            scratch.occurrenceHead[literal] = Int32(k)
        }
        // Windows are sound only while whitespace runs are as short as PatternSpan assumes.
        let windowed = prefilter && longestWhitespaceRun(bytes) <= PatternSpan.whitespaceRun
        var candidates: [Int32] = prefilter ? alwaysRun : Array(0..<Int32(patterns.count))
        for (slot, found) in scratch.literalFound.enumerated() where found && prefilter {
            for p in literalPatterns[slot] where !scratch.patternCandidate[Int(p)] {
                scratch.patternCandidate[Int(p)] = true
                candidates.append(p)
            }
        }
        for p in candidates { scratch.patternCandidate[Int(p)] = false }
        candidates.sort()
        scratch.patternRuns += candidates.count

        var raw: [(entry: Int, range: Range<Int>)] = []
        bytes.withUnsafeBufferPointer { subject in
            var suppressed: [Int: [Range<Int>]] = [:]
            for p in candidates {
                let pattern = patterns[Int(p)]
                let ranges: [Range<Int>]
                do {
                    if windowed, let span = spans[Int(p)], !patternLiterals[Int(p)].isEmpty {
                        ranges = try matches(pattern: Int(p), span: span, in: subject, scratch: scratch)
                    } else {
                        ranges = try scratch.pcre.allMatches(pattern.regex, in: subject)
                    }
                } catch {
                    scratch.limitHits += 1
                    continue
                }
                for range in ranges where !range.isEmpty {
                    if isSuppressed(range, entry: pattern.entry, in: subject, windowed: windowed, scratch: scratch, cache: &suppressed) {
                        continue
                    }
                    // Two patterns of one entry on the same span count once.
                    if raw.contains(where: { $0.entry == pattern.entry && $0.range.overlaps(range) }) { continue }
                    raw.append((pattern.entry, range))
                }
            }
        }
        raw.sort { ($0.range.lowerBound, $0.entry) < ($1.range.lowerBound, $1.entry) }
        let utf8 = Array(text.utf8)
        var scalarIndex = ScalarIndex(utf8)
        return raw.map { hit in
            let source = view.sourceRange(of: hit.range)
            let entry = lexicon.entries[hit.entry]
            return IndicatorHit(
                family: entry.family, entry: entry.id,
                match: String(decoding: utf8[source], as: UTF8.self), start: scalarIndex.scalarOffset(of: source.lowerBound),
                end: scalarIndex.scalarOffset(of: source.upperBound), utf8Range: source)
        }
    }
}

extension IndicatorMatcher {
    /// Matches of pattern `p` found by running PCRE2 only in windows around its literals' occurrences.
    ///
    /// A match contains an occurrence of one of the pattern's literals and is at most `span` bytes long, so it
    /// starts no earlier than `occurrence end − span` and ends no later than `occurrence start + span`. Windows are
    /// merged; PCRE2 sees the whole text before a window (lookbehind, `\b`) and ``windowMargin`` bytes after it.
    func matches(pattern p: Int, span: Int, in subject: UnsafeBufferPointer<UInt8>, scratch: FeatureScratch)
        throws(PCRE2Matcher.LimitError) -> [Range<Int>]
    {
        // Scratch buffers: this runs for ~50 patterns per ad, and fresh arrays each time cost more than the search.
        var windows = scratch.windows
        windows.removeAll(keepingCapacity: true)
        defer { scratch.windows = windows }
        for literal in patternLiterals[p] {
            var k = scratch.occurrenceHead[Int(literal)]
            while k >= 0 {
                let end = Int(scratch.occurrences[Int(k)].end)
                let start = end - Int(literalLengths[Int(literal)])
                windows.append(max(0, end - span)..<min(subject.count, start + span + Self.windowMargin))
                k = scratch.occurrenceNext[Int(k)]
            }
        }
        windows.sort { $0.lowerBound < $1.lowerBound }
        // Merge overlapping windows in place.
        var count = 0
        for window in windows {
            if count > 0, window.lowerBound <= windows[count - 1].upperBound {
                windows[count - 1] = windows[count - 1].lowerBound..<max(windows[count - 1].upperBound, window.upperBound)
            } else {
                windows[count] = window
                count += 1
            }
        }
        var out: [Range<Int>] = []
        for window in windows[0..<count] {
            let truncated = UnsafeBufferPointer(rebasing: subject[0..<window.upperBound])
            var position = window.lowerBound
            while position < window.upperBound,
                let range = try scratch.pcre.firstMatch(patterns[p].regex, in: truncated, from: position)
            {
                out.append(range)
                position = range.isEmpty ? range.upperBound + 1 : range.upperBound
                while position < truncated.count && truncated[position] & 0xC0 == 0x80 { position += 1 }
            }
        }
        return out
    }

    /// Whether a suppressor of `entry` matches a span containing `range`.
    ///
    /// A containing match starts at most `span` bytes before the hit, so a suppressor with a bounded span runs only
    /// from there to `span` bytes past the hit; one without runs once over the whole text (cached per ad).
    func isSuppressed(
        _ range: Range<Int>, entry: Int, in subject: UnsafeBufferPointer<UInt8>, windowed: Bool, scratch: FeatureScratch,
        cache: inout [Int: [Range<Int>]]
    ) -> Bool {
        for (k, suppressor) in suppressors[entry].enumerated() {
            if windowed, let span = suppressorSpans[entry][k] {
                let end = min(subject.count, range.lowerBound + span + Self.windowMargin)
                let truncated = UnsafeBufferPointer(rebasing: subject[0..<end])
                var position = max(0, range.upperBound - span)
                while position <= range.lowerBound,
                    let found = try? scratch.pcre.firstMatch(suppressor, in: truncated, from: position)
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
                    spans = (try? scratch.pcre.allMatches(suppressor, in: subject)) ?? []
                    cache[key] = spans
                }
                if spans.contains(where: { $0.lowerBound <= range.lowerBound && range.upperBound <= $0.upperBound }) {
                    return true
                }
            }
        }
        return false
    }

    /// The longest run of whitespace bytes in the view.
    func longestWhitespaceRun(_ bytes: [UInt8]) -> Int {
        var longest = 0
        var run = 0
        for b in bytes {
            if b == 32 || b == 10 || b == 9 || b == 13 {
                run += 1
                longest = max(longest, run)
            } else {
                run = 0
            }
        }
        return longest
    }
}

/// Converts UTF-8 byte offsets to Unicode scalar offsets, walking forward only (hits come in order).
struct ScalarIndex {
    private let utf8: [UInt8]
    private var byte = 0
    private var scalar = 0

    init(_ utf8: [UInt8]) { self.utf8 = utf8 }

    mutating func scalarOffset(of target: Int) -> Int {
        if target < byte {
            byte = 0
            scalar = 0
        }
        while byte < target && byte < utf8.count {
            byte += 1
            if byte >= utf8.count || utf8[byte] & 0xC0 != 0x80 { scalar += 1 }
        }
        return scalar
    }
}
