/// A handful of PCRE2 patterns behind one literal automaton: a pattern runs only when one of its required
/// literals occurs in the text, and then only in windows around those occurrences (``LiteralWindows``).
///
/// The entity extractor's patterns (ages, prices, emails) fire on few ads, but a pattern that starts with a
/// character class is tried at every position of the text, which made them as costly as the whole lexicon. The same
/// prefilter idea as ``IndicatorMatcher``, for a fixed set of patterns with literals derived by
/// ``RequiredLiterals`` or given by hand (for 1-byte literals such as `@` and `$`, which the automaton's
/// derivation refuses as too short to be selective in general, but are selective here). A hand-given literal may
/// start or end with `\b`, copied from its pattern: then only occurrences at a word boundary on that side count
/// (`yo\b` for the age unit `yo`, which `you` would otherwise wake on every line).
final class PrefilteredRegexSet: Sendable {
    let regexes: [PCRE2Regex]
    private let automaton: LiteralAutomaton
    /// Per pattern: its literals' automaton indices (empty: the pattern always runs over the whole text).
    private let patternLiterals: [[Int32]]
    private let literalLengths: [Int32]
    /// Per literal, the word boundaries its occurrences must sit on.
    private let boundaries: [LiteralWindows.Boundary]
    /// Per pattern: how far its matches reach in the unsqueezed `.entities` view, or nil (whole text).
    private let spans: [PatternSpan?]

    /// - Parameter patterns: each pattern with optional hand-given literals (used instead of derived ones).
    init(_ patterns: [(pattern: String, literals: [String]?)]) throws(PCRE2Regex.CompileError) {
        var regexes: [PCRE2Regex] = []
        struct Key: Hashable {
            var bytes: [UInt8]
            var boundary: LiteralWindows.Boundary
        }
        var index: [Key: Int32] = [:]
        var patternLiterals: [[Int32]] = []
        for item in patterns {
            regexes.append(try PCRE2Regex(item.pattern))
            let literals = item.literals ?? RequiredLiterals.extract(from: item.pattern) ?? []
            var slots: [Int32] = []
            for literal in Set(literals) {
                var key = Key(bytes: LiteralWindows.canonical(Array(literal.utf8)), boundary: [])
                if key.bytes.starts(with: Array("\\b".utf8)) {
                    key.bytes.removeFirst(2)
                    key.boundary.insert(.before)
                }
                if key.bytes.count > 2 && key.bytes.suffix(2).elementsEqual("\\b".utf8) {
                    key.bytes.removeLast(2)
                    key.boundary.insert(.after)
                }
                if let slot = index[key] {
                    slots.append(slot)
                } else {
                    let slot = Int32(index.count)
                    index[key] = slot
                    slots.append(slot)
                }
            }
            patternLiterals.append(slots.sorted())
        }
        var literals = [[UInt8]](repeating: [], count: index.count)
        var boundaries = [LiteralWindows.Boundary](repeating: [], count: index.count)
        for (key, slot) in index {
            literals[Int(slot)] = key.bytes
            boundaries[Int(slot)] = key.boundary
        }
        self.boundaries = boundaries
        self.regexes = regexes
        self.automaton = LiteralWindows.automaton(literals)
        self.patternLiterals = patternLiterals
        self.literalLengths = literals.map { Int32($0.count) }
        self.spans = patterns.map { PatternSpan.of($0.pattern, squeezedLetters: false) }
    }

    /// One text's prefilter state: which literals occur where, and whether windows may be trusted.
    struct Prepared {
        fileprivate var windows: LiteralWindows
        fileprivate var windowed: Bool
    }

    /// Finds the literals of `subject`; pass the result to ``forEachMatch(_:in:prepared:matcher:groups:_:)``.
    /// `windows` is the worker's reusable buffer, moved into the result.
    func prepare(_ subject: UnsafeBufferPointer<UInt8>, reusing windows: consuming LiteralWindows) -> Prepared {
        var windows = windows
        windows.index(subject, automaton: automaton, boundaries: (boundaries, literalLengths))
        return Prepared(windows: windows, windowed: PatternSpan.holds(for: subject))
    }

    /// Whether pattern `k` can match the prepared text.
    func mayMatch(_ k: Int, _ prepared: Prepared) -> Bool {
        patternLiterals[k].isEmpty || patternLiterals[k].contains { prepared.windows.found[Int($0)] }
    }

    /// Calls `body` with the whole match and the first `groups` capture groups of each match of pattern `k`, left to
    /// right; the search resumes after the match (at least one byte further). A pattern that hits a PCRE2 limit
    /// stops early.
    func forEachMatch(
        _ k: Int, in subject: UnsafeBufferPointer<UInt8>, prepared: inout Prepared, matcher: PCRE2Matcher, groups: Int,
        _ body: ([Range<Int>?]) -> Void
    ) {
        guard mayMatch(k, prepared) else { return }
        let regex = regexes[k]
        func run(from start: Int, to end: Int) {
            let truncated = UnsafeBufferPointer(rebasing: subject[0..<end])
            var position = start
            while position < end, let found = try? matcher.captures(regex, in: truncated, from: position, groups: groups),
                let whole = found[0]
            {
                body(found)
                position = max(whole.upperBound, position + 1)
                while position < end && truncated[position] & 0xC0 == 0x80 { position += 1 }
            }
        }
        if prepared.windowed, let span = spans[k], !patternLiterals[k].isEmpty {
            prepared.windows.windows(for: patternLiterals[k], lengths: literalLengths, span: span, count: subject.count)
            for window in prepared.windows.windows { run(from: window.lowerBound, to: window.upperBound) }
        } else {
            run(from: 0, to: subject.count)
        }
    }

    /// Gives the buffers back for the next text.
    func finish(_ prepared: consuming Prepared) -> LiteralWindows { prepared.windows }
}
