import Foundation
import GRDB
import RedFlagTestSupport
import Testing
@testable import RedFlagQueue

/// `redflag scan --enqueue`: flagged ads reach the queue once, and re-scanning never changes a decided item.
@Suite("scan --enqueue", .serialized)
struct ScanEnqueueTests {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Samples").path

    @Test(.enabled(if: binaryAvailable, "needs the redflag binary"))
    func flaggedAdsAreQueuedOnceAndDecisionsSurviveRescans() async throws {
        let folder = try TemporaryFolder()
        let db = folder.path("queue.sqlite")
        let first = try runRedFlag(["scan", "-q", "--enqueue", "--db", db, Self.samples], in: folder)
        #expect(first.status == 0, "\(first.stderr)")
        let flagged = first.stdout.split(separator: "\n").filter { $0.contains("\"flagged\":true") }.count
        #expect(flagged >= 5)
        let queue = try SQLiteReviewQueue(path: db)
        let items = try await queue.list(filter: QueueFilter())
        #expect(items.count == flagged)
        // Every item carries its evidence, entities, raw content hash and features.
        let top = try #require(try await queue.claimNext(reviewer: "ana"))
        #expect(!top.families.isEmpty)
        #expect(top.score >= 0.5)
        // The stored columns are the scan line's own text: typed on the way in, written once by the same writer.
        let line = try #require(first.stdout.split(separator: "\n").first { $0.contains(top.sha256) })
        let columns = try queue.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT evidence, contributions, entities FROM item WHERE id = ?", arguments: [top.id])
        }
        let stored = try #require(columns)
        #expect(line.contains("\"indicators\":" + (stored["evidence"] as String)))
        #expect(line.contains("\"contributions\":" + (stored["contributions"] as String)))
        #expect(line.contains("\"entities\":" + (stored["entities"] as String)))
        _ = try await queue.decide(
            id: top.id, verdict: .confirmed, severity: 4, note: "case 17", reviewer: "ana", claimToken: top.claim!.token)
        let again = try runRedFlag(["scan", "--enqueue", "--db", db, Self.samples], in: folder)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stderr.contains("0 new"))
        let after = try #require(try await queue.item(id: top.id))
        #expect(after.status == .decided)
        #expect(try await queue.list(filter: QueueFilter()).count == flagged)
        #expect(try await queue.verifyAudit().isValid)
        #expect(try await queue.labeledExamples().count == 1)
    }
}
