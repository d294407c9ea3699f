/// Isotonic calibration: the non-decreasing step map from score to probability that best fits the labels.
///
/// Fitted by pool-adjacent-violators on the scores sorted ascending (equal scores pooled first, as scikit-learn's
/// `IsotonicRegression` does), then reduced to the points where the fitted value changes. Prediction
/// interpolates linearly between those thresholds and clips outside them (`out_of_bounds="clip"`). Unlike Platt it
/// assumes no sigmoid shape, so it needs more held-out data but fixes any monotone distortion.
public struct IsotonicCalibration: Sendable, Codable, Equatable {
    /// Scores, strictly increasing.
    public var thresholds: [Double]
    /// Calibrated probability at each threshold, non-decreasing.
    public var values: [Double]

    public init(thresholds: [Double], values: [Double]) {
        precondition(thresholds.count == values.count, "\(thresholds.count) thresholds but \(values.count) values")
        self.thresholds = thresholds
        self.values = values
    }

    /// Fits the map to held-out scores and labels. Non-finite scores trap: they have no place in the order.
    public static func fit(scores: [Double], labels: [Bool]) -> IsotonicCalibration {
        precondition(scores.count == labels.count, "\(scores.count) scores but \(labels.count) labels")
        precondition(scores.allSatisfy(\.isFinite), "isotonic calibration needs finite scores")
        let order = scores.indices.sorted { scores[$0] < scores[$1] || (scores[$0] == scores[$1] && $0 < $1) }
        // Pool equal scores: one point per distinct score, weighted by its count.
        var xs: [Double] = []
        var sums: [Double] = []
        var weights: [Double] = []
        for i in order {
            let y = labels[i] ? 1.0 : 0.0
            if let last = xs.last, last == scores[i] {
                sums[sums.count - 1] += y
                weights[weights.count - 1] += 1
            } else {
                xs.append(scores[i])
                sums.append(y)
                weights.append(1)
            }
        }
        // Pool adjacent violators: a stack of blocks with non-decreasing means, merging backwards on a violation.
        var blockSum: [Double] = []
        var blockWeight: [Double] = []
        var blockEnd: [Int] = []  // index in xs one past the block's last point
        for index in xs.indices {
            blockSum.append(sums[index])
            blockWeight.append(weights[index])
            blockEnd.append(index + 1)
            while blockSum.count > 1 {
                let last = blockSum.count - 1
                // mean[last − 1] > mean[last], cross-multiplied to stay exact for integer counts.
                guard blockSum[last - 1] * blockWeight[last] > blockSum[last] * blockWeight[last - 1] else { break }
                blockSum[last - 1] += blockSum[last]
                blockWeight[last - 1] += blockWeight[last]
                blockEnd[last - 1] = blockEnd[last]
                blockSum.removeLast()
                blockWeight.removeLast()
                blockEnd.removeLast()
            }
        }
        var fitted = [Double](repeating: 0, count: xs.count)
        var start = 0
        for block in blockSum.indices {
            let mean = blockSum[block] / blockWeight[block]
            for index in start..<blockEnd[block] { fitted[index] = mean }
            start = blockEnd[block]
        }
        // Keep the end points and every point whose value differs from a neighbour's: interpolation through the
        // dropped interior points of a flat run would give the same value anyway.
        var thresholds: [Double] = []
        var values: [Double] = []
        for index in xs.indices {
            let keep = index == 0 || index == xs.count - 1 || fitted[index] != fitted[index - 1]
                || fitted[index] != fitted[index + 1]
            if keep {
                thresholds.append(xs[index])
                values.append(fitted[index])
            }
        }
        return IsotonicCalibration(thresholds: thresholds, values: values)
    }

    /// The calibrated probability: linear between the surrounding thresholds, the end value outside them, 0.5 for
    /// a map fitted on no data.
    public func probability(score: Double) -> Double {
        guard let first = thresholds.first, let last = thresholds.last else { return 0.5 }
        if score <= first { return values[0] }
        if score >= last { return values[values.count - 1] }
        // Binary search for the first threshold above the score.
        var low = 0
        var high = thresholds.count - 1
        while high - low > 1 {
            let middle = (low + high) / 2
            if thresholds[middle] <= score { low = middle } else { high = middle }
        }
        let x0 = thresholds[low]
        let x1 = thresholds[high]
        let t = (score - x0) / (x1 - x0)
        return values[low] + t * (values[high] - values[low])
    }
}
