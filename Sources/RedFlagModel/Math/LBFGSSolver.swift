/// Limited-memory BFGS (Nocedal & Wright, Algorithm 7.4/7.5) with 10 correction pairs and a strong-Wolfe search.
///
/// Each iteration costs two sweeps over the non-zeros (the direction's image Xd and the new gradient) plus O(n·K)
/// per line-search trial, and memory 2·10·p, so it scales to any feature count. Margins are updated as
/// z ← z + αXd rather than recomputed, which saves a third sweep.
enum LBFGSSolver {
    static let memory = 10

    static func minimize(_ objective: LogisticObjective, options: TrainingOptions) -> SolverOutcome {
        let p = objective.parameterCount
        let test = ConvergenceTest(tolerance: options.tolerance)
        let search = StrongWolfeSearch()
        var theta = [Double](repeating: 0, count: p)
        var z = objective.linearPredictor(theta)
        var gradient = [Double](repeating: 0, count: p)
        var value = objective.valueAndGradient(theta: theta, z: z, gradient: &gradient)
        var history: [(s: [Double], y: [Double], rho: Double)] = []
        var iterations = 0
        var converged = LogisticObjective.maxNorm(gradient) == 0
        var direction = [Double](repeating: 0, count: p)
        var newGradient = [Double](repeating: 0, count: p)
        var alphas = [Double](repeating: 0, count: memory)

        while !converged && iterations < options.maxIterations {
            iterations += 1
            // Two-loop recursion: direction = −H·g with H₀ = (sᵀy / yᵀy)·I from the newest pair.
            for index in 0..<p { direction[index] = -gradient[index] }
            for (slot, pair) in history.enumerated().reversed() {
                let a = pair.rho * dot(pair.s, direction)
                alphas[slot] = a
                axpy(-a, pair.y, &direction)
            }
            if let newest = history.last {
                let gamma = dot(newest.s, newest.y) / dot(newest.y, newest.y)
                for index in 0..<p { direction[index] *= gamma }
            }
            for (slot, pair) in history.enumerated() {
                let b = pair.rho * dot(pair.y, direction)
                axpy(alphas[slot] - b, pair.s, &direction)
            }
            var slope = dot(gradient, direction)
            if !(slope < 0) {
                // Rounding made the quasi-Newton direction useless: restart from steepest descent.
                history.removeAll()
                for index in 0..<p { direction[index] = -gradient[index] }
                slope = dot(gradient, direction)
                if !(slope < 0) {
                    converged = test.isStalledAtOptimum(
                        value: value, gradientNorm: LogisticObjective.maxNorm(gradient))
                    break
                }
            }
            let line = objective.restriction(theta: theta, z: z, direction: direction)
            let rate = line.largestMarginRate
            let alphaMax = rate > 0 ? SolverLimits.maxMarginStep / rate : Double.greatestFiniteMagnitude
            // First step: unit length in θ (the gradient's scale is arbitrary); later steps: the natural α = 1.
            let initial = history.isEmpty ? min(1, 1 / sqrt(dot(gradient, gradient))) : 1
            guard
                let step = search.search(
                    value0: value, slope0: slope, initial: initial, alphaMax: alphaMax,
                    phi: { objective.lineValueAndSlope(line, alpha: $0) })
            else {
                converged = test.isStalledAtOptimum(value: value, gradientNorm: LogisticObjective.maxNorm(gradient))
                break
            }

            var s = direction
            for index in 0..<p {
                s[index] *= step.alpha
                theta[index] += s[index]
            }
            for index in z.indices { z[index] += step.alpha * line.u[index] }
            let newValue = objective.valueAndGradient(theta: theta, z: z, gradient: &newGradient)
            var y = newGradient
            for index in 0..<p { y[index] -= gradient[index] }
            let sy = dot(s, y)
            if sy > 1e-12 * sqrt(dot(s, s) * dot(y, y)) {
                if history.count == memory { history.removeFirst() }
                history.append((s, y, 1 / sy))
            }
            swap(&gradient, &newGradient)
            let previous = value
            value = newValue
            converged = test.isConverged(
                previous: previous, current: value, gradientNorm: LogisticObjective.maxNorm(gradient))
        }
        return SolverOutcome(
            theta: theta, iterations: iterations, converged: converged, loss: value, optimizer: "lbfgs")
    }

    @inline(__always)
    static func dot(_ a: [Double], _ b: [Double]) -> Double {
        var sum = 0.0
        for index in a.indices { sum += a[index] * b[index] }
        return sum
    }

    @inline(__always)
    static func axpy(_ a: Double, _ x: [Double], _ y: inout [Double]) {
        for index in x.indices { y[index] += a * x[index] }
    }

    @inline(__always)
    static func sqrt(_ x: Double) -> Double { x.squareRoot() }
}
