import Testing
@testable import RedFlagFeatures
import RedFlagContract

@Suite("Feature vector")
struct FeatureVectorTests {
    @Test func suspiciousAdVector() {
        let f = features("Sweet young Asian girl 🍒💋, 100% real pics, no games. Call seven zero two 555 0147. 19 yo")
        let v = f.vector
        #expect(v["youth.young"] == 1)
        #expect(v["family.youth"] >= 1)
        #expect(v["family.trust_language"] >= 1)
        #expect(v["family.ethnicity_stated"] >= 1)
        #expect(v["entity.phone"] == 1)
        #expect(v["entity.phone_obfuscated"] == 1)
        #expect(v["family.obfuscated_phone"] == 1)
        #expect(v["age.18_19"] == 1)
        #expect(v["emoji.1_2"] == 1)
        #expect(v["length.lt200"] == 1)
        #expect(v.names == v.names.sorted())
        #expect(f.families.contains(.obfuscatedPhone))
    }

    @Test func benignAdVector() {
        let f = features("Used road bike for sale, 54 cm frame, $450, call 702-555-0133. No scams please.")
        #expect(f.families.isEmpty, "\(f.indicators.map(\.feature))")
        #expect(f.vector["entity.phone"] == 1)
        #expect(f.vector["entity.phone_obfuscated"] == 0)
        #expect(f.vector["emoji.none"] == 1)
    }

    @Test func lookalikeLettersRaiseTheRatio() {
        let f = features("Οη℮ Οf A ΚιηD young lady")
        #expect(f.vector["text.lookalike_ratio"] > 0)
    }

    @Test func pcre2LimitsAreAWarningNotACrash() throws {
        let regex = try PCRE2Regex("(a+)+$")
        let matcher = PCRE2Matcher()
        let subject = Array((String(repeating: "a", count: 40) + "b").utf8)
        #expect(throws: PCRE2Matcher.LimitError.self) {
            try subject.withUnsafeBufferPointer { try matcher.firstMatch(regex, in: $0, from: 0) }
        }
        // The same matcher still works afterwards.
        let ok = try Array("xaay".utf8).withUnsafeBufferPointer { try PCRE2Matcher().firstMatch(try PCRE2Regex("a+"), in: $0, from: 0) }
        #expect(ok == 1..<3)
    }
}
