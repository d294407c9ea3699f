/// How far a match of a pattern can reach, in UTF-8 bytes of a normalized view, or nil when that is unbounded.
///
/// With it a matcher runs a pattern only in windows around the occurrences of its required literals: a match
/// contains one of them, so it starts at most `span` bytes before an occurrence ends, and the engine reads at most
/// `extent` bytes past the match start (the match, lookaheads and the character a closing `\b` looks at).
///
/// The bounds are exact per construct rather than one worst case per character, because window width is what
/// matching costs (a window of 4 bytes per character covered most of a short ad):
/// - an ASCII literal is 1 byte: its only non-ASCII caseless forms, the Kelvin sign and the long s, never occur in a
///   view (``TextNormalizer`` folds them to `k` and `s`); any other character counts 4;
/// - a class is 1 byte when all its members are ASCII (4 under UCP with `\w`, `\d`), 4 when negated or holding
///   non-ASCII members; `.`, `\W`, `\S`, `\D` and the like are 4;
/// - `\s` is 1 byte: the views never hold non-ASCII whitespace (``TextNormalizer`` folds it to a space or a
///   newline), and a run of it counts ``whitespaceRun`` bytes;
/// - a word character (`\w`, `\d`, a class of letters, digits and `_` only, a letter) repeated without bound counts
///   ``wordRun`` bytes; in the `.words` view a single letter with `+` counts 2 (stretched letters are cut to two);
/// - anything else unbounded, a backreference or a construct it does not know makes the answer nil, so the pattern
///   runs over the whole text.
///
/// The run bounds are assumptions about the text, which the matcher checks per ad (``holds(for:)``): an ad with a
/// longer run is matched over its whole text.
struct PatternSpan: Equatable, Sendable {
    /// Longest match, in bytes.
    var span: Int
    /// Bytes past the match start the engine may read: the match, lookaheads, and one character after.
    var extent: Int

    /// Longest run of ASCII whitespace bytes the bounds assume.
    static let whitespaceRun = 4
    /// Longest run of word bytes (``isWordByte(_:)``) assumed by `\w+` and `[a-z]{3,}`. Real words are far
    /// shorter (on the DIG ads, 0.4% of ads hold a longer run, all pasted hashes); such an ad is matched whole.
    static let wordRun = 32

    /// Bytes a word character can be made of: ASCII letters, digits and `_`, and every byte of a non-ASCII
    /// scalar (a Unicode letter under UCP, or a caseless match such as the Kelvin sign for `k`). Conservative: a
    /// non-ASCII punctuation mark also continues a run, which only makes an ad fall back to whole-text matching.
    @inline(__always)
    static func isWordByte(_ b: UInt8) -> Bool {
        b >= 0x80 || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x5F
    }

    @inline(__always)
    static func isWhitespaceByte(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }

    /// Whether `text` keeps the run assumptions: no whitespace run longer than ``whitespaceRun`` and no word run
    /// longer than ``wordRun``.
    static func holds(for text: UnsafeBufferPointer<UInt8>) -> Bool {
        // Branch-free per byte: a run counter grows on its kind of byte and resets to 0 on any other.
        var space = 0
        var word = 0
        var longestSpace = 0
        var longestWord = 0
        for b in text {
            let kind = byteKinds[Int(b)]
            space = (space &+ 1) & -Int(kind & 1)
            word = (word &+ 1) & -Int(kind >> 1)
            longestSpace = max(longestSpace, space)
            longestWord = max(longestWord, word)
        }
        return longestSpace <= whitespaceRun && longestWord <= wordRun
    }

    /// Per byte: 1 for whitespace, 2 for a word byte, 0 otherwise.
    private static let byteKinds: [UInt8] = (0..<256).map { b in
        isWhitespaceByte(UInt8(b)) ? 1 : isWordByte(UInt8(b)) ? 2 : 0
    }

    /// The bounds of `pattern` as ``PCRE2Regex`` compiles it (UCP when the pattern holds non-ASCII), or nil.
    /// - Parameter squeezedLetters: the text is the `.words` view, where no letter repeats more than twice.
    static func of(_ pattern: String, squeezedLetters: Bool = true) -> PatternSpan? {
        let scalars = Array(pattern.unicodeScalars)
        var parser = Parser(scalars, ucp: scalars.contains { !$0.isASCII }, squeezedLetters: squeezedLetters)
        guard let length = parser.alternation(), parser.atEnd else { return nil }
        return PatternSpan(span: length.span, extent: length.extent + 4)
    }

    /// Longest match and extent of a piece of pattern.
    private struct Length {
        var span: Int
        var extent: Int
        static let zero = Length(span: 0, extent: 0)
        static func bytes(_ n: Int) -> Length { Length(span: n, extent: n) }
        /// This piece followed by `next`: the next piece's lookahead reach starts where this piece's match ends.
        func then(_ next: Length) -> Length {
            Length(span: span + next.span, extent: max(extent, span + next.extent))
        }
    }

    private struct Parser {
        let s: [Unicode.Scalar]
        let ucp: Bool
        let squeezedLetters: Bool
        var i = 0
        init(_ s: [Unicode.Scalar], ucp: Bool, squeezedLetters: Bool) {
            self.s = s
            self.ucp = ucp
            self.squeezedLetters = squeezedLetters
        }
        var atEnd: Bool { i >= s.count }

        mutating func alternation() -> Length? {
            var best = Length.zero
            while true {
                guard let branch = sequence() else { return nil }
                best = Length(span: max(best.span, branch.span), extent: max(best.extent, branch.extent))
                if i < s.count && s[i] == "|" {
                    i += 1
                    continue
                }
                return best
            }
        }

        mutating func sequence() -> Length? {
            var total = Length.zero
            while i < s.count && s[i] != "|" && s[i] != ")" {
                guard let (length, single) = atom() else { return nil }
                guard let repeated = quantified(length, single: single) else { return nil }
                total = total.then(repeated)
            }
            return total
        }

        /// What kind of single thing an atom is, for unbounded repeats.
        enum Single { case none, letter, whitespace, word }

        mutating func atom() -> (Length, Single)? {
            let c = s[i]
            switch c {
            case "(":
                i += 1
                var lookahead = false
                if i < s.count && s[i] == "?" {
                    i += 1
                    guard i < s.count else { return nil }
                    switch s[i] {
                    case ":", ">": i += 1
                    case "=", "!":
                        i += 1
                        lookahead = true
                    case "<":
                        // Lookbehind: the engine reads text before the match start, which every window keeps.
                        i += 1
                        guard i < s.count, s[i] == "=" || s[i] == "!" else { return nil }
                        i += 1
                        guard alternation() != nil, i < s.count, s[i] == ")" else { return nil }
                        i += 1
                        return (.zero, .none)
                    case let c where "imsnUJ-".unicodeScalars.contains(c):
                        // Option settings that change no lengths: `(?m)`, or `(?i:…)` as a plain group.
                        while i < s.count && "imsnUJ-".unicodeScalars.contains(s[i]) { i += 1 }
                        guard i < s.count else { return nil }
                        if s[i] == ")" {
                            i += 1
                            return (.zero, .none)
                        }
                        guard s[i] == ":" else { return nil }
                        i += 1
                    default: return nil  // `x`, named groups, conditionals: not in our lexicon
                    }
                }
                guard let inner = alternation(), i < s.count, s[i] == ")" else { return nil }
                i += 1
                return (lookahead ? Length(span: 0, extent: inner.extent) : inner, .none)
            case "[":
                return characterClass()
            case "\\":
                i += 1
                guard i < s.count else { return nil }
                let e = s[i]
                i += 1
                switch e {
                case "b", "B", "A", "z", "Z", "G": return (.zero, .none)
                case "s": return (.bytes(1), .whitespace)
                case "w", "d": return (.bytes(ucp ? 4 : 1), .word)
                case "D", "W", "S", "h", "H", "v", "V", "N": return (.bytes(4), .none)
                case ".", "-", "/", "+", "?", "(", ")", "[", "]", "{", "}", "|", "\\", "$", "^", "*", "'", "\"", "&",
                    "#", "@", "!", ":", ",", "%", "~", "<", ">", "=", "_", "n", "t", "r":
                    return (.bytes(1), .none)
                default: return nil  // backreferences, \p, \x, \Q… : no bound claimed
                }
            case "^", "$":
                i += 1
                return (.zero, .none)
            case ".":
                i += 1
                return (.bytes(4), .none)
            case ")", "|", "*", "+", "?", "{": return nil
            default:
                i += 1
                let isLetter = c.properties.isAlphabetic
                let bytes = c.isASCII ? 1 : 4
                return (.bytes(bytes), isLetter ? .letter : (("0"..."9").contains(c) ? .word : .none))
            }
        }

        /// A `[...]` class: its widest member, and whether it holds word characters only.
        mutating func characterClass() -> (Length, Single)? {
            i += 1
            var wordOnly = true
            var widest = 1
            if i < s.count && s[i] == "^" {
                wordOnly = false
                widest = 4
                i += 1
            }
            var first = true
            var previous: Unicode.Scalar?
            while i < s.count && (s[i] != "]" || first) {
                first = false
                if s[i] == "[" && i + 1 < s.count && s[i + 1] == ":" { return nil }  // POSIX classes: not used
                if s[i] == "\\" {
                    i += 1
                    guard i < s.count else { return nil }
                    switch s[i] {
                    case "w", "d":
                        if ucp { widest = 4 }
                    case "s":
                        wordOnly = false
                    case "D", "W", "S", "h", "H", "v", "V", "p", "P", "x", "N":
                        wordOnly = false
                        widest = 4
                    default:
                        let e = s[i]
                        if !(e.isASCII && (e.properties.isAlphabetic || ("0"..."9").contains(e) || e == "_")) {
                            wordOnly = false
                        }
                        widest = max(widest, e.isASCII ? 1 : 4)
                    }
                    previous = nil
                } else if s[i] == "-", let low = previous, i + 1 < s.count, s[i + 1] != "]" {
                    let high = s[i + 1]
                    let sameKind =
                        ("a"..."z").contains(low) && ("a"..."z").contains(high)
                        || ("A"..."Z").contains(low) && ("A"..."Z").contains(high)
                        || ("0"..."9").contains(low) && ("0"..."9").contains(high)
                    if !sameKind { wordOnly = false }
                    if !high.isASCII || !low.isASCII { widest = 4 }
                    i += 1
                    previous = nil
                } else {
                    let c = s[i]
                    if c.isASCII {
                        if !(c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "_") { wordOnly = false }
                        widest = max(widest, 1)
                    } else {
                        if !(c.properties.isAlphabetic || c.properties.numericType != nil) { wordOnly = false }
                        widest = 4
                    }
                    previous = c
                }
                i += 1
            }
            guard i < s.count else { return nil }
            i += 1
            return (.bytes(widest), wordOnly ? .word : .none)
        }

        mutating func quantified(_ length: Length, single: Single) -> Length? {
            guard i < s.count else { return length }
            var result: Length?
            /// An unbounded repeat of `length`, when the kind of thing repeated bounds it.
            func unbounded() -> Length? {
                if length.extent == 0 { return .zero }
                switch single {
                case .whitespace: return .bytes(PatternSpan.whitespaceRun)
                case .letter: return squeezedLetters ? .bytes(length.span * 2) : .bytes(PatternSpan.wordRun)
                case .word: return .bytes(PatternSpan.wordRun)
                case .none: return nil
                }
            }
            switch s[i] {
            case "?":
                i += 1
                result = length
            case "*", "+":
                i += 1
                result = unbounded()
            case "{":
                var j = i + 1
                var digits = ""
                while j < s.count, s[j] != "}" {
                    digits.unicodeScalars.append(s[j])
                    j += 1
                }
                guard j < s.count else { return nil }
                let parts = digits.split(separator: ",", omittingEmptySubsequences: false)
                guard parts.count == 1 || parts.count == 2 else { return nil }
                let upper = parts.count == 1 ? Int(parts[0]) : Int(parts[1])
                i = j + 1
                if let upper {
                    // n copies: each copy's lookahead reach starts where the previous copy ends.
                    var total = Length.zero
                    for _ in 0..<upper { total = total.then(length) }
                    result = upper == 0 ? .zero : total
                    if single == .whitespace { result = .bytes(min(upper, PatternSpan.whitespaceRun)) }
                } else {
                    result = unbounded()
                }
            default:
                return length
            }
            // Lazy and possessive suffixes change nothing about the span.
            if i < s.count && (s[i] == "?" || s[i] == "+") { i += 1 }
            return result
        }
    }
}
