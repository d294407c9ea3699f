import Foundation
import RedFlagContract
import Testing

@testable import RedFlagQueue

/// Audit events and decision-row binding as pure code (no database): what every store writes and checks.
@Suite("Audit rules without a database: events, decision rows, binding checks")
struct AuditRulesTests {
    static let row = DecisionRow(
        id: 3, itemID: 7, verdict: "escalated", severity: 5, note: nil, reviewer: "ana", claimToken: "tok",
        decidedAt: "2026-05-01T12:00:00.000Z", decidedMilliseconds: 1_777_636_800_000, auditSequence: 9,
        referral: #"{"contacts":[]}"#)

    @Test("a decision row's canonical form lists every bound column, NULL apart from empty")
    func canonicalRow() {
        #expect(
            Self.row.canonical
                == "decision_row:1\nid:1:3\nitem_id:1:7\nverdict:9:escalated\nseverity:1:5\nnote:null\nreviewer:3:ana\n"
                + "claim_token:3:tok\ndecided_at:24:2026-05-01T12:00:00.000Z\ndecided_ms:13:1777636800000\n"
                + "audit_seq:1:9\nreferral:15:{\"contacts\":[]}\nreopened_at:null\nreopened_ms:null\n")
        var empty = Self.row
        empty.note = ""
        #expect(empty.sha256 != Self.row.sha256)
        let edits: [(inout DecisionRow) -> Void] = [
            { $0.id = 4 }, { $0.itemID = 8 }, { $0.verdict = "confirmed" }, { $0.severity = 4 }, { $0.note = "x" },
            { $0.reviewer = "bob" }, { $0.claimToken = "tok2" }, { $0.decidedAt = "x" },
            { $0.decidedMilliseconds += 1 },
            { $0.auditSequence = 10 }, { $0.referral = nil }, { $0.reopenedAt = "y" }, { $0.reopenedMilliseconds = 1 },
        ]
        let hashes = edits.map { edit -> String in
            var row = Self.row
            edit(&row)
            return row.sha256
        }
        #expect(Set(hashes + [Self.row.sha256]).count == edits.count + 1)
    }

    @Test("events are built field by field in a fixed order, without ad text or claim tokens")
    func events() throws {
        let decide = AuditEventBuilder.decide(Self.row)
        #expect(decide.actor == "ana" && decide.action == .decide && decide.itemID == 7)
        #expect(
            decide.detail.json
                == #"{"claim":"\#(AuditEventBuilder.fingerprint("tok"))","verdict":"escalated","severity":5,"#
                + #""referral":{"contacts":[]},"decision_id":3,"decision_sha256":"\#(Self.row.sha256)"}"#)
        #expect(AuditEventBuilder.fingerprint("tok").count == 12 && !decide.detail.json.contains("\"tok\""))

        let claim = AuditEventBuilder.claim(
            itemID: 7, reviewer: "bob", token: "t", leaseMilliseconds: 900_000, expiresMilliseconds: 1_777_637_700_000)
        #expect(
            claim.detail.json
                == #"{"claim":"\#(AuditEventBuilder.fingerprint("t"))","lease_ms":900000,"#
                + #""lease_expires_at":"2026-05-01T12:15:00.000Z"}"#)
        let expire = AuditEventBuilder.expire(itemID: 7, holder: "bob", token: "t", expiredMilliseconds: 0)
        #expect(expire.actor == "redflag" && expire.detail.json.contains(#""reviewer":"bob""#))

        let note = AuditEventBuilder.note(itemID: 7, author: "ana", text: "call 555-0100")
        #expect(note.detail.json == #"{"note_sha256":"\#(SHA256Hex.of("call 555-0100"))","length":13}"#)

        var minor = submission("hi im 16", score: 0.25)
        minor.entities = Entities(ages: [16])
        let s = try PreparedSubmission(minor)
        #expect(
            AuditEventBuilder.queued(itemID: 1, s, actor: "scan").detail.json
                == #"{"outcome":"queued","sha256":"\#(s.sha256)","ad_id":"\#(s.adID)","score":0.25,"bytes":8,"#
                + #""minor":1}"#)

        var reopened = Self.row
        reopened.reopenedAt = "2026-05-02T00:00:00.000Z"
        reopened.reopenedMilliseconds = 1_777_680_000_000
        let reopen = AuditEventBuilder.reopen(reopened, supervisor: "lead", note: "why")
        #expect(
            reopen.actor == "lead"
                && reopen.detail.json.hasSuffix(
                    #""reopened_at":"2026-05-02T00:00:00.000Z","decision_sha256":"\#(reopened.sha256)"}"#)
        )

        let bind = AuditEventBuilder.bind(rows: [(id: 1, hash: "a"), (id: 2, hash: "b")], disagreeing: [5])
        #expect(bind.actor == "redflag" && bind.action == .bind && bind.itemID == nil)
        #expect(bind.detail.json.hasSuffix(#""decisions":{"1":"a","2":"b"},"disagreeing":[5]}"#))
    }

    @Test("the binding check: the last event's hash per row; edited, inserted, deleted and pre-upgrade edits named")
    func bindingCheck() {
        var check = DecisionBindingCheck()
        check.record(action: "decide", sequence: 9, detail: AuditEventBuilder.decide(Self.row).detail.json)
        check.record(action: "note", sequence: 10, detail: #"{"decision_id":4,"decision_sha256":"x"}"#)  // ignored
        check.record(
            action: "bind", sequence: 11,
            detail: AuditEventBuilder.bind(rows: [(id: 1, hash: "h1"), (id: 2, hash: "h2")], disagreeing: [5]).detail
                .json)
        #expect(check.bindings[3] == .init(sha256: Self.row.sha256, sequence: 9))
        #expect(check.bindings[4] == nil && check.bindings[2]?.sequence == 11)

        #expect(check.check(Self.row) == nil)
        var edited = Self.row
        edited.verdict = "dismissed"
        var copy = check
        let finding = copy.check(edited)
        #expect(finding?.kind == .edited && finding?.decisionID == 3 && finding?.sequence == 9)

        var inserted = Self.row
        inserted.id = 6
        let extra = check.check(inserted)
        #expect(extra?.kind == .inserted && extra?.message.contains("decision 6 (item 7) was added outside") == true)

        var old = Self.row
        old.id = 5
        #expect(check.check(old)?.message.contains("was edited before this queue was upgraded") == true)

        // Rows 1 and 2 were bound and never checked: the lowest is reported deleted.
        let gone = check.leftover()
        #expect(gone?.kind == .deleted && gone?.decisionID == 1 && gone?.sequence == 11)
    }

    @Test("a pre-binding decision row agrees with its decide event only when every recorded field matches")
    func legacyAgreement() {
        var row = Self.row
        row.referral = nil
        row.note = "n"
        var detail = AuditDetail()
        detail.add("claim", AuditEventBuilder.fingerprint("tok"))
        detail.add("verdict", "escalated")
        detail.add("severity", 5)
        detail.add("note_sha256", SHA256Hex.of("n"))
        let event = AuditEvent(
            sequence: 9, atText: row.decidedAt, atMilliseconds: row.decidedMilliseconds, actor: "ana", action: .decide,
            itemID: 7, detail: detail.json, previousHash: "", hash: "")
        #expect(LegacyDecisionCheck.agrees(row, decideEvent: event, reopenEvents: []))
        #expect(!LegacyDecisionCheck.agrees(row, decideEvent: nil, reopenEvents: []))
        var changed = row
        changed.severity = 4
        #expect(!LegacyDecisionCheck.agrees(changed, decideEvent: event, reopenEvents: []))
        changed = row
        changed.claimToken = "other"
        #expect(!LegacyDecisionCheck.agrees(changed, decideEvent: event, reopenEvents: []))
        changed = row
        changed.reopenedAt = "2026-05-02T00:00:00.000Z"
        changed.reopenedMilliseconds = 1_777_680_000_000
        #expect(!LegacyDecisionCheck.agrees(changed, decideEvent: event, reopenEvents: []))
        var reopenDetail = AuditDetail()
        reopenDetail.add("decision_id", Int64(3))
        let reopen = AuditEvent(
            sequence: 12, atText: "2026-05-02T00:00:00.000Z", atMilliseconds: 1_777_680_000_000, actor: "lead",
            action: .reopen, itemID: 7, detail: reopenDetail.json, previousHash: "", hash: "")
        #expect(LegacyDecisionCheck.agrees(changed, decideEvent: event, reopenEvents: [reopen]))
        #expect(!LegacyDecisionCheck.agrees(row, decideEvent: event, reopenEvents: [reopen]))
    }
}
