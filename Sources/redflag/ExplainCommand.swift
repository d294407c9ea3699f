import ArgumentParser
import Foundation
import RedFlagFeatures
import RedFlagIngest
import RedFlagModel
import RedFlagPipeline
import RedFlagContract
import RedFlagCore

#if canImport(Glibc)
import Glibc
#endif

struct ExplainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show an ad's text with the evidence highlighted by family, and the entities found.",
        discussion: """
            Colour on a terminal (unless NO_COLOR is set or TERM=dumb); plain [family: text] markers in a pipe. \
            FILE may be a page or a dump; --id picks one ad of a dump. Overlapping evidence is merged into one \
            highlight naming every family. Exits 66 when no ad could be read and 65 when some records failed.
            """
    )

    @Argument(help: "An ad page, dump or archive (- for JSONL on standard input).")
    var path: String

    @Option(help: "Only the ad with this id.")
    var id: String?

    @Option(help: "Indicator lexicon (default: $REDFLAG_LEXICON, else Models/lexicon.yaml).")
    var lexicon: String?

    @Option(name: .customLong("text-field"), help: "JSONL/CSV field holding plain text.")
    var textField = "text"

    @Flag(help: "Never use colour.")
    var noColor = false

    @Option(help: "Suspicion model (default: default, when present).")
    var model: String?

    @Option(name: .customLong("category-model"), help: "Ad-category model (default: category, when present).")
    var categoryModel: String?

    func run() async throws {
        let extractor = try loadFeatureExtractor(lexicon)
        let options = IngestOptions(textField: textField)
        let scorer = try loadScorer(model: model, categoryModel: categoryModel, threshold: nil, lexicon: extractor.lexicon)
        let processor = AdProcessor(options: options, features: extractor, scorer: scorer)
        let colour = colourWanted(noColor: noColor)
        let output = StandardOutput()
        var shown = 0
        var failed = 0
        for item in AdReader(paths: [path], options: options) {
            let result = processor.process(item)
            if let id, result.id != id { continue }
            shown += 1
            if let error = result.error {
                failed += 1
                standardError("redflag: \(TerminalText.clean(error.commandLineMessage))\n")
            }
            output.write(Array(EvidenceRenderer(colour: colour).render(result).utf8))
        }
        output.flush()
        if shown == failed {
            throw CLIError(
                id.map { "no ad with id \"\($0)\" could be read from \(path)" } ?? "no ad could be read from \(path)",
                status: ExitStatus.noInput)
        }
        if failed > 0 { throw CLIError("\(failed) of \(shown) ads in \(path) could not be read", status: ExitStatus.dataError) }
    }
}

/// Renders one ad's text with its indicators marked, then the evidence by family and the entities.
///
/// Everything that came from the ad (its id, url, title, text, matches, entities, and error messages quoting it) is
/// cleaned of control characters (``TerminalText``): an ad must not drive the reader's terminal.
struct EvidenceRenderer {
    var colour: Bool

    func render(_ result: ScanResult) -> String {
        var out = "=== \(clean(result.id))\n"
        if let url = result.url { out += "url: \(clean(url))\n" }
        if let error = result.error { return out + "error: \(error.code): \(clean(error.commandLineMessage))\n\n" }
        guard let document = result.document, let features = result.features else { return out + "\n" }
        if !document.title.isEmpty { out += "title: \(clean(document.title))\n" }
        out += "\n" + highlighted(document.text, features: features) + "\n\n"
        if let a = result.assessment {
            if a.score.isFinite {
                out += "score: \(threeDecimals(a.score))" + (a.flagged ? " (flagged)" : "") + "\n"
            }
            if let category = a.category {
                out += "category: \(category)" + (a.categoryProbability.map { " (\(threeDecimals($0)))" } ?? "") + "\n"
            }
            for rule in a.contributions where rule.reason != nil {
                out += "flagged by rule: \(rule.reason!)\n"
            }
            if a.contributions.contains(where: { $0.reason == nil }) {
                out += "contributions to the logit, by family:\n"
                var groups: [(String, Double, [Contribution])] = []
                for c in a.contributions where c.reason == nil {
                    if let k = groups.firstIndex(where: { $0.0 == c.family }) {
                        groups[k].1 += c.weight
                        groups[k].2.append(c)
                    } else {
                        groups.append((c.family, c.weight, [c]))
                    }
                }
                for (group, total, items) in groups.sorted(by: { abs($0.1) > abs($1.1) }) {
                    let detail = items.prefix(4).map { "\($0.feature) \(signed($0.weight))" }.joined(separator: ", ")
                    out += "  \(signed(total)) \(group): \(detail)\n"
                }
            }
        }
        let families = features.families
        let highlighter = EvidenceHighlighter(colour: colour)
        out += "families: " + (families.isEmpty ? "none" : families.map(\.rawValue).joined(separator: ", ")) + "\n"
        for family in families {
            let hits = features.indicators.filter { $0.family == family }
            var line = "  " + highlighter.paint(family.rawValue, family.rawValue) + ":"
            if hits.isEmpty {
                line += family == .obfuscatedPhone ? " a disguised phone number" : " a stated age under 18"
            }
            for hit in hits { line += " \(hit.entry) \"\(clean(hit.match))\";" }
            out += line + "\n"
        }
        let e = features.entities
        out += "entities:\n"
        out += "  phones: "
            + (features.phones.isEmpty
                ? "none" : features.phones.map { $0.digits + ($0.obfuscated ? " (obfuscated)" : "") }.joined(separator: ", "))
            + "\n"
        out += "  emails: " + (e.emails.isEmpty ? "none" : e.emails.map(clean).joined(separator: ", ")) + "\n"
        out += "  ages: " + (e.ages.isEmpty ? "none" : e.ages.map(String.init).joined(separator: ", ")) + "\n"
        out += "  prices: " + (e.prices.isEmpty ? "none" : e.prices.map { "$\($0)" }.joined(separator: ", ")) + "\n\n"
        return out
    }

    /// The text with each piece of evidence wrapped: indicator hits, disguised phone numbers and stated ages under
    /// 18, in Unicode scalars of the text (``EvidenceHighlighter``).
    func highlighted(_ text: String, features: AdFeatures) -> String {
        var spans = features.indicators.map { HighlightSpan(range: $0.start..<$0.end, labels: [$0.family.rawValue]) }
        let underage = Set(features.entities.ages.filter { $0 < 18 })
        if features.phones.contains(where: \.obfuscated) || !underage.isEmpty {
            // Phones are found, and ages looked for, in UTF-8 bytes; spans are in scalars.
            let utf8 = Array(text.utf8)
            var scalarAt = [Int](repeating: 0, count: utf8.count + 1)
            var scalars = 0
            for (k, byte) in utf8.enumerated() {
                scalarAt[k] = scalars
                if !UTF8.isContinuation(byte) { scalars += 1 }
            }
            scalarAt[utf8.count] = scalars
            func inScalars(_ range: Range<Int>) -> Range<Int> { scalarAt[range.lowerBound]..<scalarAt[range.upperBound] }
            for phone in features.phones where phone.obfuscated && phone.range.upperBound <= utf8.count {
                spans.append(HighlightSpan(range: inScalars(phone.range), labels: [Family.obfuscatedPhone.rawValue]))
            }
            for age in underage {
                for range in numberRanges(of: age, in: utf8) {
                    spans.append(HighlightSpan(range: inScalars(range), labels: [Family.underageAge.rawValue]))
                }
            }
        }
        return EvidenceHighlighter(colour: colour).marked(EvidenceHighlighter.runs(of: text, spans: spans))
    }

    /// Where `number` is written in digits as a whole number (not part of a longer one): the entity extractor
    /// reports a stated age's value, not its place, and an age under 18 must be visible in the text.
    private func numberRanges(of number: Int, in utf8: [UInt8]) -> [Range<Int>] {
        let digits = Array(String(number).utf8)
        let isDigit = { (byte: UInt8) in byte >= 0x30 && byte <= 0x39 }
        var ranges: [Range<Int>] = []
        var start = 0
        while start + digits.count <= utf8.count {
            let end = start + digits.count
            if utf8[start..<end].elementsEqual(digits) && (start == 0 || !isDigit(utf8[start - 1]))
                && (end == utf8.count || !isDigit(utf8[end]))
            {
                ranges.append(start..<end)
            }
            start += 1
        }
        return ranges
    }

    func signed(_ x: Double) -> String { (x >= 0 ? "+" : "") + threeDecimals(x) }
}
