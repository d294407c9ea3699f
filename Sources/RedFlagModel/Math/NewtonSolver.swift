/// Newton's method with the exact Hessian, a Cholesky solve and a backtracking Armijo line search (with the
/// approximate-Wolfe allowance of `StrongWolfeSearch.decreases` for steps below φ's rounding).
///
/// Quadratic convergence means 6–10 iterations to machine precision on a penalised problem, each costing
/// Σ nnzᵢ²·K²/2 to build the Hessian plus p³/3 to factor it: cheap for a few hundred features, prohibitive for
/// many thousands (see `SolverLimits.newtonMaxParameters`).
enum NewtonSolver {
    static func minimize(_ objective: LogisticObjective, options: TrainingOptions) -> SolverOutcome {
        let p = objective.parameterCount
        let test = ConvergenceTest(tolerance: options.tolerance)
        var theta = [Double](repeating: 0, count: p)
        var z = objective.linearPredictor(theta)
        var gradient = [Double](repeating: 0, count: p)
        var value = objective.valueAndGradient(theta: theta, z: z, gradient: &gradient)
        var iterations = 0
        var converged = LogisticObjective.maxNorm(gradient) == 0

        while !converged && iterations < options.maxIterations {
            iterations += 1
            let hessian = objective.hessian(z: z)
            var largestDiagonal = 0.0
            for i in 0..<p { largestDiagonal = max(largestDiagonal, hessian[i * p + i]) }
            let ridge = SolverLimits.newtonRidge * max(largestDiagonal, Double.leastNormalMagnitude)
            guard let factor = Cholesky.factorWithRidge(hessian, size: p, ridge: ridge) else { break }
            var direction = Cholesky.solve(factor: factor, size: p, rightHandSide: gradient)
            for i in 0..<p { direction[i] = -direction[i] }
            var slope = 0.0
            for i in 0..<p { slope += gradient[i] * direction[i] }
            guard slope < 0 else {
                converged = test.isStalledAtOptimum(value: value, gradientNorm: LogisticObjective.maxNorm(gradient))
                break
            }

            let line = objective.restriction(theta: theta, z: z, direction: direction)
            let rate = line.largestMarginRate
            var alpha = rate > 0 ? min(1, SolverLimits.maxMarginStep / rate) : 1
            var accepted: Double?
            for _ in 0..<60 {
                let trial = objective.lineValueAndSlope(line, alpha: alpha)
                if trial.value.isFinite
                    && StrongWolfeSearch.decreases(
                        value: trial.value, slope: trial.slope, alpha: alpha, value0: value, slope0: slope, c1: 1e-4)
                {
                    accepted = trial.value
                    break
                }
                alpha *= 0.5
            }
            guard accepted != nil else {
                converged = test.isStalledAtOptimum(value: value, gradientNorm: LogisticObjective.maxNorm(gradient))
                break
            }

            for i in 0..<p { theta[i] += alpha * direction[i] }
            for i in z.indices { z[i] += alpha * line.u[i] }
            let previous = value
            value = objective.valueAndGradient(theta: theta, z: z, gradient: &gradient)
            converged = test.isConverged(
                previous: previous, current: value, gradientNorm: LogisticObjective.maxNorm(gradient))
        }
        return SolverOutcome(
            theta: theta, iterations: iterations, converged: converged, loss: value, optimizer: "newton")
    }
}
