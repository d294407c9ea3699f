/// The tokens of an entity view that age extraction reads: words, digit runs, punctuation and emoji.
///
/// Ages hide in forms a regular expression reads badly: spelled ("seventeen", "dieciséis", "s1xteen",
/// "S I X T E E N"), glued ("16yo", "1six", "I7"), spread over emoji ("1🌸7"), after a name ("Jess, 16,") or at the
/// start of a sentence ("sixteen & brand new"). Deciding them needs the words around a number, so the view is cut
/// into tokens once and ``AgeExtractor`` looks left and right.
struct AgeToken {
    enum Kind: Equatable {
        /// Letters only (ASCII or accented), apostrophes inside.
        case word
        /// Digits only.
        case number
        /// Letters and digits mixed: "16yo", "s1xteen", "1six", "i7".
        case mixed
        /// One ASCII punctuation or symbol byte.
        case punctuation
        /// A scalar outside ASCII that is not a letter: emoji, symbols, typographic punctuation.
        case symbol
    }

    var kind: Kind
    /// Byte range in the view.
    var start: Int
    var end: Int
    /// Whitespace before the token holds a line break (or the token starts the text).
    var startsLine: Bool
    /// No whitespace between the previous token and this one.
    var glued: Bool
}

enum AgeTokenizer {
    static func isASCIILetter(_ b: UInt8) -> Bool { b >= 97 && b <= 122 }
    static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }

    /// Length of the letter scalar at `i` (1 for a-z, 2 for accented Latin letters U+00C0–U+00FF except × and ÷),
    /// or 0 when the scalar there is not a letter.
    @inline(__always)
    static func letterLength(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let b = bytes[i]
        if isASCIILetter(b) { return 1 }
        if b == 0xC3, i + 1 < bytes.count {
            let c = bytes[i + 1]
            return c != 0x97 && c != 0xB7 ? 2 : 0
        }
        return 0
    }

    /// An apostrophe inside a word: `'` or `’` (E2 80 99).
    @inline(__always)
    static func apostropheLength(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        if bytes[i] == 0x27 { return 1 }
        if bytes[i] == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0x99 { return 3 }
        return 0
    }

    static func scalarLength(_ lead: UInt8) -> Int {
        switch lead {
        case ..<0x80: 1
        case 0xF0...: 4
        case 0xE0...: 3
        case 0xC0...: 2
        default: 1
        }
    }

    /// Cuts `bytes` into tokens; whitespace separates tokens and is not kept.
    static func tokens(_ bytes: UnsafeBufferPointer<UInt8>, into tokens: inout [AgeToken]) {
        tokens.removeAll(keepingCapacity: true)
        let n = bytes.count
        var i = 0
        var sawSpace = true
        var sawNewline = true
        while i < n {
            let b = bytes[i]
            if b == 32 || b == 9 || b == 10 || b == 13 {
                sawSpace = true
                if b == 10 || b == 13 { sawNewline = true }
                i += 1
                continue
            }
            let start = i
            var kind: AgeToken.Kind
            if letterLength(bytes, i) > 0 || isDigit(b) {
                var letters = false
                var digits = false
                while i < n {
                    let length = letterLength(bytes, i)
                    if length > 0 {
                        letters = true
                        i += length
                    } else if isDigit(bytes[i]) {
                        digits = true
                        i += 1
                    } else if letters, i + 1 < n, case let a = apostropheLength(bytes, i), a > 0, i + a < n,
                        letterLength(bytes, i + a) > 0
                    {
                        i += a
                    } else {
                        break
                    }
                }
                kind = letters && digits ? .mixed : letters ? .word : .number
            } else if b < 0x80 {
                kind = .punctuation
                i += 1
            } else {
                kind = .symbol
                i += min(scalarLength(b), n - i)
            }
            tokens.append(AgeToken(kind: kind, start: start, end: i, startsLine: sawNewline, glued: !sawSpace))
            sawSpace = false
            sawNewline = false
        }
    }
}
