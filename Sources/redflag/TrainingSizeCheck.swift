import RedFlagModel
import RedFlagContract

/// Whether a training set is large enough to give a model worth writing, and large enough to trust its metrics.
///
/// Twenty-two reviewed decisions once gave a model with a cross-validated ROC-AUC of 0.69 and no word of doubt. With
/// five folds, a class of fewer than 20 examples leaves about four per held-out fold, so the threshold, the
/// calibration and every metric come from a handful of ads; below 1,000 examples the metrics still move by several
/// points between seeds.
struct TrainingSizeCheck {
    /// Fewest labeled examples a model is trained from without `--allow-small-data`.
    static let minimumExamples = 100
    /// Fewest examples of each class (suspicious and benign; or each category present).
    static let minimumPerClass = 20
    /// Below this many examples, training warns that the metrics are noisy.
    static let trustedExamples = 1000

    let total: Int
    /// Examples per class, by name.
    let classes: [(name: String, count: Int)]

    init(examples: [LabeledExample]) {
        total = examples.count
        if examples.contains(where: { $0.suspicious != nil }) {
            let suspicious = examples.filter { $0.suspicious == true }.count
            let benign = examples.filter { $0.suspicious == false }.count
            classes = [("suspicious", suspicious), ("benign", benign)]
        } else {
            var counts: [String: Int] = [:]
            for example in examples { if let category = example.category { counts[category, default: 0] += 1 } }
            classes = counts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        }
    }

    private var breakdown: String {
        classes.map { "\($0.count) \($0.name)" }.joined(separator: ", ")
    }

    /// Why the set is too small to train from, or nil.
    var refusal: String? {
        let smallest = classes.map(\.count).min() ?? 0
        guard total < Self.minimumExamples || smallest < Self.minimumPerClass else { return nil }
        return "only \(total) labeled example(s) (\(breakdown.isEmpty ? "no classes" : breakdown)); a model needs at "
            + "least \(Self.minimumExamples), with \(Self.minimumPerClass) of each class, before its scores and "
            + "metrics mean anything"
    }

    /// A warning for a set above the minimum but too small for its metrics to be trusted, or nil.
    var warning: String? {
        guard refusal == nil, total < Self.trustedExamples else { return nil }
        return "a small training set (\(total) examples: \(breakdown)): cross-validated metrics from so few ads "
            + "vary widely; check the model on held-out data with `redflag eval` before relying on it"
    }
}
