/// Trains L2-penalised, optionally class-balanced softmax regression over K classes.
public enum MultinomialLogisticRegression {
    /// Fits P(k | row) = softmax(Wx + b)_k by minimising the class-weighted cross-entropy plus (λ/2)‖W‖².
    ///
    /// Every class has its own weight vector (the symmetric parameterisation); with λ > 0 the penalty makes it
    /// identifiable, and at the optimum each feature's weights sum to zero over the classes. With two classes this is
    /// binary logistic regression on w₁ − w₀ with penalty λ/2 (‖w₀‖² + ‖w₁‖² = ‖w₁ − w₀‖²/2 there). Only classes that
    /// occur in `labels` are fitted — an absent class has no finite optimum — and the others get probability 0.
    /// Supports all three optimizers; Newton is used while K·(features + 1) ≤ 2,500, else L-BFGS.
    /// Traps on a label outside `0..<classCount`, mismatched lengths, or a feature index ≥ `featureCount`.
    public static func train(
        rows: [SparseRow], labels: [Int], classCount: Int, featureCount: Int, options: TrainingOptions
    ) -> (MultinomialLogisticModel, TrainingReport) {
        precondition(classCount >= 1, "classCount must be positive")
        precondition(rows.count == labels.count, "\(rows.count) rows but \(labels.count) labels")
        var present = [Bool](repeating: false, count: classCount)
        for label in labels {
            precondition(label >= 0 && label < classCount, "label \(label) outside 0..<\(classCount)")
            present[label] = true
        }
        // Compact the classes that occur into 0..<k, in class order.
        var compact = [Int](repeating: -1, count: classCount)
        var original: [Int] = []
        for c in 0..<classCount where present[c] {
            compact[c] = original.count
            original.append(c)
        }
        let k = original.count
        var weights = [[Double]](repeating: [Double](repeating: 0, count: featureCount), count: classCount)
        var intercepts = [Double](repeating: -Double.greatestFiniteMagnitude, count: classCount)
        guard k >= 2 else {
            // Zero or one class: nothing to separate; the lone class (if any) gets probability 1.
            for c in original { intercepts[c] = 0 }
            return (
                MultinomialLogisticModel(weights: weights, intercepts: intercepts),
                TrainingReport(iterations: 0, converged: k == 1, finalLoss: 0, optimizer: "\(options.optimizer)")
            )
        }
        let objective = LogisticObjective(
            matrix: CSRMatrix(rows: rows, columnCount: featureCount), labels: labels.map { compact[$0] },
            outputs: k, classCount: k, l2: options.l2, balanceClasses: options.balanceClasses)
        let outcome = LogisticRegression.solve(objective, options: options)
        let theta = outcome.theta
        var mean = 0.0
        for slot in 0..<k { mean += theta[featureCount * k + slot] }
        mean /= Double(k)
        for (slot, c) in original.enumerated() {
            for j in 0..<featureCount { weights[c][j] = theta[j * k + slot] }
            intercepts[c] = theta[featureCount * k + slot] - mean
        }
        return (
            MultinomialLogisticModel(weights: weights, intercepts: intercepts), LogisticRegression.report(outcome)
        )
    }
}
