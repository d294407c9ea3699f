import Foundation
import GRDB
import RedFlagTestSupport
import Testing

@testable import RedFlagQueue

/// Errors carry the engine's report in store-neutral terms (``QueueError/StoreFailure``) beside `sqliteCode`, so a
/// server can retry a locked or conflicting write whatever store it talks to.
@Suite("Store failures in store-neutral terms")
struct StoreFailureTests {
    @Test("SQLite's extended code gives the store, the code as text, and whether a retry may succeed")
    func fromSQLiteCodes() {
        #expect(
            QueueError(.busy, "x", sqliteCode: 5).storeFailure == .init(store: "sqlite", code: "5", retryable: true))
        #expect(QueueError(.busy, "x", sqliteCode: 517).storeFailure?.retryable == true)  // SQLITE_BUSY_SNAPSHOT
        #expect(QueueError(.busy, "x", sqliteCode: 262).storeFailure?.retryable == true)  // SQLITE_LOCKED_SHAREDCACHE
        #expect(
            QueueError(.storage, "x", sqliteCode: 2067).storeFailure
                == .init(store: "sqlite", code: "2067", retryable: false))  // SQLITE_CONSTRAINT_UNIQUE
        #expect(QueueError(.claimNotHeld, "x", itemID: 1).storeFailure == nil)
        let postgres = QueueError.StoreFailure(store: "postgresql", code: "40001", retryable: true)
        #expect(QueueError(.busy, "x", storeFailure: postgres).storeFailure == postgres)
    }

    @Test("a write that waited past the busy timeout is reported busy and retryable, and succeeds once the lock goes")
    func lockedDatabase() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let path = folder.path("q.sqlite")
        _ = try makeQueue(path)
        var configuration = SQLiteReviewQueue.Configuration(busyTimeout: .milliseconds(100))
        configuration.now = { Date(timeIntervalSince1970: 1_777_636_800) }
        let queue = try SQLiteReviewQueue(path: path, configuration: configuration)
        // Another process's open write transaction, held across accesses.
        var holding = Configuration()
        holding.allowsUnsafeTransactions = true
        let holder = try DatabaseQueue(path: path, configuration: holding)
        try await holder.writeWithoutTransaction { try $0.execute(sql: "BEGIN IMMEDIATE") }
        let error = await expectQueueError(.busy) { _ = try await queue.enqueue([submission("one")], actor: "scan") }
        #expect(error?.storeFailure?.store == "sqlite")
        #expect(error?.storeFailure?.retryable == true)
        #expect(error?.sqliteCode.map { $0 & 0xff } == 5)
        try await holder.writeWithoutTransaction { try $0.execute(sql: "COMMIT") }
        #expect(try await queue.enqueue([submission("one")], actor: "scan").count == 1)
    }
}
