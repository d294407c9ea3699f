/// Evaluation metrics for scores and class predictions, defined as scikit-learn defines them so figures compare.
///
/// Scores are any monotone "more likely positive" numbers (logits or probabilities). Where a metric is undefined
/// (AUC with one class, AP with no positives) it returns NaN rather than a number that could pass for a result.
public enum Metrics {
    /// Area under the ROC curve: the probability that a random positive outscores a random negative, ties counted
    /// half (the Mann–Whitney U statistic over n₊n₋). Computed from average ranks in O(n log n).
    public static func rocAUC(scores: [Double], labels: [Bool]) -> Double {
        precondition(scores.count == labels.count, "\(scores.count) scores but \(labels.count) labels")
        let positives = labels.filter { $0 }.count
        let negatives = labels.count - positives
        guard positives > 0, negatives > 0 else { return .nan }
        let order = scores.indices.sorted { scores[$0] < scores[$1] }
        var rankSum = 0.0
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count && scores[order[end]] == scores[order[start]] { end += 1 }
            // Ranks start+1 ... end share their mean.
            let meanRank = Double(start + 1 + end) / 2
            for position in start..<end where labels[order[position]] { rankSum += meanRank }
            start = end
        }
        let p = Double(positives)
        return (rankSum - p * (p + 1) / 2) / (p * Double(negatives))
    }

    /// Average precision as scikit-learn's `average_precision_score`: Σₙ (Rₙ − Rₙ₋₁)·Pₙ over the distinct score
    /// thresholds taken from high to low, i.e. the area under the step-wise precision–recall curve, with tied
    /// scores entering together. Not interpolated.
    public static func averagePrecision(scores: [Double], labels: [Bool]) -> Double {
        let curve = precisionRecallCurve(scores: scores, labels: labels)
        guard labels.contains(true) else { return .nan }
        var previousRecall = 0.0
        var total = 0.0
        for point in curve {
            total += (point.recall - previousRecall) * point.precision
            previousRecall = point.recall
        }
        return total
    }

    /// Counts at `threshold`: a score ≥ threshold is predicted positive.
    public static func confusion(scores: [Double], labels: [Bool], threshold: Double) -> Confusion {
        precondition(scores.count == labels.count, "\(scores.count) scores but \(labels.count) labels")
        var result = Confusion(tp: 0, fp: 0, tn: 0, fn: 0)
        for (score, label) in zip(scores, labels) {
            switch (score >= threshold, label) {
            case (true, true): result.tp += 1
            case (true, false): result.fp += 1
            case (false, false): result.tn += 1
            case (false, true): result.fn += 1
            }
        }
        return result
    }

    /// One point per distinct score, from the highest threshold to the lowest (recall non-decreasing): predicting
    /// positive every example scoring ≥ threshold gives that precision and recall. Recall is 0 throughout when
    /// there are no positives. Unlike scikit-learn, no artificial (recall 0, precision 1) end point is appended.
    public static func precisionRecallCurve(
        scores: [Double], labels: [Bool]
    ) -> [(threshold: Double, precision: Double, recall: Double)] {
        precondition(scores.count == labels.count, "\(scores.count) scores but \(labels.count) labels")
        let positives = Double(labels.filter { $0 }.count)
        var curve: [(threshold: Double, precision: Double, recall: Double)] = []
        for point in cumulativeCounts(scores: scores, labels: labels) {
            let predicted = Double(point.truePositives + point.falsePositives)
            curve.append(
                (
                    point.threshold, Double(point.truePositives) / predicted,
                    positives > 0 ? Double(point.truePositives) / positives : 0
                ))
        }
        return curve
    }

    /// The ROC curve from (0, 0) through one point per distinct score (high to low) to (1, 1). A class with no
    /// examples has its rate reported as 0.
    public static func rocCurve(scores: [Double], labels: [Bool]) -> [(fpr: Double, tpr: Double)] {
        precondition(scores.count == labels.count, "\(scores.count) scores but \(labels.count) labels")
        let positives = Double(labels.filter { $0 }.count)
        let negatives = Double(labels.count) - positives
        var curve: [(fpr: Double, tpr: Double)] = [(0, 0)]
        for point in cumulativeCounts(scores: scores, labels: labels) {
            curve.append(
                (
                    negatives > 0 ? Double(point.falsePositives) / negatives : 0,
                    positives > 0 ? Double(point.truePositives) / positives : 0
                ))
        }
        return curve
    }

    /// Equal-width bins over [0, 1] (the last one closed at 1); empty bins are left out, so every returned bin has a
    /// defined mean. Probabilities outside [0, 1] are clamped into the end bins.
    public static func calibrationBins(probabilities: [Double], labels: [Bool], binCount: Int = 10) -> [CalibrationBin] {
        precondition(probabilities.count == labels.count, "\(probabilities.count) probabilities but \(labels.count) labels")
        precondition(binCount > 0, "binCount must be positive")
        var counts = [Int](repeating: 0, count: binCount)
        var predictedSums = [Double](repeating: 0, count: binCount)
        var positiveCounts = [Int](repeating: 0, count: binCount)
        for (probability, label) in zip(probabilities, labels) {
            let bin = min(max(Int((probability * Double(binCount)).rounded(.down)), 0), binCount - 1)
            counts[bin] += 1
            predictedSums[bin] += probability
            if label { positiveCounts[bin] += 1 }
        }
        var bins: [CalibrationBin] = []
        for bin in 0..<binCount where counts[bin] > 0 {
            let count = Double(counts[bin])
            bins.append(
                CalibrationBin(
                    lower: Double(bin) / Double(binCount), upper: Double(bin + 1) / Double(binCount),
                    meanPredicted: predictedSums[bin] / count, fractionPositive: Double(positiveCounts[bin]) / count,
                    count: counts[bin]))
        }
        return bins
    }

    /// Expected calibration error: Σ_bins (n_bin / n) · |mean predicted − fraction positive| over equal-width bins;
    /// 0 for no examples.
    public static func expectedCalibrationError(probabilities: [Double], labels: [Bool], binCount: Int = 10) -> Double {
        let bins = calibrationBins(probabilities: probabilities, labels: labels, binCount: binCount)
        guard !probabilities.isEmpty else { return 0 }
        var total = 0.0
        for bin in bins {
            total += Double(bin.count) * abs(bin.meanPredicted - bin.fractionPositive)
        }
        return total / Double(probabilities.count)
    }

    /// The unweighted mean of the per-class F1 over the classes that occur in `actual` or `predicted` (scikit-learn's
    /// `f1_score(average="macro")`); a class predicted but never actual, or the reverse, scores F1 = 0.
    public static func macroF1(predicted: [Int], actual: [Int], classCount: Int) -> Double {
        let matrix = confusionMatrix(predicted: predicted, actual: actual, classCount: classCount)
        var total = 0.0
        var classes = 0
        for c in 0..<classCount {
            let truePositives = matrix[c][c]
            var actualCount = 0
            var predictedCount = 0
            for other in 0..<classCount {
                actualCount += matrix[c][other]
                predictedCount += matrix[other][c]
            }
            guard actualCount + predictedCount > 0 else { continue }
            classes += 1
            total += 2 * Double(truePositives) / Double(actualCount + predictedCount)
        }
        return classes > 0 ? total / Double(classes) : 0
    }

    /// `matrix[actual][predicted]` counts (rows are the true class, as in scikit-learn). Traps on a class outside
    /// `0..<classCount`.
    public static func confusionMatrix(predicted: [Int], actual: [Int], classCount: Int) -> [[Int]] {
        precondition(predicted.count == actual.count, "\(predicted.count) predictions but \(actual.count) labels")
        var matrix = [[Int]](repeating: [Int](repeating: 0, count: classCount), count: classCount)
        for (p, a) in zip(predicted, actual) {
            precondition(p >= 0 && p < classCount && a >= 0 && a < classCount, "class outside 0..<\(classCount)")
            matrix[a][p] += 1
        }
        return matrix
    }

    /// True- and false-positive counts after admitting every example scoring ≥ each distinct score, high to low.
    private static func cumulativeCounts(
        scores: [Double], labels: [Bool]
    ) -> [(threshold: Double, truePositives: Int, falsePositives: Int)] {
        let order = scores.indices.sorted { scores[$0] > scores[$1] || (scores[$0] == scores[$1] && $0 < $1) }
        var points: [(threshold: Double, truePositives: Int, falsePositives: Int)] = []
        var truePositives = 0
        var falsePositives = 0
        var position = 0
        while position < order.count {
            let threshold = scores[order[position]]
            while position < order.count && scores[order[position]] == threshold {
                if labels[order[position]] { truePositives += 1 } else { falsePositives += 1 }
                position += 1
            }
            points.append((threshold, truePositives, falsePositives))
        }
        return points
    }
}
