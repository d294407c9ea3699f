import ArgumentParser
import Foundation
import RedFlagFeatures
import RedFlagIngest
import RedFlagModel
import RedFlagPipeline
import RedFlagQueue
import RedFlagContract
import RedFlagService

struct TrainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train a suspicion or ad-category model and save it under Models/.",
        discussion: """
            --data reads JSONL or CSV with a label field: suspicious/benign (or 1/0, true/false) trains a suspicion \
            model; escort/massage/dating/other trains a category model (--kind chooses when both are present). \
            --from-queue learns from a review queue's decisions (confirmed/escalated = suspicious, dismissed = \
            benign) with the features stored when the ads were scored. k-fold cross-validated metrics are printed \
            and stored in the model file with the data files' SHA-256.

            An existing model file is never overwritten without --force (Models/default.json is the shipped model). \
            Training needs at least \(TrainingSizeCheck.minimumExamples) labeled ads with \
            \(TrainingSizeCheck.minimumPerClass) of each class (suspicious and benign, or each category present); \
            below that it refuses unless --allow-small-data, and below \(TrainingSizeCheck.trustedExamples) it warns \
            that the cross-validated metrics are too noisy to trust. Exits 65 when the data is too small, 66 when a \
            data file or queue does not exist.
            """
    )

    @Option(name: .customLong("data"), help: "Labeled JSONL/CSV files (repeatable).")
    var data: [String] = []

    @Option(name: .customLong("from-queue"), help: "A review queue database whose decisions are labels.")
    var fromQueue: String?

    @Option(help: "Where to write the model: Models/NAME (\".json\" is added).")
    var out: String

    @Flag(help: "Overwrite the model file at --out if it exists.")
    var force = false

    @Flag(
        name: .customLong("allow-small-data"),
        help: "Train even below the minimum labeled examples (the model is still written with a warning).")
    var allowSmallData = false

    @Option(help: "suspicion or category (default: suspicion when suspicion labels exist).")
    var kind: KindOption?

    @OptionGroup var labelOptions: LabelOptions

    @Option(name: .customLong("text-field"), help: "JSONL/CSV field holding plain text (comma-separated alternatives).")
    var textField = "text"

    /// 10 rather than 1: on the held-out corpus of unseen layouts and phrasing, ROC-AUC rose from 0.962 (l2 = 1) to
    /// 0.969 (l2 = 10) while the in-sample cross-validated figure barely moved: stronger shrinkage generalises.
    @Option(help: "L2 penalty on the weights (mean-loss scale).")
    var l2 = 10.0

    @Option(help: "Optimizer: lbfgs, newton or sgd.")
    var optimizer = "lbfgs"

    @Option(help: "Cross-validation folds.")
    var folds = 5

    @Option(help: "Calibration: platt or isotonic.")
    var calibration = "platt"

    @Option(help: "Seed for folds and any randomness; training is deterministic for a seed.")
    var seed: UInt64 = 42

    @Option(help: "Indicator lexicon (default: $REDFLAG_LEXICON, else Models/lexicon.yaml).")
    var lexicon: String?

    @OptionGroup var workers: WorkerOptions

    @OptionGroup var selection: SelectionOptions

    func validate() throws {
        guard !data.isEmpty || fromQueue != nil else { throw ValidationError("give --data FILE or --from-queue DB") }
        guard ["lbfgs", "newton", "sgd"].contains(optimizer) else { throw ValidationError("--optimizer: lbfgs, newton or sgd") }
        guard ["platt", "isotonic"].contains(calibration) else { throw ValidationError("--calibration: platt or isotonic") }
        guard folds >= 2 else { throw ValidationError("--folds must be at least 2") }
        guard l2 >= 0 else { throw ValidationError("--l2 must not be negative") }
    }

    /// The model file `--out` names.
    var outputPath: String { out.hasSuffix(".json") ? out : out + ".json" }

    func run() async throws {
        // Refused before any work: training takes minutes, and the shipped model is one typo away.
        if !force && FileManager.default.fileExists(atPath: outputPath) {
            throw CLIError(
                "\(outputPath) already exists; pass --force to overwrite it, or choose another --out")
        }
        for path in data where !FileManager.default.fileExists(atPath: path) {
            throw CLIError("no such data file: \(path)", status: ExitStatus.noInput)
        }
        let extractor = try loadFeatureExtractor(lexicon)
        var examples: [RedFlagContract.LabeledExample] = []
        var files: [ModelFile.DataFile] = []
        if !data.isEmpty {
            let labels = try labelOptions.labels()
            let set: TrainingSet
            do {
                set = try TrainingSet.load(
                    paths: data, options: IngestOptions(textField: textField), labels: labels, features: extractor,
                    jobs: workers.count)
            } catch {
                throw CLIError(commandLineMessage(error))
            }
            examples += set.examples
            files += set.files
            standardError("read \(set.examples.count) labeled ads from \(data.count) file(s); \(set.skipped) skipped (errors or no label)\n")
        }
        if let fromQueue {
            let queue = try openQueue(at: fromQueue, creating: false)
            let decided = try await QueueTraining.examples(from: queue)
            examples += decided
            files.append(ModelFile.DataFile(path: fromQueue, sha256: try sha256Hex(fileAt: fromQueue), records: decided.count))
            standardError("read \(decided.count) decided items from \(fromQueue)\n")
        }
        let size = TrainingSizeCheck(examples: examples)
        if let refusal = size.refusal {
            guard allowSmallData else {
                throw CLIError(refusal + "; pass --allow-small-data to train anyway", status: ExitStatus.dataError)
            }
            standardError("warning: \(refusal); training anyway (--allow-small-data)\n")
        }
        if let warning = size.warning { standardError("warning: \(warning)\n") }
        var options = TrainingOptions()
        options.l2 = l2
        options.balanceClasses = !selection.unbalanced
        options.seed = seed
        options.optimizer = optimizer == "newton" ? .newton : optimizer == "sgd" ? .sgd : .lbfgs
        let trainer = ModelTrainer(options: options, folds: folds, calibrationMethod: calibration)
        let name = (out as NSString).lastPathComponent.replacingOccurrences(of: ".json", with: "")
        let provenance = ModelFile.Provenance(
            dataFiles: files, lexiconSHA256: extractor.lexicon.sha256,
            options: [
                "l2": String(l2), "optimizer": optimizer, "folds": String(folds), "calibration": calibration,
                "seed": String(seed), "label_field": labelOptions.labelField, "category_map": labelOptions.categoryMap ?? "",
            ],
            trainedAt: ISO8601DateFormatter().string(from: Date()), tool: "redflag 0.1.0", notes: selection.notes)
        let kind = kind.map { $0 == .suspicion ? ModelFile.Kind.suspicion : .category }
            ?? (examples.contains { $0.suspicious != nil } ? .suspicion : .category)
        let file: ModelFile
        switch kind {
        case .suspicion where !selection.selectOn.isEmpty:
            file = try trainAndSelect(
                examples: examples, trainer: trainer, name: name, provenance: provenance, extractor: extractor)
        case .suspicion:
            let (model, report) = try trainer.trainSuspicion(
                examples, name: name, provenance: provenance, policy: selection.policy)
            file = model
            print("suspicion model \"\(name)\": \(model.featureNames.count) features, \(folds)-fold cross-validation:")
            for key in ["roc_auc", "average_precision", "ece", "precision", "recall", "f1", "examples", "positives"] {
                print("  \(key): \(formatMetric(report.metrics[key] ?? .nan))")
            }
            print("  threshold (best F1 on held-out scores): \(formatMetric(report.threshold))")
            if !report.droppedFeatures.isEmpty {
                print("  movement features dropped (positive weight): \(report.droppedFeatures.joined(separator: ", "))")
            }
        case .category:
            let realData = Set(selection.crossValidateOn)
            var filter: (@Sendable (RedFlagContract.LabeledExample) -> Bool)?
            if !realData.isEmpty {
                filter = { (example: RedFlagContract.LabeledExample) -> Bool in realData.contains(example.source ?? "") }
            }
            let (model, report) = try trainer.trainCategory(
                examples, name: name, provenance: provenance, crossValidating: filter, priors: try selection.priors(),
                features: selection.categoryFeatures.map { $0.split(separator: ",").map(String.init) })
            file = model
            print("category model \"\(name)\": \(model.featureNames.count) features, \(folds)-fold cross-validation:")
            for key in report.metrics.keys.sorted() { print("  \(key): \(formatMetric(report.metrics[key]!))") }
            print(confusionTable(report.confusion, classes: report.classes))
        }
        try Data(try file.encoded()).write(to: URL(fileURLWithPath: outputPath))
        print("wrote \(outputPath)")
    }
}

enum KindOption: String, ExpressibleByArgument, CaseIterable {
    case suspicion, category
}

/// How labeled data names its labels; shared by `train` and `eval`.
struct LabelOptions: ParsableArguments {
    @Option(name: .customLong("label-field"), help: "Field holding the label.")
    var labelField = "label"

    @Option(name: .customLong("category-field"), help: "Field holding the ad category.")
    var categoryField = "category"

    @Option(name: .customLong("category-map"), help: "Rename category values, e.g. 2=massage,3=escort,4=other.")
    var categoryMap: String?

    func labels() throws -> TrainingSet.Labels {
        var labels = TrainingSet.Labels()
        labels.field = labelField
        labels.categoryField = categoryField
        labels.categoryMap = try parseMap(categoryMap)
        return labels
    }
}

func parseMap(_ text: String?) throws -> [String: String] {
    guard let text, !text.isEmpty else { return [:] }
    var map: [String: String] = [:]
    for pair in text.split(separator: ",") {
        let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2 else { throw ValidationError("--category-map wants KEY=CATEGORY pairs, got \"\(pair)\"") }
        map[parts[0]] = parts[1]
    }
    return map
}

func formatMetric(_ x: Double) -> String {
    x.isFinite ? (x == x.rounded() && abs(x) > 1 ? String(Int(x)) : String(format: "%.4f", x)) : "n/a"
}

/// A confusion matrix as text: rows are actual classes, columns predicted.
func confusionTable(_ matrix: [[Int]], classes: [String]) -> String {
    let width = max(9, (classes.map(\.count).max() ?? 0) + 2)
    func cell(_ s: String) -> String { String(repeating: " ", count: max(0, width - s.count)) + s }
    var out = cell("actual\\pred")
    for name in classes { out += cell(name) }
    out += "\n"
    for (k, row) in matrix.enumerated() {
        out += cell(classes[k])
        for value in row { out += cell(String(value)) }
        out += "\n"
    }
    return out
}
