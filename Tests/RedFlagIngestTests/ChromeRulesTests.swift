import Foundation
import Testing

@testable import RedFlagIngest

/// The chrome rules that do not rely on a site's markup: link density, headings that announce other ads, and the
/// class/id markers of layouts RedFlag never saw. Pages are small fictional ones (555-01xx phones, example.com).
@Suite("Chrome rules") struct ChromeRulesTests {
    /// An ad body with a link or two of its own, its posting metadata and a title that is itself a link.
    static let ad = """
        <div class="post"><h1><a href="https://example.com/ad/1">Mia - sweet and discreet - 24</a></h1>
        <div class="body"><p>Hi, I'm Mia, visiting for the week. Incall near the airport, outcall to hotels.</p>
        <p>Call or text 702-555-0142. See <a href="https://example.com/mia">my site</a> or
        <a href="mailto:mia@example.com">email me</a>.</p></div>
        <div class="postingMeta">Posted: 2026-03-01<br>Poster's age: 24<br>Location: Henderson, Las Vegas</div></div>
        """

    static let adText = """
        Mia - sweet and discreet - 24
        Hi, I'm Mia, visiting for the week. Incall near the airport, outcall to hotels.
        Call or text 702-555-0142. See my site or email me.
        Posted: 2026-03-01
        Poster's age: 24
        Location: Henderson, Las Vegas
        """

    static let otherAds = [
        "Sultry Lola barely legal - 19", "Naughty Nina new in town - 22", "Busty Zoe 24/7 outcall - 23",
        "Jade Spa new girls every week - 30",
    ]

    func text(_ html: String) throws -> String { try HTMLExtractor().extract(html: html).text }

    func expectOnlyTheAd(_ html: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let document = try HTMLExtractor().extract(html: html)
        #expect(document.text == Self.adText, sourceLocation: sourceLocation)
        for other in Self.otherAds {
            #expect(!document.text.contains(other), "leaked: \(other)", sourceLocation: sourceLocation)
        }
        #expect(document.links == ["https://example.com/ad/1", "https://example.com/mia", "mailto:mia@example.com"],
            sourceLocation: sourceLocation)
    }

    static func list(_ titles: [String] = otherAds, links: Bool = true) -> String {
        titles.enumerated().map { index, title in
            links ? "<li><a href=\"https://example.com/ad/\(index + 10)\">\(title)</a> <small>5 min ago</small></li>"
                : "<li>\(title)</li>"
        }.joined()
    }

    @Test func anAdBodyWithItsOwnLinksIsKept() throws {
        try expectOnlyTheAd("<html><body>\(Self.ad)</body></html>")
    }

    @Test func aLinkDenseListIsDroppedWhateverItsMarkup() throws {
        try expectOnlyTheAd("<body>\(Self.ad)<div class=\"box7\"><ul>\(Self.list())</ul></div></body>")
        try expectOnlyTheAd("<body><table><tr><td>\(Self.ad)</td><td bgcolor=\"#eee\"><table>"
            + Self.otherAds.map { "<tr><td><a href=\"https://example.com/x\">\($0)</a></td></tr>" }.joined()
            + "</table></td></tr></table></body>")
        // Cards: one link each, so only the block holding them is link-dense.
        try expectOnlyTheAd(Self.ad + "<section>" + Self.otherAds.map {
            "<article><a href=\"https://example.com/c\"><span>\($0)</span></a><b>$120</b></article>"
        }.joined() + "</section>")
    }

    @Test func shortLinksAndFewLinksStay() throws {
        // The ad's own tags (short anchors) and a line with two links are not lists of other ads.
        let tags = "<ul><li><a href=\"/t/gfe\">GFE</a></li><li><a href=\"/t/in\">Incall</a></li>"
            + "<li><a href=\"/t/out\">Outcall</a></li></ul>"
        #expect(try text("<div>\(tags)</div>") == "GFE\nIncall\nOutcall")
        #expect(try text("<p><a href=\"/a\">Sultry Lola in town</a> and <a href=\"/b\">Naughty Nina visiting</a></p>")
            == "Sultry Lola in town and Naughty Nina visiting")
    }

    @Test func linksInsideADroppedListLeaveTheLinksOfTheDocument() throws {
        let document = try HTMLExtractor().extract(html: "<p><a href=\"/own\">own site</a></p><ul>\(Self.list())</ul>")
        #expect(document.links == ["/own"])
        #expect(document.text == "own site")
    }

    @Test func aHeadingThatAnnouncesOtherAdsDropsItsBlock() throws {
        // No links and no telling class: only the heading says what the list is.
        for heading in ["Recent escorts ads", "Related listings", "More ads from this city", "You may also like",
            "Members near you", "Anuncios relacionados", "Featured in Las Vegas"]
        {
            try expectOnlyTheAd(
                "<body>\(Self.ad)<div class=\"box\"><h3>\(heading)</h3><ul>\(Self.list(links: false))</ul></div></body>")
        }
        // A bold label that opens its cell heads it just as well.
        try expectOnlyTheAd("<table><tr><td>\(Self.ad)</td><td><b>Other posts this week</b><br>"
            + Self.otherAds.joined(separator: "<br>") + "</td></tr></table>")
    }

    @Test func theAnnouncedListEndsAtTheNextHeadingOrAtRunningText() throws {
        // The list and the ad share one block: the list goes, the ad that follows stays.
        try expectOnlyTheAd("<body><h2>You may also like</h2><ul>\(Self.list(links: false))</ul>\(Self.ad)</body>")
        let page = "<main><h3>Similar ads</h3><p>Sultry Lola barely legal - 19</p><h2>About me</h2>"
            + "<p>Visiting for the week, call 702-555-0142.</p></main>"
        #expect(try text(page) == "About me\nVisiting for the week, call 702-555-0142.")
    }

    @Test func theAdsOwnHeadingsAndMetadataStay() throws {
        let page = """
            <div class="profile"><h1>New girls every week</h1><h2>Highly recommended</h2><h3>About me</h3>
            <p>Hot escorts available, more photos on request. 702-555-0177</p>
            <ul class="facts"><li>Posted: 2026-03-02</li><li>Age: 22</li><li>City: Reno</li></ul></div>
            """
        #expect(
            try text(page) == """
                New girls every week
                Highly recommended
                About me
                Hot escorts available, more photos on request. 702-555-0177
                Posted: 2026-03-02
                Age: 22
                City: Reno
                """)
    }

    @Test func postingMetadataWithLinksToItsCityAndCategoryStays() throws {
        let page = """
            <div class="info"><span>Posted: <a href="/2026/03/02">March 2, 2026</a></span><br>
            <span>Poster's age: 22</span><br><span>Location: <a href="/reno">Reno</a>, <a href="/nv">Nevada</a></span>
            <br><span>Category: <a href="/reno/escorts">Escorts</a></span></div><p>the ad</p>
            """
        #expect(
            try text(page) == "Posted: March 2, 2026\nPoster's age: 22\nLocation: Reno, Nevada\nCategory: Escorts\nthe ad")
    }

    @Test func aDroppedCellLeavesASpace() throws {
        let cells = "<table><tr><td>Reno</td><td><a href=/a>Sultry Lola barely legal</a> <a href=/b>Naughty Nina "
            + "new in town</a> <a href=/c>Busty Zoe 24/7 outcall</a></td><td>Age 22</td></tr></table>"
        let extracted = try text(cells)
        #expect(extracted == "Reno Age 22")
    }

    @Test func aCaptionLeftAloneByItsListGoesWithIt() throws {
        try expectOnlyTheAd("\(Self.ad)<div><span>Elsewhere in town</span><ul>\(Self.list())</ul></div>")
    }

    @Test func unseenLayoutMarkers() throws {
        for (marker, inner) in [
            ("id=\"rightCol\"", "Sponsored: <a href=\"/go\">Local deals</a>"), ("class=\"leftColumn\"", "Categories"),
            ("class=\"adslot\"", "Advertisement"), ("class=\"ad-slot\"", "Advertisement"),
            ("class=\"sponsor\"", "Sponsored"), ("class=\"topnav\"", "post ad | help"),
            ("class=\"recent\"", "Sultry Lola barely legal - 19"), ("class=\"latest-posts\"", "Naughty Nina"),
            ("class=\"more-from-user\"", "Busty Zoe"), ("class=\"report\"", "Report this ad"),
            ("class=\"actions\"", "email to friend | report ad"), ("class=\"sideBar\"", "x"),
        ] {
            #expect(try text("<div \(marker)>\(inner)</div><p>the ad</p>") == "the ad", "\(marker)")
        }
        for token in ["rightCol", "leftColumn", "adslot", "ad-slot", "sponsor", "topnav", "recent", "latest", "more-from",
            "report", "actions", "relatedAds", "NavBar", "sidebar2", "col-right", "ageGate", "age-verification"]
        {
            #expect(ChromeMarkers.isChromeToken(token), "\(token)")
        }
        // What holds the ad and its posting metadata.
        for token in ["postingBody", "postingMeta", "postingTitle", "ad-meta", "adBody", "ad-header", "facts",
            "details", "poster-info", "listing-title", "location", "age", "mainCol", "description", "ad-card",
            "profile", "basics", "seller", "banner", "flag", "tabs", "massage-menu"]
        {
            #expect(!ChromeMarkers.isChromeToken(token), "\(token)")
        }
    }

    @Test func aBadgeOnTheAdIsNotAListHeading() throws {
        let page = """
            <div class="post"><span class="badge">Featured</span><p>Recommended by many regulars</p>
            <p>Visiting Reno this week.</p><p>Call 775-555-0133</p></div>
            """
        #expect(try text(page) == "Featured\nRecommended by many regulars\nVisiting Reno this week.\nCall 775-555-0133")
        // A label that does announce a list still ends where running text of several lines begins.
        let afterLabel = "<div><b>Similar listings</b><ul><li>Sultry Lola barely legal - 19</li></ul>"
            + "<div><p>Visiting Reno this week.</p><p>Call 775-555-0133</p></div></div>"
        #expect(try text(afterLabel) == "Visiting Reno this week.\nCall 775-555-0133")
    }

    @Test func listHeadings() {
        for heading in ["Recent escorts ads", "Related", "Similar listings", "More ads from this city",
            "You may also like", "People also viewed", "Members near you", "Anuncios relacionados",
            "Otros anuncios", "Featured in Reno", "Other posts this week", "The latest listings", "NEARBY"]
        {
            #expect(ListHeadings.announcesOtherAds(heading), "\(heading)")
        }
        for heading in ["New girls every week", "Highly recommended", "About me", "Rates", "Incall / outcall",
            "Hot escorts available", "More photos", "Other services", "Recent reviews", "Stats", "Contact me",
            "Related to nothing in this very long heading that goes on and on for words"]
        {
            #expect(!ListHeadings.announcesOtherAds(heading), "\(heading)")
        }
        // Labels: a starting word needs a short label of two or three words.
        for label in ["Featured in Reno", "Similar listings", "Other posts this week", "Sponsored links"] {
            #expect(ListHeadings.announcesOtherAds(label, label: true), "\(label)")
        }
        for label in ["Featured", "Sponsored", "Recommended by many regulars", "Nearby the airport, incall"] {
            #expect(!ListHeadings.announcesOtherAds(label, label: true), "\(label)")
        }
    }
}
