import Foundation
import Testing

@testable import RedFlagIngest

/// The allocation-free lookups the SAX callbacks use, against their plain definitions.
@Suite("Extraction tables") struct ExtractionTablesTests {
    @Test func elementLookupAgreesWithTheTable() {
        for (key, kind) in ElementTable.kinds { #expect(ElementTable.kind(of: key) == kind) }
        for name in ["span", "b", "i", "font", "strong", "em", "small", "abbr", "customelement", "x"] {
            #expect(ElementTable.kind(of: ElementKey(name)) == [], "\(name)")
        }
    }

    @Test func whitespaceCollapsesByteWise() {
        #expect(collapseWhitespace("  Sweet \u{A0} Latina\n\t- 22 ") == "Sweet Latina - 22")
        #expect(collapseWhitespace("niña\u{A0}bonita") == "niña bonita")
        #expect(collapseWhitespace("café ¡hola!") == "café ¡hola!")
        #expect(collapseWhitespace("") == "")
        #expect(collapseWhitespace(" \n ") == "")
    }
}

/// Cutting script and style bodies before libxml2 parses a page must not change what is extracted.
@Suite("Raw text stripping") struct RawTextStrippingTests {
    private func both(_ html: String) -> (AdDocument?, AdDocument?) {
        let fast = HTMLExtractor()
        let plain = HTMLExtractor()
        plain.stripsRawText = false
        return (try? fast.extract(html: html), try? plain.extract(html: html))
    }

    @Test(arguments: [
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
    ])
    func sameTextWithAndWithoutStripping(html: String) {
        let (fast, plain) = both(html)
        #expect(fast?.text == plain?.text)
        #expect(fast?.title == plain?.title)
    }

    @Test func sameTextOnSamplesAndHeldOutPages() throws {
        let fast = HTMLExtractor()
        let plain = HTMLExtractor()
        plain.stripsRawText = false
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
                compared += 1
            }
        }
        #expect(compared > 500)
    }

    @Test func cutsOnlyScriptAndStyleBodies() throws {
        let page = Array("<p>a</p><script>var x = 1;</script><STYLE>p{}</STYLE><p>b</p>".utf8)
        let out = try #require(page.withUnsafeBytes { RawTextStripper.stripped($0) })
        #expect(String(decoding: out, as: UTF8.self) == "<p>a</p><script></script><STYLE></STYLE><p>b</p>")
        #expect(Array("<p>plain</p>".utf8).withUnsafeBytes { RawTextStripper.stripped($0) } == nil)
    }
}
