import Foundation
import Testing

@testable import RedFlagIngest

/// Cutting what extraction drops (script and style bodies, the inside of skipped elements) before libxml2 parses a
/// page must not change anything extracted: each test parses the same HTML with and without the cut.
@Suite("Markup pruning") struct MarkupPruningTests {
    private let fast = HTMLExtractor()
    private let plain: HTMLExtractor = {
        let extractor = HTMLExtractor()
        extractor.prunesMarkup = false
        return extractor
    }()

    private func expectSame(_ html: String, _ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation)
    {
        let a = try? fast.extract(html: html)
        let b = try? plain.extract(html: html)
        #expect(a?.text == b?.text, comment, sourceLocation: sourceLocation)
        #expect(a?.title == b?.title, comment, sourceLocation: sourceLocation)
        #expect(a?.links == b?.links, comment, sourceLocation: sourceLocation)
        #expect(a?.meta == b?.meta, comment, sourceLocation: sourceLocation)
        #expect(a?.imageCount == b?.imageCount, comment, sourceLocation: sourceLocation)
    }

    private func pruned(_ html: String) -> String? {
        MarkupPruner(skipAttributes: SkipAttributes()).pruned(html: html)
    }

    @Test(arguments: [
        // Raw text.
        "<p>a<script>var s = '<p>hidden</p>';</script>b</p>",
        "<p>a<SCRIPT type=\"x\">if (a < b) {}</SCRIPT>b<style>p{}</style>c</p>",
        "<p>a<script>document.write('</scr' + 'ipt>')</script>b</p>",
        "<!-- <script> --><p>visible</p><!-- </script> -->",
        "<div title=\"<script>\">text</div><script>x</script><p>after</p>",
        "<div title='a>b' data-x=\"<style>\">kept</div>",
        "<p>no end <script>never closed",
        "<p>unclosed tag <script",
        "<p>a</p><script/>b<p>c</p></script><p>d</p>",
        "<scripts>not raw</scripts><p>x</p>",
        "<p>5 < 6 and <b>bold</b></p><style>b{}</style>",
        "<!DOCTYPE html><html><head><title>T</title><style>x</style></head><body><p>ñ 🍒</p></body></html>",
        // Constructs libxml2 2.9 reads in its own way.
        "<div>a<?x a<script>b?>c</script>d</div>",
        "<div>a<![CDATA[<script>b]]>c</script>d</div>",
        "<div>a<!-- x --!><script>b</script>-->c</div>",
        "<div>a<!-->b<nav>c</nav>-->d</div>",
        "<!DOCTYPE html PUBLIC \"a>b\" \"c\"><nav>menu</nav><p>x</p>",
        "<div>a</div x=\">\"><nav>b</nav>c</div>",
        "<!DOCTYPE html PUBLIC 'a\"b' \"c>d\"><nav>n</nav>x",
        "<p>a<script a=b/>x<style>y</script>shown</style>",
        "<div @a=\"x> <script>s\" <b><style>t</script>shown</style>",
        "<p>a<style>x</styles>y<nav>n</nav>z</style>w",
        "<p>a<script>x</script a=\"<nav>\">b</nav>c",
        "<?xml version=\"1.0\"?><nav>n</nav><? x><nav>m</nav>y",
        // Skipped elements whose inside can be cut.
        "<nav><ul><li><a href=\"/a\">A</a></li><li><a href=\"/b\">B</a></li></ul></nav><p>ad <a href=\"/c\">c</a></p>",
        "<div class=\"related-ads\"><h3>More</h3><p>young new in town</p></div><p>the ad</p>",
        "<div hidden><p>secret</p></div><p>shown</p>",
        "<div style=\"DISPLAY: none\"><img src=x></div><img src=y><p>t</p>",
        "<span aria-hidden=\"TRUE\">x</span>y",
        "<aside><script>if (a</b) {}</script><p>side</p></aside>main",
        "<footer><!-- c --><p>f</p></footer>after",
        "<header><div><div><span>deep</span></div></div></header>text",
        // Skipped elements whose inside must stay: the cut would change libxml2's stack or what is read.
        "<div><nav><p>x</p></div>after the stray end</nav>tail",
        "<p>a<nav><p>x<div>y</div></p></nav>z",
        "<nav><ul><li>one<li>two</ul></nav>next",
        "<nav><title>in nav</title></nav><p>x</p>",
        "<svg><title>icon</title></svg><p>x</p>",
        "<nav><meta name=\"description\" content=\"from nav\"></nav><p>x</p>",
        "<nav><html><body>x</body></html></nav>y",
        "<nav>a\u{0}b</nav>c",
        "<nav><script>a</scripts>b</script>c</nav>d",
        "<nav><div/><p/>x</nav>y",
        "<nav><a href=x/>link</a></nav>y",
        "<table><tr><td><nav>a<td>b</nav>c</td></tr></table>",
        "<select><option>a<nav>b<option>c</nav></select>d",
        // Attributes the cut must judge exactly as the extractor does.
        "<div class=\"ad\" class=\"sidebar\"><p>first class wins</p></div>",
        "<div class=\"side&#98;ar\"><p>entity</p></div>x",
        "<div class><p>no value</p></div>",
        "<div id=sidebar><p>unquoted</p></div>x",
        "<div class=sidebar/>still open</div>x",
        "<div\tclass=\"footer\"\n><p>x</p></div>y",
        "<div class=\"footer\"\u{0C}><p>x</p></div>y",
        "<DIV CLASS=\"SIDEBAR\"><P>upper</P></DIV>x",
        "<source class=\"sidebar\">seen: the extractor takes source for void</source>x",
        // Titles: cuts go on only after a plain one.
        "<title>T</title><nav>n</nav><p>x</p>",
        "<title>T <b>bold</b></title><nav>n</nav><p>x</p>",
        "<title>never closed<nav>n</nav><p>x</p>",
        "<title/><nav>n</nav><p>x</p>",
        // Link lists and list headings around skipped elements: what the cut removes never counted for them.
        "<ul><li><a href=/a>Sultry Lola in town</a><nav><a href=/n>menu entry one</a></nav></li>"
            + "<li><a href=/b>Naughty Nina visiting</a></li></ul><p>ad</p>",
        "<div><h3>Recent ads</h3><nav><p>n</p></nav><ul><li>one</li></ul></div><p>ad</p>",
        "<div><h3>Recent <span class=sidebar>x</span>ads</h3><p>one</p></div><p>ad</p>",
        "<div><a href=/a>Sultry Lola in town</a><a href=/b>Naughty Nina here</a><div class=sidebar>"
            + "<a href=/c>Busty Zoe tonight only</a></div></div><p>ad</p>",
    ])
    func sameDocumentWithAndWithoutPruning(html: String) {
        expectSame(html)
    }

    @Test func cutsTheInsideOfChromeOnly() throws {
        let page = "<nav><ul><li><a href=\"/a\">A</a></li></ul></nav><p>ad</p><aside>x</aside><p class=\"b\">y</p>"
        #expect(pruned(page) == "<nav></nav><p>ad</p><aside></aside><p class=\"b\">y</p>")
        #expect(pruned("<p>plain</p><div class=\"post\">text</div>") == nil)
        #expect(pruned("<p>a</p><script>var x = 1;</script><STYLE>p{}</STYLE><p>b</p>")
            == "<p>a</p><script></script><STYLE></STYLE><p>b</p>")
        // A stray end tag inside: libxml2 would close the `<nav>` early, so nothing is cut.
        #expect(pruned("<div><nav><p>x</p></div>y</nav>") == nil)
        // After a title that is more than text, no element is cut; script bodies still are.
        #expect(pruned("<title>a<b>b</b></title><nav>n</nav><script>s</script>")
            == "<title>a<b>b</b></title><nav>n</nav><script></script>")
    }

    @Test func treeRulesComeFromLibxml2() throws {
        let rules = TreeRules()
        let li = try #require(rules.id(ElementKey("li").packed))
        let a = try #require(rules.id(ElementKey("a").packed))
        let div = try #require(rules.id(ElementKey("div").packed))
        let p = try #require(rules.id(ElementKey("p").packed))
        let br = try #require(rules.id(ElementKey("br").packed))
        let nav = try #require(rules.id(ElementKey("nav").packed))
        #expect(rules.startCloses(open: li, new: li))
        #expect(!rules.startCloses(open: li, new: a))
        #expect(rules.startCloses(open: p, new: div))
        #expect(!rules.startCloses(open: div, new: div))
        #expect(!rules.startCloses(open: nav, new: p))
        #expect(rules.isEmpty(br) && !rules.isEmpty(div) && !rules.isEmpty(nav))
        #expect(rules.id(ElementKey("li").packed) == li)
        for name in ["script", "style", "title", "meta", "html", "head", "body"] {
            let packed = ElementKey(name).packed
            #expect([Markup.script, Markup.style, Markup.title, Markup.meta, Markup.html, Markup.head, Markup.body]
                .contains(packed), "\(name)")
        }
        #expect(ElementKey.meta == ElementKey("meta"))
    }

    /// Thousands of skipped elements that never close would each be checked to the end of the page; the budget
    /// keeps the checking linear in the page's size.
    @Test func checkingStaysLinearOnHostilePages() {
        let pruner = MarkupPruner(skipAttributes: SkipAttributes())
        let page = String(repeating: "<nav><p>menu entry</p>", count: 20_000) + "<p>the ad</p>"
        var out: [UInt8] = []
        _ = Array(page.utf8).withUnsafeBytes { pruner.prune($0, into: &out) }
        #expect(pruner.elementsCut == 0)
        #expect(pruner.bytesChecked <= 5 * page.utf8.count + 4096)
        expectSame(String(repeating: "<nav><p>menu entry</p>", count: 300) + "<p>the ad</p>")
    }

    @Test func treeRulesStartOverWhenFull() throws {
        let rules = TreeRules()
        for k in 0..<255 { #expect(rules.id(ElementKey("x").packed | UInt64(k + 1) << 8 | 0x61 << 16) != nil) }
        #expect(rules.id(ElementKey("li").packed) == nil)
        rules.clearIfFull()
        let li = try #require(rules.id(ElementKey("li").packed))
        let div = try #require(rules.id(ElementKey("div").packed))
        #expect(rules.startCloses(open: li, new: li) && !rules.startCloses(open: div, new: div))
    }

    /// Random tag soup, heavy on the cases above, compared with and without pruning; most pages must have had
    /// something cut, or the comparison would prove nothing.
    @Test func sameDocumentOnRandomTagSoup() {
        var random = SplitMix(seed: UInt64(ProcessInfo.processInfo.environment["SOUP_SEED"] ?? "2026")!)
        var cut = 0
        let pages = Int(ProcessInfo.processInfo.environment["SOUP_PAGES"] ?? "3000")!
        let pruner = MarkupPruner(skipAttributes: SkipAttributes())
        for index in 0..<pages {
            let html = TagSoup.page(&random)
            expectSame(html, "page \(index): \(html)")
            let before = pruner.elementsCut
            _ = pruner.pruned(html: html)
            if pruner.elementsCut > before { cut += 1 }
        }
        #expect(cut > pages / 3, "only \(cut) of \(pages) pages had an element cut")
    }

    @Test func sameDocumentOnSamplesAndHeldOutPages() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        var compared = 0
        for path in ["Samples", "Models/training/holdout.jsonl.gz"] {
            for item in AdReader(paths: [root.appendingPathComponent(path).path]).prefix(1000) {
                guard case .record(let record) = item else { continue }
                let a = try? fast.extract(record.content)
                let b = try? plain.extract(record.content)
                #expect(a?.text == b?.text, "\(record.id)")
                #expect(a?.title == b?.title && a?.links == b?.links && a?.meta == b?.meta, "\(record.id)")
                #expect(a?.imageCount == b?.imageCount, "\(record.id)")
                compared += 1
            }
        }
        #expect(compared > 500)
    }
}

extension MarkupPruner {
    func pruned(html: String) -> String? {
        var out: [UInt8] = []
        guard Array(html.utf8).withUnsafeBytes({ prune($0, into: &out) }) else { return nil }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Generates small pages of nested, often malformed markup from the pieces that matter to the pruner.
enum TagSoup {
    static let elements = [
        "div", "span", "p", "li", "ul", "a", "b", "table", "tr", "td", "nav", "header", "footer", "aside",
        "section", "select", "option", "svg", "path", "title", "textarea", "noscript", "iframe", "dl", "dt", "dd",
        "h3", "form", "button", "label", "em", "my-widget", "blockquote",
    ]
    static let rare = ["html", "head", "body", "meta", "br", "img", "input", "hr", "source", "script", "style"]
    static let attributes = [
        "class=\"sidebar\"", "class=\"ad-body\"", "class='related-ads x'", "class=footer", "class", "id=\"nav\"",
        "id=post", "hidden", "style=\"display:none\"", "style='color: red'", "aria-hidden=\"true\"",
        "aria-hidden=false", "href=\"/x\"", "href=/y/", "data-x=\"<nav>\"", "title='a>b'", "class=\"side&#98;ar\"",
        "CLASS=\"MENU\"", "name=\"description\" content=\"d\"", "x\"y", "=bad", "a=b/",
    ]
    static let texts = [
        "young", "new in town", "a < b", "<3", "&amp;", "&nbsp;", "x\u{0}y", " ", "\n", "ñ", "🍒", "-->",
        "<!-- c -->", "<!-- c --!>", "<!-->", "<?pi x>", "<!foo>", "</ stray>", "</p>", "</div>", "</nav>",
        "<![CDATA[x]]>", "\u{0C}", "Recent ads", "Similar listings", "Sultry Lola in town - 25",
        "Naughty Nina visiting this week",
    ]

    /// Attributes that keep a start tag in the pruner's strict form (the others end all cutting on the page).
    static let strictAttributes = attributes.filter { $0 != "x\"y" && $0 != "=bad" }

    static func page(_ random: inout SplitMix) -> String {
        var out = ""
        // Half the pages keep to well-formed start tags, so cutting goes on through the whole page.
        let attributes = random.next() % 2 == 0 ? Self.attributes : Self.strictAttributes
        if random.next() % 4 == 0 { out += "<title>T\(random.next() % 10)</title>" }
        var open: [String] = []
        let steps = 10 + Int(random.next() % 50)
        for _ in 0..<steps {
            switch random.next() % 10 {
            case 0, 1, 2:
                let name = random.next() % 12 == 0 ? pick(rare, &random) : pick(elements, &random)
                out += "<" + (random.next() % 8 == 0 ? name.uppercased() : name)
                for _ in 0..<Int(random.next() % 3) { out += (random.next() % 6 == 0 ? "\t" : " ") + pick(attributes, &random) }
                let selfClosing = random.next() % 10 == 0
                out += selfClosing ? "/>" : ">"
                if name == "script" || name == "style" {
                    out += "x</" + (random.next() % 4 == 0 ? name + "s" : name) + ">"
                } else if !selfClosing {
                    open.append(name)
                }
            case 3, 4:
                if let name = open.popLast() { out += "</\(name)>" }
            case 5:
                out += "</" + pick(elements, &random) + ">"
            default:
                out += pick(texts, &random) + " w\(random.next() % 100) "
            }
        }
        if random.next() % 2 == 0 { while let name = open.popLast() { out += "</\(name)>" } }
        return out
    }

    private static func pick(_ list: [String], _ random: inout SplitMix) -> String {
        list[Int(random.next() % UInt64(list.count))]
    }
}
