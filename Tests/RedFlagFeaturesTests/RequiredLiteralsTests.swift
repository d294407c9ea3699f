import Foundation
import RedFlagFeatures
import Testing

/// Expected sets, rejections and a soundness check against an independent regex engine.
///
/// Soundness is checked with `NSRegularExpression` (case-insensitive, run on the sample's normalized view as
/// production runs PCRE2 on it: lowercase, folded, whitespace as space and newline): from every start position, the
/// match found there must contain one of the extracted literals as a byte substring.
@Suite struct RequiredLiteralsTests {
    // MARK: Expected sets

    @Test func wordSequenceKeepsItsLongestExactPart() {
        let pattern = #"\bjust\s+(?:turned|hit)\s+(?:18|eighteen)\b"#
        // `\s` is a space or a newline in a view, so the literal takes the space after "just" in.
        #expect(RequiredLiterals.extract(from: pattern) == ["just\n", "just "])
        assertSound(pattern, samples: ["she just turned 18 today", "JUST HIT EIGHTEEN", "just  hit\t18!"])
    }

    @Test func optionalSuffixMultipliesIntoTheWord() {
        let pattern = #"(?:fresh|new)\s+girls?"#
        // girl, girls all contain "girl", and the whitespace before it; (fresh|new) is commoner text.
        #expect(RequiredLiterals.extract(from: pattern) == ["\ngirl", " girl"])
        assertSound(pattern, samples: ["new girls in town", "Fresh Girl", "brand new   girls"])
    }

    @Test func negativeLookaheadContributesNothing() {
        #expect(RequiredLiterals.extract(from: #"\bvirgin(?!ia)"#) == ["virgin"])
        #expect(RequiredLiterals.extract(from: #"(?<!west )\bvirgin\b"#) == ["virgin"])
        #expect(RequiredLiterals.extract(from: #"(?=.*cash)\bdonation\b"#) == ["donation"])
    }

    @Test func emojiAlternation() {
        #expect(RequiredLiterals.extract(from: "🍒|🍭") == ["🍒", "🍭"])
        #expect(RequiredLiterals.extract(from: #"\x{1F352}+"#) == ["🍒"])
        #expect(RequiredLiterals.extract(from: "(?:🍒|🍭){2,}") == ["🍒🍒", "🍒🍭", "🍭🍒", "🍭🍭"])
    }

    @Test func patternsWithoutAUsableLiteralGiveNil() {
        #expect(RequiredLiterals.extract(from: #"\d{3}"#) == nil)
        #expect(RequiredLiterals.extract(from: "a?b?") == nil)
        #expect(RequiredLiterals.extract(from: "") == nil)
        #expect(RequiredLiterals.extract(from: ".*") == nil)
        #expect(RequiredLiterals.extract(from: #"\b\w+\b"#) == nil)
        #expect(RequiredLiterals.extract(from: "[a-z]x") == nil)  // only a 1-byte literal left
        #expect(RequiredLiterals.extract(from: #"girl|\d+"#) == nil)  // one branch has no literal
        #expect(RequiredLiterals.extract(from: "(?:girl)?") == nil)
    }

    @Test func alternationOfShortWords() {
        let pattern = #"(?:no|not)\s+(?:aa|african)"#
        let literals = RequiredLiterals.extract(from: pattern)
        #expect(literals != nil)
        assertSound(pattern, samples: ["no aa please", "NOT   African", "no african"])
    }

    @Test func smallClassesBecomeAlternatives() {
        #expect(RequiredLiterals.extract(from: "gr[ae]y") == ["gray", "grey"])
        #expect(RequiredLiterals.extract(from: #"a[\-/]b"#) == ["a-b", "a/b"])
        #expect(RequiredLiterals.extract(from: "[Ee]scort") == ["escort"])
        // Large and negated classes match "something"; the literal comes from the rest.
        #expect(RequiredLiterals.extract(from: "[a-z]+girl") == ["girl"])
        #expect(RequiredLiterals.extract(from: "[^a]bc") == ["bc"])
        #expect(RequiredLiterals.extract(from: #"[\d\s]+yo\b"#) == ["yo"])
    }

    @Test func nestedGroupsAndNamedGroups() {
        #expect(RequiredLiterals.extract(from: #"((?:hot|sexy)\s*(?:mama|babe))"#) == ["babe", "mama"])
        #expect(RequiredLiterals.extract(from: "(?<who>new|young)(?:er)?") == ["new", "young"])
        #expect(RequiredLiterals.extract(from: "(?>in|out)call") == ["incall", "outcall"])
        #expect(RequiredLiterals.extract(from: "(?|(ab)|(cd))x") == ["abx", "cdx"])
    }

    @Test func quantifiers() {
        #expect(RequiredLiterals.extract(from: "(?:ha){2,}") == ["haha"])
        #expect(RequiredLiterals.extract(from: "x{3}") == ["xxx"])
        #expect(RequiredLiterals.extract(from: "no{2,5}") == ["noo"])
        #expect(RequiredLiterals.extract(from: "ab+?c") == ["ab"] || RequiredLiterals.extract(from: "ab+?c") == ["bc"])
        #expect(RequiredLiterals.extract(from: "(?:ab)*+cd") == ["cd"])
        #expect(RequiredLiterals.extract(from: "yo+u") == ["yo"] || RequiredLiterals.extract(from: "yo+u") == ["ou"])
        assertSound("yo+u", samples: ["yoooou", "you", "YOOOU there"])
        assertSound("ab+?c", samples: ["abc", "abbbbc", "xabbcx"])
    }

    @Test func escapes() {
        #expect(RequiredLiterals.extract(from: #"\.com\b"#) == [".com"])
        #expect(RequiredLiterals.extract(from: #"\$\d+\s*\/\s*hr"#) == ["hr"])
        #expect(RequiredLiterals.extract(from: #"\Qa+b\E"#) == ["a+b"])
        #expect(RequiredLiterals.extract(from: #"\Qab\E{0}cd"#) == ["acd"])  // the quantifier takes only the "b"
        #expect(RequiredLiterals.extract(from: #"\(\d{3}\)\s*\d{3}-\d{4}"#) == nil)
        #expect(RequiredLiterals.extract(from: #"\x41\x{42}\o{103}\103"#) == ["abc"])  // \103: backreference or octal
        #expect(RequiredLiterals.extract(from: #"\N{U+00F1}ina"#) == ["ñina"])
        #expect(RequiredLiterals.extract(from: #"\\x\\"#) == [#"\x\"#])
    }

    @Test func caseIsFoldedAndFoldingSetsAreListed() {
        #expect(RequiredLiterals.extract(from: "VIRGIN") == ["virgin"])
        #expect(RequiredLiterals.extract(from: "NIÑA") == ["niña"])
        // A view never holds what the normalizer folds: ſ is read as s, so "sex" needs no "ſex" spelling.
        #expect(RequiredLiterals.extract(from: "sex") == ["sex"])
        #expect(RequiredLiterals.extract(from: "ΑΣ") == ["ας", "ασ"])
        #expect(RequiredLiterals.extract(from: "(?-i)Abc") == ["abc"])
        #expect(RequiredLiterals.extract(from: "(?i:Abc)") == ["abc"])
    }

    @Test func anchorsAndAssertionsMatchNothing() {
        #expect(RequiredLiterals.extract(from: #"^new\b"#) == ["new"])
        #expect(RequiredLiterals.extract(from: #"\Anew\z"#) == ["new"])
        #expect(RequiredLiterals.extract(from: #"(?<=\d)\s*yo\b"#) == ["yo"])
        #expect(RequiredLiterals.extract(from: #"\bwe\Bll"#) == ["well"])
    }

    @Test func extendedModeIgnoresSpaceAndComments() {
        #expect(RequiredLiterals.extract(from: "(?x) n e w \\s+ girl  # trailing comment") == ["\ngirl", " girl"])
        #expect(RequiredLiterals.extract(from: "(?x) gi rl (?-x) s x") == ["girl s x"])
        #expect(RequiredLiterals.extract(from: "(?x: a b ) c d") == ["ab c d"])
        #expect(RequiredLiterals.extract(from: "ab(?#comment)cd") == ["abcd"])
    }

    @Test func referencesAndRecursionMatchUnknownText() {
        let literals = RequiredLiterals.extract(from: #"(ab)\1cd"#)
        #expect(literals == ["ab"] || literals == ["cd"])
        #expect(RequiredLiterals.extract(from: #"(?<x>ab)\k<x>"#) == ["ab"])
        #expect(RequiredLiterals.extract(from: #"(ab)(?1)"#) == ["ab"])
    }

    @Test func unsupportedOrInvalidSyntaxGivesNil() {
        for pattern in [
            "(abc", "abc)", "[abc", "a{2,1}", "*abc", "\\", "a\\", "(?<name", "(?Pxyz)", "a{,3}b", "a{2 }b",
            "(*ACCEPT)abc", "(?(1)ab|cd)", "ab\\Kcd", "(?C1)abc", "\\u0041", "\\iabc", "[z-a]", "(?z)abc",
            "[[.a.]]bc", "\\x{110000}ab",
        ] {
            #expect(RequiredLiterals.extract(from: pattern) == nil, "\(pattern)")
        }
        // A brace that cannot start a quantifier is a literal.
        #expect(RequiredLiterals.extract(from: "a{b}") == ["a{b}"])
        // Start-of-pattern settings are skipped.
        #expect(RequiredLiterals.extract(from: "(*UTF)(*UCP)girl") == ["girl"])
    }

    @Test func longLiteralsAreCut() throws {
        let literals = try #require(RequiredLiterals.extract(from: String(repeating: "abcdefgh", count: 8)))
        #expect(literals == ["abcdefgh" + "abcdefgh" + "abcdefgh" + "abcdefgh"])
    }

    @Test func canonicallyEquivalentSpellingsStayDistinct() throws {
        // "é" precomposed and "e" + U+0301 are equal as Strings but different bytes in the text.
        let literals = try #require(RequiredLiterals.extract(from: "caf(?:\u{E9}|e\u{301})"))
        #expect(Set(literals.map { Array($0.utf8) }) == [Array("caf\u{E9}".utf8), Array("cafe\u{301}".utf8)])
    }

    // MARK: Property test

    /// Lexicon-style and syntax-heavy patterns; each must either give nil or be sound on generated matches.
    static let corpus: [String] = [
        #"\bjust\s+(?:turned|hit)\s+(?:18|eighteen)\b"#,
        #"(?:fresh|new)\s+girls?"#,
        #"\bvirgin(?!ia)"#,
        "🍒|🍭",
        #"(?:no|not)\s+(?:aa|african)"#,
        "gr[ae]y",
        #"\b(?:18|19)\s*(?:yo|y/o|years?\s*old)\b"#,
        #"\bnew\s+(?:in|to)\s+(?:town|the\s+area)\b"#,
        #"\b(?:in|out)call\b"#,
        #"\$\d{2,3}\s*(?:/|per)\s*(?:hr|hour|hh)"#,
        #"\b(?:ha){2,}\b"#,
        #"\byo+u+n+g+\b"#,
        #"\bs+e+x+y*\b"#,
        #"(?:sweet|petite|young)\s+(?:and\s+)?(?:innocent|tiny)"#,
        #"\b(?:daddy|papi)'?s\s+(?:girl|princess)\b"#,
        #"\bno\s+(?:cops?|le|law\s+enforcement)\b"#,
        #"\b(?:barely|just)\s+legal\b"#,
        #"\bcandy\b|🍬|🍭"#,
        #"\b(?:school|college)\s*girls?\b"#,
        #"\bfirst\s+time(?:r|rs)?\b"#,
        #"\b(?:new|fresh)\s+(?:face|faces|arrival)s?\b"#,
        #"(?<![a-z])teen(?:s|age|ager)?\b"#,
        #"\blittle\s+(?:one|girl|sister)\b"#,
        #"\b(?:asian|latina|ebony)\s+(?:doll|beauty|princess)\b"#,
        #"\b[1-9]\d?\s*(?:yrs?|years?)\b"#,
        #"\b(?:must|gotta)\s+(?:see|go)\b"#,
        #"(?x) \b in \s* call \b  # extended"#,
        #"\Qa.b\E+c"#,
        #"(?i:HOT)\s*(?-i:tub)"#,
        #"[sz]ugar\s+(?:daddy|baby)"#,
        #"\b(?:cash|money)\s+only\b"#,
        #"(?:x{2}|y{3,4})z"#,
        #"ab*c+d?e"#,
        #"\bcall\s+me\s+(?:now|today|tonight)\b"#,
        #"(?:🔥|💦|👅){2}"#,
        #"\bm[aeiou]ss?age\b"#,
        #"^(?:hi|hello)\b"#,
        #"\b(?:discreet|discrete)\b"#,
        #"\bσ[εέ]ξ\b"#,
        #"(?:ab|abc)(?:d|cd)e"#,
        #"\bsis(?:ter)?s?\b"#,
    ]

    @Test(arguments: corpus)
    func generatedMatchesContainALiteral(pattern: String) {
        var random = SeededSplitMix(
            seed: UInt64(truncatingIfNeeded: pattern.utf8.reduce(5381) { $0 &* 33 &+ Int($1) }))
        var samples: [String] = []
        for _ in 0..<60 {
            let core = PatternSampler(pattern).sample(using: &random)
            samples.append(noise(&random) + mangleCase(core, &random) + noise(&random))
        }
        assertSound(pattern, samples: samples, requireMatches: true)
    }
}

// MARK: Helpers

/// Checks, from every start position of every lowercased sample, that the oracle's match contains a literal.
private func assertSound(
    _ pattern: String, samples: [String], requireMatches: Bool = true,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    guard let literals = RequiredLiterals.extract(from: pattern) else { return }  // nil is always sound
    let needles = literals.map { Array($0.utf8) }
    guard let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) else {
        Issue.record("oracle cannot compile \(pattern)", sourceLocation: sourceLocation)
        return
    }
    var matched = 0
    for sample in samples {
        var normalized = MatchingText()
        TextNormalizer(mode: .entities).normalize(sample, into: &normalized)
        let view = normalized.text as NSString
        var start = 0
        while start <= view.length {
            let range = NSRange(location: start, length: view.length - start)
            if let match = regex.firstMatch(
                in: view as String, options: [.withTransparentBounds, .withoutAnchoringBounds], range: range)
            {
                matched += 1
                let text = view.substring(with: match.range)
                #expect(
                    needles.contains { contains(Array(text.utf8), $0) },
                    "\(pattern) matched \(text.debugDescription) without any of \(literals)",
                    sourceLocation: sourceLocation)
                // Next start: the next scalar (not the second half of a surrogate pair).
                start = match.range.location + 1
                if start < view.length && UTF16.isTrailSurrogate(view.character(at: start)) { start += 1 }
            } else {
                break
            }
        }
    }
    if requireMatches {
        #expect(matched > 0, "no sample matched \(pattern)", sourceLocation: sourceLocation)
    }
}

private func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
    guard needle.count <= haystack.count else { return false }
    return (0...(haystack.count - needle.count)).contains { haystack[$0..<($0 + needle.count)].elementsEqual(needle) }
}

private func noise(_ random: inout SeededSplitMix) -> String {
    let words = ["", " ", "hello ", "x", " call 555 ", "!", "\n", "🙂 ", "a"]
    return words[Int(random.next() % UInt64(words.count))]
}

/// Upper-cases some letters and swaps in other caseless spellings (ſ for s, ς for σ) that the lowercase view keeps.
private func mangleCase(_ text: String, _ random: inout SeededSplitMix) -> String {
    var out = ""
    for c in text {
        switch random.next() % 6 {
        case 0: out += c.uppercased()
        case 1 where c == "s": out += "\u{17F}"
        case 1 where c == "σ": out += "ς"
        default: out.append(c)
        }
    }
    return out
}


/// Produces strings that probably match a pattern, for the subset of syntax in the property corpus.
///
/// Written independently of the extractor so that a misreading in one is caught by the other; whatever it gets
/// wrong only produces non-matching samples, which the oracle skips.
private struct PatternSampler {
    private let scalars: [Unicode.Scalar]
    private var position = 0

    init(_ pattern: String) {
        scalars = Array(pattern.unicodeScalars)
    }

    /// One random string from the pattern.
    func sample(using random: inout SeededSplitMix) -> String {
        var copy = self
        var extended = false
        var out = String.UnicodeScalarView()
        copy.alternation(&out, &random, &extended)
        return String(out)
    }

    private mutating func alternation(
        _ out: inout String.UnicodeScalarView, _ random: inout SeededSplitMix, _ extended: inout Bool
    ) {
        // Pick a branch: split the branches' texts by generating each into a scratch buffer.
        var branches: [String.UnicodeScalarView] = [String.UnicodeScalarView()]
        while position < scalars.count && scalars[position] != ")" {
            if scalars[position] == "|" {
                position += 1
                branches.append(String.UnicodeScalarView())
                continue
            }
            var piece = String.UnicodeScalarView()
            let atomStart = position
            atom(&piece, &random, &extended)
            if position == atomStart { position += 1 }
            repeatAtom(piece, atomStart, &branches[branches.count - 1], &random, &extended)
        }
        out.append(contentsOf: branches[Int(random.next() % UInt64(branches.count))])
    }

    private mutating func repeatAtom(
        _ piece: String.UnicodeScalarView, _ atomStart: Int, _ out: inout String.UnicodeScalarView,
        _ random: inout SeededSplitMix, _ extended: inout Bool
    ) {
        guard position < scalars.count else {
            out.append(contentsOf: piece)
            return
        }
        var low = 1
        var high = 1
        switch scalars[position] {
        case "*": (low, high) = (0, 3)
        case "+": (low, high) = (1, 3)
        case "?": (low, high) = (0, 1)
        case "{":
            guard let close = scalars[position...].firstIndex(of: "}") else {
                out.append(contentsOf: piece)
                return
            }
            let body = String(String.UnicodeScalarView(scalars[(position + 1)..<close]))
            let parts = body.split(separator: ",", omittingEmptySubsequences: false).map { Int($0) }
            low = parts.first.flatMap { $0 } ?? 0
            high = parts.count == 1 ? low : (parts[1] ?? low + 2)
            position = close
        default:
            out.append(contentsOf: piece)
            return
        }
        position += 1
        if position < scalars.count && (scalars[position] == "?" || scalars[position] == "+") { position += 1 }
        let count = low + Int(random.next() % UInt64(high - low + 1))
        // Regenerate the atom for every iteration so alternatives vary between iterations.
        for iteration in 0..<count {
            if iteration == 0 {
                out.append(contentsOf: piece)
            } else {
                var again = self
                again.position = atomStart
                var more = String.UnicodeScalarView()
                again.atom(&more, &random, &extended)
                out.append(contentsOf: more)
            }
        }
    }

    private mutating func atom(
        _ out: inout String.UnicodeScalarView, _ random: inout SeededSplitMix, _ extended: inout Bool
    ) {
        let c = scalars[position]
        position += 1
        switch c {
        case "(":
            var emit = true
            if position < scalars.count && scalars[position] == "?" {
                position += 1
                let kind = scalars[position]
                if kind == "=" || kind == "!" {
                    emit = false
                    position += 1
                } else if kind == "<" && (scalars[position + 1] == "=" || scalars[position + 1] == "!") {
                    emit = false
                    position += 2
                } else if kind == "<" {
                    position = scalars[position...].firstIndex(of: ">")! + 1
                } else if kind == ":" || kind == ">" || kind == "|" {
                    position += 1
                } else {
                    // Option letters: (?x), (?i:…), (?-i:…).
                    while scalars[position] != ")" && scalars[position] != ":" {
                        if scalars[position] == "x" { extended = true }
                        position += 1
                    }
                    if scalars[position] == ")" {
                        position += 1
                        return
                    }
                    position += 1
                }
            }
            var inner = String.UnicodeScalarView()
            alternation(&inner, &random, &extended)
            position += 1  // ")"
            if emit { out.append(contentsOf: inner) }
        case "[":
            out.append(classMember(&random))
        case ".":
            out.append("q")
        case "^", "$":
            break
        case "\\":
            escape(&out, &random)
        case " " where extended, "\t" where extended, "\n" where extended:
            break
        case "#" where extended:
            while position < scalars.count && scalars[position] != "\n" { position += 1 }
        default:
            out.append(c)
        }
    }

    private mutating func escape(_ out: inout String.UnicodeScalarView, _ random: inout SeededSplitMix) {
        let e = scalars[position]
        position += 1
        switch e {
        case "b", "B", "A", "z", "Z":
            break
        case "s":
            out.append(random.next() % 4 == 0 ? "\t" : " ")
        case "d":
            out.append(Unicode.Scalar(UInt8(48 + random.next() % 10)))
        case "w":
            out.append(Unicode.Scalar(UInt8(97 + random.next() % 26)))
        case "Q":
            while position + 1 < scalars.count && !(scalars[position] == "\\" && scalars[position + 1] == "E") {
                out.append(scalars[position])
                position += 1
            }
            position += 2
        case "k":
            // \k<name>: repeat nothing useful; the oracle decides.
            position = scalars[position...].firstIndex(of: ">")! + 1
        default:
            out.append(e)
        }
    }

    private mutating func classMember(_ random: inout SeededSplitMix) -> Unicode.Scalar {
        var negated = false
        if scalars[position] == "^" {
            negated = true
            position += 1
        }
        var members: [Unicode.Scalar] = []
        var first = true
        while first || scalars[position] != "]" {
            first = false
            let c = scalars[position]
            position += 1
            if c == "\\" {
                let e = scalars[position]
                position += 1
                switch e {
                case "d": members += (48...57).map { Unicode.Scalar(UInt8($0)) }
                case "s": members += [" ", "\t"]
                case "w": members += (97...122).map { Unicode.Scalar(UInt8($0)) }
                default: members.append(e)
                }
                continue
            }
            if scalars[position] == "-" && scalars[position + 1] != "]" {
                let high = scalars[position + 1]
                position += 2
                for value in c.value...high.value { members.append(Unicode.Scalar(value)!) }
                continue
            }
            members.append(c)
        }
        position += 1
        if negated {
            let pool: [Unicode.Scalar] = ["q", "7", " ", "-", "é"]
            return pool.first { !members.contains($0) } ?? "~"
        }
        return members[Int(random.next() % UInt64(members.count))]
    }
}
