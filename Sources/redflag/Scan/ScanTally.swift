import Foundation
import RedFlagFeatures
import RedFlagIngest
import RedFlagModel
import RedFlagPipeline
import RedFlagContract

/// What a scan found, counted as results are delivered: the end-of-scan summary on standard error and the
/// `--summary-json` file are both written from it, so they always agree.
struct ScanTally: Encodable {
    var ads = 0
    /// Ads read and processed without error (scored or not).
    var read = 0
    var errors = 0
    var errorsByCode: [String: Int] = [:]
    /// Ads read with a warning (a truncated payload, repaired UTF-8, text cut for matching), by warning code.
    var warningsByCode: [String: Int] = [:]
    /// Ads with a score.
    var scored = 0
    var flagged = 0
    /// Scored ads by predicted category.
    var categories: [String: Int] = [:]
    /// Ads where each indicator family fired, and the same among flagged ads.
    var families: [String: Int] = [:]
    var flaggedFamilies: [String: Int] = [:]
    /// Lines written to standard output (after --flagged-only / --min-score).
    var linesWritten = 0
    var skippedFiles = 0
    var threshold: Double?
    var seconds = 0.0
    var adsPerSecond = 0.0
    var megabytesPerSecond = 0.0
    var jobs = 1
    var interrupted = false
    var exitStatus: Int32 = 0
    /// With --cluster: templates seen more than once, the ads in them, and the largest.
    var templates: TemplateTally?

    struct TemplateTally: Encodable {
        var repeated = 0
        var ads = 0
        var largest = 0
    }

    mutating func count(_ result: ScanResult) {
        ads += 1
        for code in Set(result.warnings.map(\.code.rawValue)) { warningsByCode[code, default: 0] += 1 }
        if let error = result.error {
            errors += 1
            errorsByCode[error.code.rawValue, default: 0] += 1
            return
        }
        read += 1
        let isFlagged = result.assessment.map { $0.flagged && $0.score.isFinite } ?? false
        if let assessment = result.assessment, assessment.score.isFinite {
            scored += 1
            if assessment.flagged { flagged += 1 }
            if let category = assessment.category { categories[category, default: 0] += 1 }
        }
        for family in result.features?.families ?? [] {
            families[family.rawValue, default: 0] += 1
            if isFlagged { flaggedFamilies[family.rawValue, default: 0] += 1 }
        }
    }

    mutating func finish(_ summary: ScanSummary, jobs: Int) {
        seconds = summary.seconds
        adsPerSecond = summary.adsPerSecond
        megabytesPerSecond = summary.megabytesPerSecond
        self.jobs = jobs
        interrupted = summary.stoppedEarly
    }

    /// The summary for a person, several short lines.
    var text: String {
        var out = String(
            format: "scanned %d ads (%d error%@) in %.2f s: %.0f ads/s, %.2f MB/s, %d jobs\n", ads, errors,
            errors == 1 ? "" : "s", seconds, adsPerSecond, megabytesPerSecond, jobs)
        if scored > 0 {
            let at = threshold.map { " at threshold " + threeDecimals($0) } ?? ""
            out += "flagged \(flagged) of \(scored) scored ads\(at)\n"
        }
        if !categories.isEmpty { out += "by category: " + Self.list(categories) + "\n" }
        if !families.isEmpty {
            out += "by family (ads where it fired, flagged among them): "
                + Self.list(families) { "\($0) \($1) (\(flaggedFamilies[$0] ?? 0))" } + "\n"
        }
        if !errorsByCode.isEmpty { out += "errors by code: " + Self.list(errorsByCode) + "\n" }
        if !warningsByCode.isEmpty { out += "ads with warnings, by code: " + Self.list(warningsByCode) + "\n" }
        if let templates {
            out += "templates: \(templates.repeated) repeated across \(templates.ads) ads (largest \(templates.largest))\n"
        }
        if skippedFiles > 0 {
            out += "\(skippedFiles) file\(skippedFiles == 1 ? "" : "s") skipped: unknown extension "
                + "(pass --input-format to read every file in a folder as one format)\n"
        }
        return out
    }

    /// `name count` pairs (or `label(name, count)`), largest first, then by name.
    private static func list(
        _ counts: [String: Int], label: (String, Int) -> String = { "\($0) \($1)" }
    ) -> String {
        counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { label($0.key, $0.value) }
            .joined(separator: ", ")
    }

    enum CodingKeys: String, CodingKey {
        case ads, read, errors, scored, flagged, categories, families, threshold, seconds, jobs, interrupted, templates
        case errorsByCode = "errors_by_code"
        case warningsByCode = "warnings_by_code"
        case flaggedFamilies = "flagged_families"
        case linesWritten = "lines_written"
        case skippedFiles = "skipped_files"
        case adsPerSecond = "ads_per_second"
        case megabytesPerSecond = "megabytes_per_second"
        case exitStatus = "exit_status"
    }

    /// Pretty JSON with sorted keys, for scripts.
    func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }
}
