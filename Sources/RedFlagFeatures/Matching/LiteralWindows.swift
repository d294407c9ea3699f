/// Where a text's prefilter literals occur, and the windows around them where a pattern can match.
///
/// One automaton pass records every occurrence; occurrences are chained per literal so a pattern visits only its
/// own literals' occurrences. For a pattern with a bounded ``PatternSpan``, every match contains one of its
/// literals, so it starts at most `span` bytes before an occurrence ends and PCRE2 reads at most `extent` bytes past
/// an occurrence's start: PCRE2 runs only in those windows, merged. Shared by the lexicon matcher and the entity
/// patterns. A worker keeps one per use in its ``FeatureScratch`` and moves it out while matching, so the buffers
/// are reused across ads and the loops touch local arrays, not class properties.
struct LiteralWindows {
    /// Every occurrence, in text order: literal index and end offset.
    private(set) var occurrences: [(literal: Int32, end: Int32)] = []
    /// Per literal, the last occurrence's index (−1: none); `next` links to the previous one of the same literal.
    private var head: [Int32] = []
    private var next: [Int32] = []
    /// Per literal, whether it occurs.
    private(set) var found: [Bool] = []
    /// The merged windows of the last ``windows(for:lengths:span:count:)`` call.
    private(set) var windows: [Range<Int>] = []
    /// Matches found in the windows of the last ``search(_:in:matcher:)`` call.
    var ranges: [Range<Int>] = []

    /// The automaton for literals searched in a ``TextNormalizer`` view, as both the lexicon and the entity patterns
    /// build it: a newline reads as a space (the views' only whitespace, so a literal spelled with `\s` needs one
    /// spelling, not two), and non-ASCII bytes share one class with exact bytes checked on report (short rows).
    /// Literals must be given in ``canonical(_:)`` form.
    static func automaton(_ literals: [[UInt8]]) -> LiteralAutomaton {
        LiteralAutomaton(literals: literals, scanning: scanning, coarseNonASCII: true)
    }

    /// A literal as the automaton spells it: newlines as spaces.
    static func canonical(_ literal: [UInt8]) -> [UInt8] { literal.map { scanning[$0] ?? $0 } }

    private static let scanning: [UInt8: UInt8] = [0x0A: 0x20]

    /// Word-boundary conditions on a literal's occurrences (see ``index(_:automaton:boundaries:)``).
    struct Boundary: OptionSet, Hashable, Sendable {
        let rawValue: UInt8
        /// The literal must not follow an ASCII word character (the pattern has `\b` before it).
        static let before = Boundary(rawValue: 1)
        /// The literal must not precede an ASCII word character (`\b` after it).
        static let after = Boundary(rawValue: 2)
    }

    /// Records the occurrences of `automaton`'s literals in `text`, forgetting the last text's.
    ///
    /// - Parameter boundaries: per literal, conditions an occurrence must meet to count, for literals that begin or
    ///   end with an ASCII word character next to a `\b` in their pattern: `yo\b` then skips the `yo` of `you`.
    ///   Only an ASCII word character next to the occurrence rules it out, so the check holds with and without UCP.
    mutating func index(
        _ text: UnsafeBufferPointer<UInt8>, automaton: LiteralAutomaton,
        boundaries: (conditions: [Boundary], lengths: [Int32])? = nil
    ) {
        let literals = automaton.literalCount
        if found.count != literals {
            found = [Bool](repeating: false, count: literals)
            head = [Int32](repeating: -1, count: literals)
        } else {
            for occurrence in occurrences {
                found[Int(occurrence.literal)] = false
                head[Int(occurrence.literal)] = -1
            }
        }
        occurrences.removeAll(keepingCapacity: true)
        next.removeAll(keepingCapacity: true)
        automaton.occurrences(in: text, into: &occurrences)
        if let boundaries {
            @inline(__always) func isASCIIWord(_ b: UInt8) -> Bool {
                (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x5F
            }
            occurrences.removeAll { occurrence in
                let condition = boundaries.conditions[Int(occurrence.literal)]
                if condition.isEmpty { return false }
                let end = Int(occurrence.end)
                if condition.contains(.after) && end < text.count && isASCIIWord(text[end]) { return true }
                let start = end - Int(boundaries.lengths[Int(occurrence.literal)])
                return condition.contains(.before) && start > 0 && isASCIIWord(text[start - 1])
            }
        }
        for (k, occurrence) in occurrences.enumerated() {
            let literal = Int(occurrence.literal)
            found[literal] = true
            next.append(head[literal])
            head[literal] = Int32(k)
        }
    }

    /// Fills ``windows`` with the merged windows, sorted, of a pattern unlocked by `literals` (whose byte lengths
    /// are `lengths[literal]`) in a text of `count` bytes.
    mutating func windows(for literals: [Int32], lengths: [Int32], span: PatternSpan, count: Int) {
        windows.removeAll(keepingCapacity: true)
        for literal in literals {
            var k = head[Int(literal)]
            while k >= 0 {
                let end = Int(occurrences[Int(k)].end)
                let start = end - Int(lengths[Int(literal)])
                windows.append(max(0, end - span.span)..<min(count, start + span.extent))
                k = next[Int(k)]
            }
        }
        if windows.count > 1 {
            windows.sort { $0.lowerBound < $1.lowerBound }
            var merged = 0
            for k in 1..<windows.count {
                if windows[k].lowerBound <= windows[merged].upperBound {
                    windows[merged] = windows[merged].lowerBound..<max(windows[merged].upperBound, windows[k].upperBound)
                } else {
                    merged += 1
                    windows[merged] = windows[k]
                }
            }
            windows.removeLast(windows.count - merged - 1)
        }
    }

    /// Replaces ``ranges`` with the matches of `regex` that start in ``windows``: PCRE2 sees the text up to a
    /// window's end (and all of it before, for lookbehind and `\b`). Returns the number of `pcre2_match` calls.
    @discardableResult
    mutating func search(_ regex: PCRE2Regex, in subject: UnsafeBufferPointer<UInt8>, matcher: PCRE2Matcher)
        throws(PCRE2Matcher.LimitError) -> Int
    {
        ranges.removeAll(keepingCapacity: true)
        var calls = 0
        for window in windows {
            let truncated = UnsafeBufferPointer(rebasing: subject[0..<window.upperBound])
            var position = window.lowerBound
            while position < window.upperBound {
                calls += 1
                guard let range = try matcher.firstMatch(regex, in: truncated, from: position) else { break }
                ranges.append(range)
                position = range.isEmpty ? range.upperBound + 1 : range.upperBound
                while position < truncated.count && truncated[position] & 0xC0 == 0x80 { position += 1 }
            }
        }
        return calls
    }
}
