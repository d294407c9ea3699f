import ArgumentParser
import Foundation
import RedFlagFeatures
import RedFlagModel
import RedFlagPipeline
import RedFlagContract
import RedFlagService

struct LexiconCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lexicon",
        abstract: "Work with the indicator lexicon.",
        subcommands: [Check.self]
    )

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Lint a lexicon file.",
            discussion: """
                Checks structure (unique ids, known families), compiles every pattern with PCRE2 (a bad one is \
                reported with its entry id and position), and flags patterns that match the empty string or hit \
                PCRE2's limits on hostile input, examples that do not fire and counterexamples that do. Then loads the \
                models that scan with it (--model and --category-model, default the shipped default and category \
                models) against the lexicon: a model that names a lexicon feature the file no longer defines would \
                refuse to score, so that is a problem too. Exits 1 when anything is wrong.
                """
        )

        @Argument(help: "The lexicon file (default: $REDFLAG_LEXICON, else Models/lexicon.yaml).")
        var path: String?

        @Flag(help: "List the patterns that run over the whole text.")
        var verbose = false

        @Option(help: "Suspicion model to check against the lexicon (default: default, when present).")
        var model: String?

        @Option(name: .customLong("category-model"), help: "Category model to check (default: category, when present).")
        var categoryModel: String?

        @Flag(name: .customLong("no-model"), help: "Lint the lexicon alone, without checking any model against it.")
        var noModel = false

        func run() async throws {
            let path = path ?? CommandLineConfiguration.shared.lexiconPath
            let lexicon: Lexicon
            do {
                lexicon = try Lexicon.load(path: path)
            } catch {
                throw CLIError(error.message)
            }
            var problems = LexiconLint().problems(in: lexicon).map { "\($0)" }
            if !noModel { problems += modelProblems(lexicon) }
            var counts: [Family: Int] = [:]
            for entry in lexicon.entries { counts[entry.family, default: 0] += 1 }
            print("\(path): \(lexicon.entries.count) entries, \(lexicon.entries.reduce(0) { $0 + $1.patterns.count }) patterns")
            for family in Family.allCases {
                print("  \(family.rawValue): \(counts[family] ?? 0)")
            }
            if let extractor = try? FeatureExtractor(lexicon: lexicon) {
                let coverage = extractor.matcher.prefilterCoverage
                print("prefilter: \(coverage.literals) literals (\(coverage.states) automaton states, \(coverage.tableBytes / 1024) KiB); \(coverage.alwaysRun) of \(coverage.patterns) patterns always run; \(coverage.windowed) run only in windows around their literals")
                if verbose {
                    for pattern in extractor.matcher.unboundedPatterns { print("  unbounded span: \(pattern)") }
                }
            }
            for problem in problems { print("problem: \(problem)") }
            if problems.isEmpty {
                print("ok")
            } else {
                throw CLIError("\(problems.count) problem(s) in \(path)")
            }
        }

        /// Loads each model the way `scan` does and reports the ones that would refuse this lexicon.
        private func modelProblems(_ lexicon: Lexicon) -> [String] {
            let configuration = CommandLineConfiguration.shared
            let present = { (name: String) in configuration.hasModel(name) }
            var problems: [String] = []
            var checked: [String] = []
            for (name, isSuspicion) in [
                (model ?? (present("default") ? "default" : nil), true),
                (categoryModel ?? (present("category") ? "category" : nil), false),
            ] {
                guard let name else { continue }
                do {
                    let file = try configuration.loadModelFile(name)
                    _ = try Scorer.load(
                        suspicion: isSuspicion ? file : nil, category: isSuspicion ? nil : file, threshold: nil,
                        lexicon: lexicon)
                    checked.append(name)
                } catch {
                    problems.append("\(error.message)")
                }
            }
            if !checked.isEmpty { print("models: \(checked.joined(separator: ", ")) accept this lexicon") }
            return problems
        }
    }
}
