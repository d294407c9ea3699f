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
        #expect(clusters.add(Self.signature(1), sha256: "aaaa0000aaaa0000aaaa") == nil)
        #expect(clusters.add(Self.signature(2), sha256: "bbbb") == nil)
        #expect(clusters.add(Self.signature(1, changed: 10), sha256: "cccc") == "taaaa0000aaaa0000")
        #expect(clusters.add(nil, sha256: "dddd") == nil)
        #expect(clusters.add(Self.signature(1, changed: 40), sha256: "eeee") == nil)  // 24/64 = 0.375 < 0.5
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
}
