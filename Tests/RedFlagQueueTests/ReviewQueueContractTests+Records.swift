import Foundation
import RedFlagContract
import Testing

@testable import RedFlagQueue

extension ReviewQueueContractTests {
    @Test("an item whose evidence points to a minor is claimed before every adult item", arguments: StoreKind.allCases)
    func minorsFirst(_ kind: StoreKind) async throws {
        let queue = try await make(kind)
        _ = try await queue.enqueue(
            [
                submission("adult, top score", score: 0.99), submission("minor, low score", score: 0.2, families: ["underage_age"]),
                submission("adult, middle", score: 0.6),
            ], actor: "scan")
        var order: [String] = []
        while let item = try await queue.claimNext(reviewer: "ana") { order.append(item.text) }
        #expect(order == ["minor, low score", "adult, top score", "adult, middle"])
        let minors = try await queue.list(filter: QueueFilter(minorsOnly: true))
        #expect(minors.map(\.text) == ["minor, low score"] && minors[0].minor)
        #expect(try await queue.stats().minors == ["total": 1, "pending": 0, "claimed": 1, "decided": 0])
    }

    @Test("pages of a listing give every matching item once, in priority order", arguments: StoreKind.allCases)
    func cursorPages(_ kind: StoreKind) async throws {
        let queue = try await make(kind)
        _ = try await queue.enqueue(submissions(23, prefix: "page"), actor: "scan")
        clock.advance(1)
        _ = try await queue.enqueue([submission("same score, later", score: 0.5), submission("minor", families: ["underage_age"])], actor: "scan")
        let whole = try await queue.list(filter: QueueFilter())
        var paged: [QueueItem] = []
        var cursor: QueueCursor?
        repeat {
            let page = try await queue.list(filter: QueueFilter(), after: cursor, limit: 4)
            #expect(page.items.count <= 4)
            paged += page.items
            cursor = page.next
        } while cursor != nil
        #expect(paged.map(\.id) == whole.map(\.id))
        #expect(whole.count == 25 && whole[0].text == "minor")
        #expect(zip(whole, whole.dropFirst()).allSatisfy { QueuePriority.precedes($0, $1) })
        let token = try #require(try await queue.list(filter: QueueFilter(), after: nil, limit: 10).next).token
        let resumed = try await queue.list(filter: QueueFilter(), after: QueueCursor(token: token), limit: 10)
        #expect(resumed.items.map(\.id) == Array(whole[10..<20]).map(\.id))
        await expectQueueError(.invalidInput) { _ = try await queue.list(filter: QueueFilter(), after: nil, limit: 0) }
    }

    @Test("notes need an item and a text; they come back oldest first", arguments: StoreKind.allCases)
    func noteRules(_ kind: StoreKind) async throws {
        let queue = try await make(kind)
        _ = try await queue.enqueue([submission("noted")], actor: "scan")
        let first = try await queue.addNote(id: 1, author: " ana ", text: "  first  ")
        let second = try await queue.addNote(id: 1, author: "bob", text: "second")
        #expect(first.author == "ana" && first.text == "first")
        #expect(try await queue.notes(of: 1).map(\.id) == [first.id, second.id])
        await expectQueueError(.itemNotFound) { _ = try await queue.addNote(id: 9, author: "ana", text: "x") }
        await expectQueueError(.invalidInput) { _ = try await queue.addNote(id: 1, author: "ana", text: "   ") }
        await expectQueueError(.invalidInput) { _ = try await queue.addNote(id: 1, author: "", text: "x") }
        #expect(try await queue.notes(of: 1).count == 2)
    }

    @Test("purge removes text, raw copy, url and contacts, keeps the decision, and a rescan does not bring it back",
        arguments: StoreKind.allCases)
    func purge(_ kind: StoreKind) async throws {
        let queue = try await make(kind)
        let ad = submission("call 555-012-3456", score: 0.9, phones: ["5550123456"], url: "https://example.com/ad/1")
        _ = try await queue.enqueue([ad, submission("other, same phone", phones: ["5550123456"])], actor: "scan")
        let claimed = try #require(try await queue.claimNext(reviewer: "ana"))
        await expectQueueError(.invalidState) { try await queue.purge(id: claimed.id, actor: "lead", reason: "takedown") }
        _ = try await queue.decide(id: 1, verdict: .confirmed, severity: 4, note: nil, reviewer: "ana", claimToken: nil)
        try await queue.purge(id: 1, actor: "lead", reason: "takedown request 7")
        let item = try #require(try await queue.item(id: 1))
        #expect(item.text.isEmpty && item.url == nil && item.evidence.isEmpty && item.entities.phones.isEmpty)
        #expect(item.purgedAt != nil && item.decision?.verdict == .confirmed)
        #expect(try await queue.linkedItems(of: 1).allSatisfy { $0.sharedPhones.isEmpty })
        #expect(try await queue.enqueue([ad], actor: "scan") == [.unchangedDecided(id: 1)])
        await expectQueueError(.invalidState) { try await queue.purge(id: 1, actor: "lead", reason: "again") }
        await expectQueueError(.itemNotFound) { try await queue.purge(id: 9, actor: "lead", reason: "x") }
        await expectQueueError(.invalidInput) { try await queue.purge(id: 2, actor: "lead", reason: " ") }
        let last = try #require(try await queue.auditEvents().last)
        #expect(last.action == .purge && last.detail.contains("takedown request 7"))
        #expect(try await queue.verifyAudit().isValid)
    }

    @Test("the export bundle holds the items, their records and raw copies, bound by the export event",
        arguments: StoreKind.allCases)
    func exportBundle(_ kind: StoreKind) async throws {
        let queue = try await make(kind)
        var html = submission("<p>call 555-012-3456</p>", score: 0.9, phones: ["5550123456"])
        html.contentKind = "html"
        _ = try await queue.enqueue([html, submission("plain", score: 0.8), submission("left pending", score: 0.1)], actor: "scan")
        for verdict in [Verdict.confirmed, .dismissed] {
            let item = try #require(try await queue.claimNext(reviewer: "ana"))
            _ = try await queue.decide(
                id: item.id, verdict: verdict, severity: 3, note: "see 555-012-3456", reviewer: "ana", claimToken: nil)
        }
        _ = try await queue.addNote(id: 1, author: "bob", text: "linked")

        let bundle = try await queue.exportBundle(status: .decided, actor: "lead")
        #expect(bundle.entries.map(\.item.id) == [1, 2] && bundle.decisionCount == 2)
        #expect(bundle.entries[0].notes.map(\.text) == ["linked"] && bundle.entries[0].raw == html.rawContent)
        #expect(bundle.dataFiles.map(\.name) == ["raw/\(html.sha256).html", "raw/\(bundle.entries[1].item.sha256).txt", "items.jsonl", "decisions.jsonl"])
        let event = try #require(try await queue.auditEvents().last)
        #expect(event.action == .export && event.actor == "lead" && !event.detail.contains("directory"))
        #expect(event.detail.contains(#""files_sha256":"\#(bundle.dataFilesSHA256)""#))
        #expect(bundle.dataFilesSHA256 == SHA256Hex.of(ExportBundle.manifest(bundle.dataFiles)))
        #expect(bundle.head.sequence == event.sequence && bundle.head.hash == event.hash && bundle.head.auditVerified)

        let redacted = try await queue.exportBundle(status: .confirmed, actor: "lead", redact: true)
        #expect(redacted.entries.count == 1 && redacted.entries[0].raw == nil)
        #expect(redacted.dataFiles.map(\.name) == ["items.jsonl", "decisions.jsonl"])
        #expect(redacted.entries[0].decisions[0].note == "see ###-###-####")
        // The phone in any form (not "555" alone: a random claim token may hold it).
        let redactedItems = String(decoding: redacted.dataFiles[0].contents, as: UTF8.self)
        #expect(!redactedItems.contains("555-012") && !redactedItems.contains("5550123456"))
        await expectQueueError(.invalidInput) { _ = try await queue.exportBundle(status: .decided, actor: " ") }
    }

    @Test("the audit trail lists events by item and position, and verifies with its head", arguments: StoreKind.allCases)
    func auditTrail(_ kind: StoreKind) async throws {
        let queue = try await make(kind)
        #expect(try await queue.verifyAudit().message == "no audit events yet")
        _ = try await queue.enqueue([submission("a1"), submission("a2")], actor: "scan")
        let item = try #require(try await queue.claimNext(reviewer: "ana"))
        _ = try await queue.decide(id: item.id, verdict: .escalated, severity: 5, note: "n", reviewer: "ana", claimToken: nil)
        _ = try await queue.reopen(id: item.id, supervisor: "lead", note: "check again")
        let events = try await queue.auditEvents()
        #expect(events.map(\.action) == [.enqueue, .enqueue, .claim, .decide, .reopen])
        #expect(events.map(\.sequence) == [1, 2, 3, 4, 5])
        #expect(events.first?.previousHash == AuditChain.genesisHash)
        #expect(zip(events, events.dropFirst()).allSatisfy { $1.previousHash == $0.hash })
        #expect(events.allSatisfy { AuditChain.expectedHash(of: $0) == $0.hash })
        #expect(try await queue.auditEvents(itemID: item.id, after: nil, limit: nil).map(\.action) == [.enqueue, .claim, .decide, .reopen])
        #expect(try await queue.auditEvents(itemID: nil, after: 2, limit: 2).map(\.sequence) == [3, 4])
        // The decide and reopen events bind the decision row as it stood after each.
        let decision = try #require(try await queue.decisions(of: item.id).first)
        #expect(decision.reopenedAt != nil)
        #expect(events[3].detail.contains(#""decision_id":\#(decision.id)"#) && events[4].detail.contains("decision_sha256"))
        let verification = try await queue.verifyAudit()
        #expect(verification.isValid && verification.eventCount == 5)
        #expect(verification.headSequence == 5 && verification.headHash == events.last?.hash)
    }
}
