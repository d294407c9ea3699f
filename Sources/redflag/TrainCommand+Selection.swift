import ArgumentParser
import Foundation
import RedFlagFeatures
import RedFlagIngest
import RedFlagModel
import RedFlagPipeline
import RedFlagContract
import RedFlagService

/// `train` options for choosing regularisation, calibration and threshold on data unlike the training data.
struct SelectionOptions: ParsableArguments {
    @Option(
        name: .customLong("select-on"),
        help: """
            Labeled files, unlike the training data, to choose the L2 penalty (--l2-grid), fit the calibration and set \\
            the threshold on (repeatable). Ads with only a category label count as benign when it is "other".
            """)
    var selectOn: [String] = []

    @Option(name: .customLong("target-recall"), help: "With --select-on: the recall the threshold keeps on that data.")
    var targetRecall = 0.9

    @Option(name: .customLong("l2-grid"), help: "With --select-on: L2 penalties to try, comma-separated (best average precision on the selection data wins).")
    var l2Grid: String?

    @Option(name: .customLong("select-category-model"), help: "Category model that reads the selection ads' categories (default: category).")
    var categoryModel = "category"

    @Option(
        name: .customLong("class-priors"),
        help: "Category models: class shares expected where the model runs, e.g. escort=0.45,massage=0.15,dating=0.03,other=0.37 (intercepts are shifted from the training shares).")
    var classPriors: String?

    func priors() throws -> [String: Double]? {
        guard let classPriors else { return nil }
        var priors: [String: Double] = [:]
        for (name, value) in try parseMap(classPriors) {
            guard let share = Double(value), share > 0, share < 1 else {
                throw ValidationError("--class-priors: \(name)=\(value) is not a share between 0 and 1")
            }
            priors[name] = share
        }
        return priors
    }

    @Option(
        name: .customLong("category-features"),
        help: "Category models: feature-name prefixes to learn from, comma-separated; -PREFIX leaves features out (default: every feature).")
    var categoryFeatures: String?

    @Option(
        name: .customLong("note"),
        help: "A line for the model file's provenance (repeatable): where data came from and under which licence.")
    var notes: [String] = []

    @Flag(help: "Weigh every example alike instead of balancing the classes (scikit-learn's class_weight=None).")
    var unbalanced = false

    @Option(
        name: .customLong("cross-validate-on"),
        help: "Category models: cross-validate over the ads of these --data files only (the real ones); the others stay in every fold's training data.")
    var crossValidateOn: [String] = []

    @Option(help: "Suspicion features: evidence (family-level, sign-constrained, category scopes) or all (every feature but category words).")
    var features: FeatureChoice = .evidence

    enum FeatureChoice: String, ExpressibleByArgument, CaseIterable {
        case evidence, all
    }

    var policy: FeaturePolicy? { features == .evidence ? .evidence : nil }

    func grid(default l2: Double) throws -> [Double] {
        guard let l2Grid else { return [l2] }
        let values = l2Grid.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard !values.isEmpty, values.allSatisfy({ $0 >= 0 }) else {
            throw ValidationError("--l2-grid wants non-negative numbers separated by commas")
        }
        return values
    }
}

extension TrainCommand {
    /// Trains one suspicion model per L2 value, keeps the one with the best average precision on the selection
    /// data, and fits its calibration and threshold there.
    func trainAndSelect(
        examples: [RedFlagContract.LabeledExample], trainer: ModelTrainer, name: String, provenance: ModelFile.Provenance,
        extractor: FeatureExtractor
    ) throws -> ModelFile {
        let categories = try CategoryModel(file: CommandLineConfiguration.shared.loadModelFile(selection.categoryModel))
        try categories.check(against: extractor.lexicon)
        let set: TrainingSet
        do {
            set = try TrainingSet.load(
                paths: selection.selectOn, options: IngestOptions(textField: textField), labels: labelOptions.labels(),
                features: extractor, jobs: workers.count)
        } catch let error as IngestError {
            throw CLIError(error.commandLineMessage)
        }
        let chosen: [ThresholdSelection.Example] = set.examples.compactMap { example in
            let suspicious = example.suspicious ?? (example.category == "other" ? false : nil)
            guard let suspicious else { return nil }
            // Read as scans read them (``CategoryReading``), so the threshold is chosen on the scores a scan gives.
            let reading = categories.reading(of: example.vector, ad: example.vector)
            let probabilities = Dictionary(uniqueKeysWithValues: zip(reading.classes, reading.probabilities))
            let scoped = (selection.policy?.scopes.keys).map { keys in probabilities.filter { keys.contains($0.key) } } ?? [:]
            return ThresholdSelection.Example(
                vector: example.vector, category: reading.name, scopeProbabilities: scoped, suspicious: suspicious)
        }
        standardError("selection data: \(chosen.count) labeled ads from \(selection.selectOn.count) file(s)\n")
        var best: (file: ModelFile, selection: ThresholdSelection, l2: Double)?
        for l2 in try selection.grid(default: self.l2) {
            var trainer = trainer
            trainer.options.l2 = l2
            var provenance = provenance
            provenance.options["l2"] = String(l2)
            let (file, report) = try trainer.trainSuspicion(
                examples, name: name, provenance: provenance, policy: selection.policy)
            let picked = try ThresholdSelection.select(
                model: SuspicionModel(file: file), examples: chosen, targetRecall: selection.targetRecall)
            print(
                "l2 \(l2): cross-validated ROC-AUC \(formatMetric(report.metrics["roc_auc"] ?? .nan)); on the selection data ROC-AUC \(formatMetric(picked.rocAUC)), average precision \(formatMetric(picked.averagePrecision))"
            )
            if best == nil || picked.averagePrecision > best!.selection.averagePrecision { best = (file, picked, l2) }
        }
        guard let best else { throw CLIError("no L2 value to try") }
        let sources = zip(selection.selectOn, set.files).map { "\($0.0) (sha256 \($0.1.sha256.prefix(12)))" }.joined(separator: ", ")
        var file = best.selection.applied(to: best.file, source: sources, targetRecall: selection.targetRecall)
        file.provenance.options["selected_l2"] = String(best.l2)
        file.provenance.dataFiles += set.files
        print("suspicion model \"\(name)\": \(file.featureNames.count) features, l2 \(best.l2)")
        print(
            "  on the selection data: threshold \(formatMetric(best.selection.threshold)) keeps recall \(formatMetric(best.selection.evidenceRecall)) of the suspicious ads that show evidence (\(formatMetric(best.selection.recall)) of all) at precision \(formatMetric(best.selection.precision)); ROC-AUC \(formatMetric(best.selection.rocAUC)), ECE \(formatMetric(best.selection.expectedCalibrationError)) (in-sample for the calibration)"
        )
        return file
    }
}
