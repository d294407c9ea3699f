import Foundation
import GRDB
import RedFlagTestSupport
import Testing

@testable import RedFlagQueue

/// The audit chain covers the decision rows that `show`, `list`, exports and training read (issue 15): a row edited,
/// inserted or deleted with its triggers dropped fails `queue audit --verify`, naming the decision.
@Suite("Audit: decision rows are bound to the chain")
final class DecisionBindingTests: Sendable {
    let folder: TemporaryFolder
    let path: String
    let queue: SQLiteReviewQueue

    /// Item 1 decided (decision 1), reopened, decided again (decision 2); item 2 decided (decision 3); item 3 pending.
    init() async throws {
        folder = try TemporaryFolder()
        path = folder.path("bound.sqlite")
        let clock = ManualClock()
        queue = try makeQueue(path, clock: clock)
        _ = try await queue.enqueue(
            [submission("one", score: 0.9), submission("two", score: 0.8), submission("three", score: 0.1)],
            actor: "scan")
        var item = try #require(try await queue.claimNext(reviewer: "ana"))
        _ = try await queue.decide(id: item.id, verdict: .dismissed, severity: 2, note: nil, reviewer: "ana", claimToken: nil)
        clock.advance(60)
        _ = try await queue.reopen(id: item.id, supervisor: "lead", note: "look again")
        item = try #require(try await queue.claimNext(reviewer: "bob"))
        _ = try await queue.decide(
            id: item.id, verdict: .confirmed, severity: 4, note: "same phone", reviewer: "bob", claimToken: nil)
        item = try #require(try await queue.claimNext(reviewer: "ana"))
        _ = try await queue.decide(id: item.id, verdict: .escalated, severity: 5, note: "x", reviewer: "ana", claimToken: nil)
    }

    deinit { folder.cleanUp() }

    /// Runs SQL with the decision table's triggers, foreign keys and CHECK constraints off, as someone holding the
    /// file could, then puts the triggers back.
    func tamper(_ sql: String) throws {
        try queue.pool.writeWithoutTransaction { db in
            try db.execute(
                sql: """
                    DROP TRIGGER decision_no_update; DROP TRIGGER decision_no_delete; DROP TRIGGER decision_reopen_once;
                    PRAGMA foreign_keys = OFF; PRAGMA ignore_check_constraints = ON;
                    """)
            try db.execute(sql: sql)
            try db.execute(
                sql: """
                    PRAGMA foreign_keys = ON; PRAGMA ignore_check_constraints = OFF;
                    CREATE TRIGGER decision_reopen_once BEFORE UPDATE OF reopened_at, reopened_ms ON decision
                        WHEN OLD.reopened_ms IS NOT NULL
                    BEGIN SELECT RAISE(ABORT, 'decision already reopened'); END;
                    CREATE TRIGGER decision_no_update BEFORE UPDATE OF id, item_id, verdict, severity, note, reviewer,
                        claim_token, decided_at, decided_ms, audit_seq, referral ON decision
                    BEGIN SELECT RAISE(ABORT, 'decisions cannot be changed'); END;
                    CREATE TRIGGER decision_no_delete BEFORE DELETE ON decision
                    BEGIN SELECT RAISE(ABORT, 'decisions cannot be deleted'); END;
                    """)
        }
    }

    func decideEvent(of decision: Int64) async throws -> AuditEvent {
        try #require(
            try await queue.auditEvents().first {
                $0.action == .decide && $0.detail.contains("\"decision_id\":\(decision),")
            })
    }

    @Test("an untouched queue verifies; each decide and reopen event carries the row's hash")
    func untouched() async throws {
        let result = try await queue.verifyAudit()
        #expect(result.isValid, "\(result.message)")
        #expect(result.problem == nil && result.decisionID == nil)
        let first = try #require(try await queue.decisions(of: 1).first)
        let decide = try await decideEvent(of: first.id)
        #expect(decide.sequence == first.auditSequence)
        let reopen = try #require(try await queue.auditEvents().first { $0.action == .reopen })
        #expect(reopen.detail.contains(#""reopened_at":"\#(reopen.atText)""#))
        let stored = try await queue.pool.read { db in
            try #require(try DecisionRecord.fetchOne(db, sql: "SELECT * FROM decision WHERE id = 1")).row()
        }
        // The reopen event binds the row with its reopened time; the decide event bound it before.
        #expect(reopen.detail.contains(stored.sha256))
        var before = stored
        before.reopenedAt = nil
        before.reopenedMilliseconds = nil
        #expect(decide.detail.contains(before.sha256))
    }

    @Test("a verdict edited in place with the triggers dropped fails verification, naming the decision")
    func editedVerdict() async throws {
        try tamper("UPDATE decision SET verdict = 'confirmed' WHERE id = 3")
        #expect(try await queue.item(id: 2)?.decision?.verdict == .confirmed)  // what show and list would now say
        let result = try await queue.verifyAudit()
        #expect(!result.isValid)
        #expect(result.problem == .decisionTampered)
        #expect(result.decisionID == 3)
        #expect(result.firstBadSequence == (try await decideEvent(of: 3)).sequence)
        #expect(result.message.contains("decision 3 (item 2) was edited"), "\(result.message)")
    }

    @Test(
        "every bound column counts: note, severity, reviewer, claim, time, referral, reopened time",
        arguments: [
            "UPDATE decision SET note = 'other' WHERE id = 2", "UPDATE decision SET note = '' WHERE id = 2",
            "UPDATE decision SET severity = 1 WHERE id = 2", "UPDATE decision SET reviewer = 'eve' WHERE id = 2",
            "UPDATE decision SET claim_token = 'forged' WHERE id = 2",
            "UPDATE decision SET decided_ms = decided_ms + 1 WHERE id = 2",
            "UPDATE decision SET referral = '{}' WHERE id = 2", "UPDATE decision SET audit_seq = 1 WHERE id = 2",
            "UPDATE decision SET reopened_ms = reopened_ms + 1000 WHERE id = 1",
            "UPDATE decision SET reopened_at = NULL, reopened_ms = NULL WHERE id = 1",
            "UPDATE decision SET severity = 'four' WHERE id = 2",
        ])
    func everyColumn(sql: String) async throws {
        try tamper(sql)
        let result = try await queue.verifyAudit()
        #expect(result.problem == .decisionTampered, "\(sql): \(result.message)")
        #expect(result.decisionID == (sql.hasSuffix("id = 1") ? 1 : 2), "\(sql)")
    }

    @Test("a decision row inserted outside RedFlag is found, with its id")
    func inserted() async throws {
        try tamper(
            """
            INSERT INTO decision (item_id, verdict, severity, reviewer, claim_token, decided_at, decided_ms, audit_seq)
            VALUES (3, 'confirmed', 5, 'mallory', 'forged-token', '2026-05-01T12:00:00.000Z', 1777636800000, 4);
            """)
        let result = try await queue.verifyAudit()
        #expect(result.problem == .decisionTampered)
        #expect(result.decisionID == 4)
        #expect(result.firstBadSequence == nil)
        #expect(result.message.contains("decision 4 (item 3) was added outside RedFlag"), "\(result.message)")
    }

    @Test("a deleted decision row is found, with the event that recorded it")
    func deleted() async throws {
        let event = try await decideEvent(of: 3)
        try tamper("DELETE FROM decision WHERE id = 3")
        let result = try await queue.verifyAudit()
        #expect(result.problem == .decisionTampered)
        #expect(result.decisionID == 3)
        #expect(result.firstBadSequence == event.sequence)
        #expect(result.message.contains("decision 3 was deleted"), "\(result.message)")
    }

    @Test("dropping the decision table's triggers is reported even without an edit")
    func decisionTriggersDropped() async throws {
        try await queue.pool.writeWithoutTransaction { try $0.execute(sql: "DROP TRIGGER decision_no_delete") }
        let result = try await queue.verifyAudit()
        #expect(result.problem == .triggersMissing)
        #expect(result.message.contains("decision_no_delete"))
    }

    @Test(
        "queue audit --verify exits 1 on an edited decision and names it; 0 on the untouched file",
        .enabled(if: binaryAvailable, .init(rawValue: ProcessTests.missing)))
    func throughTheBinary() throws {
        var result = try runRedFlag(["queue", "audit", "--verify", "--db", path], in: folder)
        #expect(result.status == 0 && result.stdout.hasPrefix("ok:"), "\(result.stdout)\(result.stderr)")

        try tamper("UPDATE decision SET verdict = 'dismissed', severity = 1 WHERE id = 2")
        result = try runRedFlag(["queue", "audit", "--verify", "--db", path], in: folder)
        #expect(result.status == 1 && !result.signalled, "\(result.stderr)")
        #expect(result.stdout.contains("(decision_tampered): decision 2 (item 1) was edited"), "\(result.stdout)")
        result = try runRedFlag(["queue", "audit", "--verify", "--db", path, "--format", "json"], in: folder)
        #expect(result.status == 1)
        #expect(result.stdout.contains(#""decision_id":2"#), "\(result.stdout)")
    }
}
