import Foundation
import RedFlagContract
import Testing

@testable import RedFlagQueue

/// The queue's rules as pure code (no database): what every store asks before it writes.
@Suite("Queue rules without a database: validation, submissions, the decision state machine")
struct QueueRulesTests {
    func message(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch let error as QueueError {
            return "\(error.code): \(error.message)"
        } catch {
            return "other: \(error)"
        }
    }

    @Test("names are trimmed, non-empty, at most 200 characters and free of control characters")
    func names() throws {
        #expect(try QueueRules.validName("  ana \n", what: "reviewer") == "ana")
        #expect(try QueueRules.validName(String(repeating: "é", count: 200), what: "reviewer").count == 200)
        #expect(
            message { _ = try QueueRules.validName(" \t", what: "reviewer") }
                == "invalid_input: the reviewer name is empty")
        let long = "invalid_input: the author name is longer than 200 characters or has control characters"
        #expect(message { _ = try QueueRules.validName(String(repeating: "a", count: 201), what: "author") } == long)
        #expect(message { _ = try QueueRules.validName("a\u{1b}[31m", what: "author") } == long)
    }

    @Test("notes are trimmed, optional or required, and bounded; severity runs 1 to 5")
    func notesAndSeverity() throws {
        #expect(try QueueRules.validNote(nil, required: false, maximumLength: 5) == nil)
        #expect(try QueueRules.validNote("   ", required: false, maximumLength: 5) == nil)
        #expect(try QueueRules.validNote(" abc ", required: false, maximumLength: 5) == "abc")
        #expect(
            message { _ = try QueueRules.requiredNote(" ", maximumLength: 5) } == "invalid_input: the note is empty")
        #expect(
            message { _ = try QueueRules.validNote("abcdef", required: false, maximumLength: 5) }
                == "invalid_input: the note is longer than 5 characters")
        for severity in 1...5 { #expect(message { try QueueRules.checkSeverity(severity, itemID: 1) } == nil) }
        #expect(
            message { try QueueRules.checkSeverity(6, itemID: 1) } == "invalid_input: severity 6 is not between 1 and 5"
        )
    }

    @Test("a lease is 1 ms to 7 days, in whole milliseconds; a purge needs a reason")
    func leasesAndReasons() throws {
        #expect(try QueueRules.leaseMilliseconds(.seconds(900)) == 900_000)
        #expect(try QueueRules.leaseMilliseconds(.milliseconds(1)) == 1)
        #expect(try QueueRules.leaseMilliseconds(.seconds(7 * 24 * 3600)) == 604_800_000)
        let refused = "invalid_input: the lease must be between 1 ms and 7 days"
        #expect(message { _ = try QueueRules.leaseMilliseconds(.zero) } == refused)
        #expect(message { _ = try QueueRules.leaseMilliseconds(.seconds(7 * 24 * 3600 + 1)) } == refused)
        #expect(try QueueRules.purgeReason(" request 7 ", maximumLength: 20) == "request 7")
        #expect(
            message { _ = try QueueRules.purgeReason("", maximumLength: 20) }?.contains("1 to 20 characters") == true)
        let tokens = (0..<50).map { _ in QueueRules.newClaimToken() }
        #expect(Set(tokens).count == 50 && tokens.allSatisfy { $0.count == 32 && $0.allSatisfy(\.isHexDigit) })
    }

    @Test(
        "a submission is checked and normalised before any store sees it",
        arguments: [
            ("sha", "sha256 is not 64 hex digits"), ("mismatch", "is not the SHA-256 of its raw content"),
            ("score", "score 1.5 is not in [0, 1]"), ("kind", "neither html nor text"), ("id", "the ad id is empty"),
            ("offsets", "outside the text"), ("nan", "NaN or infinity"),
        ])
    func submissionChecks(field: String, reason: String) throws {
        var s = submission("some text")
        switch field {
        case "sha": s.sha256 = "abc"
        case "mismatch": s.sha256 = String(repeating: "0", count: 64)
        case "score": s.score = 1.5
        case "kind": s.contentKind = "pdf"
        case "id": s.adID = ""
        case "offsets": s.indicators = hits(#"[{"family":"youth","feature":"x","match":"m","start":3,"end":400}]"#)
        default: s.features = ["x": .infinity]
        }
        let refusal = message { _ = try PreparedSubmission(s) }
        #expect(refusal?.hasPrefix("invalid_input: submission \"\(s.adID)\" rejected: ") == true, "\(refusal ?? "")")
        #expect(refusal?.contains(reason) == true, "\(refusal ?? "")")
    }

    @Test("link keys: phones as digits (7 or more), e-mails lower case, each once; the minor marking is derived")
    func linkKeysAndMinor() throws {
        var s = submission(
            "hi im 16 call me", phones: ["(555) 010-1234", "555.010.1234", "12"], emails: [" Jess@Example.COM ", "x"])
        s.entities.ages = [16]
        let prepared = try PreparedSubmission(s)
        #expect(
            prepared.keys == [
                LinkKey(kind: "phone", value: "5550101234"), LinkKey(kind: "email", value: "jess@example.com"),
            ])
        #expect(prepared.minor)
        #expect(try PreparedSubmission(submission("adult ad")).minor == false)
        #expect(prepared.featuresJSON == #"{"bias":1}"#)
    }

    static let now: Int64 = 1_777_636_800_000
    static let claimed = ClaimState(status: .claimed, holder: "ana", token: "tok", leaseExpiresMilliseconds: now + 1)

    func decide(
        _ claim: ClaimState, standing: Decision? = nil, verdict: Verdict = .confirmed, severity: Int = 4,
        note: String? = "n", reviewer: String = "ana", token: String? = nil
    ) throws -> DecisionStateMachine.DecideStep {
        try DecisionStateMachine.decide(
            itemID: 7, claim: claim, standing: standing, verdict: verdict, severity: severity, note: note,
            reviewer: reviewer, claimToken: token, nowMilliseconds: Self.now)
    }

    @Test("decide: only the holder of an unexpired claim, under its token")
    func decideFencing() throws {
        #expect(try decide(Self.claimed) == .record(claimToken: "tok"))
        #expect(try decide(Self.claimed, token: "tok") == .record(claimToken: "tok"))
        #expect(
            message { _ = try decide(Self.claimed, reviewer: "bob") }
                == "claim_not_held: item 7 is claimed by ana, not bob")
        #expect(
            message { _ = try decide(Self.claimed, token: "old") }
                == "claim_not_held: item 7 is held under a newer claim than the one given")
        var expired = Self.claimed
        expired.leaseExpiresMilliseconds = Self.now
        #expect(
            message { _ = try decide(expired) }
                == "claim_not_held: your lease on item 7 ran out at 2026-05-01T12:00:00.000Z; claim it again")
        #expect(
            message { _ = try decide(ClaimState(status: .pending)) }?.hasPrefix("claim_not_held: item 7 is not claimed")
                == true)
    }

    @Test("decide on a decided item: the same decision under the same claim is a retry; anything else is refused")
    func decideRetries() throws {
        let standing = Decision(
            id: 3, itemID: 7, verdict: .confirmed, severity: 4, note: "n", reviewer: "ana", claimToken: "tok",
            decidedAt: Date(), auditSequence: 9)
        let decided = ClaimState(status: .decided, decisionID: 3)
        #expect(try decide(decided, standing: standing) == .alreadyRecorded(standing))
        #expect(try decide(decided, standing: standing, token: "tok") == .alreadyRecorded(standing))
        #expect(
            message { _ = try decide(decided, standing: standing, severity: 2) }
                == "already_decided: item 7 was already decided as confirmed, severity 4, under this claim; ask a "
                + "supervisor to reopen it to change the decision")
        #expect(
            message { _ = try decide(decided, standing: standing, reviewer: "bob") }
                == "claim_not_held: item 7 was already decided (confirmed) by ana under another claim")
        #expect(
            message { _ = try decide(decided, standing: standing, token: "other") }?.hasPrefix("claim_not_held") == true
        )
        #expect(message { _ = try decide(decided, standing: nil) }?.contains("decision is missing") == true)
    }

    @Test("release, reopen and purge: who may, in which state")
    func otherTransitions() throws {
        #expect(
            try DecisionStateMachine.release(itemID: 7, claim: Self.claimed, reviewer: "ana", claimToken: nil) == "tok")
        #expect(
            message {
                _ = try DecisionStateMachine.release(itemID: 7, claim: Self.claimed, reviewer: "ana", claimToken: "x")
            }
                == "claim_not_held: item 7 is held under a newer claim than yours")
        #expect(
            message {
                _ = try DecisionStateMachine.release(itemID: 7, claim: Self.claimed, reviewer: "bob", claimToken: nil)
            }
                == "claim_not_held: item 7 is claimed by ana, not bob")
        #expect(
            message {
                _ = try DecisionStateMachine.release(
                    itemID: 7, claim: ClaimState(status: .pending), reviewer: "ana", claimToken: nil)
            } == "claim_not_held: item 7 is pending, not claimed: nothing to release")

        #expect(try DecisionStateMachine.reopen(itemID: 7, claim: ClaimState(status: .decided, decisionID: 3)) == 3)
        #expect(
            message { _ = try DecisionStateMachine.reopen(itemID: 7, claim: Self.claimed) }
                == "invalid_state: item 7 is claimed, not decided: there is nothing to reopen")

        #expect(message { try DecisionStateMachine.purge(itemID: 7, status: .decided, purgedAt: nil) } == nil)
        #expect(
            message { try DecisionStateMachine.purge(itemID: 7, status: .claimed, purgedAt: nil) }
                == "invalid_state: item 7 is claimed; release or decide it before purging it")
        #expect(
            message { try DecisionStateMachine.purge(itemID: 7, status: .pending, purgedAt: "2026-05-01") }
                == "invalid_state: item 7 was already purged at 2026-05-01")
    }

    @Test("enqueueing known content: a pending item is refreshed only when its assessment changed")
    func enqueueSteps() throws {
        let s = try PreparedSubmission(submission("some text", score: 0.4))
        let stored = StoredAssessment(
            status: .pending, purged: false, score: s.score, category: s.category, familiesJSON: s.familiesJSON,
            evidenceJSON: s.evidenceJSON, contributionsJSON: s.contributionsJSON, entitiesJSON: s.entitiesJSON,
            featuresJSON: s.featuresJSON, text: s.text)
        #expect(DecisionStateMachine.enqueue(s, onto: stored) == .unchanged)
        var rescored = stored
        rescored.score = 0.9
        #expect(DecisionStateMachine.enqueue(s, onto: rescored) == .refresh)
        for status in [ItemStatus.claimed, .decided] {
            var held = rescored
            held.status = status
            #expect(DecisionStateMachine.enqueue(s, onto: held) == .leave)
        }
        var purged = rescored
        purged.purged = true
        #expect(DecisionStateMachine.enqueue(s, onto: purged) == .leave)
    }
}

@Suite("Template priority (pure)")
struct TemplatePriorityTests {
    @Test func confirmedTemplateMembersComeAfterMinorsAndBeforeScores() {
        let plain = QueuePriority.Key(minor: false, groupScore: 0.99, score: 0.99, enqueuedMilliseconds: 0, id: 1)
        let raised = QueuePriority.Key(
            minor: false, templateConfirmed: 1, groupScore: 0.2, score: 0.2, enqueuedMilliseconds: 5, id: 2)
        let more = QueuePriority.Key(
            minor: false, templateConfirmed: 3, groupScore: 0.1, score: 0.1, enqueuedMilliseconds: 9, id: 3)
        let minor = QueuePriority.Key(minor: true, groupScore: 0.1, score: 0.1, enqueuedMilliseconds: 9, id: 4)
        #expect([plain, raised, more, minor].sorted() == [minor, more, raised, plain])
        #expect(QueuePriority.sqlTerms(alias: "i.").hasPrefix("i.minor DESC, i.template_confirmed DESC, i.group_score"))
    }

    @Test func theReasonNamesTheTemplateAndItsConfirmedCopies() {
        #expect(QueuePriority.templateReason(size: 13, confirmed: 3) == "same template as 12 ads, 3 confirmed")
        #expect(QueuePriority.templateReason(size: 2, confirmed: 1) == "same template as 1 ad, 1 confirmed")
        #expect(QueuePriority.templateReason(size: 5, confirmed: 0) == nil)
    }

    @Test func cursorsCarryTheTemplateKeyAndOldOnesStillRead() throws {
        let key = QueuePriority.Key(
            minor: false, templateConfirmed: 2, groupScore: 0.5, score: 0.4, enqueuedMilliseconds: 7, id: 9)
        let token = QueueCursor(after: key).token
        #expect(token.hasPrefix("q2.0.2."))
        #expect(QueueCursor(token: token)?.key == key)
        let old = try #require(QueueCursor(token: "q1.0.3fe0000000000000.3fd999999999999a.7.9"))
        #expect(old.key.templateConfirmed == 0 && old.key.id == 9)
    }
}
