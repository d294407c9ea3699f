import Foundation
import RedFlagFeatures
import RedFlagQueue

/// Turns queue items into text for a terminal or a pipe: evidence highlighted by family (ANSI colours when `colour`,
/// `[family: text]` markers otherwise). Everything that came from an ad is stripped of control characters first, so
/// an ad cannot drive the reviewer's terminal with escape sequences.
struct QueueRenderer {
    var colour: Bool
    /// Longest ad text shown, in Unicode scalars.
    var maximumTextLength = 8000

    static let palette = [31, 32, 33, 34, 35, 36, 91, 92, 93, 94, 95, 96]

    func code(for family: String) -> Int {
        if let known = Family(rawValue: family), let index = Family.allCases.firstIndex(of: known) {
            return Self.palette[index % Self.palette.count]
        }
        let sum = family.unicodeScalars.reduce(0) { $0 &+ Int($1.value) }
        return Self.palette[sum % Self.palette.count]
    }

    func paint(_ text: String, _ family: String) -> String {
        colour ? "\u{1B}[1;\(code(for: family))m" + text + "\u{1B}[0m" : text
    }

    func bold(_ text: String) -> String { colour ? "\u{1B}[1m" + text + "\u{1B}[0m" : text }
    func dim(_ text: String) -> String { colour ? "\u{1B}[2m" + text + "\u{1B}[0m" : text }

    /// The ad text, cleaned of control characters, as plain and highlighted stretches (overlapping evidence merged
    /// into one stretch naming every family): what the pipe view marks and the review screen wraps into its pager.
    /// At most `limit` Unicode scalars of text.
    func highlightRuns(_ item: QueueItem, limit: Int = .max) -> [StyledRun] {
        let scalars = Array(item.text.unicodeScalars)
        let end = min(scalars.count, limit)
        let spans = HighlightSpan.merge(
            item.evidence.filter { $0.start >= 0 && $0.end <= scalars.count }
                .map { HighlightSpan(range: $0.start..<max($0.start, $0.end), labels: [$0.family]) })
        func plain(_ range: Range<Int>) -> String {
            clean(String(String.UnicodeScalarView(scalars[range])), keepNewlines: true)
        }
        var runs: [StyledRun] = []
        var position = 0
        for span in spans where span.range.lowerBound < end {
            runs.append(StyledRun(text: plain(position..<span.range.lowerBound), labels: []))
            runs.append(StyledRun(text: plain(span.range.lowerBound..<min(span.range.upperBound, end)), labels: span.labels))
            position = min(span.range.upperBound, end)
        }
        runs.append(StyledRun(text: plain(position..<end), labels: []))
        return runs.filter { !$0.text.isEmpty }
    }

    /// The ad text with each evidence span marked: colour by family on a terminal, `[family, family: text]`
    /// markers otherwise.
    func highlighted(_ item: QueueItem) -> String {
        var out = ""
        for run in highlightRuns(item, limit: maximumTextLength) {
            guard let family = run.family else {
                out += run.text
                continue
            }
            out += colour ? paint(run.text, family) : "[\(run.labels.joined(separator: ", ")): \(run.text)]"
        }
        let count = item.text.unicodeScalars.count
        if count > maximumTextLength {
            out += "\n" + dim("… (\(count - maximumTextLength) more characters; `redflag queue show \(item.id) --full`)")
        }
        return out
    }

    /// The full review screen of one item.
    func render(
        _ item: QueueItem, linked: [LinkedItem], notes: [Note], decisions: [Decision] = [], now: Date = Date(),
        showText: Bool = true
    ) -> String {
        var out = bold("── item \(item.id) ") + statusLine(item, now: now) + "\n"
        if item.minor { out += minorLine(item) + "\n" }
        out += "score \(score(item.score))"
        if item.groupSize > 1 {
            out += "   group \(item.groupID): \(item.groupSize) ads, top score \(score(item.groupScore))"
        }
        if let category = item.category { out += "   category \(clean(category))" }
        out += "\n"
        out +=
            "ad \(clean(item.adID))   sha256 \(item.sha256.prefix(16))…   "
            + "\(item.contentKind), \(item.rawByteCount) bytes\n"
        if let url = item.url { out += "url \(clean(url))\n" }
        out +=
            "where \(clean(item.displayLocation))   when \(clean(item.displayDate))   "
            + "queued \(RFC3339.string(from: item.enqueuedAt))\n"
        if let purged = item.purgedAt {
            out += "\n" + dim("purged at \(clean(purged)): text, raw copy, url and contact details were removed") + "\n\n"
        } else if showText {
            out += "\n" + highlighted(item) + "\n\n"
        }
        out +=
            "families: "
            + (item.families.isEmpty ? "none" : item.families.map { paint($0, $0) }.joined(separator: ", "))
        out += "\n"
        var byFamily: [String: [Evidence]] = [:]
        for e in item.evidence { byFamily[e.family, default: []].append(e) }
        for family in byFamily.keys.sorted() {
            let hits = byFamily[family]!.map { "\(clean($0.feature)) \"\(clean($0.match))\"" }
            out += "  " + paint(family, family) + ": " + hits.joined(separator: "; ") + "\n"
        }
        let e = item.entities
        out +=
            "entities: phones "
            + (e.phones.isEmpty ? "none" : e.phones.map(clean).joined(separator: ", "))
            + (e.phoneObfuscated ? " (obfuscated)" : "")
        out += "; emails " + (e.emails.isEmpty ? "none" : e.emails.map(clean).joined(separator: ", "))
        out += "; ages " + (e.ages.isEmpty ? "none" : e.ages.map(String.init).joined(separator: ", "))
        out += "; prices " + (e.prices.isEmpty ? "none" : e.prices.map { "$" + number($0) }.joined(separator: ", "))
        out += "\n"
        for rule in item.contributions where rule.reason != nil { out += "FLAGGED BY RULE: \(clean(rule.reason!))\n" }
        let top = item.topContributions(5).filter { $0.reason == nil }
        if !top.isEmpty {
            out +=
                "top contributions: "
                + top.map { "\(clean($0.feature)) \($0.weight >= 0 ? "+" : "")\(String(format: "%.2f", $0.weight))" }
                .joined(separator: ", ") + "\n"
        }
        if !linked.isEmpty {
            out += "linked ads (\(linked.count)):\n"
            for link in linked.prefix(20) {
                let l = link.item
                let via = (link.sharedPhones + link.sharedEmails).map(clean).joined(separator: ", ")
                out +=
                    "  #\(l.id)  \(score(l.score))  \(clean(l.displayLocation))  \(clean(l.displayDate))  "
                    + verdictText(l, now: now) + (via.isEmpty ? "  (via another ad)" : "  via \(via)") + "\n"
            }
            if linked.count > 20 { out += "  … and \(linked.count - 20) more (`redflag queue show \(item.id)`)\n" }
        }
        if let referral = item.decision?.referral {
            out += ReferralText.lines(referral, source: nil, recorded: true).map { $0 + "\n" }.joined()
        }
        let history = decisions.filter { $0.reopenedAt != nil }
        for d in history {
            out +=
                "earlier decision: \(d.verdict.rawValue) severity \(d.severity) by \(clean(d.reviewer)) at "
                + "\(RFC3339.string(from: d.decidedAt)), reopened\n"
        }
        if !notes.isEmpty {
            out += "notes:\n"
            for note in notes {
                out += "  \(RFC3339.string(from: note.createdAt)) \(clean(note.author)): \(clean(note.text))\n"
            }
        }
        return out
    }

    /// The minor marking: first thing under the header wherever an item is shown, in bold red on a terminal.
    func minorLine(_ item: QueueItem) -> String { alarm(minorText(item)) }

    /// The minor marking's words, uncoloured, so a screen can cut them to its width first.
    func minorText(_ item: QueueItem) -> String {
        "MINOR: evidence points to a person under 18 (" + item.minorReasons.map(clean).joined(separator: "; ")
            + "); reviewed first, escalate and report"
    }

    /// White on red, bold, on a colour terminal.
    func alarm(_ text: String) -> String { colour ? "\u{1B}[1;41;97m" + text + "\u{1B}[0m" : text }

    func statusLine(_ item: QueueItem, now: Date) -> String {
        switch item.status {
        case .pending: return "pending"
        case .claimed:
            guard let claim = item.claim else { return "claimed" }
            let state = claim.isExpired(at: now) ? "lease ran out" : "lease until"
            return "claimed by \(clean(claim.reviewer)), \(state) \(RFC3339.string(from: claim.leaseExpiresAt))"
        case .decided:
            guard let d = item.decision else { return "decided" }
            var line =
                "\(d.verdict.rawValue), severity \(d.severity), by \(clean(d.reviewer)) at "
                + RFC3339.string(from: d.decidedAt)
            if let note = d.note { line += ": \(clean(note))" }
            return line
        }
    }

    /// `pending`, `claimed`, `expired` or the verdict with its severity.
    func verdictText(_ item: QueueItem, now: Date) -> String {
        switch item.status {
        case .pending: return "pending"
        case .claimed: return item.claim?.isExpired(at: now) == true ? "expired" : "claimed"
        case .decided: return item.decision.map { "\($0.verdict.rawValue)/\($0.severity)" } ?? "decided"
        }
    }

    func score(_ value: Double) -> String { String(format: "%.3f", value) }

    func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(format: "%.2f", value)
    }
}

/// Drops control characters (escape sequences included) from text that came from an ad or a person.
func clean(_ text: String) -> String { clean(text, keepNewlines: false) }

func clean(_ text: String, keepNewlines: Bool) -> String {
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
        switch scalar.value {
        case 0x0A: out.append(keepNewlines ? scalar : " ")
        case 0x09: out.append(keepNewlines ? scalar : " ")
        case 0x0D: continue
        case 0x00..<0x20, 0x7F, 0x80..<0xA0: continue
        case 0x202A...0x202E, 0x2066...0x2069: continue  // bidi overrides that can disguise text
        default: out.append(scalar)
        }
    }
    return String(out)
}

/// Whether to use colour on standard output: a terminal, no `NO_COLOR`, not `TERM=dumb`, not `--no-color`.
func colourWanted(noColor: Bool) -> Bool {
    let environment = ProcessInfo.processInfo.environment
    return !noColor && isatty(1) == 1 && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
}

/// RFC 4180 CSV: fields with commas, quotes or line breaks are quoted, quotes doubled.
func csvLine(_ fields: [String]) -> String {
    fields.map { field in
        if field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return field
    }.joined(separator: ",") + "\r\n"
}

/// Pads or cuts to a display width counted in characters; `keepEnd` cuts from the left instead (ids and urls differ
/// at their ends).
func column(_ text: String, _ width: Int, keepEnd: Bool = false) -> String {
    if text.count > width {
        return keepEnd ? "…" + String(text.suffix(max(0, width - 1))) : String(text.prefix(max(0, width - 1))) + "…"
    }
    return text + String(repeating: " ", count: width - text.count)
}
