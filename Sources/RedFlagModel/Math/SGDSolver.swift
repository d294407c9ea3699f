/// Stochastic gradient descent with per-coordinate Adagrad steps, seeded shuffles and averaged iterates.
///
/// One iteration is one epoch over the rows in an order drawn from `SplitMix64(seed)`, so a seed fixes the
/// result bit for bit. Each update touches only the row's non-zeros: the L2 pull on feature j is applied when j
/// occurs, divided by j's row frequency so its expectation is the full penalty gradient. The returned weights are
/// an average of the iterates (Polyak–Ruppert), which cancels most of the noise the steps leave behind; the average
/// restarts at epochs 2, 4, 8, … so it always spans the latest half of the run or more and early, far-off iterates
/// fade out. It is kept lazily per coordinate, so averaging too costs O(nnz) per step. The full objective of the
/// average is evaluated after each epoch for the shared convergence test, which SGD rarely meets: its noise floor
/// sits above a 1e-7 gradient, so expect it to run all `maxIterations` epochs.
enum SGDSolver {
    /// Adagrad's base step η: the first update moves each touched coordinate by at most η.
    static let learningRate = 0.05

    static func minimize(_ objective: LogisticObjective, options: TrainingOptions) -> SolverOutcome {
        let n = objective.rowCount
        let k = objective.outputs
        let p = objective.parameterCount
        let intercepts = objective.interceptOffset
        let matrix = objective.matrix
        let rows = matrix.rowStart
        let columnsArray = matrix.columns
        let valuesArray = matrix.values
        let weightsArray = objective.rowWeights
        let labelsArray = objective.labels
        let test = ConvergenceTest(tolerance: options.tolerance)
        let inverseFrequency = matrix.columnFrequencies().map { $0 > 0 ? 1 / $0 : 0 }
        let eta = learningRate

        var theta = [Double](repeating: 0, count: p)
        var squares = [Double](repeating: 0, count: p)
        var averageSum = [Double](repeating: 0, count: p)
        var lastTouched = [Int](repeating: 0, count: p)
        var averageStart = 0
        var step = 0
        var generator = SplitMix64(seed: options.seed)
        var order = Array(0..<n)
        var margins = [Double](repeating: 0, count: k)
        var residual = [Double](repeating: 0, count: k)
        var gradient = [Double](repeating: 0, count: p)

        var average = theta
        var value = objective.valueAndGradient(
            theta: theta, z: objective.linearPredictor(theta), gradient: &gradient)
        var iterations = 0
        var converged = LogisticObjective.maxNorm(gradient) == 0

        while !converged && iterations < options.maxIterations {
            iterations += 1
            generator.shuffle(&order)
            if iterations >= 2 && (iterations & (iterations - 1)) == 0 {
                averageStart = step
                for c in 0..<p {
                    lastTouched[c] = step
                    averageSum[c] = 0
                }
            }
            let averaging = iterations >= 2
            let penalty = objective.penalty
            let scale = Double(n)
            theta.withUnsafeMutableBufferPointer { t in
                squares.withUnsafeMutableBufferPointer { g2 in
                    averageSum.withUnsafeMutableBufferPointer { sum in
                        lastTouched.withUnsafeMutableBufferPointer { last in
                            margins.withUnsafeMutableBufferPointer { z in
                                residual.withUnsafeMutableBufferPointer { r in
                                    rows.withUnsafeBufferPointer { rowStart in
                                        columnsArray.withUnsafeBufferPointer { columns in
                                            valuesArray.withUnsafeBufferPointer { values in
                                                weightsArray.withUnsafeBufferPointer { rowWeights in
                                                    labelsArray.withUnsafeBufferPointer { labels in
                                                        inverseFrequency.withUnsafeBufferPointer { inverse in
                                                            @inline(__always) func update(_ c: Int, _ g: Double) {
                                                                if averaging {
                                                                    sum[c] += t[c] * Double(step - last[c])
                                                                    last[c] = step
                                                                }
                                                                g2[c] += g * g
                                                                if g2[c] > 0 { t[c] -= eta * g / g2[c].squareRoot() }
                                                            }
                                                            for i in order {
                                                                let range = rowStart[i]..<rowStart[i + 1]
                                                                for c in 0..<k { z[c] = t[intercepts + c] }
                                                                for position in range {
                                                                    let j = Int(columns[position]) * k
                                                                    let v = values[position]
                                                                    for c in 0..<k { z[c] += t[j + c] * v }
                                                                }
                                                                _ = objective.rowLoss(
                                                                    UnsafeBufferPointer(z), label: labels[i], residual: r)
                                                                let weight = scale * rowWeights[i]
                                                                for c in 0..<k {
                                                                    r[c] *= weight
                                                                    update(intercepts + c, r[c])
                                                                }
                                                                for position in range {
                                                                    let feature = Int(columns[position])
                                                                    let v = values[position]
                                                                    let pull = penalty * inverse[feature]
                                                                    for c in 0..<k {
                                                                        let coordinate = feature * k + c
                                                                        update(coordinate, r[c] * v + pull * t[coordinate])
                                                                    }
                                                                }
                                                                step += 1
                                                            }
                                                        }
                                                    }
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            if averaging {
                let span = Double(step - averageStart)
                for c in 0..<p {
                    average[c] = (averageSum[c] + theta[c] * Double(step - lastTouched[c])) / span
                }
            } else {
                average = theta
            }
            let previous = value
            value = objective.valueAndGradient(
                theta: average, z: objective.linearPredictor(average), gradient: &gradient)
            converged = test.isConverged(
                previous: previous, current: value, gradientNorm: LogisticObjective.maxNorm(gradient))
        }
        return SolverOutcome(theta: average, iterations: iterations, converged: converged, loss: value, optimizer: "sgd")
    }
}
