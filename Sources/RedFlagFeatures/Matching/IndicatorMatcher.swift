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
        self.patterns = patterns
        self.suppressors = suppressors
        self.automaton = LiteralAutomaton(literals: literals)
        self.literalPatterns = literalPatterns
        self.alwaysRun = alwaysRun
    }

    /// How many patterns the prefilter can skip, and how many always run (for `lexicon check` and benchmarks).
    public var prefilterCoverage: (patterns: Int, alwaysRun: Int, literals: Int) {
        (patterns.count, alwaysRun.count, automaton.literalCount)
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
        bytes.withUnsafeBufferPointer { automaton.scan($0, into: &scratch.literalFound) }
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
                    ranges = try scratch.pcre.allMatches(pattern.regex, in: subject)
                } catch {
                    scratch.limitHits += 1
                    continue
                }
                for range in ranges where !range.isEmpty {
                    let spans: [Range<Int>]
                    if let cached = suppressed[pattern.entry] {
                        spans = cached
                    } else {
                        var found: [Range<Int>] = []
                        for suppressor in suppressors[pattern.entry] {
                            found += (try? scratch.pcre.allMatches(suppressor, in: subject)) ?? []
                        }
                        suppressed[pattern.entry] = found
                        spans = found
                    }
                    if spans.contains(where: { $0.lowerBound <= range.lowerBound && range.upperBound <= $0.upperBound }) {
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
