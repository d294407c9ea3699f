import Foundation
import GRDB
import RedFlagContract
import RedFlagTestSupport
import Testing

@testable import RedFlagQueue

/// Issue 16 in the store: items whose evidence points to a person under 18 are claimed first whatever their score,
/// are marked, filtered and counted; escalating or confirming records a referral with the decision, in the audit
/// chain and the export bundle; queue files from before the marking open, migrate and are marked.
@Suite("Minors first and referral on escalation")
final class MinorsFirstTests: Sendable {
    let folder: TemporaryFolder

    init() async throws { folder = try TemporaryFolder() }
    deinit { folder.cleanUp() }

    /// What the scan's minor rule writes for "hi im jess, 16": the rule's contribution first, the age among the
    /// entities, the family, and no lexicon hit (the age reader found the age, not a lexicon entry).
    static func statedSixteen(_ text: String = "hi im jess, 16, new here and need money fast", score: Double = 0.07)
        -> QueueSubmission
    {
        var s = submission(text, score: score, families: ["underage_age"], category: "other")
        s.contributions = [
            Contribution(feature: "rule.stated_minor", family: "underage_age", weight: 0, reason: "stated age 16: a minor"),
            Contribution(feature: "category.other", family: "category", weight: -1.7),
        ]
        s.entities = Entities(ages: [16])
        return s
    }

    /// A youth hit the lexicon marks as pointing to a minor by itself, with no stated age.
    static func jailbait(score: Double = 0.3) -> QueueSubmission {
        let text = "total jailbait looks, call me"
        return submission(
            text, score: score, families: ["youth"],
            evidence: #"[{"family":"youth","feature":"jailbait","match":"jailbait","start":6,"end":14,"minor":true}]"#)
    }

    static let adults = [
        submission("adult ad one, 100% real pics", score: 0.95, phones: ["5550100101"], families: ["trust_language"]),
        submission("adult ad two, new in town", score: 0.90, phones: ["5550100101"], families: ["movement"]),
        submission("adult ad three, just turned 18", score: 0.85, families: ["youth"]),
    ]

    static func shippedReferrals() throws -> ReferralDirectory {
        try ReferralDirectory.load(path: repositoryRoot + "/Models/referral.yaml")
    }

    @Test("a low-scoring item stating age 16 and a marked youth hit are claimed before every higher-scoring adult item")
    func minorsClaimedFirst() async throws {
        let queue = try makeQueue(folder.path("order.sqlite"))
        _ = try await queue.enqueue(Self.adults + [Self.statedSixteen(), Self.jailbait()], actor: "scan")
        var order: [String] = []
        while let item = try await queue.claimNext(reviewer: "ana") { order.append(item.adID) }
        let ids = try await queue.list(filter: QueueFilter()).reduce(into: [String: String]()) { $0[$1.adID] = $1.text }
        #expect(order.count == 5)
        // Minors first (the higher-scoring of them first), then the adults by group score as before.
        #expect(ids[order[0]]?.contains("jailbait") == true, "\(order)")
        #expect(ids[order[1]]?.contains("jess, 16") == true, "\(order)")
        #expect(order.dropFirst(2).map { ids[$0]!.prefix(13) } == ["adult ad one,", "adult ad two,", "adult ad thre"])
    }

    @Test("the marking says why: the rule's reason, a stated age, a marked hit; adult wording is not marked")
    func reasons() async throws {
        let queue = try makeQueue(folder.path("reasons.sqlite"))
        var agesOnly = submission("sixteen and new", score: 0.2)
        agesOnly.entities = Entities(ages: [21,16])
        _ = try await queue.enqueue([Self.statedSixteen(), Self.jailbait(), agesOnly] + Self.adults, actor: "scan")
        let items = try await queue.list(filter: QueueFilter())
        func item(_ start: String) -> QueueItem? { items.first { $0.text.hasPrefix(start) } }
        #expect(item("hi im jess")?.minorReasons == ["stated age 16: a minor"])
        #expect(item("total jailbait")?.minorReasons == [#""jailbait" (youth.jailbait) points to a minor"#])
        #expect(item("sixteen")?.minorReasons == ["stated age 16: a minor"])
        #expect(items.filter(\.minor).count == 3)
        #expect(item("adult ad three")?.minor == false)  // "just turned 18" states adulthood

        // JSON carries the marking for scripts; evidence keeps "minor" only where it is true.
        let json = try QueueJSON.line(try #require(item("total jailbait")))
        #expect(json.contains(#""minor":true"#) && json.contains(#""minor_reasons":["#))
        let adult = try QueueJSON.line(try #require(item("adult ad three")))
        #expect(adult.contains(#""minor":false"#) && adult.contains(#""minor_reasons":[]"#))
        #expect(!adult.contains(#""minor":true"#))
    }

    @Test("list filters to minors, stats count them on their own, and the enqueue event records the marking")
    func filterAndStats() async throws {
        let queue = try makeQueue(folder.path("stats.sqlite"))
        _ = try await queue.enqueue(Self.adults + [Self.statedSixteen(), Self.jailbait()], actor: "scan")
        let minors = try await queue.list(filter: QueueFilter(minorsOnly: true))
        #expect(minors.count == 2 && minors.allSatisfy(\.minor))
        #expect(try await queue.list(filter: QueueFilter(status: .pending, minorsOnly: true, limit: 1)).count == 1)
        let first = try #require(try await queue.claimNext(reviewer: "ana"))
        _ = try await queue.decide(
            id: first.id, verdict: .escalated, severity: 5, note: nil, reviewer: "ana", claimToken: nil)
        let stats = try await queue.stats()
        #expect(stats.minors == ["total": 2, "pending": 1, "claimed": 0, "decided": 1])
        #expect(stats.total == 5)
        let enqueues = try await queue.auditEvents().filter { $0.action == .enqueue }
        #expect(enqueues.filter { $0.detail.contains(#""minor":1"#) }.count == 2)
    }

    @Test("re-scanning a pending item re-judges it: a corrected assessment with no minor evidence drops the marking")
    func refreshRejudges() async throws {
        let queue = try makeQueue(folder.path("refresh.sqlite"))
        let minor = Self.statedSixteen()
        _ = try await queue.enqueue([minor], actor: "scan")
        #expect(try await queue.item(id: 1)?.minor == true)
        var corrected = minor
        corrected.families = []
        corrected.contributions = [Contribution(feature: "bias", family: "bias", weight: -2)]
        corrected.entities = Entities(ages: [])
        #expect(try await queue.enqueue([corrected], actor: "scan") == [.refreshed(id: 1)])
        #expect(try await queue.item(id: 1)?.minor == false)
        #expect(try await queue.list(filter: QueueFilter(minorsOnly: true)).isEmpty)
    }

    @Test("a purge removes the evidence spans but not the marking: the item stays first and says it was marked")
    func purgeKeepsTheMarking() async throws {
        let queue = try makeQueue(folder.path("purge.sqlite"))
        _ = try await queue.enqueue(Self.adults + [Self.jailbait()], actor: "scan")
        let id = try #require(try await queue.list(filter: QueueFilter(minorsOnly: true)).first?.id)
        try await queue.purge(id: id, actor: "lead", reason: "takedown request 17")
        let purged = try #require(try await queue.item(id: id))
        #expect(purged.evidence.isEmpty && purged.text.isEmpty)
        #expect(purged.minor && purged.minorReasons == [MinorEvidence.removedEvidenceReason])
        #expect(try await queue.list(filter: QueueFilter(minorsOnly: true)).map(\.id) == [id])
        #expect(try await queue.stats().minors["total"] == 1)
        #expect(try await queue.claimNext(reviewer: "ana")?.id == id)
        #expect(try await queue.verifyAudit().isValid)
    }

    @Test("escalating a minor records NCMEC first, then the hotline, with the decision and in its audit event")
    func referralRecorded() async throws {
        let queue = try makeQueue(folder.path("referral.sqlite"))
        _ = try await queue.enqueue(Self.adults + [Self.statedSixteen()], actor: "scan")
        let referrals = try Self.shippedReferrals()
        let minor = try #require(try await queue.claimNext(reviewer: "ana"))
        #expect(minor.minor)
        let outcome = try await queue.decide(
            id: minor.id, verdict: .escalated, severity: 5, note: "16", reviewer: "ana", claimToken: nil,
            referrals: referrals)
        let referral = try #require(outcome.decision.referral)
        #expect(referral.minor)
        #expect(referral.contacts.map(\.name) == ["NCMEC CyberTipline", "National Human Trafficking Hotline"])
        #expect(referral.contacts[0].web == "report.cybertip.org" && referral.contacts[0].phone == "1-800-843-5678")
        #expect(referral.contacts[1].phone == "1-888-373-7888" && referral.contacts[1].text == "233733")
        #expect(referral.localContactCount == 0)
        #expect(referral.sourceSHA256 == referrals.sha256 && referral.sourceSHA256.count == 64)
        // Read back the same, from the decision history and the item.
        #expect(try await queue.decisions(of: minor.id).first?.referral == referral)
        #expect(try await queue.item(id: minor.id)?.decision?.referral == referral)

        let event = try #require(try await queue.auditEvents(itemID: minor.id, after: nil, limit: nil).last)
        #expect(event.action == .decide)
        let detail = try JSONSerialization.jsonObject(with: Data(event.detail.utf8)) as? [String: Any]
        let recorded = try JSONSerialization.data(withJSONObject: try #require(detail?["referral"]))
        #expect(try JSONDecoder().decode(Referral.self, from: recorded) == referral)

        // An adult confirmed: the hotline only. A dismissal: no referral at all.
        let adult = try #require(try await queue.claimNext(reviewer: "ana"))
        let confirmed = try await queue.decide(
            id: adult.id, verdict: .confirmed, severity: 3, note: nil, reviewer: "ana", claimToken: nil,
            referrals: referrals)
        #expect(confirmed.decision.referral?.minor == false)
        #expect(confirmed.decision.referral?.contacts.map(\.name) == ["National Human Trafficking Hotline"])
        let other = try #require(try await queue.claimNext(reviewer: "ana"))
        let dismissed = try await queue.decide(
            id: other.id, verdict: .dismissed, severity: 1, note: nil, reviewer: "ana", claimToken: nil,
            referrals: referrals)
        #expect(dismissed.decision.referral == nil)
        #expect(try await queue.auditEvents().last?.detail.contains("referral") == false)

        let verification = try await queue.verifyAudit()
        #expect(verification.isValid, "\(verification.message)")
        // The referral is part of the decision's record: it cannot be changed afterwards.
        #expect(throws: (any Error).self) {
            try queue.pool.write { db in try db.execute(sql: "UPDATE decision SET referral = NULL WHERE id = 1") }
        }
    }

    @Test("the team's local contacts follow the defaults; for a minor those meant for minors come first")
    func localContacts() throws {
        let path = folder.path("referral.yaml")
        try """
            version: 1
            defaults:
              - name: National Human Trafficking Hotline
                phone: 1-888-373-7888
            local:
              - name: County vice unit
                phone: 1-555-0100
                email: tips@example.com
              - name: Youth services desk
                for: minors
                phone: 1-555-0101
            """.write(toFile: path, atomically: true, encoding: .utf8)
        let directory = try ReferralDirectory.load(path: path)
        let adult = directory.referral(minor: false)
        #expect(adult.contacts.map(\.name) == ["National Human Trafficking Hotline", "County vice unit"])
        #expect(adult.localContactCount == 1 && adult.contacts[1].local)
        let minor = directory.referral(minor: true)
        #expect(
            minor.contacts.map(\.name) == ["National Human Trafficking Hotline", "Youth services desk", "County vice unit"])
        #expect(minor.localContactCount == 2)
        // The shipped file: the two national defaults, no local contacts.
        let shipped = try Self.shippedReferrals()
        #expect(shipped.defaults.count == 2 && shipped.local.isEmpty)
    }

    @Test("a referral file that cannot be used is refused naming the file and the contact")
    func badReferralFiles() async throws {
        let missing = await expectQueueError(.invalidInput) { _ = try ReferralDirectory.load(path: folder.path("none.yaml")) }
        #expect(missing?.message.contains("none.yaml") == true)
        let cases = [
            ("nomeans.yaml", "version: 1\ndefaults:\n  - name: Somebody\n", "has no phone, text, web or email"),
            ("nodefaults.yaml", "version: 1\ndefaults: []\nlocal: []\n", "lists no default contacts"),
            ("badfor.yaml", "version: 1\ndefaults:\n  - name: X\n    phone: '1'\n    for: adults\n", "for: minors"),
        ]
        for (name, text, words) in cases {
            let path = folder.path(name)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            let error = await expectQueueError(.invalidInput) { _ = try ReferralDirectory.load(path: path) }
            #expect(error?.message.contains(path) == true && error?.message.contains(words) == true, "\(name)")
        }
    }

    @Test("the export bundle carries the referral with the decision, and the minor marking with the item")
    func exportCarriesReferral() async throws {
        let queue = try makeQueue(folder.path("export.sqlite"))
        _ = try await queue.enqueue(Self.adults + [Self.statedSixteen()], actor: "scan")
        let minor = try #require(try await queue.claimNext(reviewer: "ana"))
        _ = try await queue.decide(
            id: minor.id, verdict: .escalated, severity: 5, note: nil, reviewer: "ana", claimToken: nil,
            referrals: try Self.shippedReferrals())
        let out = folder.path("case")
        let summary = try await queue.export(status: .escalated, to: out, actor: "lead")
        #expect(summary.itemCount == 1 && summary.decisionCount == 1)
        let decisions = try String(contentsOfFile: out + "/decisions.jsonl", encoding: .utf8)
        let line = try #require(
            try JSONSerialization.jsonObject(with: Data(decisions.utf8)) as? [String: Any])
        let referral = try #require(line["referral"] as? [String: Any])
        let contacts = try #require(referral["contacts"] as? [[String: Any]])
        #expect(contacts.map { $0["name"] as? String } == ["NCMEC CyberTipline", "National Human Trafficking Hotline"])
        #expect(referral["minor"] as? Bool == true && referral["local_contacts"] as? Int == 0)
        let items = try String(contentsOfFile: out + "/items.jsonl", encoding: .utf8)
        #expect(items.contains(#""minor":true"#) && items.contains("cybertip"))
        #expect(try await queue.verifyAudit().isValid)
    }

    @Test("a queue file from before the marking opens, migrates and marks its minors, which are then claimed first")
    func migratesAnOldFile() async throws {
        let path = folder.path("old.sqlite")
        // The file as the previous version left it: every migration before this one, items written by hand in the
        // old shape (no minor column), one decided without a referral.
        do {
            let old = try DatabaseQueue(path: path)
            try SQLiteReviewQueue.migrator.migrate(old, upTo: "v4: purged items")
            try await old.write { db in
                for (index, s) in (Self.adults + [Self.statedSixteen()]).enumerated() {
                    try db.execute(
                        sql: """
                            INSERT INTO item (sha256, ad_id, score, families, evidence, contributions, entities,
                                features, text, content_kind, raw_bytes, group_id, group_score, enqueued_at,
                                enqueued_ms, updated_at, updated_ms)
                            VALUES (?, ?, ?, ?, ?, ?, ?, '{}', ?, 'text', ?, ?, ?, 'x', ?, 'x', ?)
                            """,
                        arguments: [
                            s.sha256, s.adID, s.score, "[\"" + s.families.joined(separator: "\",\"") + "\"]",
                            s.evidenceJSON, s.contributionsJSON, s.entitiesJSON, s.text, s.rawContent.count,
                            index + 1, s.score, index, index,
                        ])
                    try db.execute(
                        sql: "INSERT INTO item_content (item_id, raw) VALUES (?, ?)",
                        arguments: [index + 1, Data(s.rawContent)])
                }
                try db.execute(
                    sql: """
                        INSERT INTO decision (item_id, verdict, severity, reviewer, claim_token, decided_at, decided_ms,
                            audit_seq)
                        VALUES (3, 'confirmed', 3, 'ana', 'old-token', 'x', 5, 0);
                        UPDATE item SET status = 'decided', decision_id = 1 WHERE id = 3;
                        """)
            }
        }
        let queue = try makeQueue(path)
        let applied = try await queue.pool.read { try SQLiteReviewQueue.migrator.appliedIdentifiers($0) }
        #expect(applied.contains("v5: minors first, referral with each decision"))
        #expect(try await queue.list(filter: QueueFilter(minorsOnly: true)).map(\.id) == [4])
        #expect(try await queue.decisions(of: 3).first?.referral == nil)
        #expect(try await queue.claimNext(reviewer: "ana")?.id == 4)
        #expect(try await queue.integrityCheck() == ["ok"])
    }
}
