import Foundation
import GRDB
import RedFlagTestSupport
import Testing

@testable import RedFlagQueue

/// Queue files decided before decide events carried the row's hash (schema v5): opening one binds its decision rows
/// once, with `bind` events, and only the rows that still agree with the events that recorded them.
@Suite("Audit: decision rows of an older queue file are bound once")
struct LegacyBindingTests {
    /// A v5 file written the way RedFlag wrote it then: three items, decision 1 on item 1 (later reopened), decision
    /// 2 on item 2 (with a note), their decide and reopen events without row hashes. `edit` runs before it is closed.
    static func legacyFile(at path: String, edit: String? = nil) throws {
        let old = try DatabaseQueue(path: path)
        try SQLiteReviewQueue.migrator.migrate(old, upTo: "v5: minors first, referral with each decision")
        try old.write { db in
            var audit = try AuditWriter(db, head: .queueMeta)  // as v5 kept its head
            var now = Date(timeIntervalSince1970: 1_777_636_800)
            for (index, s) in [submission("one"), submission("two"), submission("three")].enumerated() {
                try db.execute(
                    sql: """
                        INSERT INTO item (sha256, ad_id, score, families, evidence, contributions, entities,
                            features, text, content_kind, raw_bytes, group_id, group_score, enqueued_at,
                            enqueued_ms, updated_at, updated_ms)
                        VALUES (?, ?, ?, '[]', '[]', '[]', ?, '{}', ?, 'text', ?, ?, ?, 'x', ?, 'x', ?)
                        """,
                    arguments: [
                        s.sha256, s.adID, s.score, s.entitiesJSON, s.text, s.rawContent.count, index + 1, s.score,
                        index, index,
                    ])
                var detail = AuditDetail()
                detail.add("outcome", "queued")
                try audit.append(
                    db, now: now, actor: "scan", action: .enqueue, itemID: Int64(index + 1), detail: detail)
            }
            // The v5 decide: the event first, then the row at the event's number and time.
            func decide(item: Int64, verdict: Verdict, severity: Int, note: String?, token: String) throws -> Int64 {
                now += 30
                var detail = AuditDetail()
                detail.add("claim", AuditEventBuilder.fingerprint(token))
                detail.add("verdict", verdict.rawValue)
                detail.add("severity", severity)
                detail.add("note_sha256", note.map { SHA256Hex.of($0) })
                let event = try audit.append(db, now: now, actor: "ana", action: .decide, itemID: item, detail: detail)
                var record = DecisionRecord(
                    itemID: item, verdict: verdict, severity: severity, note: note, reviewer: "ana", claimToken: token,
                    decidedAt: event.atText, decidedMilliseconds: event.atMilliseconds, auditSequence: event.sequence)
                try record.insert(db)
                try db.execute(
                    sql: "UPDATE item SET status = 'decided', decision_id = ? WHERE id = ?",
                    arguments: [record.id, item])
                return try #require(record.id)
            }
            let first = try decide(item: 1, verdict: .dismissed, severity: 1, note: nil, token: "token-1")
            _ = try decide(item: 2, verdict: .confirmed, severity: 4, note: "same phone", token: "token-2")
            // The v5 reopen: the event, then the reopened time on the row.
            now += 30
            var detail = AuditDetail()
            detail.add("decision_id", first)
            detail.add("verdict", "dismissed")
            detail.add("note_sha256", SHA256Hex.of("look again"))
            let event = try audit.append(db, now: now, actor: "lead", action: .reopen, itemID: 1, detail: detail)
            try db.execute(
                sql: "UPDATE decision SET reopened_at = ?, reopened_ms = ? WHERE id = ?",
                arguments: [event.atText, event.atMilliseconds, first])
            try db.execute(sql: "UPDATE item SET status = 'pending', decision_id = NULL WHERE id = 1")
            if let edit {
                try db.execute(sql: "DROP TRIGGER decision_no_update; DROP TRIGGER decision_reopen_once")
                try db.execute(sql: edit)
            }
        }
        try old.close()
    }

    @Test("an untouched older file gets one bind event with every row's hash, and verifies before and after new work")
    func untouched() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let path = folder.path("v5.sqlite")
        try Self.legacyFile(at: path)
        let queue = try makeQueue(path)
        let events = try await queue.auditEvents()
        #expect(events.map(\.action) == [.enqueue, .enqueue, .enqueue, .decide, .decide, .reopen, .bind])
        let bind = try #require(events.last)
        #expect(bind.actor == "redflag" && bind.itemID == nil)
        let rows = try await queue.pool.read { db in
            try DecisionRecord.fetchAll(db, sql: "SELECT * FROM decision ORDER BY id").map { try $0.row() }
        }
        #expect(bind.detail.contains(#""decisions":{"1":"\#(rows[0].sha256)","2":"\#(rows[1].sha256)"}"#))
        #expect(!bind.detail.contains("disagreeing"))
        var result = try await queue.verifyAudit()
        #expect(result.isValid, "\(result.message)")

        let item = try #require(try await queue.claimNext(reviewer: "bob"))
        _ = try await queue.decide(id: item.id, verdict: .escalated, severity: 5, note: nil, reviewer: "bob", claimToken: nil)
        result = try await queue.verifyAudit()
        #expect(result.isValid, "\(result.message)")

        // Reopening a legacy decision re-binds it with its reopened time.
        _ = try await queue.reopen(id: 2, supervisor: "lead", note: "check")
        result = try await queue.verifyAudit()
        #expect(result.isValid, "\(result.message)")

        // A bound legacy row edited after the upgrade is found like any other.
        try await queue.pool.writeWithoutTransaction { db in
            try db.execute(sql: "DROP TRIGGER decision_no_update")
            try db.execute(sql: "UPDATE decision SET severity = 2 WHERE id = 1")
        }
        result = try await queue.verifyAudit()
        #expect(result.problem == .decisionTampered && result.decisionID == 1, "\(result.message)")
        #expect(result.firstBadSequence == bind.sequence)
    }

    @Test("a row edited before the upgrade is left unbound and named, not blessed", arguments: [
        "UPDATE decision SET verdict = 'escalated' WHERE id = 2",
        "UPDATE decision SET note = 'other words' WHERE id = 2",
        "UPDATE decision SET reopened_ms = reopened_ms + 5 WHERE id = 1",
    ])
    func editedBeforeUpgrade(edit: String) async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let path = folder.path("v5.sqlite")
        try Self.legacyFile(at: path, edit: edit)
        let queue = try makeQueue(path)
        let edited: Int64 = edit.hasSuffix("id = 1") ? 1 : 2
        let bind = try #require(try await queue.auditEvents().last)
        #expect(bind.action == .bind && bind.detail.contains(#""disagreeing":[\#(edited)]"#), "\(bind.detail)")
        let result = try await queue.verifyAudit()
        #expect(result.problem == .decisionTampered, "\(result.message)")
        #expect(result.decisionID == edited)
        #expect(result.firstBadSequence == bind.sequence)
        #expect(result.message.contains("was edited before this queue was upgraded"), "\(result.message)")
    }

    @Test("a file without decisions gets no bind event")
    func noDecisions() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let queue = try makeQueue(folder.path("new.sqlite"))
        _ = try await queue.enqueue([submission("one")], actor: "scan")
        #expect(try await queue.auditEvents().map(\.action) == [.enqueue])
        #expect(try await queue.verifyAudit().isValid)
    }
}
