import Foundation
import RedFlagCore
import Testing

/// The one implementation of each small thing several modules need.
@Suite("Core utilities")
struct CoreUtilityTests {
    @Test("SHA-256 hex matches the FIPS 180-2 test vectors, streamed or not")
    func sha256() {
        let abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        #expect(sha256Hex(Array("abc".utf8)) == abc)
        #expect(sha256Hex("abc") == abc)
        #expect(sha256Hex(Array("abc".utf8)[...]) == abc)
        #expect(sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        var streamed = StreamingSHA256()
        for piece in ["a", "bc"] { Array(piece.utf8).withUnsafeBytes { streamed.update($0) } }
        #expect(streamed.finalize() == abc)
        #expect(isSHA256Hex(abc) && !isSHA256Hex(abc.uppercased()) && !isSHA256Hex("abc"))
        #expect(hexString([0, 15, 255]) == "000fff")
    }

    @Test("JSON strings escape quotes, backslashes and every control character, nothing else")
    func jsonEscaping() {
        #expect(JSONWriter.quoted("a\"b\\c") == #""a\"b\\c""#)
        #expect(JSONWriter.quoted("\n\r\t") == #""\n\r\t""#)
        #expect(JSONWriter.quoted("\u{1B}[2J\u{7F}\u{0}") == #""\u001b[2J\u007f\u0000""#)
        #expect(JSONWriter.quoted("/é😀") == "\"/é😀\"")
        var w = JSONWriter()
        w.raw("[")
        w.double(0.123456)
        w.raw(",")
        w.double(2)
        w.raw(",")
        w.double(.nan)
        w.raw(",")
        w.optionalString(nil)
        w.raw("]")
        #expect(w.text == "[0.1235,2,null,null]")
    }

    @Test("a stored feature vector is written exactly as JSONEncoder with sorted keys wrote it, and reads back equal")
    func featureObject() throws {
        let values: [String: Double] = [
            "youth.age_under_18": 1, "b": 0.1, "a": 1e-05, "B": -0.0, "é": 12_345_678.9, "a_": 1.0 / 3,
            "z.very.long.feature": 2.5e300, "zero": 0,
        ]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let expected = String(decoding: try encoder.encode(values), as: UTF8.self)
        let written = JSONWriter.text { $0.sortedObject(values) }
        #expect(written == expected)
        #expect(try JSONDecoder().decode([String: Double].self, from: Data(written.utf8)) == values)
    }

    @Test("keys sort by their UTF-8 bytes: ASCII, accents, emoji, prefixes and the empty string")
    func utf8Order() {
        let words = ["", "a", "ab", "abc", "b", "B", "Z", "_x", "youth.emoji", "youth.age", "é", "e\u{301}", "🍭", "ż", "a\u{0}", "~"]
        var generator = SystemRandomNumberGenerator()
        var pairs = words.flatMap { a in words.map { (a, $0) } }
        for _ in 0..<2_000 {
            let random = { String((0..<Int.random(in: 0...4, using: &generator)).map { _ in words.randomElement(using: &generator)!.first ?? "x" }) }
            pairs.append((random(), random()))
        }
        for (a, b) in pairs {
            #expect(JSONWriter.utf8Precedes(a, b) == a.utf8.lexicographicallyPrecedes(b.utf8), "\(a) vs \(b)")
        }
    }

    @Test("CSV quotes only fields that need it and ends records with a line feed")
    func csv() {
        #expect(CSV.field("plain") == "plain")
        #expect(CSV.field("a,b") == "\"a,b\"")
        #expect(CSV.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSV.field("two\nlines") == "\"two\nlines\"")
        #expect(CSV.record(["1", "a,b", ""]) == "1,\"a,b\",\n")
    }

    @Test("terminal text loses every control character and bidi override, keeping lines when asked")
    func terminalText() {
        #expect(TerminalText.clean("a\u{1B}[2Jb\u{07}c\u{9B}d") == "a[2Jbcd")
        #expect(TerminalText.clean("x\u{202E}y\u{2066}z") == "xyz")
        #expect(TerminalText.clean("one\ntwo\tthree\r") == "one two three")
        #expect(TerminalText.clean("one\ntwo\tthree\r", keepNewlines: true) == "one\ntwo\tthree")
        #expect(TerminalText.clean("café 😀") == "café 😀")
    }
}
