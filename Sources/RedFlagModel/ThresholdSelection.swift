public import RedFlagFeatures

/// Calibration and threshold chosen on data unlike the training data.
///
/// Why: a model calibrated and thresholded on its own training distribution said 0.44 where ads written by someone
/// else were suspicious 80 % of the time, and its F1-optimal threshold caught 39 % of them. A triage tool must not
/// miss most victims, so the threshold is chosen for a recall target (0.90 by default) on a set written
/// independently of the training data, at the best precision that target allows, and the Platt calibration is fitted
/// on that set too, so a score of 0.3 means about 30 % there.
public struct ThresholdSelection: Sendable {
    /// One ad of the selection set: its vector, its category as the category model reads it, and its label.
    public struct Example: Sendable {
        public var vector: FeatureVector
        public var category: String?
        public var suspicious: Bool

        public init(vector: FeatureVector, category: String?, suspicious: Bool) {
            self.vector = vector
            self.category = category
            self.suspicious = suspicious
        }
    }

    public var calibration: PlattCalibration
    /// The calibrated score at or above which an ad is flagged.
    public var threshold: Double
    public var recall: Double
    public var precision: Double
    public var rocAUC: Double
    public var averagePrecision: Double
    /// Expected calibration error on the selection set itself (in-sample for the calibration).
    public var expectedCalibrationError: Double
    public var examples: Int
    public var positives: Int

    /// Fits the calibration on `examples`' logits and picks the highest threshold whose recall reaches
    /// `targetRecall`.
    public static func select(
        model: SuspicionModel, examples: [Example], targetRecall: Double
    ) throws(ModelError) -> ThresholdSelection {
        let labels = examples.map(\.suspicious)
        let positives = labels.filter { $0 }.count
        guard positives > 0, positives < labels.count else {
            throw ModelError("the selection data needs both suspicious and benign ads (has \(positives) of \(labels.count) suspicious)")
        }
        let logits = examples.map { model.assess($0.vector, category: $0.category).logit }
        let platt = PlattCalibration.fit(logits: logits, labels: labels)
        let scores = logits.map { platt.probability(logit: $0) }
        // Highest threshold that keeps recall at the target: walk the positives' scores from the top.
        let positiveScores = zip(scores, labels).filter(\.1).map(\.0).sorted(by: >)
        let needed = Int((targetRecall * Double(positives)).rounded(.up))
        let threshold = positiveScores[max(0, min(positiveScores.count, needed) - 1)]
        let confusion = Metrics.confusion(scores: scores, labels: labels, threshold: threshold)
        return ThresholdSelection(
            calibration: platt, threshold: threshold, recall: confusion.recall, precision: confusion.precision,
            rocAUC: Metrics.rocAUC(scores: logits, labels: labels),
            averagePrecision: Metrics.averagePrecision(scores: logits, labels: labels),
            expectedCalibrationError: Metrics.expectedCalibrationError(probabilities: scores, labels: labels),
            examples: labels.count, positives: positives)
    }

    /// `file` with this calibration and threshold, and the selection figures among its metrics.
    public func applied(to file: ModelFile, source: String, targetRecall: Double) -> ModelFile {
        var file = file
        file.calibration = ModelFile.Calibration(method: "platt", platt: calibration, isotonic: nil)
        file.threshold = threshold
        file.metrics["selection_threshold"] = threshold
        file.metrics["selection_target_recall"] = targetRecall
        file.metrics["selection_recall"] = recall
        file.metrics["selection_precision"] = precision
        file.metrics["selection_roc_auc"] = rocAUC
        file.metrics["selection_average_precision"] = averagePrecision
        file.metrics["selection_ece"] = expectedCalibrationError
        file.metrics["selection_examples"] = Double(examples)
        file.metrics["selection_positives"] = Double(positives)
        file.provenance.notes.append(
            "calibration and threshold chosen on \(source) (\(examples) ads, \(positives) suspicious): threshold for recall >= \(targetRecall)")
        return file
    }
}
