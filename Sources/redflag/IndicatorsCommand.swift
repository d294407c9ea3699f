import ArgumentParser
import Foundation
import RedFlagService
import RedFlagFeatures
import RedFlagModel

/// `redflag indicators`: the analysts' guide to the indicator families.
struct IndicatorsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "indicators",
        abstract: "Explain each indicator family: what it means, examples, its model weight, what research says.",
        discussion: """
            Printed from three sources so it cannot drift from what RedFlag does: the family guide \
            (Models/families.yaml: meaning, what does not count, research), the lexicon (example phrases, entries \
            that point to a minor by themselves) and the current suspicion model (the weight of family.<name> on the \
            logit; underage_age has none, the minor rule decides it). --format json gives the same for scripts. \
            Exits 1 when the guide leaves out a family the lexicon defines.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Option(help: "Indicator lexicon (default: $REDFLAG_LEXICON, else Models/lexicon.yaml).")
    var lexicon: String?

    @Option(help: "Family guide (default: Models/families.yaml).")
    var guide: String?

    @Option(help: "Suspicion model whose weights to show (default: default, when present).")
    var model: String?

    func run() async throws {
        let configuration = CommandLineConfiguration.resolved(lexicon: lexicon)
        let lexiconPath = configuration.lexiconPath
        let guidePath = guide ?? CommandLineConfiguration.familyGuidePath
        let loaded: (Lexicon, FamilyGuide)
        do {
            loaded = (try Lexicon.load(path: lexiconPath), try FamilyGuide.load(path: guidePath))
        } catch {
            throw CLIError(error.message, status: ExitStatus.noInput)
        }
        let defaultModel = RedFlagConfiguration.defaultSuspicionModel
        let name = model ?? (configuration.hasModel(defaultModel) ? defaultModel : nil)
        var modelFile: ModelFile?
        if let name {
            do {
                modelFile = try configuration.loadModelFile(name)
            } catch {
                throw CLIError(error.message)
            }
        }
        let report = try IndicatorGuide(
            lexicon: loaded.0, guide: loaded.1, model: modelFile, modelPath: name.map(configuration.modelPath))
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        case .text:
            print(text(report, width: min(outputWidth(), 100)), terminator: "")
        }
    }

    /// The guide for a person: each family as a short block, its fields wrapped to `width`.
    func text(_ report: IndicatorGuide, width: Int) -> String {
        var out = "Indicator families\n"
        out += wrapped("guide", report.guide, width) + wrapped("lexicon", report.lexicon, width)
        out += wrapped("model", report.model.map { "\($0) (\(report.modelPath ?? "-"))" } ?? "none found", width)
        out += wrapped(
            "weights", "a family's push on the log-odds that an ad is suspicious: positive raises the score, "
                + "negative lowers it", width)
        for family in report.families {
            let weight = family.weight.map { String(format: "%+.2f", $0) } ?? "none"
            out += "\n\(family.family)  (\(family.lexiconEntries) lexicon entries; model weight \(weight))\n"
            out += wrapped("means", family.description, width)
            if !family.examples.isEmpty {
                out += wrapped("examples", family.examples.map { "\"\($0)\"" }.joined(separator: ", "), width)
            }
            out += wrapped("does not count", family.notCounted, width)
            out += wrapped("research", family.research, width)
            if let note = family.weightNote { out += wrapped("weight", note, width) }
            if !family.minorEntries.isEmpty {
                out += wrapped("points to a minor", family.minorEntries.joined(separator: ", "), width)
            }
        }
        return out
    }

    /// `  label: text` word-wrapped to `width`, continuation lines indented under the label.
    func wrapped(_ label: String, _ text: String, _ width: Int) -> String {
        var lines: [String] = []
        var line = "  \(label):"
        var hasWord = false
        for word in text.split(whereSeparator: \.isWhitespace) {
            if hasWord && line.count + 1 + word.count > width {
                lines.append(line)
                line = "   "
            }
            line += " " + word
            hasWord = true
        }
        lines.append(line)
        return lines.joined(separator: "\n") + "\n"
    }
}
