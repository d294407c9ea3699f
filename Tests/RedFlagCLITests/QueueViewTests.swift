import Foundation
import RedFlagTestSupport
import Testing

/// Item 9: `queue list` shows each ad's identity (ad id, url), explains its group column, and HTML items carry the
/// place and date their page states.
@Suite("Queue views show the ad's identity", .enabled(if: binaryAvailable, "needs the redflag binary"))
struct QueueViewTests {
    @Test("place and date from <meta>/<time> and from JSON-LD; ad id and url columns; a legend for linked groups")
    func identity() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let page = try String(contentsOfFile: samplesFolder + "/pages/nightlist-1.html", encoding: .utf8)
        // Two copies of one flagged ad (so one phone, one linked group), each stating its place and date its own way.
        try folder.write(
            page.replacingOccurrences(
                of: "<head>",
                with: #"<head><meta name="geo.placename" content="Las Vegas, NV"><meta property="og:url" content="https://nightlist.example.com/lv/1">"#
            ).replacingOccurrences(of: "<body>", with: #"<body><time datetime="2024-03-14T22:12:00Z">March 14</time>"#),
            to: "pages/meta.html")
        try folder.write(
            page.replacingOccurrences(
                of: "<head>",
                with: #"<head><script type="application/ld+json">{"@type":"Offer","datePosted":"2024-03-15T09:00:00Z","areaServed":{"address":{"addressLocality":"Reno"}}}</script>"#
            ), to: "pages/jsonld.html")
        var result = try runRedFlag(["scan", "-q", "--enqueue", "--db", "q.sqlite", "pages"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        result = try runRedFlag(["queue", "list", "--db", "q.sqlite"], in: folder, environment: ["COLUMNS": "200"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let header = try #require(lines.first)
        #expect(header.contains("ad id") && header.contains("url") && header.contains("location"))
        let meta = try #require(lines.first { $0.contains("pages/meta.html") }, "\(result.stdout)")
        #expect(meta.contains("Las Vegas, NV") && meta.contains("2024-03-14T22:12:00Z"), "\(meta)")
        let jsonld = try #require(lines.first { $0.contains("pages/jsonld.html") })
        #expect(jsonld.contains("Reno") && jsonld.contains("2024-03-15T09:00:00Z"), "\(jsonld)")
        #expect(meta.contains("×2 "), "the two copies share a phone: one group of two")
        #expect(lines.contains { $0.hasPrefix("group: G×N S = ") })
        for line in lines { #expect(line.count <= 200) }
        // The JSON and CSV views carry the same facts.
        result = try runRedFlag(["queue", "list", "--db", "q.sqlite", "--format", "csv"], in: folder)
        #expect(result.stdout.contains("Las Vegas, NV") && result.stdout.contains(",Reno,"))
    }
}
