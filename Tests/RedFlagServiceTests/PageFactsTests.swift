import Testing

@testable import RedFlagService

/// Place and date as an ad page states them, read by the byte scanner the enqueuer uses.
@Suite("Page facts")
struct PageFactsTests {
    @Test("meta tags in the order of preference, any case, any quoting")
    func metas() {
        let page = #"""
            <html><head><META property='og:locality' content='Reno'>
            <meta NAME="geo.placename" CONTENT="Las Vegas,   NV" />
            <meta name=date content=2024-03-01>
            <meta name="article:published_time" content="2024-03-14T22:12:00Z">
            </head><body>hi</body></html>
            """#
        let facts = PageFacts(html: page)
        #expect(facts.location == "Las Vegas, NV")
        #expect(facts.date == "2024-03-14T22:12:00Z")
    }

    @Test("the first <time datetime> when no meta names a date; entities decoded")
    func timeElement() {
        let page = #"<body><p>x</p><time>none</time><time class=a datetime="2024-05-02 10:00">May</time>"#
            + #"<meta name="city" content="Ames &amp; Boone"><time datetime="2023-01-01"></time></body>"#
        let facts = PageFacts(html: page)
        #expect(facts.date == "2024-05-02 10:00")
        #expect(facts.location == "Ames & Boone")
    }

    @Test("JSON-LD keys, escaped quotes kept whole, other scripts ignored")
    func jsonLD() {
        let page = #"""
            <script>var x = {"addressLocality": "Wrong"};</script>
            <SCRIPT type="application/ld+json">{"@type":"Offer", "areaServed" : "Ohio",
              "AddressLocality":"Dayton \"East\"", "datePosted": ""}</SCRIPT>
            <script type="application/ld+json">{"uploadDate": "2024-07-07"}</script>
            """#
        let facts = PageFacts(html: page)
        #expect(facts.location == #"Dayton \"East\""#)
        #expect(facts.date == "2024-07-07")
    }

    @Test("hostile markup: unclosed tags, stray quotes, binary, long values cut to 80 characters")
    func hostile() {
        let unclosed = PageFacts(html: "<meta name=\"city\" content=\"Unclosed")
        #expect(unclosed.location == nil && unclosed.date == nil)
        let binary = PageFacts(bytes: [0x3C, 0xFF, 0x00, 0x3C, 0x6D, 0x65, 0x74, 0x61])
        #expect(binary.location == nil && binary.date == nil)
        #expect(PageFacts(html: #"<script type="application/ld+json">{"datePosted": "open"#).date == nil)
        let long = String(repeating: "a", count: 200)
        let facts = PageFacts(html: #"<meta name="city" content=""# + long + #"">"#)
        #expect(facts.location?.count == 80)
        #expect(facts.location?.hasSuffix("…") == true)
    }
}
