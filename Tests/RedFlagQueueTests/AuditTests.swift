import Foundation
import GRDB
import RedFlagTestSupport
import Testing

@testable import RedFlagQueue

@Suite("Audit trail: hash chain, append-only triggers, tamper detection")
final class AuditTests: Sendable {
    let folder: TemporaryFolder
    let queue: SQLiteReviewQueue

    /// Events 1–3 enqueue, 4 claim, 5 decide, 6 note.
    init() async throws {
        folder = try TemporaryFolder()
        queue = try makeQueue(folder.path("audit.sqlite"), clock: ManualClock())
        _ = try await queue.enqueue([submission("one"), submission("two"), submission("three")], actor: "scan")
        let item = try #require(try await queue.claimNext(reviewer: "ana"))
        _ = try await queue.decide(id: item.id, verdict: .confirmed, severity: 4, note: "n", reviewer: "ana", claimToken: nil)
        _ = try await queue.addNote(id: item.id, author: "ana", text: "follow up")
    }

    deinit { folder.cleanUp() }

    /// Runs SQL as someone with the file would: triggers dropped for the edit, then put back.
    func tamper(_ edit: (Database) throws -> Void) throws {
        try queue.pool.writeWithoutTransaction { db in
            try db.execute(sql: "DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete")
            try edit(db)
            try db.execute(
                sql: """
                    CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
                    BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
                    CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
                    BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
                    """)
        }
    }

    func hash(_ db: Database, _ seq: Int64) throws -> String {
        try String.fetchOne(db, sql: "SELECT hash FROM audit WHERE seq = ?", arguments: [seq]) ?? ""
    }

    @Test("every event is chained: hash = sha256(previous hash + canonical content)")
    func chain() async throws {
        let events = try await queue.auditEvents()
        #expect(events.map(\.action) == [.enqueue, .enqueue, .enqueue, .claim, .decide, .note])
        #expect(events.map(\.sequence) == [1, 2, 3, 4, 5, 6])
        #expect(events[0].previousHash == AuditChain.genesisHash)
        for (previous, event) in zip(events, events.dropFirst()) {
            #expect(event.previousHash == previous.hash)
        }
        for event in events {
            #expect(AuditChain.expectedHash(of: event) == event.hash)
        }
        #expect(events[3].actor == "ana")
        #expect(events[0].actor == "scan")
        let result = try await queue.verifyAudit()
        #expect(result.isValid)
        #expect(result.eventCount == 6)
        #expect(result.headSequence == 6)
        #expect(result.headHash == events[5].hash)
        #expect(try await queue.auditEvents(itemID: 2, after: nil, limit: nil).map(\.sequence) == [2])
        #expect(try await queue.auditEvents(itemID: nil, after: 4, limit: 1).map(\.sequence) == [5])
    }

    @Test("SQL cannot update or delete audit events, decisions or notes")
    func triggers() async throws {
        let statements = [
            "UPDATE audit SET actor = 'mallory' WHERE seq = 1", "DELETE FROM audit WHERE seq = 6",
            "UPDATE decision SET verdict = 'dismissed'", "DELETE FROM decision", "UPDATE note SET text = 'x'",
            "DELETE FROM note",
        ]
        for sql in statements {
            do {
                try await queue.pool.write { try $0.execute(sql: sql) }
                Issue.record("\(sql) was allowed")
            } catch let error as DatabaseError {
                #expect(error.resultCode == .SQLITE_CONSTRAINT, "\(sql): \(error)")
                #expect(error.message?.contains("append-only") == true || error.message?.contains("cannot") == true)
            }
        }
        #expect(try await queue.verifyAudit().isValid)
    }

    @Test("an edited event is named with its sequence number")
    func edited() async throws {
        try tamper {
            try $0.execute(sql: "UPDATE audit SET detail = replace(detail, 'confirmed', 'dismissed') WHERE seq = 5")
        }
        let result = try await queue.verifyAudit()
        #expect(!result.isValid)
        #expect(result.problem == .edited)
        #expect(result.firstBadSequence == 5)
        #expect(result.message.contains("event 5 was edited"))
    }

    @Test("an edited and re-hashed event is caught by the next event's link")
    func editedAndRehashed() async throws {
        try tamper { db in
            let row = try #require(try AuditRecord.fetchOne(db, sql: "SELECT * FROM audit WHERE seq = 4"))
            var forged = try row.event()
            forged.actor = "mallory"
            let newHash = AuditChain.expectedHash(of: forged)
            try db.execute(sql: "UPDATE audit SET actor = 'mallory', hash = ? WHERE seq = 4", arguments: [newHash])
        }
        let result = try await queue.verifyAudit()
        #expect(result.problem == .edited)
        #expect(result.firstBadSequence == 4)
    }

    @Test("a deleted event is reported as missing")
    func deleted() async throws {
        try tamper { try $0.execute(sql: "DELETE FROM audit WHERE seq = 3") }
        let result = try await queue.verifyAudit()
        #expect(result.problem == .deleted)
        #expect(result.firstBadSequence == 3)
        #expect(result.message.contains("event 3 is missing"))
    }

    @Test("a deletion hidden by renumbering is still found")
    func deletedAndRenumbered() async throws {
        try tamper { db in
            try db.execute(sql: "DELETE FROM audit WHERE seq = 3")
            for seq in 4...6 {
                try db.execute(sql: "UPDATE audit SET seq = ? WHERE seq = ?", arguments: [seq - 1, seq])
            }
        }
        let result = try await queue.verifyAudit()
        #expect(result.problem == .deleted)
        #expect(result.firstBadSequence == 3)
    }

    @Test("an inserted event, even with a valid hash and renumbering, is found")
    func inserted() async throws {
        try tamper { db in
            for seq in stride(from: 6, through: 3, by: -1) {
                try db.execute(sql: "UPDATE audit SET seq = ? WHERE seq = ?", arguments: [seq + 1, seq])
            }
            let previous = try hash(db, 2)
            let atText = "2026-05-01T12:00:00.000Z"
            let canonical = AuditChain.canonical(
                sequence: 3, atText: atText, atMilliseconds: 1_777_636_800_000, actor: "mallory", action: "note",
                itemID: 1, detail: "{}")
            let forged = AuditRecord(
                sequence: 3, atText: atText, atMilliseconds: 1_777_636_800_000, actor: "mallory", action: "note",
                itemID: 1, detail: "{}", previousHash: previous,
                hash: AuditChain.hash(previousHash: previous, canonical: canonical))
            try forged.insert(db)
        }
        let result = try await queue.verifyAudit()
        #expect(result.problem == .inserted)
        #expect(result.firstBadSequence == 3)
    }

    @Test("a cut-off tail and a forged appended event are found against the recorded head")
    func tail() async throws {
        try tamper { try $0.execute(sql: "DELETE FROM audit WHERE seq = 6") }
        var result = try await queue.verifyAudit()
        #expect(result.problem == .truncated)
        #expect(result.firstBadSequence == 6)

        try tamper { db in
            let previous = try hash(db, 5)
            let canonical = AuditChain.canonical(
                sequence: 6, atText: "2026-05-01T12:00:00.000Z", atMilliseconds: 1_777_636_800_000, actor: "x",
                action: "note", itemID: nil, detail: "{}")
            try AuditRecord(
                sequence: 6, atText: "2026-05-01T12:00:00.000Z", atMilliseconds: 1_777_636_800_000, actor: "x",
                action: "note", itemID: nil, detail: "{}", previousHash: previous,
                hash: AuditChain.hash(previousHash: previous, canonical: canonical)
            ).insert(db)
        }
        result = try await queue.verifyAudit()
        #expect(result.problem == .edited)  // same length as recorded, different head hash
        #expect(result.firstBadSequence == 6)
    }

    @Test("removing the append-only triggers is reported")
    func triggersRemoved() async throws {
        try await queue.pool.writeWithoutTransaction { try $0.execute(sql: "DROP TRIGGER audit_no_delete") }
        let result = try await queue.verifyAudit()
        #expect(!result.isValid)
        #expect(result.problem == .triggersMissing)
    }

    @Test("the chain keeps verifying as events are appended by separate queue instances")
    func reopenAndAppend() async throws {
        let other = try makeQueue(folder.path("audit.sqlite"))
        _ = try await other.enqueue([submission("four")], actor: "scan2")
        _ = try await queue.claimNext(reviewer: "bob")
        let result = try await other.verifyAudit()
        #expect(result.isValid, "\(result.message)")
        #expect(result.eventCount == 8)
    }
}
