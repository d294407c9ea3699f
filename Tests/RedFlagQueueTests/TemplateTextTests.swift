import Foundation
import RedFlagContract
import Testing

@testable import RedFlagQueue

@Suite("Template text and matching (pure)")
struct TemplateTextTests {
    @Test("the shared words with numbered slots, each slot's values and kind")
    func sharedTextAndSlots() {
        let text = TemplateText(texts: [
            "Hi I am Sofia in Denver, call 702-555-0101 now. $150 half hour.",
            "Hi I am Kim in Reno, call 702-555-0102 now. $200 half hour.",
            "Hi I am Sofia in Las Vegas, call 702-555-0101 now. $150 half hour. New pics!",
        ])
        #expect(text.shared == "Hi I am {1} in {2} call {3} now. {4} half hour. {5}")
        #expect(text.members == 3)
        #expect(text.slots.map(\.kind) == ["name or place", "name or place", "phone", "price", "text"])
        #expect(text.slots[0].values == ["Sofia", "Kim"])
        #expect(text.slots[1].values == ["Denver,", "Las Vegas,", "Reno,"])
        #expect(text.slots[4].values == ["New pics!"])
    }

    @Test("one text has no slots; none gives an empty template")
    func degenerate() {
        #expect(TemplateText(texts: ["just one ad here"]).shared == "just one ad here")
        #expect(TemplateText(texts: ["just one ad here"]).slots.isEmpty)
        #expect(TemplateText(texts: []).shared.isEmpty)
    }

    @Test("a stored signature reads back as it was; cluster ids have one shape")
    func storage() throws {
        let signature = templateSignature(42, changed: 7)
        let bytes = TemplateMatching.bytes(signature)
        #expect(bytes.count == 256)
        #expect(TemplateMatching.signature(bytes)?.values == signature.values)
        #expect(TemplateMatching.signature(Array(bytes.dropLast())) == nil)
        #expect(TemplateMatching.isClusterID("t0123456789abcdef"))
        #expect(!TemplateMatching.isClusterID("t0123456789ABCDEF") && !TemplateMatching.isClusterID("t0123"))
        #expect(TemplateMatching.clusterID(ofFirst: String(repeating: "ab", count: 32)) == "tabababababababab")
    }

    @Test("an ad joins its most similar member's cluster; a near copy is not indexed; full buckets index nothing")
    func assignment() {
        let signature = templateSignature(1)
        let candidates = [
            TemplateCandidate(itemID: 1, cluster: "t1111111111111111", signature: templateSignature(1, changed: 20)),
            TemplateCandidate(itemID: 2, cluster: "t2222222222222222", signature: templateSignature(1, changed: 2)),
            TemplateCandidate(itemID: 3, cluster: "t3333333333333333", signature: templateSignature(9)),
        ]
        let near = TemplateMatching.assign(
            signature, sha256: String(repeating: "c", count: 64), proposed: nil, candidates: candidates,
            bucketCounts: [:], threshold: 0.5)
        #expect(near.cluster == "t2222222222222222" && near.indexedBands.isEmpty)
        let alone = TemplateMatching.assign(
            signature, sha256: String(repeating: "c", count: 64), proposed: nil, candidates: [candidates[2]],
            bucketCounts: [:], threshold: 0.5)
        #expect(alone.cluster == "tcccccccccccccccc" && alone.similarity == nil && alone.indexedBands.count == 20)
        let keys = TemplateMatching.bandKeys(signature)
        let full = Dictionary(uniqueKeysWithValues: keys.map { ($0, TemplateMatching.bucketCapacity) })
        let crowded = TemplateMatching.assign(
            signature, sha256: String(repeating: "c", count: 64), proposed: "t0000000000000000", candidates: [],
            bucketCounts: full, threshold: 0.5)
        #expect(crowded.cluster == "t0000000000000000" && crowded.indexedBands.isEmpty)
    }

    @Test("a match only on boilerplate minima is refused; a copy that also shares the rest is not")
    func boilerplateVeto() {
        // Positions 0..<40 hold a shared footer's minima; the rest differ between unrelated ads.
        let footer = templateSignature(50).values.prefix(40)
        let a = TemplateSignature(values: Array(footer) + templateSignature(51).values.suffix(24), shingles: 40)
        let b = TemplateSignature(values: Array(footer) + templateSignature(52).values.suffix(24), shingles: 40)
        let copyOfA = TemplateSignature(
            values: Array(footer) + Array(templateSignature(51).values.suffix(24).prefix(20))
                + Array(templateSignature(53).values.suffix(4)), shingles: 40)
        #expect(b.similarity(to: a) == 40.0 / 64)
        var counts: [Int64: Int] = [:]
        for key in TemplateMatching.minimumKeys(b).prefix(40) { counts[key] = TemplateSignature.commonTemplates }
        let common = TemplateMatching.commonMask(b, templates: counts)
        #expect(common == (1 << 40) - 1)
        #expect(b.similarity(to: a, atLeast: 0.5, discounting: common) == nil)
        #expect(copyOfA.similarity(to: a, atLeast: 0.5, discounting: common) == 60.0 / 64)
        #expect(b.similarity(to: a, atLeast: 0.5, discounting: 0) == 40.0 / 64)
    }
}
