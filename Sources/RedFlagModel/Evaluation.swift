import RedFlagFeatures

/// How a suspicion model does on labeled data: the figures a reviewers' lead asks for, and two charts.
public struct SuspicionEvaluation: Sendable {
    public var threshold: Double
    public var confusion: Metrics.Confusion
    public var rocAUC: Double
    public var averagePrecision: Double
    public var expectedCalibrationError: Double
    public var calibrationBins: [Metrics.CalibrationBin]
    public var precisionRecall: [(threshold: Double, precision: Double, recall: Double)]

    public init(model: SuspicionModel, examples: [LabeledExample], threshold: Double? = nil) {
        let labeled = examples.filter { $0.suspicious != nil }
        let labels = labeled.map { $0.suspicious! }
        let assessments = labeled.map { model.assess($0.vector) }
        let scores = assessments.map(\.score)
        let logits = assessments.map(\.logit)
        self.threshold = threshold ?? model.threshold
        confusion = Metrics.confusion(scores: scores, labels: labels, threshold: self.threshold)
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
