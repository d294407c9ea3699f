import Foundation
import RedFlagContract
import Testing
import RedFlagFeatures
@testable import RedFlagPipeline

@Suite("Template clusters")
struct TemplateClustersTests {
    static func signature(_ seed: UInt32, changed: Int = 0) -> TemplateSignature {
        // Values from a seed; `changed` of them altered, so similarity is (64 - changed) / 64.
        var values = (0..<UInt32(TemplateSignature.count)).map { $0 &* 2_654_435_761 &+ seed &* 40503 }
        for k in 0..<changed { values[k * 3 % values.count] ^= 0xFFFF }
        return TemplateSignature(values: values, shingles: 40)
    }

    @Test func laterCopiesGetTheFirstCopysId() {
        let clusters = TemplateClusters()
        // The first ad of a text gets the id of the template it opens: its own.
        #expect(clusters.add(Self.signature(1), sha256: "aaaa0000aaaa0000aaaa") == "taaaa0000aaaa0000")
        #expect(clusters.add(Self.signature(2), sha256: "bbbb") == "tbbbb")
        #expect(clusters.add(Self.signature(1, changed: 10), sha256: "cccc") == "taaaa0000aaaa0000")
        #expect(clusters.add(nil, sha256: "dddd") == nil)
        #expect(clusters.add(Self.signature(1, changed: 40), sha256: "eeee") == "teeee")  // 24/64 = 0.375 < 0.5
        #expect(clusters.repeatedTemplates == 1)
        #expect(clusters.largestTemplate == 2)
    }

    /// An ad joins its most similar earlier ad's template, and templates never merge through it.
    @Test func noChainingThroughABorderlineAd() {
        let clusters = TemplateClusters(threshold: 0.9)
        _ = clusters.add(Self.signature(1), sha256: "1111")
        _ = clusters.add(Self.signature(2), sha256: "2222")
        #expect(clusters.add(Self.signature(2, changed: 2), sha256: "3333") == "t2222")
        #expect(clusters.sizes.count == 2)
    }

    @Test func manyCopiesOfOneTextStayOneTemplate() {
        let clusters = TemplateClusters()
        _ = clusters.add(Self.signature(7), sha256: "7777")
        for k in 0..<2000 { #expect(clusters.add(Self.signature(7, changed: k % 5), sha256: "x\(k)") == "t7777") }
        #expect(clusters.largestTemplate == 2001)
    }

    /// A scan of a few ads holds a few kilobytes: the boilerplate counts and the buckets grow with the ads.
    @Test func aSmallScanHoldsLittle() {
        let clusters = TemplateClusters()
        for k in 0..<10 { _ = clusters.add(Self.signature(UInt32(k) &* 7919), sha256: "s\(k)") }
        #expect(clusters.keptAds == 10)
        #expect(clusters.heldBytes < 200_000, "\(clusters.heldBytes)")
    }

    /// The bucket table grows (from 4,096 slots) by re-placing what it holds: ads indexed before any growth are
    /// still found after many.
    @Test func bucketsKeepTheirAdsAsTheyGrow() {
        let clusters = TemplateClusters()
        #expect(clusters.add(Self.signature(1), sha256: "first000000000000") == "tfirst00000000000")
        for k in 0..<5_000 {
            let signature = TemplateSignature(
                values: (0..<UInt32(TemplateSignature.count)).map { UInt32(truncatingIfNeeded: TemplateSignature.mix(UInt64(k) << 8 | UInt64($0))) },
                shingles: 40)
            #expect(clusters.add(signature, sha256: "d\(k)") == "td\(k)")
        }
        #expect(clusters.keptAds == 5_001 && clusters.heldBytes > 5_000 * 20 * 8)
        #expect(clusters.add(Self.signature(1, changed: 10), sha256: "late") == "tfirst00000000000")
        #expect(clusters.repeatedTemplates == 1 && clusters.largestTemplate == 2)
    }

    /// The pair fixture's sums: pairs counted from (cluster, template) cells; bases grouped by exact Jaccard.
    @Test func pairCounts() {
        let counts = TemplatePairFixture.pairCounts(predicted: ["a", "a", "a", "b", "c"], truth: [1, 1, 2, 2, 3])
        // Predicted pairs: 3 (a); true pairs: 1 (1) + 1 (2); both: 1 (a with template 1).
        #expect(counts.predicted == 3 && counts.truth == 2 && counts.correct == 1)
        let texts = [
            "Sweet caring lady visiting this week only call me for a relaxing time no rush",
            "Sweet caring lady visiting this week only call me for a relaxing time no rush today",
            "Hiring drivers for deliveries across the county full time with benefits apply now",
        ]
        let groups = TemplatePairFixture.groups(texts)
        #expect(groups[0] == groups[1] && groups[2] != groups[0])
    }

    /// The fixture's "emoji, a line" copy: one emoji more, and one line (3 to 25 words) fewer or more.
    @Test func aCopyGainsAnEmojiAndLosesOrGainsALine() {
        let text = "Sweet and caring lady. New in town this week only! Call me for a relaxing time. No rush, real pics."
        #expect(TemplatePairFixture.sentences(text).count == 4)
        #expect(TemplatePairFixture.sentences("no punctuation at all here").count == 1)
        let lines: [Substring] = ["Ask about my weekly specials.", "one two", String(repeating: "word ", count: 30)[...]]
            .filter(TemplatePairFixture.isALine)
        #expect(lines == ["Ask about my weekly specials."])
        var random = RedFlagPipeline.SplitMix(seed: 7)
        var dropped = 0
        var added = 0
        for _ in 0..<40 {
            let copy = TemplatePairFixture.changeALine(of: text, sentences: lines, random: &random)
            let words = copy.split(separator: " ")
            #expect(words.count { TemplatePairFixture.emoji.contains(String($0)) } == 1, "\(copy)")
            if copy.contains("weekly specials") {
                added += 1
                #expect(words.count == text.split(separator: " ").count + 6)
            } else {
                dropped += 1
                let plain = words.filter { !TemplatePairFixture.emoji.contains(String($0)) }.joined(separator: " ")
                let kept = TemplatePairFixture.sentences(text).filter { plain.contains($0.trimmingCharacters(in: .whitespaces)) }
                #expect(kept.count == 3, "\(copy)")
            }
        }
        #expect(dropped > 0 && added > 0)
    }
}
