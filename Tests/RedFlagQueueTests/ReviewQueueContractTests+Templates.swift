import Foundation
import RedFlagContract
import Testing

@testable import RedFlagQueue

/// A signature from a seed with `changed` of its 64 values altered: its similarity to the unchanged one is
/// (64 − changed) / 64, and signatures of different seeds share no value.
func templateSignature(_ seed: UInt32, changed: Int = 0, offset: Int = 0) -> TemplateSignature {
    var values = (0..<UInt32(TemplateSignature.count)).map { $0 &* 2_654_435_761 &+ seed &* 40503 }
    for k in 0..<changed { values[(k + offset) % values.count] ^= 0xFFFF }
    return TemplateSignature(values: values, shingles: 40)
}

/// `submission(text)` signed with `signature` (and the cluster its sender proposes).
func signed(
    _ text: String, _ signature: TemplateSignature, proposed: String? = nil, phones: [String] = [], score: Double = 0.5
) -> QueueSubmission {
    var s = submission(text, score: score, phones: phones)
    s.template = signature
    s.templateCluster = proposed
    return s
}

extension ReviewQueueContractTests {
    @Test("ads from one template share a cluster named after the first; others get their own", arguments: StoreKind.allCases)
    func templateClustersFromSignatures(_ kind: StoreKind) async throws {
        let queue = try await make(kind)
        let first = signed("template one, first copy", templateSignature(1))
        _ = try await queue.enqueue(
            [
                first, signed("template one, another phone", templateSignature(1, changed: 8)),
                signed("template two", templateSignature(2)), submission("unsigned ad"),
                signed("template one, a line added", templateSignature(1, changed: 20)),
            ], actor: "scan")
        let cluster = "t" + first.sha256.prefix(16)
        let items = try await queue.list(filter: QueueFilter()).sorted { $0.id < $1.id }
        #expect(items.map(\.templateID) == [cluster, cluster, items[2].templateID, nil, cluster])
        #expect(items[2].templateID != cluster && items[2].templateSize == 1)
        #expect(items.map(\.templateSize) == [3, 3, 1, 0, 3])
        #expect(try await queue.templateMembers(of: 1).map(\.id).sorted() == [2, 5])
        #expect(try await queue.templateMembers(of: 4).isEmpty)
        let clusters = try await queue.templateClusters(minimumSize: 2)
        #expect(clusters.map(\.id) == [cluster] && clusters[0].size == 3)
        #expect(try await queue.templateClusters(minimumSize: 1).count == 2)
        await expectQueueError(.itemNotFound) { _ = try await queue.templateMembers(of: 99) }
    }

    @Test("a template cluster never follows phone links, and clusters never merge", arguments: StoreKind.allCases)
    func templatesDoNotChain(_ kind: StoreKind) async throws {
        let queue = try await make(kind)
        // Two texts under one phone: one linked group, two templates.
        _ = try await queue.enqueue(
            [
                signed("text A", templateSignature(10), phones: ["555-0101"]),
                signed("text B", templateSignature(20), phones: ["555-0101"]),
            ], actor: "scan")
        let a = try #require(try await queue.item(id: 1))
        let b = try #require(try await queue.item(id: 2))
        #expect(a.groupID == b.groupID && a.groupSize == 2)
        #expect(a.templateID != b.templateID)
        // An ad between the two (half A's values, half B's) joins one of them; they stay two clusters.
        let between = TemplateSignature(
            values: Array(templateSignature(10).values.prefix(34)) + Array(templateSignature(20).values.suffix(30)),
            shingles: 40)
        _ = try await queue.enqueue([signed("between", between)], actor: "scan")
        #expect(try await queue.item(id: 3)?.templateID == a.templateID)
        #expect(try await queue.templateClusters(minimumSize: 1).map(\.size).sorted() == [1, 2])
        #expect(try await queue.item(id: 2)?.templateSize == 1)
    }

    @Test("an ad nothing queued matches keeps the cluster its sender proposed", arguments: StoreKind.allCases)
    func proposedCluster(_ kind: StoreKind) async throws {
        let queue = try await make(kind)
        let proposed = "t0123456789abcdef"
        _ = try await queue.enqueue(
            [
                signed("second copy of a batch text", templateSignature(3, changed: 4), proposed: proposed),
                // The queue's own match wins over a proposal.
                signed("third copy", templateSignature(3, changed: 6), proposed: "tffffffffffffffff"),
            ], actor: "scan")
        #expect(try await queue.item(id: 1)?.templateID == proposed)
        #expect(try await queue.item(id: 2)?.templateID == proposed)
        let bad = signed("bad proposal", templateSignature(4), proposed: "cluster-1")
        let error = await expectQueueError(.invalidInput) { _ = try await queue.enqueue([bad], actor: "scan") }
        #expect(error?.message.contains("is not t and 16 hex digits") == true)
    }

    @Test("the template index holds each cluster's indexed signatures, not every near copy", arguments: StoreKind.allCases)
    func templateIndexEntries(_ kind: StoreKind) async throws {
        let queue = try await make(kind)
        _ = try await queue.enqueue(
            [signed("one", templateSignature(5))] + (1...20).map { signed("copy \($0)", templateSignature(5, changed: $0 % 3)) }
                + [signed("other", templateSignature(6))], actor: "scan")
        let index = try await queue.templateIndex()
        #expect(index.count == 2)
        #expect(Set(index.map(\.cluster)).count == 2)
        #expect(index.first?.signature.values == templateSignature(5).values)
        #expect(try await queue.item(id: 21)?.templateSize == 21)
    }

    @Test("one ad reposted under new ids is one item with a posting each; the same posting counts once",
        arguments: StoreKind.allCases)
    func repostsArePostings(_ kind: StoreKind) async throws {
        let queue = try await make(kind)
        let n = 6
        let reposts = (0..<n).map { k -> QueueSubmission in
            var s = submission("the very same ad text", score: 0.7)
            s.adID = "post-\(k)"
            s.url = "https://site\(k % 2).example.com/ads/\(k)"
            s.capturedAt = "2026-05-0\(k + 1)T10:00:00Z"
            return s
        }
        let outcomes = try await queue.enqueue(reposts, actor: "scan")
        #expect(outcomes.map(\.id) == Array(repeating: 1, count: n))
        #expect(outcomes == [.queued(id: 1)] + Array(repeating: .reposted(id: 1), count: n - 1))
        clock.advance(60)
        // Seen again: nothing new, so a refresh, not a repost.
        #expect(try await queue.enqueue([reposts[2]], actor: "scan") == [.refreshed(id: 1)])
        let item = try #require(try await queue.item(id: 1))
        #expect(item.postingCount == n)
        let postings = try await queue.postings(of: 1)
        #expect(postings.map(\.adID) == (0..<n).map { "post-\($0)" })
        #expect(postings[1].source == "site1.example.com" && postings[1].capturedAt == "2026-05-02T10:00:00Z")
        #expect(try await queue.list(filter: QueueFilter()).count == 1)
        // A decided item still counts where it is posted.
        let claimed = try #require(try await queue.claimNext(reviewer: "ana"))
        _ = try await queue.decide(
            id: claimed.id, verdict: .confirmed, severity: 3, note: nil, reviewer: "ana", claimToken: nil)
        var later = reposts[0]
        later.adID = "post-late"
        #expect(try await queue.enqueue([later], actor: "scan") == [.unchangedDecided(id: 1)])
        #expect(try await queue.item(id: 1)?.postingCount == n + 1)
        await expectQueueError(.itemNotFound) { _ = try await queue.postings(of: 2) }
    }

    @Test("a purge keeps an item's postings' ids and dates, not where they were", arguments: StoreKind.allCases)
    func purgeClearsPostings(_ kind: StoreKind) async throws {
        let queue = try await make(kind)
        var first = signed("purged ad", templateSignature(8))
        first.url = "https://a.example.com/1"
        var second = first
        second.adID = "elsewhere"
        second.url = "https://b.example.com/2"
        _ = try await queue.enqueue([first, second], actor: "scan")
        try await queue.purge(id: 1, actor: "ana", reason: "takedown request")
        let postings = try await queue.postings(of: 1)
        #expect(postings.count == 2 && postings.allSatisfy { $0.url == nil && $0.location == nil })
        #expect(try await queue.templateIndex().isEmpty)
        // What was removed stays removed: a repost of it records nothing.
        var third = first
        third.adID = "third"
        _ = try await queue.enqueue([third], actor: "scan")
        #expect(try await queue.postings(of: 1).count == 2)
    }
}

extension ReviewQueueContractTests {
    @Test("a confirmed copy of a template raises its other copies' priority, with the reason; a reopen undoes it",
        arguments: StoreKind.allCases)
    func confirmedTemplateRaisesPriority(_ kind: StoreKind) async throws {
        let queue = try await make(kind)
        _ = try await queue.enqueue(
            [
                signed("copy one", templateSignature(30), score: 0.3),
                signed("copy two", templateSignature(30, changed: 5), score: 0.2),
                submission("unrelated, high", score: 0.9), submission("unrelated, middle", score: 0.8),
            ], actor: "scan")
        let first = try #require(try await queue.claimNext(reviewer: "ana", lease: .seconds(60), excluding: [3, 4]))
        #expect(first.id == 1)
        _ = try await queue.decide(id: 1, verdict: .confirmed, severity: 4, note: nil, reviewer: "ana", claimToken: nil)
        let raised = try #require(try await queue.item(id: 2))
        #expect(raised.templateConfirmed == 1)
        #expect(raised.templateReason == "same template as 1 ad, 1 confirmed")
        #expect(try await queue.item(id: 1)?.templateConfirmed == 0)
        #expect(try await queue.list(filter: QueueFilter(status: .pending)).map(\.id) == [2, 3, 4])
        // Pages follow the same order.
        let page = try await queue.list(filter: QueueFilter(status: .pending), after: nil, limit: 1)
        let next = try await queue.list(filter: QueueFilter(status: .pending), after: page.next, limit: 5)
        #expect(page.items.map(\.id) + next.items.map(\.id) == [2, 3, 4])
        let second = try #require(try await queue.claimNext(reviewer: "bob"))
        #expect(second.id == 2)
        try await queue.release(id: 2, reviewer: "bob")
        // A copy queued later joins with the count.
        _ = try await queue.enqueue([signed("copy three", templateSignature(30, changed: 3), score: 0.1)], actor: "scan")
        #expect(try await queue.item(id: 5)?.templateReason == "same template as 2 ads, 1 confirmed")
        _ = try await queue.reopen(id: 1, supervisor: "sam", note: "wrong template")
        #expect(try await queue.item(id: 2)?.templateConfirmed == 0)
        #expect(try await queue.item(id: 5)?.templateReason == nil)
        #expect(try await queue.claimNext(reviewer: "bob")?.id == 3)
    }
}
