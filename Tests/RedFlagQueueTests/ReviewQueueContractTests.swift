import Foundation
import RedFlagContract
import RedFlagTestSupport
import Testing

@testable import RedFlagQueue

/// The behaviour every ``ReviewQueue`` store must show, run unchanged against each of them (``StoreKind``): what a
/// caller of the protocol can observe, never how a store keeps it. Store-specific behaviour (SQLite's migrations,
/// file damage, processes killed mid-write) stays in that store's own suites.
@Suite("Review queue contract: every store")
final class ReviewQueueContractTests: Sendable {
    let folder: TemporaryFolder
    let clock = ManualClock()

    init() throws {
        folder = try TemporaryFolder()
    }

    deinit { folder.cleanUp() }

    /// A new, empty store of `kind` on this test's clock.
    func make(_ kind: StoreKind) throws -> any ReviewQueue {
        try kind.open(in: folder, clock: clock)
    }

    // MARK: Enqueue

    @Test("the same content is queued once; a pending item is refreshed, claimed and decided ones are not",
        arguments: StoreKind.allCases)
    func enqueueDeduplicates(_ kind: StoreKind) async throws {
        let queue = try make(kind)
        let a = submission("first ad", score: 0.4)
        let outcomes = try await queue.enqueue([a, a, submission("second ad")], actor: "scan")
        #expect(outcomes == [.queued(id: 1), .refreshed(id: 1), .queued(id: 2)])

        var rescored = a
        rescored.score = 0.9
        #expect(try await queue.enqueue([rescored], actor: "scan") == [.refreshed(id: 1)])
        #expect(try await queue.item(id: 1)?.score == 0.9)

        let claimed = try #require(try await queue.claimNext(reviewer: "ana"))
        #expect(claimed.id == 1)
        var again = a
        again.score = 0.1
        #expect(try await queue.enqueue([again], actor: "scan") == [.unchangedDecided(id: 1)])
        _ = try await queue.decide(id: 1, verdict: .confirmed, severity: 4, note: nil, reviewer: "ana", claimToken: nil)
        #expect(try await queue.enqueue([again], actor: "scan") == [.unchangedDecided(id: 1)])
        let item = try #require(try await queue.item(id: 1))
        #expect(item.score == 0.9)
        #expect(item.status == .decided)
        #expect(item.decision?.verdict == .confirmed)
        // One enqueue event per queued or changed item, none for no-ops.
        #expect(try await queue.auditEvents().filter { $0.action == .enqueue }.count == 3)
    }

    @Test("a batch is one transaction: one bad submission rejects the whole batch",
        arguments: StoreKind.allCases)
    func enqueueIsAtomic(_ kind: StoreKind) async throws {
        let queue = try make(kind)
        var bad = submission("bad one")
        bad.sha256 = String(repeating: "a", count: 64)
        let error = await expectQueueError(.invalidInput) {
            _ = try await queue.enqueue([submission("good one"), bad], actor: "scan")
        }
        #expect(error?.message.contains("not the SHA-256 of its raw content") == true)
        #expect(try await queue.list(filter: QueueFilter()).isEmpty)
        #expect(try await queue.auditEvents().isEmpty)
    }

    @Test(
        "malformed submissions are rejected with the reason",
        arguments: StoreKind.allCases, [
            ("score", "is not in [0, 1]"), ("kind", "neither html nor text"), ("offsets", "outside the text"),
            ("mismatch", "is not the SHA-256 of its raw content"), ("nan", "NaN"),
        ])
    func enqueueValidates(_ kind: StoreKind, check: (field: String, reason: String)) async throws {
        let (field, reason) = check
        let queue = try make(kind)
        var s = submission("some text")
        switch field {
        case "score": s.score = 1.5
        case "kind": s.contentKind = "pdf"
        case "mismatch": s.rawContent = Array("other bytes".utf8)
        case "offsets": s.indicators = hits(#"[{"family":"youth","feature":"x","match":"m","start":3,"end":400}]"#)
        default: s.features = ["x": .nan]
        }
        let error = await expectQueueError(.invalidInput) { _ = try await queue.enqueue([s], actor: "scan") }
        #expect(error?.message.contains(reason) == true, "\(error?.message ?? "")")
    }

    @Test("an item carries its assessment, provenance, text and content size",
        arguments: StoreKind.allCases)
    func itemCarriesAssessment(_ kind: StoreKind) async throws {
        let queue = try make(kind)
        let s = submission(
            "she just turned 18, call now", score: 0.93, phones: ["555-012-3456"], families: ["youth"],
            evidence: #"[{"family":"youth","feature":"just_turned_18","match":"just turned 18","start":4,"end":18}]"#,
            url: "https://example.com/houston/escorts/1", features: ["youth.just_turned_18": 1, "len.bin2": 1])
        _ = try await queue.enqueue([s], actor: "scan")
        let item = try #require(try await queue.item(id: 1))
        #expect(item.sha256 == s.sha256)
        #expect(item.url == "https://example.com/houston/escorts/1")
        #expect(item.capturedAt == "2026-05-01T10:00:00Z")
        #expect(item.families == ["youth"])
        #expect(
            item.evidence == [
                IndicatorHit(family: .youth, entry: "just_turned_18", match: "just turned 18", start: 4, end: 18)
            ])
        #expect(item.contributions.first == Contribution(feature: "youth.x", family: "youth", weight: 1.5))
        #expect(item.entities.ages == [19])
        #expect(item.text == "she just turned 18, call now")
        #expect(item.rawByteCount == s.rawContent.count)
        #expect(item.displayLocation == "example.com/houston/escorts/1")
        #expect(item.status == .pending)
        #expect(try await queue.item(id: 99) == nil)
    }

    // MARK: Groups and priority

    @Test("ads sharing a phone or e-mail form one group, transitively; groups merge",
        arguments: StoreKind.allCases)
    func linking(_ kind: StoreKind) async throws {
        let queue = try make(kind)
        _ = try await queue.enqueue(
            [
                submission("a", score: 0.3, phones: ["(555) 012-3456"]),
                submission("b", score: 0.6, phones: ["5550123456"], emails: ["X@Example.com "]),
                submission("c", score: 0.2, emails: ["x@example.com"]),
                submission("d", score: 0.95, phones: ["5559998888"]),
            ], actor: "scan")
        let a = try #require(try await queue.item(id: 1))
        let c = try #require(try await queue.item(id: 3))
        let d = try #require(try await queue.item(id: 4))
        #expect(a.groupID == c.groupID)
        #expect(a.groupSize == 3)
        #expect(a.groupScore == 0.6)
        #expect(d.groupID != a.groupID)
        #expect(d.groupSize == 1)

        let linked = try await queue.linkedItems(of: 1)
        #expect(linked.map(\.item.id) == [2, 3])
        #expect(linked[0].sharedPhones == ["5550123456"])
        #expect(linked[1].sharedPhones.isEmpty && linked[1].sharedEmails.isEmpty)  // through ad b

        // A new ad that shares d's phone and a's phone merges the two groups.
        _ = try await queue.enqueue([submission("e", score: 0.1, phones: ["5559998888", "5550123456"])], actor: "scan")
        let merged = try await queue.list(filter: QueueFilter())
        #expect(Set(merged.map(\.groupID)).count == 1)
        #expect(merged.allSatisfy { $0.groupScore == 0.95 && $0.groupSize == 5 })
        #expect(try await queue.list(filter: QueueFilter(phone: "555-999-8888")).map(\.id).sorted() == [4, 5])
        await expectQueueError(.itemNotFound) { _ = try await queue.linkedItems(of: 42) }
    }

    @Test("priority: the group's highest score, then the item's score, then age (older first)",
        arguments: StoreKind.allCases)
    func priority(_ kind: StoreKind) async throws {
        let queue = try make(kind)
        _ = try await queue.enqueue([submission("old low", score: 0.5)], actor: "scan")  // 1
        clock.advance(10)
        _ = try await queue.enqueue(
            [
                submission("new low", score: 0.5),  // 2: same score as 1, newer
                submission("linked low", score: 0.1, phones: ["5551112222"]),  // 3: group top 0.9
                submission("linked high", score: 0.9, phones: ["5551112222"]),  // 4
                submission("alone mid", score: 0.7),  // 5
            ], actor: "scan")
        #expect(try await queue.list(filter: QueueFilter()).map(\.id) == [4, 3, 5, 1, 2])
        var order: [Int64] = []
        while let item = try await queue.claimNext(reviewer: "ana") { order.append(item.id) }
        #expect(order == [4, 3, 5, 1, 2])
    }

    // MARK: Claims

    @Test("claimNext skips excluded items and returns nil when nothing is pending",
        arguments: StoreKind.allCases)
    func claimExcluding(_ kind: StoreKind) async throws {
        let queue = try make(kind)
        _ = try await queue.enqueue([submission("x", score: 0.9), submission("y", score: 0.1)], actor: "scan")
        let item = try #require(try await queue.claimNext(reviewer: "ana", lease: .seconds(60), excluding: [1]))
        #expect(item.id == 2)
        #expect(item.status == .claimed)
        #expect(item.claim?.reviewer == "ana")
        #expect(item.claim?.token.count == 32)
        #expect(item.claim?.leaseExpiresAt == clock.now + 60)
        #expect(item.attempts == 1)
        #expect(try await queue.claimNext(reviewer: "bob", lease: .seconds(60), excluding: [1]) == nil)
        await expectQueueError(.invalidInput) { _ = try await queue.claimNext(reviewer: "  ") }
    }

    @Test("an expired lease returns the item at the next claim, with an expire event",
        arguments: StoreKind.allCases)
    func leaseExpiry(_ kind: StoreKind) async throws {
        let queue = try make(kind)
        _ = try await queue.enqueue([submission("only", score: 0.8)], actor: "scan")
        let first = try #require(try await queue.claimNext(reviewer: "ana", lease: .seconds(900)))
        clock.advance(899)
        #expect(try await queue.claimNext(reviewer: "bob") == nil)
        clock.advance(1)
        let second = try #require(try await queue.claimNext(reviewer: "bob"))
        #expect(second.id == first.id)
        #expect(second.claim?.reviewer == "bob")
        #expect(second.attempts == 2)
        let actions = try await queue.auditEvents(itemID: first.id, after: nil, limit: nil).map(\.action)
        #expect(actions == [.enqueue, .claim, .expire, .claim])
        let expire = try #require(try await queue.auditEvents().first { $0.action == .expire })
        #expect(expire.detail.contains(#""reviewer":"ana""#))
    }

    @Test("only the holder of an unexpired claim decides; a stale claimer is fenced off",
        arguments: StoreKind.allCases)
    func decideFencing(_ kind: StoreKind) async throws {
        let queue = try make(kind)
        _ = try await queue.enqueue([submission("contested", score: 0.8)], actor: "scan")
        let ana = try #require(try await queue.claimNext(reviewer: "ana", lease: .seconds(60)))
        await expectQueueError(.claimNotHeld) {
            _ = try await queue.decide(id: 1, verdict: .confirmed, severity: 3, note: nil, reviewer: "bob", claimToken: nil)
        }
        clock.advance(61)
        let error = await expectQueueError(.claimNotHeld) {
            _ = try await queue.decide(
                id: 1, verdict: .confirmed, severity: 3, note: nil, reviewer: "ana", claimToken: ana.claim?.token)
        }
        #expect(error?.message.contains("ran out") == true)
        let bob = try #require(try await queue.claimNext(reviewer: "bob", lease: .seconds(60)))
        // Ana's old token cannot decide bob's claim, even if the name matched.
        await expectQueueError(.claimNotHeld) {
            _ = try await queue.decide(
                id: 1, verdict: .dismissed, severity: 1, note: nil, reviewer: "ana", claimToken: ana.claim?.token)
        }
        let outcome = try await queue.decide(
            id: 1, verdict: .escalated, severity: 5, note: "  same phone as #12  ", reviewer: "bob",
            claimToken: bob.claim?.token)
        guard case .recorded(let decision) = outcome else {
            Issue.record("expected a new decision")
            return
        }
        #expect(decision.verdict == .escalated)
        #expect(decision.note == "same phone as #12")
        #expect(decision.claimToken == bob.claim?.token)
        #expect(try await queue.decisions(of: 1).count == 1)
        let item = try #require(try await queue.item(id: 1))
        #expect(item.status == .decided)
        #expect(item.claim == nil)
        #expect(item.decision == decision)
    }

    @Test("decide is idempotent for the same claim and refuses a different verdict",
        arguments: StoreKind.allCases)
    func decideIdempotent(_ kind: StoreKind) async throws {
        let queue = try make(kind)
        _ = try await queue.enqueue([submission("one")], actor: "scan")
        let claimed = try #require(try await queue.claimNext(reviewer: "ana"))
        let first = try await queue.decide(
            id: 1, verdict: .confirmed, severity: 4, note: "n", reviewer: "ana", claimToken: claimed.claim?.token)
        let second = try await queue.decide(
            id: 1, verdict: .confirmed, severity: 4, note: "n", reviewer: "ana", claimToken: claimed.claim?.token)
        let third = try await queue.decide(
            id: 1, verdict: .confirmed, severity: 4, note: "n", reviewer: "ana", claimToken: nil)
        #expect(first == .recorded(first.decision))
        #expect(second == .alreadyRecorded(first.decision))
        #expect(third == .alreadyRecorded(first.decision))
        await expectQueueError(.alreadyDecided) {
            _ = try await queue.decide(id: 1, verdict: .dismissed, severity: 4, note: "n", reviewer: "ana", claimToken: nil)
        }
        await expectQueueError(.claimNotHeld) {
            _ = try await queue.decide(id: 1, verdict: .confirmed, severity: 4, note: "n", reviewer: "bob", claimToken: nil)
        }
        await expectQueueError(.invalidInput) {
            _ = try await queue.decide(id: 1, verdict: .confirmed, severity: 6, note: nil, reviewer: "ana", claimToken: nil)
        }
        await expectQueueError(.itemNotFound) {
            _ = try await queue.decide(id: 9, verdict: .confirmed, severity: 3, note: nil, reviewer: "ana", claimToken: nil)
        }
        #expect(try await queue.auditEvents().filter { $0.action == .decide }.count == 1)
    }

    @Test("release by the holder returns the item; others and stale tokens cannot release",
        arguments: StoreKind.allCases)
    func release(_ kind: StoreKind) async throws {
        let queue = try make(kind)
        _ = try await queue.enqueue([submission("r")], actor: "scan")
        let claimed = try #require(try await queue.claimNext(reviewer: "ana"))
        await expectQueueError(.claimNotHeld) { try await queue.release(id: 1, reviewer: "bob") }
        await expectQueueError(.claimNotHeld) { try await queue.release(id: 1, reviewer: "ana", claimToken: "00") }
        try await queue.release(id: 1, reviewer: "ana", claimToken: claimed.claim?.token)
        #expect(try await queue.item(id: 1)?.status == .pending)
        await expectQueueError(.claimNotHeld) { try await queue.release(id: 1, reviewer: "ana") }
        await expectQueueError(.itemNotFound) { try await queue.release(id: 5, reviewer: "ana") }
        #expect(try await queue.auditEvents().map(\.action) == [.enqueue, .claim, .release])
    }

    @Test("reopen returns a decided item to pending and keeps the old decision in its history",
        arguments: StoreKind.allCases)
    func reopen(_ kind: StoreKind) async throws {
        let queue = try make(kind)
        _ = try await queue.enqueue([submission("to reopen")], actor: "scan")
        _ = try await queue.claimNext(reviewer: "ana")
        _ = try await queue.decide(id: 1, verdict: .dismissed, severity: 2, note: nil, reviewer: "ana", claimToken: nil)
        #expect(try await queue.labeledExamples().count == 1)
        await expectQueueError(.invalidInput) { _ = try await queue.reopen(id: 1, supervisor: "lead", note: " ") }
        let item = try await queue.reopen(id: 1, supervisor: "lead", note: "the phone matches a known case")
        #expect(item.status == .pending)
        #expect(item.decision == nil)
        #expect(try await queue.labeledExamples().isEmpty)
        let history = try await queue.decisions(of: 1)
        #expect(history.count == 1)
        #expect(history[0].reopenedAt != nil)
        #expect(try await queue.notes(of: 1).map(\.text) == ["reopened: the phone matches a known case"])
        await expectQueueError(.invalidState) { _ = try await queue.reopen(id: 1, supervisor: "lead", note: "again") }

        // Decided again by someone else: two decisions in the history, one standing.
        _ = try await queue.claimNext(reviewer: "bob")
        _ = try await queue.decide(id: 1, verdict: .confirmed, severity: 5, note: nil, reviewer: "bob", claimToken: nil)
        #expect(try await queue.decisions(of: 1).map(\.verdict) == [.dismissed, .confirmed])
        #expect(try await queue.labeledExamples().map(\.verdict) == [.confirmed])
    }

    @Test("notes attach to any item and are audited without their text",
        arguments: StoreKind.allCases)
    func notes(_ kind: StoreKind) async throws {
        let queue = try make(kind)
        _ = try await queue.enqueue([submission("noted")], actor: "scan")
        let note = try await queue.addNote(id: 1, author: "ana", text: "called the number: disconnected")
        #expect(note.text == "called the number: disconnected")
        #expect(try await queue.notes(of: 1) == [note])
        await expectQueueError(.itemNotFound) { _ = try await queue.addNote(id: 2, author: "ana", text: "x") }
        await expectQueueError(.invalidInput) { _ = try await queue.addNote(id: 1, author: "ana", text: "\n ") }
        let event = try #require(try await queue.auditEvents().last)
        #expect(event.action == .note)
        #expect(!event.detail.contains("disconnected"))
        #expect(event.detail.contains(SHA256Hex.of("called the number: disconnected")))
    }

    // MARK: Labels, lists, stats

    @Test("decisions become labeled examples with the stored feature vector",
        arguments: StoreKind.allCases)
    func labels(_ kind: StoreKind) async throws {
        let queue = try make(kind)
        _ = try await queue.enqueue(
            [
                submission("c", features: ["youth.x": 1, "len": 0.5]),
                submission("d", category: "massage", features: ["a": 2]),
                submission("e", features: ["b": 3]), submission("p", features: ["z": 1]),
            ], actor: "scan")
        let verdicts: [Verdict] = [.confirmed, .dismissed, .escalated]
        for verdict in verdicts {
            let item = try #require(try await queue.claimNext(reviewer: "ana", lease: .seconds(60), excluding: [4]))
            _ = try await queue.decide(
                id: item.id, verdict: verdict, severity: 2, note: nil, reviewer: "ana", claimToken: nil)
        }
        let examples = try await queue.labeledExamples()
        #expect(examples.count == 3)
        let byVerdict = Dictionary(uniqueKeysWithValues: examples.map { ($0.verdict, $0) })
        #expect(byVerdict[.confirmed]?.label == .suspicious)
        #expect(byVerdict[.escalated]?.label == .suspicious)
        #expect(byVerdict[.dismissed]?.label == .benign)
        #expect(examples.allSatisfy { $0.severity == 2 })
        #expect(examples.contains { $0.features == ["youth.x": 1, "len": 0.5] })
        #expect(examples.contains { $0.category == "massage" })
    }

    @Test("list filters by status, verdict, score, family and phone, in priority order",
        arguments: StoreKind.allCases)
    func listFilters(_ kind: StoreKind) async throws {
        let queue = try make(kind)
        _ = try await queue.enqueue(
            [
                submission("a", score: 0.9, phones: ["5550001111"], families: ["youth", "third_party"]),
                submission("b", score: 0.4, families: ["movement"]), submission("c", score: 0.7, families: ["youth"]),
            ], actor: "scan")
        _ = try await queue.claimNext(reviewer: "ana")
        _ = try await queue.decide(id: 1, verdict: .confirmed, severity: 3, note: nil, reviewer: "ana", claimToken: nil)
        _ = try await queue.claimNext(reviewer: "ana")
        #expect(try await queue.list(filter: QueueFilter(status: .pending)).map(\.id) == [2])
        #expect(try await queue.list(filter: QueueFilter(status: .claimed)).map(\.id) == [3])
        #expect(try await queue.list(filter: QueueFilter(status: .decided)).map(\.id) == [1])
        #expect(try await queue.list(filter: QueueFilter(status: .confirmed)).map(\.id) == [1])
        #expect(try await queue.list(filter: QueueFilter(status: .dismissed)).isEmpty)
        #expect(try await queue.list(filter: QueueFilter(minimumScore: 0.5)).map(\.id) == [1, 3])
        #expect(try await queue.list(filter: QueueFilter(family: "youth")).map(\.id) == [1, 3])
        #expect(try await queue.list(filter: QueueFilter(phone: "555 000 1111")).map(\.id) == [1])
        #expect(try await queue.list(filter: QueueFilter(limit: 1)).map(\.id) == [1])
    }

    @Test("stats count statuses (expired leases apart), verdicts, families and the oldest pending age",
        arguments: StoreKind.allCases)
    func stats(_ kind: StoreKind) async throws {
        let queue = try make(kind)
        _ = try await queue.enqueue(
            [submission("a", families: ["youth"]), submission("b", families: ["youth", "drugs"])], actor: "scan")
        clock.advance(30)
        _ = try await queue.enqueue([submission("c"), submission("d")], actor: "scan")
        _ = try await queue.claimNext(reviewer: "ana", lease: .seconds(10))
        clock.advance(20)
        let stats = try await queue.stats()
        #expect(stats.total == 4)
        #expect(stats.byStatus == ["pending": 3, "claimed": 0, "expired": 1, "decided": 0])
        #expect(stats.byFamily == ["youth": 2, "drugs": 1])
        #expect(stats.byVerdict == ["confirmed": 0, "dismissed": 0, "escalated": 0])
        #expect(stats.oldestPendingAgeSeconds == 50)
        #expect(stats.auditEvents == 5)
    }

    @Test("timestamps are UTC RFC 3339 with milliseconds and never go back along the audit chain",
        arguments: StoreKind.allCases)
    func timestamps(_ kind: StoreKind) async throws {
        let queue = try make(kind)
        #expect(RFC3339.string(milliseconds: 1_777_636_800_123) == "2026-05-01T12:00:00.123Z")
        #expect(RFC3339.string(milliseconds: -1) == "1969-12-31T23:59:59.999Z")
        #expect(QueueJSON.parse("2026-05-01T12:00:00.123Z") == RFC3339.date(milliseconds: 1_777_636_800_123))
        _ = try await queue.enqueue([submission("t1")], actor: "scan")
        clock.advance(-3600)  // the clock steps back
        _ = try await queue.enqueue([submission("t2")], actor: "scan")
        let events = try await queue.auditEvents()
        #expect(events[1].atMilliseconds >= events[0].atMilliseconds)
        #expect(events[0].atText == RFC3339.string(milliseconds: events[0].atMilliseconds))
        #expect(try await queue.verifyAudit().isValid)
    }

    @Test("JSON output uses snake_case keys and carries the item id and claim token",
        arguments: StoreKind.allCases)
    func json(_ kind: StoreKind) async throws {
        let queue = try make(kind)
        _ = try await queue.enqueue([submission("j")], actor: "scan")
        let item = try #require(try await queue.claimNext(reviewer: "ana"))
        let line = try QueueJSON.line(item)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["id"] as? Int == 1)
        #expect((object["claim"] as? [String: Any])?["token"] as? String == item.claim?.token)
        #expect(object["group_score"] != nil)
        #expect((object["enqueued_at"] as? String)?.hasSuffix("Z") == true)
        let decoded = try QueueJSON.decoder().decode(QueueItem.self, from: Data(line.utf8))
        #expect(decoded == item)
    }
}
