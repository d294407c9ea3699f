import ArgumentParser
import Foundation
import RedFlagFeatures
import RedFlagIngest
import RedFlagModel
import RedFlagPipeline
import RedFlagService
import RedFlagContract

struct EvalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate a model on labeled data: precision, recall, F1, ROC-AUC, PR-AUC, ECE, confusion matrix.",
        discussion: """
            For a suspicion model also writes pr-curve.svg and calibration.svg to --report-dir, because reviewers' \
            leads would rather look than read. Exits 66 when a data file does not exist and 65 when the data holds no \
            label the model can be judged on; the report folder is then left as it was.
            """
    )

    @Option(name: .customLong("data"), help: "Labeled JSONL/CSV files (repeatable).")
    var data: [String]

    @Option(help: "Model name (Models/NAME.json) or path.")
    var model = "default"

    @Option(name: .customLong("category-model"), help: "Category model read before a suspicion model scores (default: category, when present).")
    var categoryModel = "category"

    @Option(help: "Decision threshold (default: the model's own).")
    var threshold: Double?

    @Option(name: .customLong("report-dir"), help: "Where the SVG charts go.")
    var reportDir = "eval-report"

    @OptionGroup var labelOptions: LabelOptions

    @Option(name: .customLong("text-field"), help: "JSONL/CSV field holding plain text.")
    var textField = "text"

    @Option(help: "Indicator lexicon (default: $REDFLAG_LEXICON, else Models/lexicon.yaml).")
    var lexicon: String?

    @OptionGroup var workers: WorkerOptions

    @Option(
        help: """
            A hand-annotated gold file (JSONL keyed by the SHA-256 of each ad's text, see Models/gold/README.md): \
            prints per-family precision, recall and F1 and phone and age precision and recall instead of model metrics.
            """)
    var gold: String?

    @Option(help: "With --gold: only the annotations of this split (dev or test).")
    var split: String?

    @Flag(help: "With --gold: list every ad where the extractor and the annotation disagree (prints ad text).")
    var disagreements = false

    func run() async throws {
        if let gold {
            try runGold(path: gold)
            return
        }
        for path in data where !FileManager.default.fileExists(atPath: path) {
            throw CLIError("no such data file: \(path)", status: ExitStatus.noInput)
        }
        let extractor = try loadFeatureExtractor(lexicon)
        let file = try CommandLineConfiguration.shared.loadModelFile(model)
        let labels = try labelOptions.labels()
        let set: TrainingSet
        do {
            set = try TrainingSet.load(
                paths: data, options: IngestOptions(textField: textField), labels: labels, features: extractor, jobs: workers.count)
        } catch {
            throw CLIError(commandLineMessage(error))
        }
        let judged = set.examples.filter { file.kind == .suspicion ? $0.suspicious != nil : $0.category != nil }
        if judged.isEmpty {
            let wanted = file.kind == .suspicion ? "suspicious/benign (or 1/0)" : "a category"
            throw CLIError(
                "no labeled ads in \(data.joined(separator: ", ")): none of \(set.examples.count + set.skipped) record(s) "
                    + "has \(wanted) in the field \"\(labelOptions.labelField)\" (choose it with --label-field); "
                    + "nothing was evaluated and \(reportDir) was left as it was",
                status: ExitStatus.dataError)
        }
        switch file.kind {
        case .suspicion:
            let scoring = try SuspicionModel(file: file)
            try scoring.check(against: extractor.lexicon)
            let report = try evaluateTriage(scoring, examples: set.examples, lexicon: extractor.lexicon)
            let c = report.confusion
            print("model \(file.name) on \(c.tp + c.fp + c.tn + c.fn) labeled ads (\(set.skipped) skipped)")
            print("  threshold: \(formatMetric(report.threshold))")
            print("  precision: \(formatMetric(c.precision))  recall: \(formatMetric(c.recall))  F1: \(formatMetric(c.f1))")
            print("  ROC-AUC: \(formatMetric(report.rocAUC))  PR-AUC (average precision): \(formatMetric(report.averagePrecision))")
            print("  expected calibration error: \(formatMetric(report.expectedCalibrationError))")
            print(confusionTable([[c.tn, c.fp], [c.fn, c.tp]], classes: ["benign", "suspicious"]), terminator: "")
            try FileManager.default.createDirectory(atPath: reportDir, withIntermediateDirectories: true)
            let pr = reportDir + "/pr-curve.svg"
            let calibrationPath = reportDir + "/calibration.svg"
            try Data(report.precisionRecallSVG(title: "Precision–recall: \(file.name)").utf8).write(to: URL(fileURLWithPath: pr))
            try Data(report.calibrationSVG(title: "Calibration: \(file.name)").utf8).write(to: URL(fileURLWithPath: calibrationPath))
            print("wrote \(pr) and \(calibrationPath)")
        case .category:
            let scoring = try CategoryModel(file: file)
            try scoring.check(against: extractor.lexicon)
            let report = CategoryEvaluation(model: scoring, examples: set.examples)
            print("model \(file.name) on \(report.confusion.joined().reduce(0, +)) ads with a category (\(set.skipped) skipped)")
            print("  macro-F1: \(formatMetric(report.macroF1))  accuracy: \(formatMetric(report.accuracy))")
            print(confusionTable(report.confusion, classes: report.classes), terminator: "")
        }
    }
}
