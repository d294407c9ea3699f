import RedFlagFeatures
public import RedFlagContract

/// How a suspicion model does on labeled data: the figures a reviewers' lead asks for, and two charts.
public struct SuspicionEvaluation: Sendable {
    public var threshold: Double
    public var confusion: Metrics.Confusion
    public var rocAUC: Double
    public var averagePrecision: Double
    public var expectedCalibrationError: Double
    public var calibrationBins: [Metrics.CalibrationBin]
    public var precisionRecall: [(threshold: Double, precision: Double, recall: Double)]

    /// The model alone on each example's vector (no category scope, no rules).
    public init(model: SuspicionModel, examples: [LabeledExample], threshold: Double? = nil) {
        let labeled = examples.filter { $0.suspicious != nil }
        self.init(
            assessments: labeled.map { model.assess($0.vector, threshold: threshold) }, labels: labeled.map { $0.suspicious! },
            threshold: threshold ?? model.threshold)
    }

    /// Assessments made however the caller scores (category scope and rules included); an ad counts as flagged when
    /// its assessment says so, which is the decision reviewers see.
    public init(assessments: [Assessment], labels: [Bool], threshold: Double) {
        let scores = assessments.map(\.score)
        let logits = assessments.map(\.logit)
        self.threshold = threshold
        var confusion = Metrics.Confusion(tp: 0, fp: 0, tn: 0, fn: 0)
        for (assessment, label) in zip(assessments, labels) {
            switch (assessment.flagged, label) {
            case (true, true): confusion.tp += 1
            case (true, false): confusion.fp += 1
            case (false, false): confusion.tn += 1
            case (false, true): confusion.fn += 1
            }
        }
        self.confusion = confusion
        rocAUC = Metrics.rocAUC(scores: logits, labels: labels)
        averagePrecision = Metrics.averagePrecision(scores: logits, labels: labels)
        expectedCalibrationError = Metrics.expectedCalibrationError(probabilities: scores, labels: labels)
        calibrationBins = Metrics.calibrationBins(probabilities: scores, labels: labels)
        precisionRecall = Metrics.precisionRecallCurve(scores: scores, labels: labels)
    }

    public func precisionRecallSVG(title: String) -> String {
        SVGChart.precisionRecall(
            points: precisionRecall.map { (recall: $0.recall, precision: $0.precision) }, title: title,
            subtitle: "average precision \(format(averagePrecision)), ROC-AUC \(format(rocAUC))")
    }

    public func calibrationSVG(title: String) -> String {
        SVGChart.calibration(
            bins: calibrationBins, title: title, subtitle: "expected calibration error \(format(expectedCalibrationError))")
    }
}

/// How a category model does on data with known categories.
public struct CategoryEvaluation: Sendable {
    public var classes: [String]
    public var confusion: [[Int]]
    public var macroF1: Double
    public var accuracy: Double

    public init(model: CategoryModel, examples: [LabeledExample]) {
        classes = model.file.classes
        let labeled = examples.filter { $0.category.map(model.file.classes.contains) ?? false }
        let actual = labeled.map { model.file.classes.firstIndex(of: $0.category!)! }
        let predicted = labeled.map { model.file.classes.firstIndex(of: model.category(of: $0.vector).name)! }
        confusion = Metrics.confusionMatrix(predicted: predicted, actual: actual, classCount: classes.count)
        macroF1 = Metrics.macroF1(predicted: predicted, actual: actual, classCount: classes.count)
        accuracy = actual.isEmpty ? 0 : Double(zip(predicted, actual).filter { $0 == $1 }.count) / Double(actual.count)
    }
}

func format(_ x: Double) -> String {
    guard x.isFinite else { return "n/a" }
    let scaled = (x * 1000).rounded() / 1000
    return String(scaled)
}
