import Foundation
import Testing

@testable import RedFlagFeatures
import RedFlagContract

/// The pieces that let PCRE2 run only in windows: occurrence lists, span bounds, boundary-checked literals.
@Suite("Windowed matching") struct WindowedMatchingTests {
    // MARK: Occurrences

    /// Every (literal, end) pair by brute force, in the automaton's order: by end, then literal index.
    private func naiveOccurrences(_ literals: [[UInt8]], in text: [UInt8]) -> [[Int]] {
        var out: [[Int]] = []
        for end in 0...text.count {
            for (index, literal) in literals.enumerated() where !literal.isEmpty && literal.count <= end {
                if text[(end - literal.count)..<end].elementsEqual(literal) { out.append([index, end]) }
            }
        }
        return out
    }

    private func occurrences(_ automaton: LiteralAutomaton, _ text: [UInt8]) -> [[Int]] {
        var list: [(literal: Int32, end: Int32)] = []
        text.withUnsafeBufferPointer { automaton.occurrences(in: $0, into: &list) }
        return list.map { [Int($0.literal), Int($0.end)] }.sorted { ($0[1], $0[0]) < ($1[1], $1[0]) }
    }

    @Test(arguments: 0..<30)
    func fourLaneOccurrencesMatchNaiveSearch(seed: Int) {
        var random = SeededSplitMix(seed: UInt64(seed) &* UInt64(0x9E37_79B9))
        let alphabet = Array("ab a\nb".utf8) + Array("é🍒ñ".utf8)
        var literals: [[UInt8]] = []
        for _ in 0..<(1 + Int(random.next() % 40)) {
            let length = 1 + Int(random.next() % 9)
            literals.append((0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
        }
        for coarse in [false, true] {
            let automaton = LiteralAutomaton(literals: literals, coarseNonASCII: coarse)
            for _ in 0..<6 {
                // Lengths around the four-lane threshold (256 bytes) and well past it.
                let length = [0, 17, 255, 256, 257, 300, 1_000, 2_049][Int(random.next() % 8)]
                let text = (0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }
                #expect(occurrences(automaton, text) == naiveOccurrences(literals, in: text), "coarse: \(coarse)")
            }
        }
    }

    @Test func aLiteralIsReportedOnceWhereverItLands() {
        let literal = Array("0123456789ab".utf8)
        let automaton = LiteralAutomaton(literals: [literal, Array("xy".utf8)])
        let length = 700
        for position in 0...(length - literal.count) {
            var text = [UInt8](repeating: UInt8(ascii: "-"), count: length)
            text.replaceSubrange(position..<(position + literal.count), with: literal)
            #expect(occurrences(automaton, text) == [[0, position + literal.count]], "literal at \(position)")
        }
    }

    @Test func newlinesScanAsSpaces() {
        let automaton = LiteralAutomaton(literals: [Array("no cops".utf8)], scanning: [0x0A: 0x20])
        #expect(occurrences(automaton, Array("no\ncops, no cops".utf8)) == [[0, 7], [0, 16]])
    }

    @Test func boundaryLiteralsSkipOccurrencesInsideWords() {
        let automaton = LiteralAutomaton(literals: [Array("yo".utf8), Array("am".utf8)])
        let text = Array("you are 19 yo, i am sam".utf8)
        var windows = LiteralWindows()
        text.withUnsafeBufferPointer {
            windows.index($0, automaton: automaton, boundaries: ([.after, [.before, .after]], [2, 2]))
        }
        // "yo" of "you" fails `\b` after; "am" of "sam" fails `\b` before.
        #expect(windows.occurrences.map { [Int($0.literal), Int($0.end)] } == [[0, 13], [1, 19]])
    }

    // MARK: Spans

    @Test func spansCountBytesPerConstruct() {
        #expect(PatternSpan.of(#"\bindependent\b"#) == PatternSpan(span: 11, extent: 15))
        // `\s+` is at most a run of whitespace; `\w+` and `[a-z]{3,}` at most a run of word bytes.
        #expect(PatternSpan.of(#"no\s+cops"#)?.span == 2 + PatternSpan.whitespaceRun + 4)
        #expect(PatternSpan.of(#"ask\s+(?:for|4)\s+[a-z]{3,}"#)?.span == 3 + 4 + 3 + 4 + PatternSpan.wordRun)
        #expect(PatternSpan.of(#"(?:\w+\s+){0,2}girls"#)?.span == 2 * (PatternSpan.wordRun + 4) + 5)
        // A lookahead adds to the extent, not the span; a lookbehind to neither.
        #expect(PatternSpan.of(#"(?<!west )virgin(?!ia)"#) == PatternSpan(span: 6, extent: 6 + 2 + 4))
        // Non-ASCII characters and `.` count four bytes; a stretched letter two in the words view.
        #expect(PatternSpan.of("niña") == PatternSpan(span: 7, extent: 11))
        #expect(PatternSpan.of(#"yo+u+ng+"#)?.span == 1 + 2 + 2 + 1 + 2)
        #expect(PatternSpan.of(#"yo+u+ng+"#, squeezedLetters: false)?.span == 1 + 3 * PatternSpan.wordRun + 1)
        #expect(PatternSpan.of("(?m)\\s-\\s*(\\d{2})$")?.span == 1 + 1 + 4 + 2)
        // Unbounded or unknown: the pattern runs over the whole text.
        #expect(PatternSpan.of(#"a.+b"#) == nil)
        #expect(PatternSpan.of(#"[^ ]+x"#) == nil)
        #expect(PatternSpan.of(#"(a)\1"#) == nil)
        #expect(PatternSpan.of(#"(?x) a b"#) == nil)
    }

    @Test func runAssumptionsAreChecked() {
        func holds(_ s: String) -> Bool { Array(s.utf8).withUnsafeBufferPointer { PatternSpan.holds(for: $0) } }
        #expect(holds("a normal line\nand another"))
        #expect(!holds("spaced      out"))
        #expect(!holds(String(repeating: "x", count: PatternSpan.wordRun + 1)))
        #expect(holds(String(repeating: "x", count: PatternSpan.wordRun)))
    }

    /// The entity patterns run only around their literals (`yo\b`, `\bage`, `@`, `\bdot\b` …): each form is
    /// still found, and the look-alikes of those literals (`you`, `sam`) wake nothing.
    @Test func entityPatternsWorkInWindows() {
        let texts = [
            "Write to jane.doe@example.com or candy at example dot com or rose(at)example(dot)org",
            "Sexy Latina - 22 | call me", "i'm 19 yo, age: 21, just turned 20, tengo veinte años",
            "$150/hr, 200 roses, hh 100, full hour 250 usd"
        ]
        for text in texts {
            let e = features(text).entities
            #expect(!(e.emails.isEmpty && e.ages.isEmpty && e.prices.isEmpty), "\(text)")
        }
        #expect(features("i'm 19 yo").entities.ages == [19])
        #expect(features("you are sweet, your place").entities.ages.isEmpty)
        #expect(features("Sexy Latina - 22 | call me").entities.ages == [22])
        #expect(features("jane (at) example (dot) com").entities.emails == ["jane@example.com"])
        #expect(features("x jane @ example . com").entities.emails == ["jane@example.com"])
        // Without a spelled "dot" or an "@", "at" is a preposition.
        #expect(features("meet me at hotel.com").entities.emails.isEmpty)
    }
}
