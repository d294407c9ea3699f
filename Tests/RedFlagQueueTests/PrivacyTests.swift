import Foundation
import GRDB
import RedFlagTestSupport
import RedFlagContract
import Testing

@testable import RedFlagQueue

/// Privacy (issue 17): redacted exports, purging an item on request, and diagnostics that never quote contact
/// details.
@Suite("Privacy: redacted exports, purge, quiet diagnostics")
final class PrivacyTests: Sendable {
    let folder: TemporaryFolder
    let queue: SQLiteReviewQueue
    static let text = "Mia here, call 312-555-0142 or (312) 555 0143, mail mia.rose@example.com, three one two five five five"

    init() async throws {
        folder = try TemporaryFolder()
        queue = try makeQueue(folder.path("q.sqlite"))
        let spelled = Self.text.unicodeScalars.count - "three one two five five five".unicodeScalars.count
        var ad = submission(
            Self.text, score: 0.9, phones: ["3125550142", "3125550143"], emails: ["mia.rose@example.com"],
            evidence: #"[{"family":"obfuscated_phone","feature":"obfuscated_phone.spelled","match":"three one two five five five","start":\#(spelled),"end":\#(Self.text.unicodeScalars.count)}]"#,
            url: "https://example.com/ads/3125550142-mia")
        ad.contentKind = "text"
        _ = try await queue.enqueue([ad, submission("another ad", score: 0.5, phones: ["3125550142"])], actor: "scan")
        let item = try #require(try await queue.claimNext(reviewer: "ana"))
        _ = try await queue.decide(
            id: item.id, verdict: .confirmed, severity: 4, note: "same as 312-555-0142 last week", reviewer: "ana",
            claimToken: nil)
        _ = try await queue.addNote(id: item.id, author: "bob", text: "wrote to mia.rose@example.com")
    }

    deinit { folder.cleanUp() }

    @Test("masking keeps lengths, so evidence offsets still point at the words")
    func maskingKeepsOffsets() {
        let count = Self.text.unicodeScalars.count
        let masked = Redaction.mask(Self.text, alsoMasking: [(count - "three one two five five five".count)..<count])
        #expect(masked.unicodeScalars.count == Self.text.unicodeScalars.count)
        #expect(masked.contains("call ###-###-#### or (###) ### ####"))
        #expect(masked.contains("mail ***.****@*******.***"))
        #expect(!masked.contains("three"))
        #expect(masked.hasPrefix("Mia here"))
        #expect(Redaction.mask("price 150, age 24, 2 hours") == "price 150, age 24, 2 hours")
    }

    @Test("export --redact: no phone, e-mail or raw copy anywhere in the bundle; the export is audited as redacted")
    func redactedExport() async throws {
        let out = folder.path("case")
        let summary = try await queue.export(status: .confirmed, to: out, actor: "lead", redact: true)
        #expect(summary.itemCount == 1)
        #expect(!summary.files.contains { $0.hasPrefix("raw/") })
        #expect(!FileManager.default.fileExists(atPath: out + "/raw"))
        for file in summary.files {
            let content = try String(contentsOfFile: out + "/" + file, encoding: .utf8)
            for secret in ["312-555", "(312) 555", "3125550", "mia.rose", "@example.com", "three one two"] {
                #expect(!content.contains(secret), "\(file) holds \(secret)")
            }
        }
        let line = try String(contentsOfFile: out + "/items.jsonl", encoding: .utf8)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["raw_file"] == nil)
        let head = try String(contentsOfFile: out + "/audit-head.json", encoding: .utf8)
        #expect(head.contains("\"redacted\" : true"))
        let event = try #require(try await queue.auditEvents().last)
        #expect(event.action == .export && event.detail.contains("redacted"))
        #expect(try await queue.verifyAudit().isValid)
    }

    @Test("purge removes text, raw copy, url and contacts, keeps the decision, is audited, and a rescan does not undo it")
    func purge() async throws {
        await expectQueueError(.invalidInput) { try await queue.purge(id: 1, actor: "lead", reason: "  ") }
        try await queue.purge(id: 1, actor: "lead", reason: "takedown request 2026-114")
        let item = try #require(try await queue.item(id: 1))
        #expect(item.purgedAt != nil)
        #expect(item.text.isEmpty && item.evidence.isEmpty && item.url == nil)
        #expect(item.entities.phones.isEmpty && item.entities.emails.isEmpty)
        #expect(item.decision?.verdict == .confirmed)
        let raw = try await queue.pool.read { try Data.fetchOne($0, sql: "SELECT raw FROM item_content WHERE item_id = 1") }
        #expect(raw == nil)
        let keys = try await queue.pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM item_key WHERE item_id = 1") }
        #expect(keys == 0)
        let event = try #require(try await queue.auditEvents().last)
        #expect(event.action == .purge && event.itemID == 1 && event.detail.contains("takedown request 2026-114"))
        #expect(try await queue.verifyAudit().isValid)
        await expectQueueError(.invalidState) { try await queue.purge(id: 1, actor: "lead", reason: "again") }

        // The same ad scanned again stays purged.
        var again = submission(
            Self.text, score: 0.95, phones: ["3125550142", "3125550143"], emails: ["mia.rose@example.com"])
        again.contentKind = "text"
        #expect(try await queue.enqueue([again], actor: "scan") == [.unchangedDecided(id: 1)])
        #expect(try await queue.item(id: 1)?.text.isEmpty == true)
        // An export still works and carries the purged item without a raw copy.
        let summary = try await queue.export(status: .confirmed, to: folder.path("after"), actor: "lead")
        #expect(summary.itemCount == 1 && !summary.files.contains { $0.hasPrefix("raw/") })
    }

    @Test(
        "queue purge through the binary: refused while claimed, then done, shown in queue show",
        .enabled(if: binaryAvailable, "needs the redflag binary"))
    func purgeCommand() async throws {
        let db = folder.path("q.sqlite")
        _ = try #require(try await queue.claimNext(reviewer: "ana"))  // item 2
        var result = try runRedFlag(["queue", "purge", "2", "--reason", "request 7", "--db", db], in: folder)
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains("claimed"))
        result = try runRedFlag(["queue", "purge", "1", "--reason", "request 7", "--db", db], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        result = try runRedFlag(["queue", "show", "1", "--db", db, "--no-color"], in: folder)
        #expect(result.stdout.contains("purged at"))
        #expect(!result.stdout.contains("Mia here"))  // the ad text; the team's own notes stay
        result = try runRedFlag(["queue", "audit", "--verify", "--db", db], in: folder)
        #expect(result.status == 0, "\(result.stdout)")
    }

    @Test(
        "scan diagnostics name the record, never its phones or e-mails",
        .enabled(if: binaryAvailable, "needs the redflag binary"))
    func diagnosticsHoldNoContacts() throws {
        try folder.write(
            #"{"id":"a","text":"<p>call 312-555-0191 or mia@example.com</p>"}"# + "\n"
                + #"{"id":"b","text":"call 312-555-0192 mia@example.com"# + "\n"
                + #"{"id":"c" "text":"312-555-0193 x@example.com"}"# + "\n" + #"{"id":"d","text":5550194}"# + "\n",
            to: "bad.jsonl")
        try folder.write("id,text\n1,\"<p>call 312-555-0195 me@example.com\n2,<p>ok</p>\n", to: "bad.csv")
        let result = try runRedFlag(["scan", "bad.jsonl", "bad.csv"], in: folder)
        #expect(result.status == 65)
        let errorLines = result.stdout.split(separator: "\n").filter { $0.contains("\"error\":{") }
        #expect(errorLines.count == 4)
        for text in [result.stderr] + errorLines.map(String.init) {
            #expect(!text.contains("555-01") && !text.contains("55501") && !text.contains("@example.com"), "\(text)")
        }
    }
}
