import Foundation
import RedFlagTestSupport
import RedFlagContract
import Testing

@testable import RedFlagQueue

/// `list(filter:after:limit:)`: pages in priority order, continued from a cursor (keyset pagination).
@Suite("Listing in pages with a cursor")
final class QueuePaginationTests: Sendable {
    let folder: TemporaryFolder
    let queue: SQLiteReviewQueue
    let clock = ManualClock()

    /// 30 items: two minors, linked groups, tied scores and tied enqueue times, so every priority key decides.
    init() async throws {
        folder = try TemporaryFolder()
        queue = try makeQueue(folder.path("pages.sqlite"), clock: clock)
        var batch: [QueueSubmission] = []
        for i in 0..<28 {
            let phone = i % 5 == 0 ? ["555010\(i % 3)000"] : []
            batch.append(
                submission(
                    "ad \(i)", score: Double(i % 6) / 10, phones: phone, families: i % 2 == 0 ? ["youth"] : ["venue"]))
            if i == 13 { clock.advance(1) }
        }
        for age in [15, 16] {
            var minor = submission("minor \(age)", score: 0.05)
            minor.entities = Entities(ages: [age])
            batch.append(minor)
        }
        _ = try await queue.enqueue(Array(batch.prefix(20)), actor: "scan")
        clock.advance(1)
        _ = try await queue.enqueue(Array(batch.dropFirst(20)), actor: "scan")
    }

    deinit { folder.cleanUp() }

    func allPages(_ filter: QueueFilter, limit: Int) async throws -> (ids: [Int64], pages: Int) {
        var ids: [Int64] = []
        var cursor: QueueCursor?
        var pages = 0
        repeat {
            let page = try await queue.list(filter: filter, after: cursor, limit: limit)
            pages += 1
            ids += page.items.map(\.id)
            #expect(page.items.count <= limit)
            cursor = page.next.flatMap { QueueCursor(token: $0.token) }  // through the opaque token, as a client would
            #expect(cursor == page.next)
        } while cursor != nil && pages < 100
        return (ids, pages)
    }

    @Test("paging through gives the whole listing in priority order, each item once", arguments: [1, 7, 30, 1000])
    func wholeListing(limit: Int) async throws {
        let expected = try await queue.list(filter: QueueFilter()).map(\.id)
        #expect(expected.count == 30)
        let (ids, pages) = try await allPages(QueueFilter(), limit: limit)
        #expect(ids == expected)
        #expect(pages == max(1, (30 + limit - 1) / limit))
        let first = try await queue.list(filter: QueueFilter(), after: nil, limit: 2).items
        #expect(first.allSatisfy { $0.minor })
    }

    @Test("filters apply to every page, and filter.limit does not cut a page short")
    func filtered() async throws {
        for _ in 0..<4 { _ = try await queue.claimNext(reviewer: "ana") }
        for filter in [
            QueueFilter(status: .pending, limit: 2), QueueFilter(family: "youth"), QueueFilter(minimumScore: 0.3),
            QueueFilter(status: .claimed),
        ] {
            var unlimited = filter
            unlimited.limit = nil
            #expect(try await allPages(filter, limit: 3).ids == (try await queue.list(filter: unlimited)).map(\.id))
        }
        let page = try await queue.list(filter: QueueFilter(status: .decided), after: nil, limit: 5)
        #expect(page.items.isEmpty && page.next == nil)
    }

    @Test("work done between pages never fails the listing; unchanged items are each listed once")
    func changesBetweenPages() async throws {
        let expected = try await queue.list(filter: QueueFilter(status: .pending)).map(\.id)
        let first = try await queue.list(filter: QueueFilter(status: .pending), after: nil, limit: 10)
        // Meanwhile: an item further down is claimed and decided, and a new low-scoring ad arrives.
        let later = expected[20]
        let claimed = try #require(
            try await queue.claimNext(reviewer: "ana", lease: .seconds(60), excluding: Set(expected.prefix(20))))
        #expect(claimed.id == later)
        _ = try await queue.decide(id: later, verdict: .dismissed, severity: 1, note: nil, reviewer: "ana", claimToken: nil)
        clock.advance(5)
        let added = try #require(try await queue.enqueue([submission("late ad", score: 0.0)], actor: "scan").first?.id)

        var ids = first.items.map(\.id)
        var cursor = first.next
        while let next = cursor {
            let page = try await queue.list(filter: QueueFilter(status: .pending), after: next, limit: 10)
            ids += page.items.map(\.id)
            cursor = page.next
        }
        #expect(ids == expected.filter { $0 != later } + [added])
    }

    @Test("cursor tokens: exact keys round-trip, anything else is refused; page size 1 to 1000")
    func tokensAndLimits() async throws {
        let key = QueuePriority.Key(minor: true, groupScore: 0.1 + 0.2, score: 1e-300, enqueuedMilliseconds: -5, id: 42)
        let cursor = QueueCursor(after: key)
        #expect(cursor.token.hasPrefix("q2.1.0."))
        #expect(QueueCursor(token: cursor.token)?.key == key)
        for bad in [
            "", "q1", "q2.1.0.0.0.1", "q1.2.0.0.0.1", "q1.1.zz.0.0.1", "q1.1.0.0.x.1", "q1.1.7ff0000000000000.0.0.1",
        ] {
            #expect(QueueCursor(token: bad) == nil, "\(bad)")
        }
        for limit in [0, -1, 1001] {
            await expectQueueError(.invalidInput) { _ = try await queue.list(filter: QueueFilter(), after: nil, limit: limit) }
        }
    }

    @Test("the priority key orders items as the store does: minors, group score, score, age, id")
    func keyOrder() async throws {
        let items = try await queue.list(filter: QueueFilter())
        #expect(items.map(\.priorityKey) == items.map(\.priorityKey).sorted())
        #expect(items.shuffled().sorted(by: QueuePriority.precedes).map(\.id) == items.map(\.id))
        let page = QueuePage(reading: Array(items.prefix(4)), limit: 3)
        #expect(page.items.count == 3 && page.next == QueueCursor(after: items[2].priorityKey))
        #expect(QueuePage(reading: Array(items.prefix(3)), limit: 3).next == nil)
    }
}
