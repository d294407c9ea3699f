import Foundation
import Testing
@testable import RedFlagIngest

@Suite("Visible text extraction")
struct HTMLExtractionTests {
    let page = """
        <!DOCTYPE html><html><head><title>Sweet girl - 21 | Site</title>
        <meta name="description" content="An ad  description">
        <meta property="og:title" content="OG title"><meta property="og:image" content="http://example.com/a.jpg">
        <style>.young { color: red }</style><script>var x = "new in town";</script></head>
        <body><header><a href="/">Home</a> Escorts menu</header>
        <nav><ul><li>Female escorts</li><li>Body rubs</li></ul></nav>
        <!-- hidden comment: teen -->
        <main><h1>Sweet girl - 21</h1><p>Hello gentlemen &amp; friends,&nbsp;call me.</p>
        <p>Second   paragraph<br>after break</p>
        <a href="http://example.com/profile">profile</a><img src="a.jpg"><img src="b.jpg">
        <table><tr><td>Age</td><td>21</td></tr><tr><td>City</td><td>Reno</td></tr></table>
        <span style="display: none">hidden keyword stuffing</span><div hidden>also hidden</div>
        <noscript>enable javascript young</noscript><template>template teen</template>
        </main>
        <div class="sidebar"><h3>Other ads</h3><p>Young Latina new in town</p></div>
        <div id="related-ads">Barely legal related ad</div>
        <section class="similar-listings">Similar: petite teen</section>
        <div class="ad-header">Kept: the ad's own header block</div>
        <aside>Aside text</aside>
        <footer>All models are 18+. We cooperate with law enforcement.</footer>
        </body></html>
        """

    @Test func keepsTheAdAndDropsEverythingElse() throws {
        let document = try extract(page)
        #expect(
            document.text == """
                Sweet girl - 21
                Hello gentlemen & friends, call me.
                Second paragraph
                after break
                profile
                Age 21
                City Reno
                Kept: the ad's own header block
                """)
        for dropped in [
            "color", "new in town", "Home", "Female escorts", "teen", "hidden", "javascript", "Young Latina",
            "Barely", "Similar", "Aside", "18+", "law enforcement",
        ] {
            #expect(!document.text.contains(dropped), "\(dropped) leaked into the text")
        }
    }

    @Test func readsTitleMetaLinksAndImages() throws {
        let document = try extract(page)
        #expect(document.title == "Sweet girl - 21 | Site")
        #expect(document.meta["description"] == "An ad description")
        #expect(document.meta["og:title"] == "OG title")
        #expect(document.meta["og:image"] == "http://example.com/a.jpg")
        #expect(document.links == ["http://example.com/profile"])
        #expect(document.imageCount == 2)
    }

    @Test func fallsBackToOpenGraphTitle() throws {
        let document = try extract("<html><head><meta property='og:title' content='Only OG'></head><body>x</body></html>")
        #expect(document.title == "Only OG")
    }

    @Test func decodesEntities() throws {
        let document = try extract("<p>caf&eacute; &#x1F352; &#8220;quoted&#8221; &lt;tag&gt; &quot;q&quot; &#39;s</p>")
        #expect(document.text == "café 🍒 “quoted” <tag> \"q\" 's")
    }

    @Test(arguments: [
        ("<div><p>unclosed paragraph<p>second<div>inner</span></b> after stray closers</div>", "unclosed paragraph\nsecond\ninner after stray closers"),
        ("<ul><li>one<li>two<li>three</ul>tail", "one\ntwo\nthree\ntail"),
        ("</div></p></body>lead<p>text", "lead\ntext"),
        ("<table><tr><td>a<td>b<tr><td>c</table>", "a b\nc"),
        ("<p>open <b>bold <i>both</p> after", "open bold both\nafter"),
        ("<SCRIPT>young()</SCRIPT><P>UPPER<BR>CASE</P>", "UPPER\nCASE"),
        ("<div class=sidebar><p>unclosed sidebar<p>still sidebar</div><p>ad text", "ad text"),
        ("<script>never closed young teen", ""),
        ("<p>a<!-- unclosed comment young", "a"),
    ])
    func recoversFromMalformedHTML(html: String, expected: String) throws {
        #expect(try extract(html).text == expected)
    }

    @Test func chromeMarkersMatchTokensAndParts() {
        for chrome in ["sidebar", "sidebar-right", "related-ads", "similar_listings", "other-ads", "site-footer", "nav",
            "main-menu", "header", "ad-recommended", "col sidebar", "more_ads"]
        {
            #expect(ChromeMarkers.isChromeToken(chrome.split(separator: " ").last.map(String.init)!), "\(chrome)")
        }
        for content in ["ad-header", "massage-menu", "post-body", "listing", "ad", "canvas-wrap", "description"] {
            #expect(!ChromeMarkers.isChromeToken(content), "\(content)")
        }
    }

    /// libxml2 2.9.14's tree builder stops at depth 256 and drops the rest; the SAX extractor keeps it all.
    @Test func keepsTextBelowDepth256() throws {
        let depth = 100_000
        let html = String(repeating: "<div>", count: depth) + "deep text" + String(repeating: "</div>", count: depth)
            + "<p>after the nesting</p>"
        let document = try extract(html)
        #expect(document.text == "deep text\nafter the nesting")
    }

    /// libxml2 2.9.14's tree builder cuts a text node at 10,000,000 bytes and drops the rest of the page.
    @Test func keepsTextAfterA12MegabyteTextNode() throws {
        let big = String(repeating: "word ", count: 12_000_000 / 5)
        let document = try extract("<p>" + big + "</p><p>AFTER</p><script>" + big + "</script><p>AFTER-SCRIPT</p>")
        #expect(document.text.hasSuffix("word\nAFTER\nAFTER-SCRIPT"))
        #expect(document.text.utf8.count == 12_000_000 - 1 + "\nAFTER\nAFTER-SCRIPT".utf8.count)
    }

    @Test func emptyAndTagOnlyPagesGiveEmptyText() throws {
        #expect(try extract("").text == "")
        #expect(try extract("<html><body></body></html>").text == "")
    }

    @Test func extractorIsReusableAcrossPages() throws {
        let extractor = HTMLExtractor()
        let first = try extractor.extract(html: "<title>A</title><div class='sidebar'><p>one")
        let second = try extractor.extract(html: "<p>two</p>")
        #expect(first.text == "")
        #expect(first.title == "A")
        #expect(second.text == "two")
        #expect(second.title == "")
    }
}
