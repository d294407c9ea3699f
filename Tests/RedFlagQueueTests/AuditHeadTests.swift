import Foundation
import GRDB
import RedFlagTestSupport
import Testing

@testable import RedFlagQueue

/// The chain head as a one-row table moved in the same transaction as every event (``AuditChain``): the design a
/// server database with concurrent writers locks with `FOR UPDATE`, kept by SQLite too.
@Suite("Audit: the chain head row")
struct AuditHeadTests {
    static func head(_ queue: SQLiteReviewQueue) throws -> (seq: Int64, hash: String, atMilliseconds: Int64)? {
        try queue.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT seq, hash, at_ms FROM audit_head").map {
                (try $0.decode(forColumn: "seq"), try $0.decode(forColumn: "hash"), try $0.decode(forColumn: "at_ms"))
            }
        }
    }

    @Test("a new queue starts at the genesis head; every append moves it to the event just written")
    func followsTheChain() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let queue = try makeQueue(folder.path("q.sqlite"), clock: ManualClock())
        var head = try #require(try Self.head(queue))
        #expect(head.seq == 0 && head.hash == AuditChain.genesisHash && head.atMilliseconds == 0)
        _ = try await queue.enqueue([submission("one"), submission("two")], actor: "scan")
        let item = try #require(try await queue.claimNext(reviewer: "ana"))
        _ = try await queue.decide(id: item.id, verdict: .confirmed, severity: 3, note: nil, reviewer: "ana", claimToken: nil)
        let last = try #require(try await queue.auditEvents().last)
        head = try #require(try Self.head(queue))
        #expect(head.seq == last.sequence && head.hash == last.hash && head.atMilliseconds == last.atMilliseconds)
        let rows = try await queue.pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM audit_head") }
        #expect(rows == 1)
        #expect(try await queue.verifyAudit().isValid)
    }

    @Test(
        "SQL cannot move the head anywhere but to the event just appended, nor delete it",
        arguments: [
            "UPDATE audit_head SET seq = seq - 1", "UPDATE audit_head SET hash = 'x'",
            "UPDATE audit_head SET seq = seq + 1",
            "UPDATE audit_head SET at_ms = 0", "DELETE FROM audit_head",
            "INSERT INTO audit_head (id, seq, hash, at_ms) VALUES (2, 0, 'x', 0)",
        ])
    func guarded(sql: String) async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let queue = try makeQueue(folder.path("q.sqlite"), clock: ManualClock())
        _ = try await queue.enqueue([submission("one"), submission("two")], actor: "scan")
        do {
            try await queue.pool.write { try $0.execute(sql: sql) }
            Issue.record("\(sql) was allowed")
        } catch let error as DatabaseError {
            #expect(error.resultCode == .SQLITE_CONSTRAINT, "\(sql): \(error)")
        }
        #expect(try await queue.verifyAudit().isValid)
    }

    @Test("a head row deleted or moved with its triggers dropped is reported")
    func tampered() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let queue = try makeQueue(folder.path("q.sqlite"), clock: ManualClock())
        _ = try await queue.enqueue([submission("one"), submission("two"), submission("three")], actor: "scan")
        try await queue.pool.writeWithoutTransaction { db in
            try db.execute(sql: "DROP TRIGGER audit_head_follows_chain; UPDATE audit_head SET seq = 2")
        }
        var result = try await queue.verifyAudit()
        #expect(result.problem == .inserted && result.firstBadSequence == 3, "\(result.message)")
        try await queue.pool.writeWithoutTransaction { db in
            try db.execute(sql: "DROP TRIGGER audit_head_no_delete; DELETE FROM audit_head")
        }
        result = try await queue.verifyAudit()
        #expect(result.problem == .edited && result.message.contains("audit_head"), "\(result.message)")
    }

    /// A file at v6, whose head lived in `queue_meta`, with two enqueue events; `cut` deletes the last one first.
    static func v6File(at path: String, cut: Bool = false) throws {
        let old = try DatabaseQueue(path: path)
        try SQLiteReviewQueue.migrator.migrate(old, upTo: "v6: decision rows bound to the audit chain")
        try old.write { db in
            var audit = try AuditWriter(db, head: .queueMeta)
            for id in 1...2 {
                try audit.append(
                    db, now: Date(timeIntervalSince1970: 1_777_636_800 + Double(id)), actor: "scan",
                    action: .enqueue, itemID: nil, detail: AuditDetail())
            }
            if cut { try db.execute(sql: "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE seq = 2") }
        }
        try old.close()
    }

    @Test("an older file gets its head row from the head it recorded, and keeps verifying as it grows")
    func migrated() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let path = folder.path("v6.sqlite")
        try Self.v6File(at: path)
        let queue = try makeQueue(path)
        let events = try await queue.auditEvents()
        var head = try #require(try Self.head(queue))
        #expect(head.seq == 2 && head.hash == events[1].hash && head.atMilliseconds == events[1].atMilliseconds)
        let meta = try await queue.pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM queue_meta") }
        #expect(meta == 0)
        #expect(try await queue.verifyAudit().isValid)
        _ = try await queue.enqueue([submission("three")], actor: "scan")
        head = try #require(try Self.head(queue))
        #expect(head.seq == 3)
        #expect(try await queue.verifyAudit().isValid)
    }

    @Test("a tail cut off before the upgrade is still reported after it")
    func cutBeforeUpgrade() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let path = folder.path("v6.sqlite")
        try Self.v6File(at: path, cut: true)
        let queue = try makeQueue(path)
        let result = try await queue.verifyAudit()
        #expect(result.problem == .truncated && result.firstBadSequence == 2, "\(result.message)")
    }
}
