/// Trains L2-penalised, optionally class-balanced binary logistic regression.
public enum LogisticRegression {
    /// Fits P(label | row) = σ(w·x + b) by minimising the class-weighted log-loss plus (λ/2)‖w‖².
    ///
    /// Starts from zero weights and runs `options.optimizer`. With no rows it returns the zero model, not
    /// converged. Traps if `labels` and `rows` differ in length or a row names a feature ≥ `featureCount`.
    public static func train(
        rows: [SparseRow], labels: [Bool], featureCount: Int, options: TrainingOptions
    ) -> (BinaryLogisticModel, TrainingReport) {
        precondition(rows.count == labels.count, "\(rows.count) rows but \(labels.count) labels")
        precondition(featureCount >= 0, "negative feature count")
        guard !rows.isEmpty else {
            return (
                BinaryLogisticModel(weights: [Double](repeating: 0, count: featureCount), intercept: 0),
                TrainingReport(iterations: 0, converged: false, finalLoss: 0, optimizer: "\(options.optimizer)")
            )
        }
        let objective = LogisticObjective(
            matrix: CSRMatrix(rows: rows, columnCount: featureCount), labels: labels.map { $0 ? 1 : 0 },
            outputs: 1, classCount: 2, l2: options.l2, balanceClasses: options.balanceClasses)
        let outcome: SolverOutcome
        if let bounds = options.weightBounds {
            precondition(bounds.count == featureCount, "\(bounds.count) bounds for \(featureCount) features")
            outcome = BoundedNewtonSolver.minimize(
                objective, lower: bounds.map(\.lower) + [-.infinity], upper: bounds.map(\.upper) + [.infinity],
                options: options)
        } else {
            outcome = solve(objective, options: options)
        }
        let model = BinaryLogisticModel(
            weights: Array(outcome.theta[0..<featureCount]), intercept: outcome.theta[featureCount])
        return (model, report(outcome))
    }

    /// Runs the requested optimizer, substituting L-BFGS for Newton when the dense Hessian would be too large.
    static func solve(_ objective: LogisticObjective, options: TrainingOptions) -> SolverOutcome {
        switch options.optimizer {
        case .newton where objective.parameterCount <= SolverLimits.newtonMaxParameters:
            NewtonSolver.minimize(objective, options: options)
        case .newton, .lbfgs:
            LBFGSSolver.minimize(objective, options: options)
        case .sgd:
            SGDSolver.minimize(objective, options: options)
        }
    }

    static func report(_ outcome: SolverOutcome) -> TrainingReport {
        TrainingReport(
            iterations: outcome.iterations, converged: outcome.converged, finalLoss: outcome.loss,
            optimizer: outcome.optimizer)
    }
}
