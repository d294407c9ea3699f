import Foundation
import Testing

@testable import RedFlagIngest

/// The allocation-free lookups the SAX callbacks use, against their plain definitions.
@Suite("Extraction tables") struct ExtractionTablesTests {
    @Test func elementLookupAgreesWithTheTable() {
        for (key, kind) in ElementTable.kinds { #expect(ElementTable.kind(of: key) == kind) }
        for name in ["i", "em", "small", "abbr", "customelement", "x"] {
            #expect(ElementTable.kind(of: ElementKey(name)) == [], "\(name)")
        }
        // Inline elements that may label the block they open ("<b>Other posts this week</b>").
        for name in ["span", "b", "font", "strong"] {
            #expect(ElementTable.kind(of: ElementKey(name)) == .label, "\(name)")
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
