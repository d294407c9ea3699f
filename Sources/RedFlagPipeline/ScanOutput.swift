import RedFlagCore
public import RedFlagIngest
public import RedFlagContract
public import RedFlagFeatures
import RedFlagModel

/// How `redflag scan` prints its results.
public enum ScanOutputFormat: String, Sendable, CaseIterable {
    /// One JSON object per ad, the contract in DESIGN.md.
    case jsonl
    /// RFC 4180 CSV with a header row, for spreadsheets.
    case csv
    /// Aligned columns for a person at a terminal.
    case table
    /// The extracted main text of each ad, for checking extraction by eye.
    case text
}

/// Renders ``ScanResult``s in one ``ScanOutputFormat``.
public struct ScanOutputRenderer: Sendable {
    public let format: ScanOutputFormat
    /// How `table` lines are laid out.
    public var table: TableStyle
    /// A front end's words for the setting that would let a failed record through (``IngestError/Remedy``), put in
    /// every error message printed; nil prints the library's messages as they are.
    public var advice: (@Sendable (IngestError.Remedy) -> String?)?
    /// Whether lines carry the template cluster (a clustering scan): `cluster` in JSONL (an id or null), a last
    /// `cluster` column in CSV (empty for none), a CLUSTER column in the table (`-` for none).
    public var writesCluster = false

    public init(
        format: ScanOutputFormat, table: TableStyle = TableStyle(),
        advice: (@Sendable (IngestError.Remedy) -> String?)? = nil
    ) {
        self.format = format
        self.table = table
        self.advice = advice
    }

    /// An error's message as this renderer prints it: with the front end's advice, when it gave some.
    public func message(of error: IngestError) -> String {
        guard let advice else { return error.message }
        return error.message(advising: advice)
    }

    /// The terminal the `table` format is fitted to.
    public struct TableStyle: Sendable {
        /// Columns of the terminal; every line is cut to fit, none wraps.
        public var width: Int
        /// Whether flagged rows are painted (ANSI red) besides being marked in words.
        public var colour: Bool
        /// The threshold the legend names, when known.
        public var threshold: Double?

        public init(width: Int = 120, colour: Bool = false, threshold: Double? = nil) {
            self.width = max(60, width)
            self.colour = colour
            self.threshold = threshold
        }

        // STATUS holds FLAGGED, ok, or an error code (the longest, unknown_format, is 14).
        static let statusWidth = 14
        static let scoreWidth = 5
        static let categoryWidth = 8
        /// A template id: `t` and 16 hex digits.
        static let clusterWidth = 17
        static let separators = 8

        /// ID takes up to half of what the fixed columns leave (at least 12, at most 48); families the rest.
        var idWidth: Int {
            let free = width - Self.statusWidth - Self.scoreWidth - Self.categoryWidth - Self.separators
            return min(48, max(12, free / 2))
        }

        var familiesWidth: Int {
            width - idWidth - Self.statusWidth - Self.scoreWidth - Self.categoryWidth - Self.separators
        }

        /// What STATUS says, word-wrapped to the width.
        var legend: String {
            let at = threshold.map { " " + threeDecimals($0) } ?? ""
            var lines: [String] = []
            var line = ""
            for word in ("legend: FLAGGED = score at or above the threshold\(at); ok = scored below it; any other "
                + "STATUS is the error code of an ad that could not be read").split(separator: " ")
            {
                if !line.isEmpty && line.count + 1 + word.count > width {
                    lines.append(line)
                    line = "  "
                }
                line += (line.isEmpty || line == "  " ? "" : " ") + word
            }
            return (lines + [line]).joined(separator: "\n")
        }
    }

    /// Bytes printed before the first result (a CSV or table header).
    public func header() -> [UInt8] {
        switch format {
        case .csv:
            Array(
                ("id,url,sha256,captured_at,score,flagged,category,families,phones,phone_obfuscated,emails,ages,error_code,error_message,warnings"
                    + (writesCluster ? ",cluster\n" : "\n")).utf8)
        case .table:
            Array(
                (table.legend + "\n" + pad("ID", table.idWidth) + "  " + pad("STATUS", TableStyle.statusWidth) + "  "
                    + pad("SCORE", TableStyle.scoreWidth) + "  " + pad("CATEGORY", TableStyle.categoryWidth)
                    + (writesCluster ? "  " + pad("CLUSTER", TableStyle.clusterWidth) : "") + "  FAMILIES\n").utf8)
        case .jsonl, .text: []
        }
    }

    /// Appends one result's rendering to `out`.
    public func render(_ result: ScanResult, into out: inout [UInt8]) {
        switch format {
        case .jsonl: out.append(contentsOf: jsonLine(result))
        case .csv: out.append(contentsOf: csvLine(result))
        case .table: out.append(contentsOf: tableLine(result))
        case .text: out.append(contentsOf: textBlock(result))
        }
    }

    /// The JSONL object for one ad: `id`, `url`, `sha256`, `captured_at`, `error` (then fields later stages add).
    public func jsonLine(_ r: ScanResult) -> [UInt8] {
        var w = JSONWriter()
        w.raw("{\"id\":")
        w.string(r.id)
        w.raw(",\"url\":")
        w.optionalString(r.url)
        w.raw(",\"sha256\":")
        w.optionalString(r.sha256)
        w.raw(",\"captured_at\":")
        w.optionalString(r.capturedAt)
        if let a = r.assessment {
            if a.score.isFinite {
                w.raw(",\"score\":")
                w.double(a.score)
                w.raw(",\"flagged\":")
                w.raw(a.flagged ? "true" : "false")
            }
            if let category = a.category {
                w.raw(",\"category\":")
                w.string(category)
            }
        }
        if let features = r.features {
            writeEvidence(features, into: &w)
        }
        if let a = r.assessment, a.score.isFinite {
            w.raw(",\"contributions\":")
            writeContributionArray(a, into: &w)
        }
        if let features = r.features {
            writeEntities(features.entities, into: &w)
        }
        if writesCluster {
            w.raw(",\"cluster\":")
            w.optionalString(r.cluster)
        }
        if !r.warnings.isEmpty {
            // Only when there are some, so the lines of ordinary ads keep their shape.
            w.raw(",\"warnings\":[")
            for (index, warning) in r.warnings.enumerated() {
                w.raw(index == 0 ? "{\"code\":" : ",{\"code\":")
                w.string(warning.code.rawValue)
                w.raw(",\"message\":")
                w.string(message(of: warning))
                w.raw("}")
            }
            w.raw("]")
        }
        w.raw(",\"error\":")
        if let error = r.error {
            w.raw("{\"code\":")
            w.string(error.code.rawValue)
            w.raw(",\"message\":")
            w.string(message(of: error))
            w.raw("}")
        } else {
            w.raw("null")
        }
        w.raw("}\n")
        return w.bytes
    }

    /// `families` and `indicators`, as DESIGN.md's contract names them.
    func writeEvidence(_ f: AdFeatures, into w: inout JSONWriter) {
        w.raw(",\"families\":")
        w.array(f.families) { $0.string($1.rawValue) }
        w.raw(",\"indicators\":")
        writeIndicatorArray(f, into: &w)
    }

    func writeIndicatorArray(_ f: AdFeatures, into w: inout JSONWriter) {
        w.indicators(f.indicators)
    }

    /// `entities`: phones (10 NANP digits), whether any was disguised, emails, stated ages, prices.
    func writeEntities(_ e: Entities, into w: inout JSONWriter) {
        w.raw(",\"entities\":")
        writeEntityObject(e, into: &w)
    }

    func writeEntityObject(_ e: Entities, into w: inout JSONWriter) {
        w.entities(e)
    }

    /// The `indicators` array alone, as JSON (what the review queue stores as evidence).
    public func indicatorsJSON(_ f: AdFeatures) -> String {
        var w = JSONWriter()
        writeIndicatorArray(f, into: &w)
        return String(decoding: w.bytes, as: UTF8.self)
    }

    /// The `contributions` array alone, as JSON.
    public func contributionsJSON(_ a: Assessment) -> String {
        var w = JSONWriter()
        writeContributionArray(a, into: &w)
        return String(decoding: w.bytes, as: UTF8.self)
    }

    func writeContributionArray(_ a: Assessment, into w: inout JSONWriter) {
        w.contributions(a.contributions)
    }

    /// The `entities` object alone, as JSON.
    public func entitiesJSON(_ e: Entities) -> String {
        var w = JSONWriter()
        writeEntityObject(e, into: &w)
        return String(decoding: w.bytes, as: UTF8.self)
    }

    func csvLine(_ r: ScanResult) -> [UInt8] {
        var fields = [r.id, r.url ?? "", r.sha256 ?? "", r.capturedAt ?? ""]
        if let a = r.assessment, a.score.isFinite {
            fields += [String((a.score * 10000).rounded() / 10000), a.flagged ? "true" : "false"]
        } else {
            fields += ["", ""]
        }
        fields.append(r.assessment?.category ?? "")
        if let f = r.features {
            let families: [String] = f.families.map(\.rawValue)
            let phones: [String] = f.entities.phones
            let ages: [String] = f.entities.ages.map { String($0) }
            fields.append(families.joined(separator: ";"))
            fields.append(phones.joined(separator: ";"))
            fields.append(f.entities.phoneObfuscated ? "true" : "false")
            fields.append(f.entities.emails.joined(separator: ";"))
            fields.append(ages.joined(separator: ";"))
        } else {
            fields += ["", "", "", "", ""]
        }
        fields.append(r.error?.code.rawValue ?? "")
        fields.append(r.error.map(message(of:)) ?? "")
        fields.append(r.warnings.map(\.code.rawValue).joined(separator: ";"))
        if writesCluster { fields.append(r.cluster ?? "") }
        return Array(CSV.record(fields).utf8)
    }

    /// One row, cut to ``TableStyle/width``: the id keeps its end (what tells paths apart), families their start.
    /// Meant for a terminal, so what came from the input (ids, messages quoting it) is ``TerminalText/clean(_:keepNewlines:)``ed.
    func tableLine(_ r: ScanResult) -> [UInt8] {
        let flagged = r.assessment?.flagged == true && r.assessment?.score.isFinite == true
        var status = pad(r.error?.code.rawValue ?? (flagged ? "FLAGGED" : "ok"), TableStyle.statusWidth)
        if flagged && table.colour { status = "\u{1B}[1;31m" + status + "\u{1B}[0m" }
        let families = r.features.map { $0.families.map(\.rawValue).joined(separator: ",") } ?? ""
        let score = r.assessment.flatMap { $0.score.isFinite ? threeDecimals($0.score) : nil } ?? "-"
        let line = pad(TerminalText.clean(r.id), table.idWidth) + "  " + status + "  " + pad(score, TableStyle.scoreWidth) + "  "
            + pad(r.assessment?.category ?? "-", TableStyle.categoryWidth) + "  "
            + (writesCluster ? pad(r.cluster ?? "-", TableStyle.clusterWidth) + "  " : "")
            + cut(families.isEmpty ? "-" : families, table.familiesWidth - (writesCluster ? TableStyle.clusterWidth + 2 : 0))
        var text = line + "\n"
        if let error = r.error { text += cut("    " + TerminalText.clean(message(of: error)), table.width) + "\n" }
        for warning in r.warnings { text += cut("    warning: " + TerminalText.clean(message(of: warning)), table.width) + "\n" }
        return Array(text.utf8)
    }

    /// The extracted title and main text, for reading by eye on a terminal: control characters are dropped from
    /// everything that came from the ad (``TerminalText``), its line breaks kept.
    func textBlock(_ r: ScanResult) -> [UInt8] {
        let clean = { (s: String) in TerminalText.clean(s, keepNewlines: true) }
        var text = "=== \(clean(r.id))\n"
        for warning in r.warnings { text += "warning: \(warning.code): \(clean(message(of: warning)))\n" }
        if let error = r.error {
            text += "error: \(error.code): \(clean(message(of: error)))\n"
        } else if let document = r.document {
            if !document.title.isEmpty { text += "title: \(clean(document.title))\n" }
            text += clean(document.text) + "\n"
        }
        return Array((text + "\n").utf8)
    }
}

/// Pads or cuts `s` to `width` characters (ids are cut from the left: the end of a path is what tells them apart).
func pad(_ s: String, _ width: Int) -> String {
    let count = s.count
    if count > width { return "…" + String(s.suffix(width - 1)) }
    return s + String(repeating: " ", count: width - count)
}

/// `s` cut to `width` characters, its end replaced by "…" when cut.
func cut(_ s: String, _ width: Int) -> String {
    s.count > width ? String(s.prefix(max(0, width - 1))) + "…" : s
}

/// `x` with three decimals ("0.930"), without Foundation's `String(format:)`.
public func threeDecimals(_ x: Double) -> String {
    if x < 0 && (x * 1000).rounded() != 0 { return "-" + threeDecimals(-x) }
    let thousandths = Int((x * 1000).rounded())
    let whole = thousandths / 1000
    let fraction = abs(thousandths % 1000)
    let digits = String(fraction)
    return "\(whole)." + String(repeating: "0", count: 3 - digits.count) + digits
}
