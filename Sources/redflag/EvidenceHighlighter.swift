import RedFlagContract
import RedFlagCore

/// Evidence highlighted in an ad's text, the one way `explain`, `queue show` and `review` show it: a colour per
/// family on a terminal, `[family, family: text]` markers in a pipe.
///
/// Everything is cut from the text after ``TerminalText/clean(_:keepNewlines:)``: an ad can hold escape sequences
/// meant for the reviewer's terminal, and they never reach it. Spans are in Unicode scalars of the text, as the
/// scan output's `start`/`end` are; overlapping spans are merged into one naming every family (``HighlightSpan``).
struct EvidenceHighlighter {
    var colour: Bool

    static let palette = [31, 32, 33, 34, 35, 36, 91, 92, 93, 94, 95, 96]

    /// The ANSI colour of a family: the canonical families in their order; any other name (a family a newer lexicon
    /// added) by the sum of its scalars, so it is stable too.
    static func code(for family: String) -> Int {
        if let known = Family(rawValue: family), let index = Family.allCases.firstIndex(of: known) {
            return palette[index % palette.count]
        }
        let sum = family.unicodeScalars.reduce(0) { $0 &+ Int($1.value) }
        return palette[sum % palette.count]
    }

    /// `text` in the family's colour, when colour is on.
    func paint(_ text: String, _ family: String) -> String {
        colour ? "\u{1B}[1;\(Self.code(for: family))m" + text + "\u{1B}[0m" : text
    }

    /// The first `limit` scalars of `text` as plain and highlighted stretches, each cleaned of control characters
    /// (line breaks kept). Spans outside the text are ignored.
    static func runs(of text: String, spans: [HighlightSpan], limit: Int = .max) -> [StyledRun] {
        let scalars = Array(text.unicodeScalars)
        let end = min(scalars.count, limit)
        let merged = HighlightSpan.merge(
            spans.filter { $0.range.lowerBound >= 0 && $0.range.upperBound <= scalars.count })
        func plain(_ range: Range<Int>) -> String {
            TerminalText.clean(String(String.UnicodeScalarView(scalars[range])), keepNewlines: true)
        }
        var runs: [StyledRun] = []
        var position = 0
        for span in merged where span.range.lowerBound < end {
            runs.append(StyledRun(text: plain(position..<span.range.lowerBound), labels: []))
            runs.append(StyledRun(text: plain(span.range.lowerBound..<min(span.range.upperBound, end)), labels: span.labels))
            position = min(span.range.upperBound, end)
        }
        runs.append(StyledRun(text: plain(position..<end), labels: []))
        return runs.filter { !$0.text.isEmpty }
    }

    /// The runs as one string: highlighted stretches painted, or marked `[family, family: text]` without colour.
    func marked(_ runs: [StyledRun]) -> String {
        var out = ""
        for run in runs {
            guard let family = run.family else {
                out += run.text
                continue
            }
            out += colour ? paint(run.text, family) : "[\(run.labels.joined(separator: ", ")): \(run.text)]"
        }
        return out
    }
}
