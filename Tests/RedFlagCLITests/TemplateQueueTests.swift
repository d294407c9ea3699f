import Foundation
import RedFlagTestSupport
import Testing

/// Template clusters and reposts through the queue (issue #19): `scan --enqueue` files each flagged ad in the
/// queue's template clusters and records reposts as postings; `queue show` and `redflag clusters` show them.
@Suite("Template clusters in the queue", .serialized, .enabled(if: binaryAvailable, "needs the redflag binary"))
struct TemplateQueueTests {
    /// One template, its slots filled in.
    static func ad(_ name: String, _ city: String, _ phone: String, _ price: Int) -> String {
        "Hi gentlemen, I am \(name), sweet and caring, visiting \(city) this week only. Call me at \(phone), $\(price) "
            + "half hour. Clean private incall near the airport, no rush, real pics. New in town and ready to play, "
            + "ask about my specials for generous gentlemen."
    }

    /// Boilerplate that unrelated ads on one site share: a footer, a disclaimer and a price list.
    static let boilerplate =
        " Rates: 30 min $100, 1 hour $180, 2 hours $300, overnight $900. All ads are placed by independent "
        + "advertisers over 18; the site does not screen them. By posting you agree to our terms of use. Report "
        + "abuse to abuse@example.com."

    /// Different ads, each with the site's boilerplate.
    static let unrelated = [
        "Busty blonde bombshell, the girl next door with a wild side. Private upscale apartment, discreet parking, "
            + "shower available. Text only, no calls before noon, no blocked numbers, no haggling.",
        "Exotic Latina massage, full body relaxation with warm oils and hot stones in a quiet studio downtown. "
            + "Walk ins welcome all day, couples welcome too, ask for the weekly package.",
        "Petite ebony beauty available now for outcall to hotels across the valley. Upscale gentlemen only, "
            + "reviews required, screening needed before we meet, deposits by app.",
        "Mature classy companion for dinner dates and travel, fluent in three languages, loves fine wine and "
            + "jazz clubs, booking a day ahead preferred, long sessions only.",
    ].map { $0 + boilerplate }

    static func jsonl(_ records: [(id: String, text: String, url: String)]) -> String {
        records.map { record in
            let object: [String: String] = ["id": record.id, "text": record.text, "url": record.url]
            return String(decoding: try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
        }.joined(separator: "\n") + "\n"
    }

    /// The clusters `redflag clusters --format json` prints.
    static func clusters(_ folder: TemporaryFolder, minimumSize: Int = 1) throws -> [[String: Any]] {
        let result = try runRedFlag(
            ["clusters", "--db", "q.sqlite", "--min-size", String(minimumSize), "--format", "json"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        return try result.stdout.split(separator: "\n").map {
            try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    @Test("copies differing in phone, name, city, emoji and a line are one cluster; boilerplate alone makes none")
    func bars() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let base = Self.ad("Sofia", "Denver", "702-555-0147", 150)
        let copies = [
            base,
            Self.ad("Sofia", "Denver", "(702) 555-0188", 150),  // phone
            Self.ad("Marisol", "Denver", "702-555-0147", 150),  // name
            Self.ad("Sofia", "Tulsa", "702-555-0147", 150),  // city
            base.replacingOccurrences(of: "sweet and caring,", with: "sweet 💋 and caring 😘,"),  // emoji
            base + " Available late nights and weekends, just text first.",  // a line added
            base.replacingOccurrences(of: " New in town and ready to play, ask about my specials for generous gentlemen.", with: ""),  // dropped
            Self.ad("Kim", "Reno", "seven zero two 555 0101", 200),  // all slots at once
        ]
        var records = copies.enumerated().map { (id: "copy-\($0.offset)", text: $0.element, url: "https://ads.example.com/\($0.offset)") }
        records += Self.unrelated.enumerated().map { (id: "other-\($0.offset)", text: $0.element, url: "https://ads.example.com/o\($0.offset)") }
        try folder.write(Self.jsonl(records), to: "ads.jsonl")
        let scan = try runRedFlag(["scan", "-q", "--enqueue", "--threshold", "0.0001", "--db", "q.sqlite", "ads.jsonl"], in: folder)
        #expect(scan.status == 0, "\(scan.stderr)")
        let lines = try scan.stdout.split(separator: "\n").map {
            try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(lines.count == records.count)
        let clusters = try Self.clusters(folder)
        let big = try #require(clusters.first)
        #expect(big["size"] as? Int == copies.count, "\(clusters)")
        #expect(clusters.count == 1 + Self.unrelated.count, "each unrelated ad is alone: \(clusters.map { $0["size"] ?? 0 })")
        // Its lines carry the queue's id, the first copy's included; each unrelated ad has an id of its own.
        let id = try #require(big["id"] as? String)
        for line in lines[..<copies.count] { #expect(line["cluster"] as? String == id) }
        let others = lines[copies.count...].compactMap { $0["cluster"] as? String }
        #expect(others.count == Self.unrelated.count && Set(others).count == others.count && !others.contains(id))
        let template = try #require(big["template"] as? [String: Any])
        let shared = try #require(template["shared"] as? String)
        #expect(shared.contains("gentlemen, I am") && shared.contains("this week only."), "\(shared)")
        let slots = try #require(template["slots"] as? [[String: Any]])
        #expect(slots.contains { ($0["values"] as? [String])?.contains("Marisol,") == true }, "\(slots)")
    }

    @Test("a later scan names the queue's cluster; reposts become postings; show and clusters say so")
    func againstTheQueue() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let first = [
            (id: "a1", text: Self.ad("Sofia", "Denver", "702-555-0147", 150), url: "https://ads.example.com/a1"),
            (id: "z1", text: Self.unrelated[0], url: "https://ads.example.com/z1"),
        ]
        try folder.write(Self.jsonl(first), to: "first.jsonl")
        var result = try runRedFlag(["scan", "-q", "--enqueue", "--threshold", "0.0001", "--db", "q.sqlite", "first.jsonl"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        // A second batch: a copy under another name and phone, and the first ad reposted three times.
        let reposted = first[0].text
        let second = [
            (id: "b1", text: Self.ad("Kim", "Reno", "702-555-0199", 180), url: "https://other.example.com/b1"),
            (id: "a2", text: reposted, url: "https://other.example.com/a2"),
            (id: "a3", text: reposted, url: "https://ads.example.com/a3"),
            (id: "a4", text: reposted, url: "https://third.example.com/a4"),
        ]
        try folder.write(Self.jsonl(second), to: "second.jsonl")
        result = try runRedFlag(["scan", "--enqueue", "--threshold", "0.0001", "--db", "q.sqlite", "second.jsonl"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let clusters = try Self.clusters(folder, minimumSize: 2)
        let cluster = try #require(clusters.first)
        let id = try #require(cluster["id"] as? String)
        #expect(cluster["size"] as? Int == 2)
        #expect(lines.count == 4 && lines.allSatisfy { $0.contains(#""cluster":"\#(id)""#) }, "\(lines)")
        // The reposts count as reposts, not as refreshed assessments.
        #expect(result.stderr.contains("1 new, 0 refreshed, 3 reposts"), "\(result.stderr)")

        result = try runRedFlag(["queue", "show", "1", "--db", "q.sqlite"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("template \(id): 2 ads"), "\(result.stdout)")
        #expect(result.stdout.contains("same template (1 other ad, template \(id)):"))
        #expect(result.stdout.contains("template text (shared by 2 ads; {n} varies):"))
        #expect(result.stdout.contains("posted 4 times on 3 site(s):"))
        for ad in ["a1", "a2", "a3", "a4"] { #expect(result.stdout.contains("  \(ad)  https://")) }

        result = try runRedFlag(["queue", "show", "1", "--db", "q.sqlite", "--format", "json"], in: folder)
        let reply = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((reply["postings"] as? [Any])?.count == 4)
        #expect((reply["same_template"] as? [[String: Any]])?.first?["ad_id"] as? String == "b1")
        let item = try #require(reply["item"] as? [String: Any])
        #expect(item["template_id"] as? String == id && item["template_size"] as? Int == 2)
        #expect(item["posting_count"] as? Int == 4)

        result = try runRedFlag(["clusters", "--db", "q.sqlite"], in: folder, environment: ["COLUMNS": "160"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(id) && result.stdout.contains("1 cluster(s) of 2 or more ads"), "\(result.stdout)")
        result = try runRedFlag(["queue", "list", "--db", "q.sqlite"], in: folder, environment: ["COLUMNS": "200"])
        #expect(result.stdout.contains("×2 +3"), "\(result.stdout)")

        // Export bundles carry the postings.
        result = try runRedFlag(["queue", "export", "--db", "q.sqlite", "--status", "pending", "--out", "bundle"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let exported = try String(contentsOfFile: folder.path("bundle/items.jsonl"), encoding: .utf8)
        #expect(exported.contains(#""postings":[{"ad_id":"a1""#), "\(exported.prefix(400))")
    }
}
