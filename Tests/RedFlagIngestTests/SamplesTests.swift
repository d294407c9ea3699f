import Foundation
import Testing
@testable import RedFlagIngest

/// The hand-written pages in `Samples/`: real site layouts with sidebars, scripts and footers.
@Suite("Samples")
struct SamplesTests {
    func document(_ name: String) throws -> AdDocument {
        let bytes = Array(try Data(contentsOf: samplesURL.appendingPathComponent("pages/\(name)")))
        return try HTMLExtractor().extract(htmlBytes: bytes)
    }

    @Test func nightlistKeepsTheAdAndDropsSidebarScriptCommentsAndFooter() throws {
        let text = try document("nightlist-1.html").text
        for kept in [
            "Sweet Young Asian Girl, Just Turned 19 🍒 New Girls Every Week - 19",
            "just turned 19, fresh and brand new to this", "100% real pics, no games, not a scam",
            "Upscale hotel incall near the Strip", "Available 24/7 🌹", "ask for Mommy when you call",
            "No black men, no AA", "seven zero two 5five5 zero1four7", "sakura.vip@example.com",
        ] {
            #expect(text.contains(kept), "missing: \(kept)")
        }
        for dropped in [
            "Latina Hottie", "Leaving Soon", "Ebony Queen", "Ask For Candy", "Two Girl Special", "Party Friendly",
            "Featured cities", "upgrade your listing to VIP", "premium placement", "Bump your ad", "sponsored slot",
            "compliance team", "promo banner styling", "All models are 18+", "We cooperate with law enforcement",
            "Report abuse", "Female Escorts", "new in town",
        ] {
            #expect(!text.lowercased().contains(dropped.lowercased()), "leaked: \(dropped)")
        }
    }

    @Test func benignSpaDoesNotInheritItsSidebar() throws {
        let text = try document("sparadar-2.html").text
        for kept in [
            "Harbor Wellness Massage - Licensed Massage Therapists", "licensed massage therapists (CAMTC certified)",
            "(415) 555-0188", "frontdesk@example.com", "Mon-Sat 9am-8pm, closed Sunday",
        ] {
            #expect(text.contains(kept), "missing: \(kept)")
        }
        for dropped in [
            "Young Asian Staff", "Table Shower", "Ask For Mommy", "New Girls Every Week", "No AA", "100% Real Pics",
            "Hotel Outcall", "24 hour spa", "Open 24/7", "sweet young asian", "All models are 18+", "Add Your Spa",
        ] {
            #expect(!text.lowercased().contains(dropped.lowercased()), "leaked: \(dropped)")
        }
    }

    @Test func messyUppercasePageWithAsideBeforeTheAd() throws {
        let text = try document("cityboard-4.html").text
        for kept in [
            "LOST DOG - Brown Lab Mix \"Biscuit\" - REWARD", "Last seen near 5th & Main",
            "He's a brown Labrador mix, about 60 lb, 7 years old", "$300 REWARD", "702-555-0104",
            "bringbiscuithome@example.com",
        ] {
            #expect(text.contains(kept), "missing: \(kept)")
        }
        for dropped in [
            "young cat near hotel", "leaving town soon", "Sunrise motel", "ask for Mommy", "Sweet young girls",
            "young hot singles", "party 420", "Beware of reward scams", "Users must be 18+", "24/7",
        ] {
            #expect(!text.lowercased().contains(dropped.lowercased()), "leaked: \(dropped)")
        }
    }

    @Test func windows1252PageDecodes() throws {
        let document = try document("nightlist-2.html")
        #expect(document.encoding == "windows-1252")
        #expect(document.text.contains("Llámame"))
        #expect(document.text.contains("café"))
        #expect(!document.text.contains("\u{FFFD}"))
    }

    @Test func utf16PageDecodes() throws {
        let document = try document("velvetroom-2.html")
        #expect(document.encoding == "utf-16le")
        #expect(document.text.contains("312~555~0175"))
    }

    @Test func latin1PageDecodes() throws {
        let document = try document("sparadar-1.html")
        #expect(document.text.contains("señoritas nuevas"))
    }

    @Test func everySampleDumpReads() throws {
        let dumps = samplesURL.appendingPathComponent("dumps")
        let jsonl = readAll([dumps.appendingPathComponent("ads.jsonl").path])
        #expect(jsonl.map(\.id) == (1...8).map { "jl-00\($0)" })
        let csv = readAll([dumps.appendingPathComponent("ads.csv").path])
        #expect(csv.map(\.id) == (1...6).map { "c-00\($0)" })
        let warc = readAll([dumps.appendingPathComponent("crawl.warc.gz").path])
        #expect(warc.count == 5)
        #expect(warc.allSatisfy { $0.record?.id.hasPrefix("urn:uuid:") == true })
        let cp1252 = try #require(warc.last?.record)
        guard case .htmlBytes(let bytes, let charset) = cp1252.content else { Issue.record("no bytes"); return }
        #expect(try HTMLExtractor().extract(htmlBytes: bytes, transportCharset: charset).text.contains("André"))
    }
}
