import Foundation
import RedFlagContract
import RedFlagQueue

#if canImport(Glibc)
    import Glibc
#endif

/// The review loop's full-screen view on a terminal, fitted to its size (80 × 24 and up): a header line, the evidence
/// summary, the ad text in a pager that scrolls, and the keys on the last line.
///
/// Printing the whole item and a prompt under it scrolled the header, score and the start of the ad off the top of
/// a standard terminal. Here nothing scrolls but the pager, and every line is cut to the width (counting emoji and
/// wide characters as two columns), so the terminal never wraps or scrolls the frame. Drawn on the alternate screen,
/// so the reviewer's scrollback is left as it was.
final class ReviewScreen {
    private let renderer: QueueRenderer
    private var item: QueueItem?
    private var summary: [String] = []
    private var textLines: [[StyledRun]] = []
    private var wrappedWidth = 0
    private var linked: [LinkedItem] = []
    private var sameTemplate: [QueueItem] = []
    /// First pager line shown.
    private var top = 0
    /// A one-line message (what the last key did), shown above the pager until the next item.
    var message = ""

    static let keys = "[c]onfirm [d]ismiss [e]scalate [s]kip [n]ote [q]uit  ↑↓/j k: line  space/b: page"

    init(renderer: QueueRenderer) {
        self.renderer = renderer
        write("\u{1B}[?1049h\u{1B}[H\u{1B}[2J")
    }

    /// Leaves the alternate screen; what follows is printed on the reviewer's normal screen.
    func close() {
        write("\u{1B}[?1049l")
    }

    func show(_ item: QueueItem, linked: [LinkedItem], sameTemplate: [QueueItem] = []) {
        self.item = item
        self.linked = linked
        self.sameTemplate = sameTemplate
        top = 0
        wrappedWidth = 0
        message = ""
        draw()
    }

    /// Replaces the frame with `lines` under a header (`title`) and "press any key" on the last line: what the
    /// reviewer must read before the next item, such as where to report the one just escalated.
    func showPanel(title: String, lines: [String], minor: Bool) {
        let (columns, rows) = Self.size()
        var frame = "\u{1B}[H"
        frame += renderer.bold(fit(title, columns)) + "\u{1B}[K\r\n"
        var shown = 1
        for line in lines.prefix(max(1, rows - 3)) {
            let cut = fit(line, columns)
            frame += (minor && shown == 1 ? renderer.bold(cut) : cut) + "\u{1B}[K\r\n"
            shown += 1
        }
        while shown < rows - 1 {
            frame += "\u{1B}[K\r\n"
            shown += 1
        }
        frame += renderer.bold(fit("press any key for the next item", columns)) + "\u{1B}[K"
        write(frame)
    }

    /// Handles a paging key; false when the key is not one.
    func scroll(_ key: Character) -> Bool {
        let page = max(1, pagerHeight - 1)
        switch key {
        case "j": top += 1
        case "k": top -= 1
        case " ", "f": top += page
        case "b": top -= page
        case "g": top = 0
        case "G": top = textLines.count
        default: return false
        }
        draw()
        return true
    }

    /// Draws the frame with `prompt` on the last line instead of the keys, the cursor after it.
    func draw(prompt: String? = nil) {
        let (columns, rows) = Self.size()
        guard let item else { return }
        if wrappedWidth != columns {
            textLines = Self.wrap(renderer.highlightRuns(item), width: columns)
            wrappedWidth = columns
        }
        summary = summaryLines(item, width: columns)
        let height = pagerHeight(rows: rows)
        top = max(0, min(top, textLines.count - height))
        var frame = "\u{1B}[H"
        frame += renderer.bold(fit(headerLine(item), columns)) + "\u{1B}[K\r\n"
        for line in summary { frame += line + "\u{1B}[K\r\n" }
        let end = min(textLines.count, top + height)
        let position =
            textLines.isEmpty ? "no text" : "lines \(top + 1)–\(end) of \(textLines.count)"
        let rule = "── ad text, \(position) " + (message.isEmpty ? "" : "── \(message) ")
        frame += renderer.dim(fit(rule + String(repeating: "─", count: max(0, columns)), columns)) + "\u{1B}[K\r\n"
        for row in 0..<height {
            let index = top + row
            if index < textLines.count { frame += render(textLines[index]) }
            frame += "\u{1B}[K\r\n"
        }
        let last = prompt ?? Self.keys
        frame += (prompt == nil ? renderer.bold(fit(last, columns)) : fit(last, columns)) + "\u{1B}[K"
        write(frame)
    }

    private var pagerHeight: Int { pagerHeight(rows: Self.size().rows) }

    /// Rows left for the ad text: all but the header, summary, rule and keys (at least three).
    private func pagerHeight(rows: Int) -> Int { max(3, rows - summary.count - 3) }

    private func headerLine(_ item: QueueItem) -> String {
        var line = (item.minor ? "MINOR  " : "") + "item \(item.id)  score \(renderer.score(item.score))"
        if let category = item.category { line += "  \(clean(category))" }
        if item.groupSize > 1 { line += "  group \(item.groupID): \(item.groupSize) ads, top \(renderer.score(item.groupScore))" }
        if item.templateSize > 1 {
            line += "  " + (item.templateReason ?? "template: \(item.templateSize) ads")
        }
        if item.postingCount > 1 { line += "  posted \(item.postingCount)×" }
        return line + "  " + renderer.statusLine(item, now: Date())
    }

    /// At most seven lines: why it points to a minor (when it does), families, entities, top contributions, ads
    /// linked by contact, ads of the same template, identity.
    private func summaryLines(_ item: QueueItem, width: Int) -> [String] {
        var lines: [String] = []
        if item.minor {
            lines.append(renderer.alarm(fit(renderer.minorText(item), width)))
        }
        let families = item.families.isEmpty ? "none" : item.families.joined(separator: ", ")
        lines.append(paintFamilies(fit("families: " + families, width), item.families))
        let e = item.entities
        var entities = "phones " + (e.phones.isEmpty ? "none" : e.phones.map(clean).joined(separator: ", "))
        if e.phoneObfuscated { entities += " (disguised)" }
        entities += "; emails " + (e.emails.isEmpty ? "none" : e.emails.map(clean).joined(separator: ", "))
        entities += "; ages " + (e.ages.isEmpty ? "none" : e.ages.map(String.init).joined(separator: ", "))
        entities += "; prices " + (e.prices.isEmpty ? "none" : e.prices.map { "$" + renderer.number(Double($0)) }.joined(separator: ", "))
        lines.append(fit(entities, width))
        let top = item.topContributions(4)
        if !top.isEmpty {
            let text = top.map { "\(clean($0.feature)) \($0.weight >= 0 ? "+" : "")\(String(format: "%.2f", $0.weight))" }
            lines.append(fit("why: " + text.joined(separator: ", "), width))
        }
        if !linked.isEmpty {
            let text = linked.prefix(6).map { "#\($0.item.id) \(renderer.score($0.item.score)) \(clean($0.item.displayLocation))" }
            lines.append(fit("linked by contact (\(linked.count)): " + text.joined(separator: "; "), width))
        }
        if !sameTemplate.isEmpty {
            let text = sameTemplate.prefix(6).map { "#\($0.id) \(renderer.score($0.score)) \(clean($0.displayLocation))" }
            lines.append(fit("same template (\(sameTemplate.count)): " + text.joined(separator: "; "), width))
        }
        var identity = "ad \(clean(item.adID))"
        if let url = item.url { identity += "  \(clean(url))" }
        identity += "  where \(clean(item.displayLocation))  when \(clean(item.displayDate))"
        lines.append(fit(identity, width))
        return lines
    }

    private func paintFamilies(_ line: String, _ families: [String]) -> String {
        guard renderer.colour else { return line }
        var out = line
        for family in families { out = out.replacingOccurrences(of: family, with: renderer.paint(family, family)) }
        return out
    }

    private func render(_ runs: [StyledRun]) -> String {
        var out = ""
        for run in runs {
            guard let family = run.family else {
                out += run.text
                continue
            }
            // Colour by family on a colour terminal; underlined otherwise (markers would change the line's width).
            out += renderer.colour ? renderer.paint(run.text, family) : "\u{1B}[4m" + run.text + "\u{1B}[0m"
        }
        return out
    }

    private func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// The terminal's columns and rows (80 × 24 when it cannot be asked).
    static func size() -> (columns: Int, rows: Int) {
        var size = winsize()
        if ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0, size.ws_row > 0 {
            return (Int(size.ws_col), Int(size.ws_row))
        }
        return (80, 24)
    }

    /// Word-wraps styled text to `width` display columns; a word longer than the width is cut where it must be.
    static func wrap(_ runs: [StyledRun], width: Int) -> [[StyledRun]] {
        var cells: [(character: Character, labels: [String])] = []
        for run in runs { for character in run.text { cells.append((character, run.labels)) } }
        var lines: [[StyledRun]] = []
        var paragraph: [(character: Character, labels: [String])] = []
        func flush() {
            var start = 0
            repeat {
                var used = 0
                var end = start
                var lastSpace: Int?
                while end < paragraph.count {
                    let w = displayWidth(paragraph[end].character)
                    if used + w > width { break }
                    if paragraph[end].character == " " { lastSpace = end }
                    used += w
                    end += 1
                }
                var next = end
                if end < paragraph.count, let space = lastSpace, space > start {
                    end = space
                    next = space + 1
                }
                lines.append(runsOf(paragraph[start..<end]))
                start = max(next, start + 1)
            } while start < paragraph.count
            paragraph.removeAll()
        }
        for cell in cells {
            if cell.character == "\n" { flush() } else { paragraph.append(cell) }
        }
        if !paragraph.isEmpty { flush() }
        return lines
    }

    private static func runsOf(_ cells: ArraySlice<(character: Character, labels: [String])>) -> [StyledRun] {
        var runs: [StyledRun] = []
        for cell in cells {
            if let last = runs.last, last.labels == cell.labels {
                runs[runs.count - 1].text.append(cell.character)
            } else {
                runs.append(StyledRun(text: String(cell.character), labels: cell.labels))
            }
        }
        return runs
    }
}

/// A stretch of ad text and the families whose evidence covers it (none: plain).
struct StyledRun: Equatable {
    var text: String
    var labels: [String]
    /// The family whose colour paints the stretch.
    var family: String? { labels.first }
}

/// Columns a character takes on a terminal: two for emoji and East Asian wide characters, none for a lone combining
/// mark or zero-width character, one otherwise.
func displayWidth(_ character: Character) -> Int {
    guard let first = character.unicodeScalars.first else { return 0 }
    let v = first.value
    if first.properties.isEmojiPresentation || character.unicodeScalars.contains(where: { $0.value == 0xFE0F }) {
        return 2
    }
    if (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
        || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
        || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
    {
        return 2
    }
    if first.properties.generalCategory == .nonspacingMark || v == 0x200B || v == 0x200D { return 0 }
    return 1
}

/// `text` cut to `width` display columns, ending in "…" when cut.
func fit(_ text: String, _ width: Int) -> String {
    var used = 0
    var out = ""
    let total = text.reduce(0) { $0 + displayWidth($1) }
    if total <= width { return text }
    for character in text {
        let w = displayWidth(character)
        if used + w > width - 1 { break }
        out.append(character)
        used += w
    }
    return out + "…"
}
