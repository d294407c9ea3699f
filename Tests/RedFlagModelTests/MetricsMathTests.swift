import Testing
import RedFlagModel

@Suite("Metrics")
struct MetricsMathTests {
    @Test func aucOnCraftedCases() {
        #expect(Metrics.rocAUC(scores: [0.1, 0.2, 0.8, 0.9], labels: [false, false, true, true]) == 1)
        #expect(Metrics.rocAUC(scores: [0.9, 0.8, 0.2, 0.1], labels: [false, false, true, true]) == 0)
        #expect(Metrics.rocAUC(scores: [0.5, 0.5, 0.5, 0.5], labels: [false, true, false, true]) == 0.5)
        #expect(Metrics.rocAUC(scores: [0.1, 0.2], labels: [true, true]).isNaN)
    }

    /// Positives score 0.9, 0.8, 0.3; negatives 0.8, 0.5, 0.1. Pairs won: 0.9 beats all three (3); 0.8 ties 0.8
    /// (½) and beats 0.5 and 0.1 (2); 0.3 beats only 0.1 (1). AUC = 6.5 / 9.
    @Test func aucWithTiesByHand() {
        let scores = [0.9, 0.8, 0.8, 0.5, 0.3, 0.1]
        let labels = [true, false, true, false, true, false]
        #expect(abs(Metrics.rocAUC(scores: scores, labels: labels) - 6.5 / 9) < 1e-15)
        // The ROC curve's trapezoid area is the same number (ties become diagonal segments).
        let curve = Metrics.rocCurve(scores: scores, labels: labels)
        #expect(curve.first! == (0, 0) && curve.last! == (1, 1))
        var area = 0.0
        for (a, b) in zip(curve, curve.dropFirst()) { area += (b.fpr - a.fpr) * (a.tpr + b.tpr) / 2 }
        #expect(abs(area - 6.5 / 9) < 1e-15)
    }

    /// scikit-learn's docstring example: y_true = [0, 0, 1, 1], scores [0.1, 0.4, 0.35, 0.8] → 0.8333.
    /// Thresholds high to low: 0.8 (P = 1, R = ½), 0.4 (P = ½, R = ½), 0.35 (P = ⅔, R = 1), 0.1 (P = ½, R = 1);
    /// AP = ½·1 + 0·½ + ½·⅔ + 0·½ = 5/6.
    @Test func averagePrecisionMatchesScikitLearn() {
        let ap = Metrics.averagePrecision(scores: [0.1, 0.4, 0.35, 0.8], labels: [false, false, true, true])
        #expect(abs(ap - 5.0 / 6) < 1e-15)
        let curve = Metrics.precisionRecallCurve(scores: [0.1, 0.4, 0.35, 0.8], labels: [false, false, true, true])
        #expect(curve.map(\.threshold) == [0.8, 0.4, 0.35, 0.1])
        #expect(curve.map(\.recall) == [0.5, 0.5, 1, 1])
        #expect(curve.map(\.precision) == [1, 0.5, 2.0 / 3, 0.5])
    }

    /// Tied scores enter together: scores 0.9 (neg) then 0.5 for {neg, pos, neg}. At 0.9: R = 0; at 0.5: one true
    /// positive among four predicted, P = ¼, R = 1, so AP = ¼ (ranking the positive first within the tie would give
    /// ½, last ⅓). scikit-learn gives 0.25.
    @Test func averagePrecisionGroupsTies() {
        let ap = Metrics.averagePrecision(scores: [0.9, 0.5, 0.5, 0.5], labels: [false, false, true, false])
        #expect(abs(ap - 0.25) < 1e-15)
        #expect(Metrics.averagePrecision(scores: [0.3, 0.2], labels: [false, false]).isNaN)
    }

    /// Score ≥ threshold is positive: at 0.5 the 0.5-scored positive counts, so tp 2 (0.9, 0.5), fp 1 (0.6),
    /// fn 1 (0.4), tn 1 (0.2).
    @Test func confusionAtThreshold() {
        let c = Metrics.confusion(scores: [0.9, 0.6, 0.5, 0.4, 0.2], labels: [true, false, true, true, false], threshold: 0.5)
        #expect(c == Metrics.Confusion(tp: 2, fp: 1, tn: 1, fn: 1))
        #expect(abs(c.precision - 2.0 / 3) < 1e-15)
        #expect(abs(c.recall - 2.0 / 3) < 1e-15)
        #expect(abs(c.f1 - 2.0 / 3) < 1e-15)
        #expect(c.accuracy == 0.6)
        let none = Metrics.confusion(scores: [0.1], labels: [false], threshold: 0.5)
        #expect(none.precision == 0 && none.recall == 0 && none.f1 == 0 && none.accuracy == 1)
    }

    /// Bins of width 0.1: [0.05] → |0.05 − 0|; [0.15, 0.15] with one positive → |0.15 − 0.5| twice; [0.85] → 0.15;
    /// [0.95] → 0.05. ECE = (0.05 + 0.7 + 0.15 + 0.05) / 5 = 0.19.
    @Test func expectedCalibrationErrorByHand() {
        let probabilities = [0.05, 0.15, 0.15, 0.85, 0.95]
        let labels = [false, false, true, true, true]
        #expect(abs(Metrics.expectedCalibrationError(probabilities: probabilities, labels: labels) - 0.19) < 1e-12)
        let bins = Metrics.calibrationBins(probabilities: probabilities, labels: labels)
        #expect(bins.map(\.count) == [1, 2, 1, 1])
        #expect(bins[1].lower == 0.1 && bins[1].upper == 0.2 && bins[1].fractionPositive == 0.5)
        #expect(abs(bins[1].meanPredicted - 0.15) < 1e-15)
        // 1.0 falls in the last bin, not past it.
        #expect(Metrics.calibrationBins(probabilities: [1.0], labels: [true]).map(\.upper) == [1])
        #expect(Metrics.expectedCalibrationError(probabilities: [0, 1], labels: [false, true]) == 0)
    }

    /// actual 0 0 1 1 2 2, predicted 0 1 1 1 2 0. Rows are the true class: [[1,1,0],[0,2,0],[1,0,1]].
    /// F1: class 0 = 2·1/(2+2) = ½, class 1 = 2·2/(2+3) = 0.8, class 2 = 2·1/(2+1) = ⅔; macro = 0.65556
    /// (scikit-learn's f1_score(average="macro") gives 0.6555…). A class in neither list is left out.
    @Test func macroF1AndConfusionMatrixByHand() {
        let actual = [0, 0, 1, 1, 2, 2]
        let predicted = [0, 1, 1, 1, 2, 0]
        #expect(Metrics.confusionMatrix(predicted: predicted, actual: actual, classCount: 3) == [[1, 1, 0], [0, 2, 0], [1, 0, 1]])
        let expected = (0.5 + 0.8 + 2.0 / 3) / 3
        #expect(abs(Metrics.macroF1(predicted: predicted, actual: actual, classCount: 3) - expected) < 1e-15)
        #expect(abs(Metrics.macroF1(predicted: predicted, actual: actual, classCount: 5) - expected) < 1e-15)
        #expect(Metrics.macroF1(predicted: [0, 1], actual: [0, 1], classCount: 2) == 1)
    }
}
