/// A fitted binary logistic-regression model: P(y = 1 | x) = σ(w·x + b).
public struct BinaryLogisticModel: Sendable, Codable, Equatable {
    /// One weight per feature index.
    public var weights: [Double]
    public var intercept: Double

    public init(weights: [Double], intercept: Double) {
        self.weights = weights
        self.intercept = intercept
    }

    /// The decision function w·x + b (log-odds of the positive class); calibrators take this as their input.
    public func logit(_ row: SparseRow) -> Double {
        row.dot(weights) + intercept
    }

    /// σ(w·x + b), computed without overflow for any logit.
    public func probability(_ row: SparseRow) -> Double {
        LogisticMath.sigmoid(logit(row))
    }
}
