import Foundation
import GRDB
import GRDBSQLite
import RedFlagTestSupport
import Testing

@testable import RedFlagQueue

/// Enqueueing into one large linked group must cost about what unlinked ads cost (issue 17: a group of 20,000 ads
/// took 419 s against 9 s unlinked, because every new member read every old one).
///
/// The cost is counted, not timed: SQLite calls a progress handler every 1,000 virtual-machine instructions on the
/// writer connection, so the count is the work SQLite did, the same on any machine and under any load.
@Suite("Linked groups: enqueue stays near-linear")
struct LinkedGroupCostTests {
    /// Thousands of SQLite VM instructions spent enqueueing `submissions` one batch of 100 at a time.
    private func instructions(_ submissions: [QueueSubmission]) async throws -> Int {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let queue = try makeQueue(folder.path("q.sqlite"))
        let counter = UnsafeMutablePointer<Int>.allocate(capacity: 1)
        counter.initialize(to: 0)
        defer { counter.deallocate() }
        // GRDB's blocking access (this helper is not async), so the C callback's context needs no Sendable capture.
        func install(_ counter: UnsafeMutablePointer<Int>?) {
            queue.pool.writeWithoutTransaction { db in
                guard let counter else {
                    sqlite3_progress_handler(db.sqliteConnection, 0, nil, nil)
                    return
                }
                sqlite3_progress_handler(
                    db.sqliteConnection, 1000,
                    { context in
                        context!.assumingMemoryBound(to: Int.self).pointee += 1
                        return 0
                    }, UnsafeMutableRawPointer(counter))
            }
        }
        install(counter)
        for start in stride(from: 0, to: submissions.count, by: 100) {
            _ = try await queue.enqueue(Array(submissions[start..<min(start + 100, submissions.count)]), actor: "scan")
        }
        install(nil)
        return counter.pointee
    }

    @Test("3,000 ads sharing one phone cost at most 1.5× 3,000 unlinked ads, and the group comes out whole")
    func linkedGroupIsNearLinear() async throws {
        let n = 3000
        // Scores rise and fall, so the group's top score changes now and then, as in a real dump.
        let score = { (i: Int) in Double((i * 7919) % 1000) / 1000 }
        let unlinked = (0..<n).map { submission("ad \($0) text", score: score($0), phones: ["55501\($0)"]) }
        let linked = (0..<n).map { submission("ad \($0) text", score: score($0), phones: ["5550100000"]) }
        let alone = try await instructions(unlinked)
        let together = try await instructions(linked)
        print("figure: enqueue of \(n) ads, SQLite VM instructions: unlinked \(alone)k, one linked group \(together)k")
        #expect(Double(together) <= 1.5 * Double(alone))

        // Correctness of the shortcut: one group, every member carrying the group's highest score.
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let queue = try makeQueue(folder.path("q.sqlite"))
        for start in stride(from: 0, to: 500, by: 50) { _ = try await queue.enqueue(Array(linked[start..<start + 50]), actor: "scan") }
        let (groups, scores) = try await queue.pool.read { db in
            (
                try Int.fetchOne(db, sql: "SELECT count(DISTINCT group_id) FROM item")!,
                try Double.fetchAll(db, sql: "SELECT DISTINCT group_score FROM item")
            )
        }
        #expect(groups == 1)
        #expect(scores == [linked[0..<500].map(\.score).max()!])
    }

    @Test("two groups joined by a later ad take the higher top score, and a re-scored top lowers it again")
    func mergeAndRescore() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let queue = try makeQueue(folder.path("q.sqlite"))
        var top = submission("a1", score: 0.9, phones: ["5550100001"])
        _ = try await queue.enqueue(
            [top, submission("a2", score: 0.2, phones: ["5550100001"]), submission("b1", score: 0.5, phones: ["5550100002"])],
            actor: "scan")
        _ = try await queue.enqueue([submission("bridge", score: 0.1, phones: ["5550100001", "5550100002"])], actor: "scan")
        func groupScores() throws -> Set<Double> {
            Set(try queue.pool.read { try Double.fetchAll($0, sql: "SELECT group_score FROM item") })
        }
        #expect(try groupScores() == [0.9])
        top.score = 0.3
        _ = try await queue.enqueue([top], actor: "scan")
        #expect(try groupScores() == [0.5])
    }
}
