import Foundation
import RedFlagTestSupport
import Testing

/// `scan --cluster`: reposts of one text under other phones, names, cities and prices carry the first copy's
/// template id, the first copy included; an unrelated ad carries an id of its own, an ad too short to sign null;
/// the summary counts the templates.
@Suite("scan --cluster", .enabled(if: binaryAvailable, "needs the redflag binary"))
struct ClusterScanTests {
    static func ad(_ name: String, _ city: String, _ phone: String, _ price: Int) -> String {
        "Hi gentlemen, I am \(name), sweet and caring, visiting \(city) this week only. Call me at \(phone), $\(price) half hour. Clean private incall near the airport, no rush, real pics."
    }

    @Test func repostsShareTheFirstCopysTemplate() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let records = [
            ("a", Self.ad("Sofia", "Denver", "702-555-0147", 150)),
            ("b", "Selling a blue three-seat sofa, barely used, smoke free home, pick up only, cash on collection please."),
            ("c", Self.ad("Marisol", "Tulsa", "seven zero two 555 0188", 120)),
            ("d", Self.ad("Kim", "Reno", "(702) 555-0101", 200)),
        ]
        let short = ("e", "Call me now.")
        let dump = (records + [short]).map { #"{"id":"\#($0.0)","text":"\#($0.1)"}"# }.joined(separator: "\n") + "\n"
        let path = try folder.write(dump, to: "ads.jsonl")
        let result = try runRedFlag(["scan", "--cluster", path], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = try result.stdout.split(separator: "\n").map {
            try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(lines.count == 5)
        let first = try #require(lines[0]["sha256"] as? String)
        let sofa = try #require(lines[1]["sha256"] as? String)
        // Grouping the lines by `cluster` gives the template whole, first copy included.
        #expect(lines[0]["cluster"] as? String == "t" + first.prefix(16))
        #expect(lines[1]["cluster"] as? String == "t" + sofa.prefix(16))
        #expect(lines[2]["cluster"] as? String == "t" + first.prefix(16))
        #expect(lines[3]["cluster"] as? String == "t" + first.prefix(16))
        #expect(lines[4]["cluster"] is NSNull)
        #expect(result.stderr.contains("templates: 1 repeated across 3 ads (largest 3)"), "\(result.stderr)")

        // Without --cluster the lines keep the contract's shape.
        let plain = try runRedFlag(["scan", path], in: folder)
        #expect(!plain.stdout.contains("\"cluster\""))
        // Masked, the three copies are one text: even a similarity of 1 joins them.
        let strict = try runRedFlag(["scan", "--cluster", "--cluster-similarity", "1", "-q", path], in: folder)
        #expect(strict.stdout.split(separator: "\n").filter { $0.contains(#""cluster":"t\#(first.prefix(16))""#) }.count == 3)
        let bad = try runRedFlag(["scan", "--cluster", "--cluster-similarity", "0", path], in: folder)
        #expect(bad.status == 64)

        // CSV: a last `cluster` column, empty for none; the table: a CLUSTER column, `-` for none.
        let id = "t" + first.prefix(16)
        let csv = try runRedFlag(["scan", "--cluster", "--format", "csv", "-q", path], in: folder)
        let rows = csv.stdout.split(separator: "\n")
        #expect(rows.first?.hasSuffix(",warnings,cluster") == true, "\(csv.stdout)")
        #expect(rows.count == 6 && rows[1].hasSuffix("," + id) && rows[3].hasSuffix("," + id) && rows[4].hasSuffix("," + id))
        #expect(rows[5].hasSuffix(","), "\(csv.stdout)")
        let plainCSV = try runRedFlag(["scan", "--format", "csv", "-q", path], in: folder)
        #expect(plainCSV.stdout.split(separator: "\n").first?.hasSuffix(",warnings") == true)
        let table = try runRedFlag(["scan", "--cluster", "--format", "table", "-q", path], in: folder)
        #expect(table.stdout.contains("CLUSTER"), "\(table.stdout)")
        #expect(table.stdout.split(separator: "\n").filter { $0.contains(id) }.count == 3, "\(table.stdout)")
    }
}
