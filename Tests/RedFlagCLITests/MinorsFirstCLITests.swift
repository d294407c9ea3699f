import Foundation
import RedFlagQueue
import RedFlagTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Issue 16 through the built binary: an ad stating age 16 is scanned into the queue with two higher-scoring adult
/// ads and must be claimed first (`queue next`, `review` in a pipe and in a terminal); escalating it prints the
/// referral, writes it to the audit trail (which still verifies) and into the export bundle.
@Suite(
    "Minors first and referral, through the binary", .serialized,
    .enabled(if: binaryAvailable, "needs the redflag binary"))
final class MinorsFirstCLITests: Sendable {
    let folder: TemporaryFolder

    init() throws { folder = try TemporaryFolder() }
    deinit { folder.cleanUp() }

    /// The new user's ad from the issue, and two adult ads that score far higher. Fictional (555-01xx phones).
    static let ads = [
        #"{"id":"adult-latina","text":"Sexy latina, 100% real pics, no games. Independent, 24/7 incall outcall. 23 years old. Call 555-0142"}"#,
        #"{"id":"adult-ebony","text":"Ebony goddess, real pics guaranteed, not an agency, ask for Candy. GFE 24/7. 25 yo. Text 555-0143"}"#,
        #"{"id":"jess","text":"hi im jess, 16, new here and need money fast"}"#,
    ].joined(separator: "\n") + "\n"

    /// Scans the three ads into a new queue and checks the premise: all flagged, the minor scoring lowest.
    func seededQueue(_ name: String) async throws -> (db: String, scores: [String: Double]) {
        try folder.write(Self.ads, to: "ads.jsonl")
        let db = folder.path(name)
        let scan = try runRedFlag(["scan", "-q", "--enqueue", "--db", db, "ads.jsonl"], in: folder)
        #expect(scan.status == 0, "\(scan.stderr)")
        let items = try await SQLiteReviewQueue(path: db).list(filter: QueueFilter())
        let scores = Dictionary(uniqueKeysWithValues: items.map { ($0.adID, $0.score) })
        #expect(scores.count == 3, "all three ads are flagged and queued: \(scores)")
        let jess = try #require(scores["jess"])
        #expect(scores.values.filter { $0 > jess }.count == 2, "the adult ads score higher: \(scores)")
        return (db, scores)
    }

    @Test("queue next claims the age-16 ad first; escalating prints the referral, audits it, exports it")
    func nextEscalateAuditExport() async throws {
        let (db, _) = try await seededQueue("next.sqlite")
        var result = try runRedFlag(["queue", "next", "--db", db, "--reviewer", "ana", "--format", "json"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let claimed = try QueueJSON.decoder().decode(QueueItem.self, from: Data(result.stdout.utf8))
        #expect(claimed.adID == "jess" && claimed.minor)
        #expect(claimed.minorReasons == ["stated age 16: a minor"])
        #expect(result.stdout.contains(#""minor":true"#))

        // Marked in every view, counted on its own, filterable.
        result = try runRedFlag(["queue", "list", "--db", db], in: folder, environment: ["COLUMNS": "160"])
        let rows = result.stdout.split(separator: "\n").map(String.init)
        #expect(rows.first { $0.contains("jess") }?.contains("MINOR") == true, "\(result.stdout)")
        #expect(rows.filter { $0.contains("MINOR  ") }.count == 1)
        #expect(rows.contains { $0.hasPrefix("MINOR = evidence points to a person under 18") })
        result = try runRedFlag(["queue", "list", "--db", db, "--minors", "--format", "csv"], in: folder)
        let csv = result.stdout.split(separator: "\n")  // every command's CSV ends lines with \n (RedFlagCore.CSV)
        #expect(csv.count == 2 && csv[0].hasSuffix(",minor,template_id,template_size,posting_count") && csv[1].contains(",jess,")
                && csv[1].contains(",true,"))
        result = try runRedFlag(["queue", "list", "--db", db, "--format", "json"], in: folder)
        #expect(result.stdout.components(separatedBy: #""minor":true"#).count == 2)
        result = try runRedFlag(["queue", "stats", "--db", db], in: folder)
        #expect(result.stdout.contains("minors: 1 (pending 0, claimed 1, decided 0)"), "\(result.stdout)")
        result = try runRedFlag(["queue", "stats", "--db", db, "--format", "json"], in: folder)
        #expect(result.stdout.contains(#""minors":{"claimed":1,"decided":0,"pending":0,"total":1}"#), "\(result.stdout)")
        result = try runRedFlag(["queue", "show", String(claimed.id), "--db", db], in: folder)
        #expect(result.stdout.contains("MINOR: evidence points to a person under 18 (stated age 16: a minor)"))

        // Escalating prints where to report it.
        result = try runRedFlag(
            ["queue", "decide", String(claimed.id), "escalated", "--severity", "5", "--reviewer", "ana", "--db", db],
            in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let out = result.stdout
        #expect(out.contains("REPORT: evidence points to a person under 18; report it to:"), "\(out)")
        #expect(out.contains("NCMEC CyberTipline: report.cybertip.org, call 1-800-843-5678 (for suspected minors)"))
        #expect(out.contains("National Human Trafficking Hotline: call 1-888-373-7888, text 233733"))
        #expect(out.contains("local contacts: none configured"))
        let ncmec = try #require(out.range(of: "NCMEC"))
        let hotline = try #require(out.range(of: "National Human Trafficking Hotline"))
        #expect(ncmec.lowerBound < hotline.lowerBound, "for a minor, NCMEC comes first")

        // Written to the audit trail with the decision; the chain still verifies.
        result = try runRedFlag(
            ["queue", "audit", "--item", String(claimed.id), "--db", db, "--format", "json"], in: folder)
        let decide = try #require(result.stdout.split(separator: "\n").last { $0.contains(#""action":"decide""#) })
        #expect(decide.contains("report.cybertip.org") && decide.contains("1-888-373-7888"), "\(decide)")
        result = try runRedFlag(["queue", "audit", "--verify", "--db", db], in: folder)
        #expect(result.status == 0 && result.stdout.hasPrefix("ok:"), "\(result.stdout)\(result.stderr)")

        // Shown again with the decision.
        result = try runRedFlag(["queue", "show", String(claimed.id), "--db", db], in: folder)
        #expect(result.stdout.contains("REFERRAL shown with the decision"), "\(result.stdout)")

        // The export bundle includes it, in a file the manifest covers.
        result = try runRedFlag(
            ["queue", "export", "--status", "escalated", "--out", folder.path("case"), "--db", db, "--actor", "lead"],
            in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let decisions = try String(contentsOfFile: folder.path("case/decisions.jsonl"), encoding: .utf8)
        #expect(decisions.contains(#""referral":{"#) && decisions.contains("report.cybertip.org"), "\(decisions)")
        let manifest = try String(contentsOfFile: folder.path("case/MANIFEST.sha256"), encoding: .utf8)
        #expect(manifest.contains("  decisions.jsonl\n"))
        result = try runRedFlag(["queue", "audit", "--verify", "--db", db], in: folder)
        #expect(result.status == 0)

        // The next claim is the top adult ad; confirming it refers to the hotline only, plus a team's local contact.
        try folder.write(
            """
            version: 1
            defaults:
              - name: NCMEC CyberTipline
                for: minors
                web: report.cybertip.org
              - name: National Human Trafficking Hotline
                phone: 1-888-373-7888
            local:
              - name: County vice unit
                phone: 1-555-0100
            """, to: "team-referral.yaml")
        result = try runRedFlag(["queue", "next", "--db", db, "--reviewer", "ana", "--format", "json"], in: folder)
        let adult = try QueueJSON.decoder().decode(QueueItem.self, from: Data(result.stdout.utf8))
        #expect(!adult.minor && adult.adID.hasPrefix("adult-"))
        result = try runRedFlag(
            [
                "queue", "decide", String(adult.id), "confirmed", "--reviewer", "ana", "--db", db, "--referral",
                "team-referral.yaml",
            ], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("REPORT: report this ad to:") && !result.stdout.contains("NCMEC"))
        #expect(result.stdout.contains("County vice unit: call 1-555-0100"))
        #expect(!result.stdout.contains("none configured"))
    }

    @Test("review in a pipe shows the age-16 ad first, marked, and prints the referral when it is escalated")
    func reviewThroughPipe() async throws {
        let (db, _) = try await seededQueue("pipe.sqlite")
        let result = try runRedFlag(
            ["review", "--db", db, "--reviewer", "bob"], in: folder, stdin: "e\n5\nsays she is 16\nq\n")
        #expect(result.status == 0, "\(result.stderr)")
        let blocks = result.stdout.components(separatedBy: "── item ")
        #expect(blocks.count == 3, "two items shown: \(result.stdout)")
        #expect(blocks[1].contains("MINOR: evidence points to a person under 18 (stated age 16: a minor)"))
        #expect(blocks[1].contains("hi im jess, 16"))
        #expect(blocks[1].contains("REPORT: evidence points to a person under 18"))
        #expect(blocks[1].contains("NCMEC CyberTipline"))
        #expect(!blocks[2].contains("MINOR"))
        let queue = try SQLiteReviewQueue(path: db)
        let escalated = try await queue.list(filter: QueueFilter(status: .escalated))
        #expect(escalated.map(\.adID) == ["jess"])
        #expect(escalated.first?.decision?.referral?.contacts.first?.name == "NCMEC CyberTipline")
        #expect(try await queue.verifyAudit().isValid)
    }

    @Test(
        "review in an 80×24 terminal: the age-16 ad first, MINOR in the header, the referral until a key is pressed",
        .enabled(if: TmuxSession.available, "needs tmux"))
    func reviewInTerminal() async throws {
        let (db, _) = try await seededQueue("tmux.sqlite")
        let tmux = try TmuxSession(
            "env -u NO_COLOR TERM=xterm-256color \(redflagBinary!) review --db \(db) --reviewer cy; echo EXITED $?; sleep 30",
            columns: 80, rows: 24, in: folder)
        defer { tmux.kill() }
        let (first, rows) = tmux.rows(until: "[c]onfirm")
        #expect(rows[0].hasPrefix("MINOR  item "), "\(first)")
        #expect(rows[1].hasPrefix("MINOR: evidence points to a person under 18 (stated age 16"), "\(first)")
        #expect(first.contains("hi im jess, 16"))
        tmux.send("e")
        _ = tmux.screen(until: "severity 1-5")
        tmux.send("5", "Enter")
        _ = tmux.screen(until: "note (optional)")
        tmux.send("Enter")
        let panel = tmux.screen(until: "press any key")
        #expect(panel.contains("REPORT: evidence points to a person under 18"), "\(panel)")
        #expect(panel.contains("NCMEC CyberTipline") && panel.contains("1-888-373-7888"))
        #expect(panel.contains("local contacts: none configured"))
        for row in panel.split(separator: "\n") { #expect(row.count <= 80, "wider than 80: \(row)") }
        tmux.send("Space")
        let next = tmux.screen(until: "adult-")
        #expect(!next.contains("press any key") && !next.hasPrefix("MINOR"), "\(next)")
        tmux.send("q")
        let done = tmux.screen(until: "EXITED")
        #expect(done.contains("EXITED 0"), "\(done)")
        #expect(done.contains("referrals shown this session:"))
        #expect(done.contains("reviewed 1: confirmed 0, dismissed 0, escalated 1"))
    }
}
