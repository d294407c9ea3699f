import Foundation
import RedFlagFeatures
import RedFlagIngest
import RedFlagModel
import RedFlagPipeline
import RedFlagContract
import RedFlagService

extension EvalCommand {
    /// `eval --gold`: the extractor's families, phones and ages against a hand-annotated gold set.
    func runGold(path: String) throws {
        let goldSet: GoldSet
        do {
            goldSet = try GoldSet.load(path: path).split(split)
        } catch {
            throw CLIError(error.message)
        }
        guard !goldSet.annotations.isEmpty else { throw CLIError("\(path) holds no annotations\(split.map { " in split \($0)" } ?? "")") }
        let byDigest = Dictionary(goldSet.annotations.map { ($0.digest, $0) }, uniquingKeysWith: { a, _ in a })
        let extractor = try loadFeatureExtractor(lexicon)
        var evaluation = GoldEvaluation()
        var scoredDigests = Set<String>()
        var failure: GoldSetError?
        var reader = AdReader(paths: data, options: IngestOptions(textField: textField))
        _ = try makeScanner(options: IngestOptions(textField: textField), features: extractor, jobs: workers.count).run(&reader) { result in
            guard failure == nil, let digest = result.sha256, let annotation = byDigest[digest],
                let features = result.features, scoredDigests.insert(digest).inserted
            else { return }
            do throws(GoldSetError) {
                try evaluation.add(annotation, features: features)
            } catch {
                failure = error
            }
        }
        if let failure { throw CLIError(failure.message) }
        let missing = goldSet.annotations.count - evaluation.scored
        guard evaluation.scored > 0 else {
            throw CLIError("none of the \(goldSet.annotations.count) annotated ads of \(path) is in \(data.joined(separator: ", ")) (is --text-field right?)")
        }
        print("gold \(path)\(split.map { " (split \($0))" } ?? ""): \(evaluation.scored) annotated ads scored\(missing > 0 ? ", \(missing) not found in the data" : "")")
        print(GoldReport.familyTable(evaluation), terminator: "")
        print("macro-F1 over \(evaluation.supportedFamilies.count) families present in the gold set: \(formatMetric(evaluation.macroF1))")
        let p = evaluation.phones
        let a = evaluation.ages
        print("phones: precision \(formatMetric(p.precision))  recall \(formatMetric(p.recall))  (\(p.truePositives) found, \(p.falsePositives) extra, \(p.falseNegatives) missed)")
        print("ages:   precision \(formatMetric(a.precision))  recall \(formatMetric(a.recall))  (\(a.truePositives) found, \(a.falsePositives) extra, \(a.falseNegatives) missed)")
        if disagreements {
            print("")
            print(GoldReport.disagreements(evaluation), terminator: "")
        }
    }
}

/// Text renderings of a ``GoldEvaluation``.
enum GoldReport {
    static func familyTable(_ evaluation: GoldEvaluation) -> String {
        var out = "family               gold  found  prec   recall  F1\n"
        for family in Family.allCases {
            let c = evaluation.families[family]!
            let gold = c.truePositives + c.falseNegatives
            let found = c.truePositives + c.falsePositives
            let name = family.rawValue.padding(toLength: 20, withPad: " ", startingAt: 0)
            out += "\(name) \(pad(gold, 4))  \(pad(found, 5))  \(cell(c.precision))  \(cell(c.recall))   \(cell(c.f1))\n"
        }
        return out
    }

    static func disagreements(_ evaluation: GoldEvaluation) -> String {
        var out = ""
        for d in evaluation.disagreements {
            out += "\(d.digest.prefix(12)) [\(d.rowLabel ?? "?")]\n"
            for (family, matches) in d.extra { out += "  + \(family.rawValue): \(matches.map { "\"\($0)\"" }.joined(separator: ", "))\n" }
            for (family, evidence) in d.missed { out += "  - \(family.rawValue): \(evidence.map { "\"\($0)\"" }.joined(separator: ", "))\n" }
            if !d.extraAges.isEmpty || !d.missedAges.isEmpty { out += "  ages: extra \(d.extraAges), missed \(d.missedAges)\n" }
            if d.extraPhones + d.missedPhones > 0 { out += "  phones: \(d.extraPhones) extra, \(d.missedPhones) missed\n" }
        }
        return out
    }

    private static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: " ", count: max(0, width - s.count)) + s
    }

    private static func cell(_ x: Double) -> String {
        guard x.isFinite else { return "  -  " }
        return String(format: "%.3f", x)
    }
}

extension EvalCommand {
    /// A suspicion model evaluated as a scan decides: the ad's category read first (when a category model is
    /// present), the model's scope for it, and the minor rule.
    func evaluateTriage(_ model: SuspicionModel, examples: [LabeledExample], lexicon: Lexicon) throws -> SuspicionEvaluation {
        let configuration = CommandLineConfiguration.shared
        let categories =
            configuration.hasModel(categoryModel) ? try CategoryModel(file: configuration.loadModelFile(categoryModel)) : nil
        try categories?.check(against: lexicon)
        let scorer = Scorer(suspicion: model, category: categories, threshold: threshold)
        let labeled = examples.filter { $0.suspicious != nil }
        let assessments = labeled.map { scorer.assess($0.vector, youngestAge: $0.youngestAge)! }
        return SuspicionEvaluation(
            assessments: assessments, labels: labeled.map { $0.suspicious! }, threshold: threshold ?? model.threshold)
    }
}
