/// A fitted softmax (multinomial logistic) model: P(class k | x) ∝ exp(w_k·x + b_k).
public struct MultinomialLogisticModel: Sendable, Codable, Equatable {
    /// `weights[k][j]`: class k's weight for feature j.
    public var weights: [[Double]]
    /// One intercept per class, centred to sum to zero over the classes seen in training (softmax is unchanged by a
    /// common shift). A class absent from the training labels gets zero weights and the most negative finite
    /// intercept, so its probability is exactly 0 and it is never predicted.
    public var intercepts: [Double]

    public init(weights: [[Double]], intercepts: [Double]) {
        precondition(weights.count == intercepts.count, "\(weights.count) weight rows but \(intercepts.count) intercepts")
        self.weights = weights
        self.intercepts = intercepts
    }

    /// w_k·x + b_k for each class.
    public func logits(_ row: SparseRow) -> [Double] {
        weights.indices.map { row.dot(weights[$0]) + intercepts[$0] }
    }

    /// Softmax of the logits, shifted by their maximum so no exponential overflows; sums to 1.
    public func probabilities(_ row: SparseRow) -> [Double] {
        let z = logits(row)
        guard let top = z.max() else { return [] }
        let e = z.map { LogisticMath.exp($0 - top) }
        var total = 0.0
        for v in e { total += v }
        return e.map { $0 / total }
    }

    /// The class with the largest logit (the lowest index among ties).
    public func predict(_ row: SparseRow) -> Int {
        let z = logits(row)
        var best = 0
        for k in z.indices where z[k] > z[best] { best = k }
        return best
    }
}
