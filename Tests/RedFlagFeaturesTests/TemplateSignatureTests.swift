import Foundation
@testable import RedFlagContract
import Testing
@testable import RedFlagFeatures

/// Reposts of one text under another phone, name, city or price sign alike; different ads do not.
@Suite("Template signatures")
struct TemplateSignatureTests {
    static let ad = """
        Hi gentlemen, I am Sofia, sweet and caring, visiting Denver this week only. Call me at 702-555-0147 or \
        sofia@example.com, $150 half hour, $250 hour. Clean private incall near the airport, no rush, real pics.
        """
    static let repost = """
        Hi gentlemen, I am Marisol, sweet and caring, visiting Tulsa this week only. Call me at seven zero two 555 \
        0188 or mari.sol@example.com, $120 half hour, $200 hour. Clean private incall near the airport, no rush, \
        real pics.
        """
    static let other = """
        Selling a blue three-seat sofa, barely used, smoke free home, pick up only, cash on collection, a matching \
        armchair is also available if you want both. Message me with any questions about the fabric or size.
        """

    func signature(_ text: String) -> TemplateSignature? {
        shippedExtractor.features(ofText: text, scratch: FeatureScratch(), signsTemplate: true).template
    }

    @Test func aRepostUnderAnotherContactNameCityAndPriceSignsAlike() throws {
        let a = try #require(signature(Self.ad))
        let b = try #require(signature(Self.repost))
        #expect(a.similarity(to: b) >= 0.9, "\(a.similarity(to: b))")
        #expect(a.similarity(to: a) == 1)
    }

    @Test func differentAdsDoNot() throws {
        let a = try #require(signature(Self.ad))
        let c = try #require(signature(Self.other))
        #expect(a.similarity(to: c) < 0.2, "\(a.similarity(to: c))")
    }

    @Test func aFewRewrittenWordsStayAboveTheDefault() throws {
        let a = try #require(signature(Self.ad))
        let edited = Self.ad.replacingOccurrences(of: "this week only", with: "for three days")
            .replacingOccurrences(of: "no rush", with: "never rushed")
        let b = try #require(signature(edited))
        #expect(a.similarity(to: b) >= 0.5, "\(a.similarity(to: b))")
    }

    @Test func shortAdsAndUnsignedScansHaveNone() {
        #expect(signature("call me now, new in town") == nil)
        #expect(features(Self.ad).template == nil)
    }

    /// Title Case throughout: capitals say nothing there, so words are not masked as names and the ad still
    /// differs from another Title Case ad.
    @Test func titleCaseAdsKeepTheirWords() throws {
        let a = try #require(signature("Sweet Caring Lady Visiting This Week Only Call Now For Fun Times Downtown Incall Available"))
        let b = try #require(signature("Fresh Bread Daily Visit Our Bakery This Week Only For Free Coffee With Every Loaf"))
        #expect(a.similarity(to: b) < 0.3, "\(a.similarity(to: b))")
    }

    /// The hash family is fixed: a signature stored by one version compares with one computed by the next.
    @Test func valuesAreStableAcrossRuns() throws {
        let a = try #require(signature(Self.ad))
        #expect(a.values.count == TemplateSignature.count)
        #expect(Array(a.values.prefix(3)) == Self.recordedPrefix, "\(Array(a.values.prefix(3)))")
    }

    static let recordedPrefix: [UInt32] = [60_157_135, 33_925_363, 17_927_310]

    /// The minima computed eight at a time are the one-value-at-a-time multiply-shift minima: signatures stored
    /// before stay comparable.
    @Test func laneMinimaAreTheScalarMinima() throws {
        var state: UInt64 = 7
        for count in [1, 7, 8, 9, 130, 1_000] {
            let hashes = (0..<count).map { _ in
                state &+= 0x9E37_79B9_7F4A_7C15
                return TemplateSignature.mix(state)
            }
            var expected = [UInt32](repeating: .max, count: TemplateSignature.count)
            for x in hashes {
                for i in 0..<TemplateSignature.count {
                    let v = UInt32(truncatingIfNeeded: (TemplateSignature.multipliers[i] &* x &+ TemplateSignature.addends[i]) >> 32)
                    expected[i] = min(expected[i], v)
                }
            }
            let signature = try #require(TemplateSignature(shingleHashes: hashes))
            #expect(signature.values == expected && signature.shingles == count)
        }
    }
}
