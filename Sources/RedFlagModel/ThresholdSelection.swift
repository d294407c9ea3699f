public import RedFlagContract

/// Calibration and threshold chosen on data unlike the training data.
///
/// The target is over the suspicious ads that show evidence (``EvidenceRule``): an ad with no cue a reviewer could
/// point at is not flagged on its category alone, so no threshold is lowered to reach it.
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
        /// The category model's probabilities of the policy's scoped categories (see ``SuspicionModel/assess``).
        public var scopeProbabilities: [String: Double]
        public var suspicious: Bool

        public init(vector: FeatureVector, category: String?, scopeProbabilities: [String: Double] = [:], suspicious: Bool) {
            self.vector = vector
            self.category = category
            self.scopeProbabilities = scopeProbabilities
            self.suspicious = suspicious
        }
    }

    public var calibration: PlattCalibration
    /// The calibrated score at or above which an ad that shows evidence is flagged.
    public var threshold: Double
    /// Recall over every suspicious ad of the selection data (evidence rule applied; the target is met over the ads
    /// that show evidence, which a score can flag).
    public var recall: Double
    /// Recall over the suspicious ads that show evidence: the figure the target applies to.
    public var evidenceRecall: Double
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
        let logits = examples.map {
            model.assess($0.vector, category: $0.category, scopeProbabilities: $0.scopeProbabilities).logit
        }
        let platt = PlattCalibration.fit(logits: logits, labels: labels)
        let scores = logits.map { platt.probability(logit: $0) }
        // Highest threshold that keeps recall at the target: walk the positives' scores from the top.
        // Only ads that show evidence can be flagged on a score (``EvidenceRule``): the recall target is over those.
        let evidence = examples.map { EvidenceRule.hasEvidence($0.vector) }
        let positiveScores = examples.indices.filter { labels[$0] && evidence[$0] }.map { scores[$0] }.sorted(by: >)
        guard !positiveScores.isEmpty else {
            throw ModelError("no suspicious ad of the selection data shows evidence a score could flag")
        }
        let needed = Int((targetRecall * Double(positiveScores.count)).rounded(.up))
        let threshold = positiveScores[max(0, min(positiveScores.count, needed) - 1)]
        let flagged = examples.indices.map { scores[$0] >= threshold && evidence[$0] }
        let truePositives = zip(flagged, labels).filter { $0 && $1 }.count
        let falsePositives = zip(flagged, labels).filter { $0 && !$1 }.count
        let confusion = Metrics.Confusion(
            tp: truePositives, fp: falsePositives, tn: labels.count - positives - falsePositives,
            fn: positives - truePositives)
        return ThresholdSelection(
            calibration: platt, threshold: threshold, recall: confusion.recall,
            evidenceRecall: Double(positiveScores.filter { $0 >= threshold }.count) / Double(positiveScores.count),
            precision: confusion.precision,
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
        file.metrics["selection_evidence_recall"] = evidenceRecall
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
