import RedFlagFeatures
import Testing

/// The automaton against a naive substring search, on hand-picked overlaps and on seeded random cases.
@Suite struct LiteralAutomatonTests {
    @Test func classicOverlaps() {
        let literals = ["he", "she", "his", "hers"]
        #expect(found(literals, in: "ushers") == [true, true, false, true])
        #expect(found(literals, in: "this") == [false, false, true, false])
        #expect(found(literals, in: "hehe") == [true, false, false, false])
        #expect(found(literals, in: "") == [false, false, false, false])
    }

    @Test func duplicatesPrefixesAndSuffixes() {
        let literals = ["abc", "abc", "ab", "bc", "c", "abcd", "xabc"]
        #expect(found(literals, in: "zabcz") == [true, true, true, true, true, false, false])
        #expect(found(literals, in: "xabcd") == [true, true, true, true, true, true, true])
        // A literal reached only through a failure link of a deeper one.
        #expect(found(["aab", "ab", "b"], in: "aaab") == [true, true, true])
    }

    @Test func emptyInputs() {
        let none = LiteralAutomaton(literals: [])
        #expect(none.literalCount == 0)
        var hits: [Bool] = []
        scan(none, "anything at all", into: &hits)
        #expect(hits.isEmpty)

        // The empty literal occurs in every text, the empty one included.
        #expect(found(["", "ab"], in: "") == [true, false])
        #expect(found(["", "ab"], in: "cab") == [true, true])
    }

    @Test func multiByteLiterals() {
        let literals = ["🍒", "🍭", "niña", "ña", "σεξ", "ςεξ", "\u{1F352}\u{1F352}"]
        #expect(found(literals, in: "una niña 🍒🍒 σεξ") == [true, false, true, true, true, false, true])
        // A shared lead byte must not make a different emoji count.
        #expect(found(["🍒"], in: "🍓🍑🍭") == [false])
    }

    @Test func hitsAccumulateAndArrayIsGrown() {
        let automaton = LiteralAutomaton(literals: [Array("cat".utf8), Array("dog".utf8)])
        var hits: [Bool] = []
        scan(automaton, "a cat", into: &hits)
        #expect(hits == [true, false])
        scan(automaton, "a dog", into: &hits)
        #expect(hits == [true, true])
    }

    @Test func everyLanePositionInALongText() {
        // Long texts are scanned in four interleaved lanes; a literal must be found wherever it lands, including
        // across a lane cut.
        let literal = Array("0123456789ab".utf8)
        let automaton = LiteralAutomaton(literals: [literal, Array("xy".utf8)])
        let length = 301
        for position in 0...(length - literal.count) {
            var text = [UInt8](repeating: UInt8(ascii: "-"), count: length)
            text.replaceSubrange(position..<(position + literal.count), with: literal)
            var hits: [Bool] = []
            text.withUnsafeBufferPointer { automaton.scan($0, into: &hits) }
            #expect(hits == [true, false], "literal at \(position)")
        }
    }

    @Test(arguments: 0..<40)
    func randomCasesMatchNaiveSearch(seed: Int) {
        var random = SeededSplitMix(seed: UInt64(seed) &* 0x1234_5678_9ABC)
        // Small alphabets make overlaps, shared prefixes and repeated literals common.
        let alphabet = Array("abcab ".utf8) + (seed % 3 == 0 ? Array("é🍒".utf8) : [])
        let literalCount = 1 + Int(random.next() % 60)
        var literals: [[UInt8]] = []
        for _ in 0..<literalCount {
            let length = Int(random.next() % 7)
            literals.append((0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
        }
        let automaton = LiteralAutomaton(literals: literals)
        for _ in 0..<10 {
            let length = Int(random.next() % 400)
            let text = (0..<length).map { _ in
                random.next() % 50 == 0
                    ? UInt8(random.next() % 256) : alphabet[Int(random.next() % UInt64(alphabet.count))]
            }
            var hits: [Bool] = []
            text.withUnsafeBufferPointer { automaton.scan($0, into: &hits) }
            #expect(hits == literals.map { naiveContains(text, $0) })
        }
    }

    @Test func thousandsOfLiterals() {
        var random = SeededSplitMix(seed: 99)
        let text = englishLikeText(bytes: 20_000, &random)
        var literals: [[UInt8]] = []
        for index in 0..<3_000 {
            let length = 3 + Int(random.next() % 10)
            if index % 2 == 0 {
                let start = Int(random.next() % UInt64(text.count - length))
                literals.append(Array(text[start..<(start + length)]))
            } else {
                literals.append((0..<length).map { _ in UInt8(ascii: "a") + UInt8(random.next() % 26) })
            }
        }
        let automaton = LiteralAutomaton(literals: literals)
        var hits: [Bool] = []
        text.withUnsafeBufferPointer { automaton.scan($0, into: &hits) }
        // Substrings of the text of each length, for a fast exact reference.
        var substrings = Set<ArraySlice<UInt8>>()
        for length in 3...12 {
            for start in 0...(text.count - length) { substrings.insert(text[start..<(start + length)]) }
        }
        let wrong = literals.indices.filter { hits[$0] != substrings.contains(literals[$0][...]) }
        #expect(wrong.isEmpty, "literals reported wrongly: \(wrong.prefix(20))")
        #expect(hits.filter { $0 }.count >= 1_500)
    }

    @Test func moreStatesThanSixteenBitsHold() {
        // 8,000 random 12-byte literals give about 90,000 states, past the 16-bit table.
        var random = SeededSplitMix(seed: 7)
        let literals = (0..<8_000).map { _ in (0..<12).map { _ in UInt8(ascii: "a") + UInt8(random.next() % 26) } }
        let automaton = LiteralAutomaton(literals: literals)
        #expect(automaton.stateCount > 65_536)
        let text = Array("zz".utf8) + literals[4_321] + Array(" and ".utf8) + literals[17] + literals[7_999]
        var hits: [Bool] = []
        text.withUnsafeBufferPointer { automaton.scan($0, into: &hits) }
        let wrong = literals.indices.filter { hits[$0] != naiveContains(text, literals[$0]) }
        #expect(wrong.isEmpty, "literals reported wrongly: \(wrong.prefix(20))")
        #expect(hits[4_321] && hits[17] && hits[7_999])
    }

    @Test func reportsItsSize() {
        let automaton = LiteralAutomaton(literals: ["ab", "ac", "b"].map { Array($0.utf8) })
        // States: root, a, ab, ac, b. Classes: a, b, c and "any other byte".
        #expect(automaton.stateCount == 5)
        #expect(automaton.classCount == 4)
        #expect(automaton.tableByteCount >= automaton.stateCount * automaton.classCount * 2)
    }
}

// MARK: Helpers

private func found(_ literals: [String], in text: String) -> [Bool] {
    let automaton = LiteralAutomaton(literals: literals.map { Array($0.utf8) })
    var hits: [Bool] = []
    scan(automaton, text, into: &hits)
    return hits
}

private func scan(_ automaton: LiteralAutomaton, _ text: String, into hits: inout [Bool]) {
    let bytes = Array(text.utf8)
    bytes.withUnsafeBufferPointer { automaton.scan($0, into: &hits) }
}

private func naiveContains(_ text: [UInt8], _ literal: [UInt8]) -> Bool {
    if literal.isEmpty { return true }
    guard literal.count <= text.count else { return false }
    return (0...(text.count - literal.count)).contains { text[$0..<($0 + literal.count)].elementsEqual(literal) }
}

private func englishLikeText(bytes: Int, _ random: inout SeededSplitMix) -> [UInt8] {
    let words = """
        the of and to in is you that it he was for on are as with his they at be this have from or one had by word \
        but not what all were we when your can said there use each which she do how their if will up other about \
        out many then them these so some her would make like him into time has look two more write go see number \
        new girl young available incall outcall discreet sweet fresh just arrived town call text private tonight
        """.split(separator: " ").map { Array($0.utf8) }
    var out: [UInt8] = []
    while out.count < bytes {
        out += words[Int(random.next() % UInt64(words.count))]
        out.append(random.next() % 12 == 0 ? UInt8(ascii: ".") : UInt8(ascii: " "))
    }
    return Array(out.prefix(bytes))
}

