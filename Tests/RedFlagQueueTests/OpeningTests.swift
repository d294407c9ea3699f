import Foundation
import GRDB
import RedFlagTestSupport
import Testing

@testable import RedFlagQueue

#if canImport(Glibc)
    import Glibc
#endif

@Suite("Opening: settings, permissions, damaged and foreign files")
final class OpeningTests: Sendable {
    let folder: TemporaryFolder

    init() async throws { folder = try TemporaryFolder() }
    deinit { folder.cleanUp() }

    @Test("the writer runs WAL with synchronous = FULL and a busy timeout; the file is 0600 and tagged")
    func settings() async throws {
        let path = folder.path("settings.sqlite")
        let queue = try makeQueue(path)
        let (journal, synchronous, applicationID) = try await queue.pool.writeWithoutTransaction { db in
            (
                try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA synchronous"),
                try Int32.fetchOne(db, sql: "PRAGMA application_id")
            )
        }
        #expect(journal == "wal")
        #expect(synchronous == 2)  // FULL
        #expect(applicationID == SQLiteReviewQueue.applicationID)
        var info = stat()
        #expect(stat(path, &info) == 0)
        #expect(info.st_mode & 0o777 == 0o600)
        _ = try await queue.enqueue([submission("x")], actor: "scan")
        if stat(path + "-wal", &info) == 0 { #expect(info.st_mode & 0o777 == 0o600) }
        #expect(try await queue.integrityCheck() == ["ok"])
    }

    @Test("a file of random bytes gets a clear error naming it, not a crash")
    func randomBytes() async throws {
        let path = folder.path("random.sqlite")
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<8192).map { _ in UInt8.random(in: 0...255, using: &generator) }
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        let error = await expectQueueError(.notADatabase) { _ = try makeQueue(path) }
        #expect(error?.message.contains(path) == true)
        #expect(error?.path == path)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(bytes))  // untouched
    }

    @Test("a short text file is not a database")
    func textFile() async throws {
        let path = folder.path("notes.txt")
        _ = FileManager.default.createFile(atPath: path, contents: Data("hello\n".utf8))
        let error = await expectQueueError(.notADatabase) { _ = try makeQueue(path) }
        #expect(error?.message.contains(path) == true)
    }

    @Test("another application's SQLite database is refused and left exactly as it was")
    func foreign() async throws {
        let path = folder.path("other-app.sqlite")
        do {
            let other = try DatabaseQueue(path: path)
            try await other.write { db in
                try db.execute(
                    sql:
                        "CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT); "
                            + "INSERT INTO contacts (name) VALUES ('x')"
                )
            }
            try other.close()
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let error = await expectQueueError(.foreignDatabase) { _ = try makeQueue(path) }
        #expect(error?.message.contains(path) == true)
        #expect(error?.message.contains("contacts") == true)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))

        // Tagged with another application id, even without tables.
        let tagged = folder.path("tagged.sqlite")
        do {
            let other = try DatabaseQueue(path: tagged)
            try await other.writeWithoutTransaction { try $0.execute(sql: "PRAGMA application_id = 1234") }
            try other.close()
        }
        let taggedError = await expectQueueError(.foreignDatabase) { _ = try makeQueue(tagged) }
        #expect(taggedError?.message.contains("0x000004d2") == true)
    }

    @Test("a queue damaged in the middle gives errors naming the file, never a crash")
    func damagedPages() async throws {
        let path = folder.path("damaged.sqlite")
        do {
            let queue = try makeQueue(path)
            _ = try await queue.enqueue(submissions(300), actor: "scan")
            try await queue.pool.writeWithoutTransaction { _ = try $0.checkpoint(.truncate) }
            try queue.pool.close()
        }
        // Overwrite pages 3… with garbage, keeping the header and the schema page.
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        let size = try handle.seekToEnd()
        var generator = SystemRandomNumberGenerator()
        try handle.seek(toOffset: 8192)
        try handle.write(contentsOf: Data((8192..<Int(size)).map { _ in UInt8.random(in: 0...255, using: &generator) }))
        try handle.close()

        do {
            let queue = try makeQueue(path)
            _ = try await queue.list(filter: QueueFilter())
            _ = try await queue.verifyAudit()
            Issue.record("a damaged queue read without error")
        } catch let error as QueueError {
            #expect([QueueError.Code.corruptDatabase, .notADatabase, .storage].contains(error.code), "\(error)")
            #expect(error.message.contains(path))
        }
    }

    @Test("a folder is not a database file; an empty file becomes a new queue")
    func folderAndEmptyFile() async throws {
        await expectQueueError(.cannotOpen) { _ = try makeQueue(folder.url.path) }
        let empty = folder.path("empty.sqlite")
        _ = FileManager.default.createFile(atPath: empty, contents: Data())
        let queue = try makeQueue(empty)
        #expect(try await queue.enqueue([submission("x")], actor: "scan") == [.queued(id: 1)])
        await expectQueueError(.cannotOpen) { _ = try makeQueue(folder.path("missing/folder/q.sqlite")) }
    }

    @Test("a queue written by a newer RedFlag is refused")
    func newerSchema() async throws {
        let path = folder.path("newer.sqlite")
        let queue = try makeQueue(path)
        try await queue.pool.write {
            try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99: the future')")
        }
        let error = await expectQueueError(.schemaTooNew) { _ = try makeQueue(path) }
        #expect(error?.message.contains(path) == true)
    }

    @Test("several openers of a new file at once all get a working queue")
    func concurrentCreation() async throws {
        let path = folder.path("race.sqlite")
        try await withThrowingTaskGroup(of: Void.self) { group in
            for i in 0..<6 {
                group.addTask {
                    let queue = try makeQueue(path)
                    _ = try await queue.enqueue([submission("racer \(i)")], actor: "t\(i)")
                }
            }
            try await group.waitForAll()
        }
        let queue = try makeQueue(path)
        #expect(try await queue.list(filter: QueueFilter()).count == 6)
        #expect(try await queue.verifyAudit().isValid)
    }
}
