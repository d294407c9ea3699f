import Foundation
import Testing
import RedFlagModel

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Collects element names and text while XMLParser walks a document.
private final class SVGCollector: NSObject, XMLParserDelegate {
    var elements: [String] = []
    var attributes: [[String: String]] = []
    var text = ""

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes attributeDict: [String: String] = [:]
    ) {
        elements.append(elementName)
        attributes.append(attributeDict)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }
}

@Suite("SVG charts")
struct SVGChartMathTests {
    /// Parses the document, failing the test if it is not well-formed XML.
    private func parse(_ svg: String) -> SVGCollector? {
        let collector = SVGCollector()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = collector
        let ok = parser.parse()
        #expect(ok, "not well-formed: \(String(describing: parser.parserError))")
        return ok ? collector : nil
    }

    @Test func precisionRecallChartIsWellFormedSVG() throws {
        let scores = [0.1, 0.4, 0.35, 0.8, 0.7, 0.2]
        let labels = [false, false, true, true, true, false]
        let curve = Metrics.precisionRecallCurve(scores: scores, labels: labels)
        let svg = SVGChart.precisionRecall(
            points: curve.map { ($0.recall, $0.precision) }, title: "Trafficking <risk> & recall",
            subtitle: "AP = 0.917")
        let document = try #require(parse(svg))
        #expect(document.elements.first == "svg")
        #expect(document.attributes.first?["xmlns"] == "http://www.w3.org/2000/svg")
        #expect(document.attributes.first?["version"] == "1.1")
        #expect(document.text.contains("Trafficking <risk> & recall"))
        #expect(document.text.contains("AP = 0.917"))
        for tick in ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0", "Recall", "Precision"] {
            #expect(document.text.contains(tick))
        }
        #expect(document.elements.contains("path"))
    }

    @Test func calibrationChartIsWellFormedSVG() throws {
        let probabilities = [0.05, 0.15, 0.15, 0.85, 0.95, 0.55]
        let labels = [false, false, true, true, true, false]
        let bins = Metrics.calibrationBins(probabilities: probabilities, labels: labels)
        let svg = SVGChart.calibration(bins: bins, title: "Reliability \"test\"", subtitle: "ECE = 0.190")
        let document = try #require(parse(svg))
        #expect(document.elements.first == "svg")
        #expect(document.text.contains("Reliability \"test\""))
        #expect(document.text.contains("ECE = 0.190"))
        // One dot per bin plus the legend's swatch; one count bar per bin plus the legend's.
        #expect(document.elements.filter { $0 == "circle" }.count == bins.count + 1)
        #expect(document.elements.filter { $0 == "polyline" }.count == 1)
        // Charts of nothing are still valid documents.
        _ = try #require(parse(SVGChart.calibration(bins: [], title: "Empty", subtitle: "")))
        _ = try #require(parse(SVGChart.precisionRecall(points: [], title: "Empty", subtitle: "")))
    }
}
