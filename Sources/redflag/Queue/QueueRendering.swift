import Foundation
import RedFlagContract
import RedFlagCore
import RedFlagQueue

/// Turns queue items into text for a terminal or a pipe: evidence highlighted by family (ANSI colours when `colour`,
/// `[family: text]` markers otherwise). Everything that came from an ad is stripped of control characters first, so
/// an ad cannot drive the reviewer's terminal with escape sequences.
struct QueueRenderer {
    var colour: Bool
    /// Longest ad text shown, in Unicode scalars.
    var maximumTextLength = 8000

    func code(for family: String) -> Int { EvidenceHighlighter.code(for: family) }

    func paint(_ text: String, _ family: String) -> String { EvidenceHighlighter(colour: colour).paint(text, family) }

    func bold(_ text: String) -> String { colour ? "\u{1B}[1m" + text + "\u{1B}[0m" : text }
    func dim(_ text: String) -> String { colour ? "\u{1B}[2m" + text + "\u{1B}[0m" : text }

    /// The ad text, cleaned of control characters, as plain and highlighted stretches (overlapping evidence merged
    /// into one stretch naming every family): what the pipe view marks and the review screen wraps into its pager.
    /// At most `limit` Unicode scalars of text.
    func highlightRuns(_ item: QueueItem, limit: Int = .max) -> [StyledRun] {
        EvidenceHighlighter.runs(
            of: item.text,
            spans: item.evidence.map { HighlightSpan(range: $0.start..<max($0.start, $0.end), labels: [$0.family.rawValue]) },
            limit: limit)
    }

    /// The ad text with each evidence span marked: colour by family on a terminal, `[family, family: text]`
    /// markers otherwise.
    func highlighted(_ item: QueueItem) -> String {
        var out = EvidenceHighlighter(colour: colour).marked(highlightRuns(item, limit: maximumTextLength))
        let count = item.text.unicodeScalars.count
        if count > maximumTextLength {
            out += "\n" + dim("… (\(count - maximumTextLength) more characters; `redflag queue show \(item.id) --full`)")
        }
        return out
    }

    /// The full review screen of one item.
    func render(
        _ item: QueueItem, linked: [LinkedItem], notes: [Note], decisions: [Decision] = [], now: Date = Date(),
        showText: Bool = true, sameTemplate: [QueueItem] = [], template: TemplateText? = nil, postings: [Posting] = []
    ) -> String {
        var out = bold("── item \(item.id) ") + statusLine(item, now: now) + "\n"
        if item.minor { out += minorLine(item) + "\n" }
        if let reason = item.templateReason { out += bold("priority raised: \(reason)") + "\n" }
        out += "score \(score(item.score))"
        if item.groupSize > 1 {
            out += "   group \(item.groupID): \(item.groupSize) ads, top score \(score(item.groupScore))"
        }
        if item.templateSize > 1, let id = item.templateID { out += "   template \(id): \(item.templateSize) ads" }
        if item.postingCount > 1 { out += "   posted \(item.postingCount) times" }
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
        var byFamily: [String: [IndicatorHit]] = [:]
        for e in item.evidence { byFamily[e.family.rawValue, default: []].append(e) }
        for family in byFamily.keys.sorted() {
            let hits = byFamily[family]!.map { "\(clean($0.entry)) \"\(clean($0.match))\"" }
            out += "  " + paint(family, family) + ": " + hits.joined(separator: "; ") + "\n"
        }
        let e = item.entities
        out +=
            "entities: phones "
            + (e.phones.isEmpty ? "none" : e.phones.map(clean).joined(separator: ", "))
            + (e.phoneObfuscated ? " (obfuscated)" : "")
        out += "; emails " + (e.emails.isEmpty ? "none" : e.emails.map(clean).joined(separator: ", "))
        out += "; ages " + (e.ages.isEmpty ? "none" : e.ages.map(String.init).joined(separator: ", "))
        out += "; prices " + (e.prices.isEmpty ? "none" : e.prices.map { "$" + number(Double($0)) }.joined(separator: ", "))
        out += "\n"
        for rule in item.contributions where rule.reason != nil { out += "FLAGGED BY RULE: \(clean(rule.reason!))\n" }
        let top = item.topContributions(5).filter { $0.reason == nil }
        if !top.isEmpty {
            out +=
                "top contributions: "
                + top.map { "\(clean($0.feature)) \($0.weight >= 0 ? "+" : "")\(String(format: "%.2f", $0.weight))" }
                .joined(separator: ", ") + "\n"
        }
        out += groupSections(item, linked: linked, sameTemplate: sameTemplate, template: template, now: now)
        out += postingLines(postings)
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

/// Drops control characters (escape sequences included) from text that came from an ad or a person
/// (``TerminalText/clean(_:keepNewlines:)``).
func clean(_ text: String) -> String { TerminalText.clean(text) }

func clean(_ text: String, keepNewlines: Bool) -> String { TerminalText.clean(text, keepNewlines: keepNewlines) }

/// Whether to use colour on standard output: a terminal, no `NO_COLOR`, not `TERM=dumb`, not `--no-color`.
func colourWanted(noColor: Bool) -> Bool {
    let environment = ProcessInfo.processInfo.environment
    return !noColor && isatty(1) == 1 && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
}

/// One CSV record (``CSV/record(_:)``: RFC 4180 quoting, lines ended by `\n` as every command's CSV).
func csvLine(_ fields: [String]) -> String { CSV.record(fields) }

/// Pads or cuts to a display width counted in characters; `keepEnd` cuts from the left instead (ids and urls differ
/// at their ends).
func column(_ text: String, _ width: Int, keepEnd: Bool = false) -> String {
    if text.count > width {
        return keepEnd ? "…" + String(text.suffix(max(0, width - 1))) : String(text.prefix(max(0, width - 1))) + "…"
    }
    return text + String(repeating: " ", count: width - text.count)
}
