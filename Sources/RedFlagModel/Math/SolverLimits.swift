/// Bounds shared by the solvers, kept in one place so their behaviour on degenerate data stays consistent.
enum SolverLimits {
    /// No step may move any row's margin (logit) by more than this. Margins past ±37 already give probabilities
    /// within 1e-16 of 0 or 1, so legitimate problems never need more per step; on separable data without a
    /// penalty it stops quasi-Newton steps from growing geometrically until the weights overflow.
    static let maxMarginStep = 20.0

    /// Newton builds a dense p × p Hessian (8p² bytes) and factors it in p³/3 flops; past this many parameters
    /// (50 MB, ~5 GFLOP a step) the binary and softmax trainers use L-BFGS instead and say so in the report.
    static let newtonMaxParameters = 2_500

    /// Added to the Hessian's diagonal before factoring, relative to its largest diagonal entry: it makes the
    /// unpenalised intercept and unused features (zero rows in the Hessian) factorable without moving the
    /// optimum, which is where the gradient vanishes whatever the step's matrix.
    static let newtonRidge = 1e-10
}
