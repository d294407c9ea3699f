import Foundation
import RedFlagFeatures
public import RedFlagContract

/// Trains the suspicion and category models, with k-fold cross-validation for honest metrics and for the held-out
/// scores that calibration is fitted on.
///
/// Suspicion: L2 logistic regression with balanced class weights (L-BFGS: measured fastest at the same loss, see
/// ``TrainingOptions``), Platt (or isotonic) calibration fitted on out-of-fold logits so that 0.8 means about 80 %
/// positives, and a threshold that maximises F1 on the out-of-fold calibrated scores. Movement language goes
/// *against* trafficking in the evidence (RESEARCH.md), so a movement feature that the data gives a positive weight
/// is dropped before the final fit rather than being allowed to raise a score. Deterministic for a seed.
public struct ModelTrainer: Sendable {
    public var options: TrainingOptions
    public var folds: Int
    /// Features seen in fewer examples than this are left out (noise that only memorises).
    public var minimumFeatureCount: Int
    public var calibrationMethod: String

    public init(options: TrainingOptions = TrainingOptions(), folds: Int = 5, minimumFeatureCount: Int = 2, calibrationMethod: String = "platt") {
        self.options = options
        self.folds = folds
        self.minimumFeatureCount = minimumFeatureCount
        self.calibrationMethod = calibrationMethod
    }

    /// Cross-validated results of the suspicion model.
    public struct SuspicionReport: Sendable {
        public var metrics: [String: Double]
        /// Out-of-fold calibrated probabilities, in example order.
        public var heldOutProbabilities: [Double]
        public var labels: [Bool]
        public var threshold: Double
        public var droppedFeatures: [String]
        public var training: TrainingReport
    }

    /// Trains a suspicion model. With a `policy` (the default, ``FeaturePolicy/evidence``) the model learns only the
    /// features the policy includes, each example seen through its category's scope, with the policy's sign
    /// constraints enforced by the bound-constrained solver. With nil it learns every feature but `word.*`, as models
    /// before policies did, dropping movement features the data gives a positive weight.
    public func trainSuspicion(
        _ examples: [LabeledExample], name: String, provenance: ModelFile.Provenance,
        policy: FeaturePolicy? = .evidence
    ) throws(ModelError) -> (ModelFile, SuspicionReport) {
        let labeled = examples.filter { $0.suspicious != nil }
        let labels = labeled.map { $0.suspicious! }
        let positives = labels.filter { $0 }.count
        guard positives >= folds, labels.count - positives >= folds else {
            throw ModelError(
                "need at least \(folds) suspicious and \(folds) benign examples to train with \(folds)-fold cross-validation (have \(positives) and \(labels.count - positives))")
        }
        var options = options
        var space: FeatureSpace
        var dropped: [String] = []
        let vectors: [FeatureVector]
        if let policy {
            vectors = labeled.map { policy.apply($0.vector, category: $0.category) }
            space = FeatureSpace(covering: vectors, minimumCount: minimumFeatureCount)
            space = FeatureSpace(names: space.names.filter(policy.includes))
            options.weightBounds = space.names.map(policy.bound(of:))
        } else {
            vectors = labeled.map(\.vector)
            // Category words (`word.*`) say what kind of ad it is, not whether it is suspicious: they stay out of this
            // model (on unseen phrasing they cost ROC-AUC: 0.969 without, 0.965 with, on the held-out corpus).
            space = FeatureSpace(covering: vectors, minimumCount: minimumFeatureCount)
            space = FeatureSpace(names: space.names.filter { !$0.hasPrefix("word.") })
            // Movement language may only lower a score: fit once, drop movement features that came out positive.
            let preliminary = LogisticRegression.train(
                rows: vectors.map { space.row($0) }, labels: labels, featureCount: space.count, options: options)
            dropped = space.names.enumerated().filter { k, name in
                FeatureSpace.group(of: name) == Family.movement.rawValue && preliminary.0.weights[k] > 0
            }.map(\.element)
            if !dropped.isEmpty { space = FeatureSpace(names: space.names.filter { !dropped.contains($0) }) }
        }
        let rows = vectors.map { space.row($0) }

        // Out-of-fold logits.
        let foldIndices = CrossValidation.stratifiedFolds(labels: labels.map { $0 ? 1 : 0 }, k: folds, seed: options.seed)
        var heldOutLogits = [Double](repeating: 0, count: rows.count)
        for fold in foldIndices {
            let held = Set(fold)
            let trainIndices = rows.indices.filter { !held.contains($0) }
            let (model, _) = LogisticRegression.train(
                rows: trainIndices.map { rows[$0] }, labels: trainIndices.map { labels[$0] }, featureCount: space.count,
                options: options)
            for i in fold { heldOutLogits[i] = model.logit(rows[i]) }
        }
        var calibration = ModelFile.Calibration(method: calibrationMethod, platt: nil, isotonic: nil)
        let probabilities: [Double]
        if calibrationMethod == "isotonic" {
            let isotonic = IsotonicCalibration.fit(scores: heldOutLogits, labels: labels)
            calibration.isotonic = isotonic
            probabilities = heldOutLogits.map { isotonic.probability(score: $0) }
        } else {
            let platt = PlattCalibration.fit(logits: heldOutLogits, labels: labels)
            calibration.platt = platt
            probabilities = heldOutLogits.map { platt.probability(logit: $0) }
        }
        let threshold = Self.bestF1Threshold(probabilities: probabilities, labels: labels)
        let confusion = Metrics.confusion(scores: probabilities, labels: labels, threshold: threshold)
        let metrics: [String: Double] = [
            "roc_auc": Metrics.rocAUC(scores: heldOutLogits, labels: labels),
            "average_precision": Metrics.averagePrecision(scores: heldOutLogits, labels: labels),
            "ece": Metrics.expectedCalibrationError(probabilities: probabilities, labels: labels),
            "precision": confusion.precision, "recall": confusion.recall, "f1": confusion.f1,
            "examples": Double(labels.count), "positives": Double(positives), "folds": Double(folds),
        ]

        let (final, report) = LogisticRegression.train(
            rows: rows, labels: labels, featureCount: space.count, options: options)
        var provenance = provenance
        if !dropped.isEmpty {
            provenance.notes.append(
                "movement features dropped because the data gave them a positive weight: \(dropped.joined(separator: ", "))")
        }
        let file = ModelFile(
            schemaVersion: ModelFile.currentSchemaVersion, kind: .suspicion, name: name, featureNames: space.names,
            weights: [final.weights], intercepts: [final.intercept], classes: ["benign", "suspicious"],
            calibration: calibration, threshold: threshold, provenance: provenance, metrics: metrics, policy: policy)
        return (
            file,
            SuspicionReport(
                metrics: metrics, heldOutProbabilities: probabilities, labels: labels, threshold: threshold,
                droppedFeatures: dropped, training: report)
        )
    }

    /// The calibrated score that maximises F1 (ties: the higher threshold, for a quieter queue).
    static func bestF1Threshold(probabilities: [Double], labels: [Bool]) -> Double {
        var best = (f1: -1.0, threshold: 0.5)
        for candidate in Set(probabilities).sorted() {
            let f1 = Metrics.confusion(scores: probabilities, labels: labels, threshold: candidate).f1
            if f1 >= best.f1 { best = (f1, candidate) }
        }
        return best.threshold
    }

    /// Cross-validated results of the category model.
    public struct CategoryReport: Sendable {
        public var metrics: [String: Double]
        public var confusion: [[Int]]
        public var classes: [String]
    }

    /// Trains the category model. With `crossValidating`, folds run over the examples it accepts only (the real ads)
    /// while every other example (synthetic ones) stays in each fold's training data, and the metrics are those of
    /// the accepted examples: the figure that says how the model reads ads nobody here wrote.
    ///
    /// `priors` are the class shares expected where the model is used (escort, massage, dating, other). Training data
    /// mixes sources with their own shares (synthetic personals where real dumps hold none); the intercepts are moved
    /// by log(prior / training share) after each fit, the standard correction for a shifted class balance, so that a
    /// class the training data over-represents is not predicted on its word alone.
    public func trainCategory(
        _ examples: [LabeledExample], name: String, provenance: ModelFile.Provenance,
        crossValidating: (@Sendable (LabeledExample) -> Bool)? = nil, priors: [String: Double]? = nil,
        features: [String]? = nil
    ) throws(ModelError) -> (ModelFile, CategoryReport) {
        let classes = AdCategory.allCases.map(\.rawValue)
        let labeled = examples.filter { $0.category != nil && classes.contains($0.category!) }
        let validated = labeled.indices.filter { crossValidating?(labeled[$0]) ?? true }
        guard validated.count >= folds * 2 else {
            throw ModelError("need at least \(folds * 2) examples with a category (escort, massage, dating, other) to cross-validate; have \(validated.count)")
        }
        let labels = labeled.map { classes.firstIndex(of: $0.category!)! }
        var space = FeatureSpace(covering: labeled.map(\.vector), minimumCount: minimumFeatureCount)
        if let features {
            // Prefixes to keep, and "-prefix" to leave out.
            let keep = features.filter { !$0.hasPrefix("-") }
            let drop = features.filter { $0.hasPrefix("-") }.map { String($0.dropFirst()) }
            space = FeatureSpace(
                names: space.names.filter { name in
                    (keep.isEmpty || keep.contains { name.hasPrefix($0) }) && !drop.contains { name.hasPrefix($0) }
                })
        }
        let rows = labeled.map { space.row($0.vector) }
        let foldIndices = CrossValidation.stratifiedFolds(labels: validated.map { labels[$0] }, k: folds, seed: options.seed)
            .map { fold in fold.map { validated[$0] } }
        /// log(prior / training share) per class; the training share is uniform when classes are balanced.
        func shift(_ trainLabels: [Int]) -> [Double] {
            guard let priors else { return [Double](repeating: 0, count: classes.count) }
            return classes.indices.map { k in
                let share =
                    options.balanceClasses
                    ? 1 / Double(Set(trainLabels).count)
                    : Double(trainLabels.filter { $0 == k }.count) / Double(max(1, trainLabels.count))
                guard let prior = priors[classes[k]], prior > 0, share > 0 else { return 0 }
                return log(prior / share)
            }
        }
        var predicted = [Int](repeating: 0, count: rows.count)
        for fold in foldIndices {
            let held = Set(fold)
            let trainIndices = rows.indices.filter { !held.contains($0) }
            let trainLabels = trainIndices.map { labels[$0] }
            var (model, _) = MultinomialLogisticRegression.train(
                rows: trainIndices.map { rows[$0] }, labels: trainLabels, classCount: classes.count,
                featureCount: space.count, options: options)
            for (k, delta) in shift(trainLabels).enumerated() { model.intercepts[k] += delta }
            for i in fold { predicted[i] = model.predict(rows[i]) }
        }
        let actual = validated.map { labels[$0] }
        let guessed = validated.map { predicted[$0] }
        let confusion = Metrics.confusionMatrix(predicted: guessed, actual: actual, classCount: classes.count)
        let present = Set(actual).count
        var metrics: [String: Double] = [
            "macro_f1": Metrics.macroF1(predicted: guessed, actual: actual, classCount: classes.count),
            "accuracy": Double(zip(guessed, actual).filter { $0 == $1 }.count) / Double(actual.count),
            "examples": Double(labels.count), "cross_validated_examples": Double(actual.count),
            "classes_present": Double(present), "folds": Double(folds),
        ]
        for (k, name) in classes.enumerated() {
            metrics["count_" + name] = Double(actual.filter { $0 == k }.count)
            let tp = zip(guessed, actual).filter { $0 == k && $1 == k }.count
            let denominator = actual.filter { $0 == k }.count + guessed.filter { $0 == k }.count
            if denominator > 0 { metrics["f1_" + name] = 2 * Double(tp) / Double(denominator) }
        }
        var (final, _) = MultinomialLogisticRegression.train(
            rows: rows, labels: labels, classCount: classes.count, featureCount: space.count, options: options)
        for (k, delta) in shift(labels).enumerated() { final.intercepts[k] += delta }
        let file = ModelFile(
            schemaVersion: ModelFile.currentSchemaVersion, kind: .category, name: name, featureNames: space.names,
            weights: final.weights, intercepts: final.intercepts, classes: classes, calibration: nil, threshold: nil,
            provenance: provenance, metrics: metrics)
        return (file, CategoryReport(metrics: metrics, confusion: confusion, classes: classes))
    }
}
