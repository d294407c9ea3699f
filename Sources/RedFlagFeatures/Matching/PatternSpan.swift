/// The longest match a lexicon pattern can make, in UTF-8 bytes, or nil when it is unbounded.
///
/// With it the matcher runs a pattern only in windows around the occurrences of its required literals: a match
/// contains one of them, so it starts at most `span` bytes before an occurrence ends and ends at most `span` bytes
/// after one starts. Deliberately conservative: every character counts 4 bytes (a caseless match may be a
/// multi-byte spelling), `\s*`/`\s+` count 8 whitespace characters (the matching view collapses whitespace runs;
/// the matcher checks that an ad has no longer run before trusting the bound), a single letter repeated with `+`
/// counts 2 (the view cuts stretched letters to two), and anything else unbounded, a backreference or a construct
/// it does not know makes the answer nil, so the pattern runs over the whole text as before.
enum PatternSpan {
    static let bytesPerCharacter = 4
    static let whitespaceRun = 8

    static func maximumBytes(of pattern: String) -> Int? {
        var parser = Parser(Array(pattern.unicodeScalars))
        guard let length = parser.alternation(), parser.atEnd else { return nil }
        return length
    }

    private struct Parser {
        let s: [Unicode.Scalar]
        var i = 0
        init(_ s: [Unicode.Scalar]) { self.s = s }
        var atEnd: Bool { i >= s.count }

        mutating func alternation() -> Int? {
            var best = 0
            while true {
                guard let branch = sequence() else { return nil }
                best = max(best, branch)
                if i < s.count && s[i] == "|" {
                    i += 1
                    continue
                }
                return best
            }
        }

        mutating func sequence() -> Int? {
            var total = 0
            while i < s.count && s[i] != "|" && s[i] != ")" {
                guard let (length, single) = atom() else { return nil }
                guard let repeated = quantified(length, single: single) else { return nil }
                total += repeated
            }
            return total
        }

        /// What an atom is: its maximum bytes, and which kind of single thing it is (for `+` on letters, `\s`).
        enum Single { case none, letter, whitespace }

        mutating func atom() -> (Int, Single)? {
            let c = s[i]
            switch c {
            case "(":
                i += 1
                var consumes = true
                if i < s.count && s[i] == "?" {
                    i += 1
                    guard i < s.count else { return nil }
                    switch s[i] {
                    case ":", ">": i += 1
                    case "=", "!": i += 1; consumes = false
                    case "<":
                        i += 1
                        guard i < s.count, s[i] == "=" || s[i] == "!" else { return nil }
                        i += 1
                        consumes = false
                    default: return nil  // flags, named groups, conditionals: not in our lexicon
                    }
                }
                guard let inner = alternation(), i < s.count, s[i] == ")" else { return nil }
                i += 1
                return (consumes ? inner : 0, .none)
            case "[":
                i += 1
                if i < s.count && s[i] == "^" { i += 1 }
                if i < s.count && s[i] == "]" { i += 1 }
                while i < s.count && s[i] != "]" {
                    if s[i] == "\\" { i += 1 }
                    i += 1
                }
                guard i < s.count else { return nil }
                i += 1
                return (PatternSpan.bytesPerCharacter, .none)
            case "\\":
                i += 1
                guard i < s.count else { return nil }
                let e = s[i]
                i += 1
                switch e {
                case "b", "B", "A", "z", "Z", "G": return (0, .none)
                case "s": return (PatternSpan.bytesPerCharacter, .whitespace)
                case "d", "D", "w", "W", "S", "h", "H", "v", "V", "N", ".", "-", "/", "+", "?", "(", ")", "[", "]", "{",
                    "}", "|", "\\", "$", "^", "*", "'", "\"", "&", "#", "@", "!", ":", ",", "%", "~", "<", ">", "=", "_",
                    "n", "t", "r":
                    return (PatternSpan.bytesPerCharacter, .none)
                default: return nil  // backreferences, \p, \x, \Q… : no bound claimed
                }
            case "^", "$": 
                i += 1
                return (0, .none)
            case ")", "|", "*", "+", "?", "{": return nil
            default:
                i += 1
                let isLetter = c.properties.isAlphabetic
                return (PatternSpan.bytesPerCharacter, isLetter ? .letter : .none)
            }
        }

        mutating func quantified(_ length: Int, single: Single) -> Int? {
            guard i < s.count else { return length }
            var result: Int?
            switch s[i] {
            case "?":
                i += 1
                result = length
            case "*", "+":
                i += 1
                switch single {
                case .whitespace: result = length * PatternSpan.whitespaceRun
                case .letter: result = length * 2
                case .none: result = length == 0 ? 0 : nil
                }
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
                    result = length * upper
                } else if single == .whitespace {
                    result = length * PatternSpan.whitespaceRun
                } else {
                    result = length == 0 ? 0 : nil
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
