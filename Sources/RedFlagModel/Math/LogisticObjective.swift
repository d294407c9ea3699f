/// The penalized, class-weighted log-loss of a linear model with one (binary) or K (softmax) outputs.
///
/// F(θ) = Σᵢ sᵢ ℓ(zᵢ, yᵢ) + (λ/2W) Σ w², where zᵢ = Xᵢθ + b, sᵢ = cᵢ/W, cᵢ the class weight of row i and W = Σ cᵢ.
/// Dividing scikit-learn's objective (C = 1/λ) by the total weight leaves its minimiser unchanged and makes the
/// loss and gradient scale-free, so one tolerance fits any data size. Parameters are stored feature-major,
/// θ[j·K + k], with the K intercepts last: a row's non-zero j reads K adjacent numbers. Every sum runs in row
/// order on one thread, so results are bit-identical run to run.
struct LogisticObjective: Sendable {
    let matrix: CSRMatrix
    /// Binary: 0 or 1. Softmax: the class in `0..<outputs`.
    let labels: [Int]
    /// sᵢ = cᵢ / W, summing to 1.
    let rowWeights: [Double]
    /// 1 for binary logistic regression (the logit of class 1), K for softmax.
    let outputs: Int
    /// λ / W.
    let penalty: Double

    var featureCount: Int { matrix.columnCount }
    var rowCount: Int { matrix.rowCount }
    var parameterCount: Int { (featureCount + 1) * outputs }
    /// Index of the first intercept in θ; weights are `0..<interceptOffset`.
    var interceptOffset: Int { featureCount * outputs }

    /// Builds the objective; `classCount` is 2 for binary (`outputs` 1) and K for softmax (`outputs` K).
    ///
    /// Balanced class weights are n / (k · n_c) over the k classes present, exactly scikit-learn's "balanced".
    init(matrix: CSRMatrix, labels: [Int], outputs: Int, classCount: Int, l2: Double, balanceClasses: Bool) {
        precondition(labels.count == matrix.rowCount, "\(labels.count) labels for \(matrix.rowCount) rows")
        precondition(l2 >= 0 && l2.isFinite, "l2 must be a finite non-negative number")
        var counts = [Int](repeating: 0, count: classCount)
        for label in labels {
            precondition(label >= 0 && label < classCount, "label \(label) outside 0..<\(classCount)")
            counts[label] += 1
        }
        let present = counts.filter { $0 > 0 }.count
        let n = Double(labels.count)
        let classWeight = counts.map { count -> Double in
            guard balanceClasses, count > 0 else { return 1 }
            return n / (Double(present) * Double(count))
        }
        var total = 0.0
        for label in labels { total += classWeight[label] }
        let scale = total > 0 ? 1 / total : 0
        self.matrix = matrix
        self.labels = labels
        self.rowWeights = labels.map { classWeight[$0] * scale }
        self.outputs = outputs
        self.penalty = total > 0 ? l2 / total : 0
    }

    /// z = Xθ + b for every row and output (n·K values); with θ a direction it gives that direction's image Xd.
    func linearPredictor(_ theta: [Double]) -> [Double] {
        let k = outputs
        var z = [Double](repeating: 0, count: rowCount * k)
        theta.withUnsafeBufferPointer { t in
            matrix.rowStart.withUnsafeBufferPointer { start in
                matrix.columns.withUnsafeBufferPointer { cols in
                    matrix.values.withUnsafeBufferPointer { vals in
                        z.withUnsafeMutableBufferPointer { out in
                            let intercepts = interceptOffset
                            if k == 1 {
                                // Binary fast path: one dot product per row.
                                let intercept = t[intercepts]
                                for i in 0..<rowCount {
                                    var sum = intercept
                                    for position in start[i]..<start[i + 1] {
                                        sum += t[Int(cols[position])] * vals[position]
                                    }
                                    out[i] = sum
                                }
                                return
                            }
                            for i in 0..<rowCount {
                                let base = i * k
                                for c in 0..<k { out[base + c] = t[intercepts + c] }
                                for position in start[i]..<start[i + 1] {
                                    let j = Int(cols[position]) * k
                                    let v = vals[position]
                                    for c in 0..<k { out[base + c] += t[j + c] * v }
                                }
                            }
                        }
                    }
                }
            }
        }
        return z
    }

    /// ℓ(z, y) of one row, writing ∂ℓ/∂z (K values) into `residual`.
    ///
    /// Binary: softplus(∓z) with residual σ(z) − y taken as −σ(−z) for positives, so neither side rounds to zero
    /// early. Softmax: (m − z_y) + log1p(Σ_{k≠argmax} e^{z_k − m}) instead of lse − z_y, which keeps the loss's
    /// relative precision when the true class dominates (the separable case).
    @inline(__always)
    func rowLoss(
        _ z: UnsafeBufferPointer<Double>, label: Int, residual: UnsafeMutableBufferPointer<Double>
    ) -> Double {
        if outputs == 1 {
            let zi = z[0]
            if label == 1 {
                residual[0] = -LogisticMath.sigmoid(-zi)
                return LogisticMath.softplus(-zi)
            }
            residual[0] = LogisticMath.sigmoid(zi)
            return LogisticMath.softplus(zi)
        }
        var top = 0
        for c in 1..<outputs where z[c] > z[top] { top = c }
        let m = z[top]
        var rest = 0.0
        for c in 0..<outputs where c != top {
            let e = LogisticMath.exp(z[c] - m)
            residual[c] = e
            rest += e
        }
        let inverse = 1 / (1 + rest)
        for c in 0..<outputs where c != top { residual[c] *= inverse }
        residual[top] = inverse
        // p_y − 1 computed without cancellation when y is the dominant class.
        if label == top {
            residual[top] = -rest * inverse
        } else {
            residual[label] -= 1
        }
        return (m - z[label]) + LogisticMath.log1p(rest)
    }

    /// (λ/2W) Σ w² over the weights, intercepts excluded.
    func penaltyValue(_ theta: [Double]) -> Double {
        var sum = 0.0
        for index in 0..<interceptOffset { sum += theta[index] * theta[index] }
        return 0.5 * penalty * sum
    }

    /// F(θ) given z = Xθ + b.
    func value(theta: [Double], z: [Double]) -> Double {
        let k = outputs
        var loss = 0.0
        var scratch = [Double](repeating: 0, count: k)
        z.withUnsafeBufferPointer { zs in
            scratch.withUnsafeMutableBufferPointer { r in
                for i in 0..<rowCount {
                    let row = UnsafeBufferPointer(rebasing: zs[(i * k)..<(i * k + k)])
                    loss += rowWeights[i] * rowLoss(row, label: labels[i], residual: r)
                }
            }
        }
        return loss + penaltyValue(theta)
    }

    /// F(θ) and ∇F(θ) given z = Xθ + b: one sweep over the non-zeros.
    func valueAndGradient(theta: [Double], z: [Double], gradient: inout [Double]) -> Double {
        let k = outputs
        let intercepts = interceptOffset
        for index in gradient.indices { gradient[index] = 0 }
        var loss = 0.0
        var scratch = [Double](repeating: 0, count: k)
        z.withUnsafeBufferPointer { zs in
            scratch.withUnsafeMutableBufferPointer { r in
                gradient.withUnsafeMutableBufferPointer { g in
                    matrix.rowStart.withUnsafeBufferPointer { start in
                        matrix.columns.withUnsafeBufferPointer { cols in
                            matrix.values.withUnsafeBufferPointer { vals in
                                if k == 1 {
                                    // Binary fast path: a scalar residual per row.
                                    for i in 0..<rowCount {
                                        let row = UnsafeBufferPointer(rebasing: zs[i..<(i + 1)])
                                        let s = rowWeights[i]
                                        loss += s * rowLoss(row, label: labels[i], residual: r)
                                        let residual = r[0] * s
                                        g[intercepts] += residual
                                        for position in start[i]..<start[i + 1] {
                                            g[Int(cols[position])] += residual * vals[position]
                                        }
                                    }
                                    return
                                }
                                for i in 0..<rowCount {
                                    let row = UnsafeBufferPointer(rebasing: zs[(i * k)..<(i * k + k)])
                                    let s = rowWeights[i]
                                    loss += s * rowLoss(row, label: labels[i], residual: r)
                                    for c in 0..<k { r[c] *= s }
                                    for c in 0..<k { g[intercepts + c] += r[c] }
                                    for position in start[i]..<start[i + 1] {
                                        let j = Int(cols[position]) * k
                                        let v = vals[position]
                                        for c in 0..<k { g[j + c] += r[c] * v }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        for index in 0..<intercepts { gradient[index] += penalty * theta[index] }
        return loss + penaltyValue(theta)
    }

    /// φ(α) = F(θ + αd) and φ′(α) in O(n·K), from z = Xθ + b and u = Xd precomputed once per search direction.
    ///
    /// The data term only needs z + αu; the penalty is the quadratic (λ/2W)(‖w‖² + 2α w·d + α²‖d‖²). Line searches
    /// therefore never touch the feature matrix, which is what makes a careful strong-Wolfe search affordable.
    func lineValueAndSlope(_ line: LineRestriction, alpha: Double) -> (value: Double, slope: Double) {
        let k = outputs
        var loss = 0.0
        var slope = 0.0
        var point = [Double](repeating: 0, count: k)
        var scratch = [Double](repeating: 0, count: k)
        line.z.withUnsafeBufferPointer { zs in
            line.u.withUnsafeBufferPointer { us in
                point.withUnsafeMutableBufferPointer { p in
                    scratch.withUnsafeMutableBufferPointer { r in
                        for i in 0..<rowCount {
                            let base = i * k
                            for c in 0..<k { p[c] = zs[base + c] + alpha * us[base + c] }
                            let s = rowWeights[i]
                            loss += s * rowLoss(UnsafeBufferPointer(p), label: labels[i], residual: r)
                            var dot = 0.0
                            for c in 0..<k { dot += r[c] * us[base + c] }
                            slope += s * dot
                        }
                    }
                }
            }
        }
        let quadratic = line.weightNormSquared + 2 * alpha * line.weightDotDirection
            + alpha * alpha * line.directionNormSquared
        return (
            loss + 0.5 * penalty * quadratic,
            slope + penalty * (line.weightDotDirection + alpha * line.directionNormSquared)
        )
    }

    /// The quantities `lineValueAndSlope` needs for a search from θ along d.
    func restriction(theta: [Double], z: [Double], direction: [Double]) -> LineRestriction {
        var ww = 0.0
        var wd = 0.0
        var dd = 0.0
        for index in 0..<interceptOffset {
            ww += theta[index] * theta[index]
            wd += theta[index] * direction[index]
            dd += direction[index] * direction[index]
        }
        return LineRestriction(
            z: z, u: linearPredictor(direction), weightNormSquared: ww, weightDotDirection: wd,
            directionNormSquared: dd)
    }

    /// The dense Hessian ∇²F(θ) (row-major, p × p), penalty included, built from z = Xθ + b.
    ///
    /// Each row adds sᵢ · (xᵢxᵢᵀ ⊗ Aᵢ) with Aᵢ = σ(1−σ) (binary) or diag(p) − ppᵀ (softmax). Only pairs of a row's
    /// own non-zeros are visited (Σ nnzᵢ² · K² / 2 updates, never n · p²). The upper triangle is filled one band of
    /// Hessian rows (~256 KB) at a time, each band a sequential pass over the rows: scattering every row's updates
    /// across the whole matrix instead misses the cache on nearly every write once p passes a few hundred.
    func hessian(z: [Double]) -> [Double] {
        let k = outputs
        let kk = k * k
        let p = parameterCount
        let d = featureCount
        // Per-row curvature sᵢAᵢ (K × K each).
        var curvature = [Double](repeating: 0, count: rowCount * kk)
        var probabilities = [Double](repeating: 0, count: k)
        for i in 0..<rowCount {
            let s = rowWeights[i]
            if k == 1 {
                curvature[i] = s * LogisticMath.sigmoid(z[i]) * LogisticMath.sigmoid(-z[i])
                continue
            }
            var m = z[i * k]
            for c in 1..<k { m = max(m, z[i * k + c]) }
            var sum = 0.0
            for c in 0..<k {
                probabilities[c] = LogisticMath.exp(z[i * k + c] - m)
                sum += probabilities[c]
            }
            for c in 0..<k { probabilities[c] /= sum }
            for a in 0..<k {
                for b in 0..<k {
                    curvature[i * kk + a * k + b] = s * ((a == b ? probabilities[a] : 0) - probabilities[a] * probabilities[b])
                }
            }
        }
        var h = [Double](repeating: 0, count: p * p)
        h.withUnsafeMutableBufferPointer { hs in
            curvature.withUnsafeBufferPointer { cv in
                matrix.rowStart.withUnsafeBufferPointer { rowStart in
                    matrix.columns.withUnsafeBufferPointer { cols in
                        matrix.values.withUnsafeBufferPointer { vals in
                            /// H[block j, block l] += coefficient · A (row i's curvature).
                            @inline(__always) func add(_ j: Int, _ l: Int, _ coefficient: Double, _ i: Int) {
                                if k == 1 {
                                    hs[j * p + l] += coefficient * cv[i]
                                    return
                                }
                                for r in 0..<k {
                                    let offset = (j * k + r) * p + l * k
                                    let a = i * kk + r * k
                                    for c in 0..<k { hs[offset + c] += coefficient * cv[a + c] }
                                }
                            }
                            let band = max(1, 32_768 / (p * k))
                            var cursor = Array(rowStart[0..<rowCount])
                            var bandStart = 0
                            while bandStart < d {
                                let bandEnd = min(bandStart + band, d)
                                for i in 0..<rowCount {
                                    let end = rowStart[i + 1]
                                    var a = cursor[i]
                                    while a < end && Int(cols[a]) < bandEnd {
                                        let j = Int(cols[a])
                                        let v = vals[a]
                                        if k == 1 {
                                            let scaled = v * cv[i]
                                            let base = j * p
                                            for q in a..<end { hs[base + Int(cols[q])] += scaled * vals[q] }
                                            hs[base + d] += scaled
                                        } else {
                                            for q in a..<end { add(j, Int(cols[q]), v * vals[q], i) }
                                            add(j, d, v, i)
                                        }
                                        a += 1
                                    }
                                    cursor[i] = a
                                }
                                bandStart = bandEnd
                            }
                            for i in 0..<rowCount { add(d, d, 1, i) }
                            // Mirror the upper triangle into the lower one.
                            for r in 0..<p {
                                for c in 0..<r { hs[r * p + c] = hs[c * p + r] }
                            }
                        }
                    }
                }
            }
        }
        for index in 0..<interceptOffset { h[index * p + index] += penalty }
        return h
    }

    /// ‖g‖∞, the gradient size the convergence test compares with the tolerance.
    static func maxNorm(_ g: [Double]) -> Double {
        var m = 0.0
        for v in g { m = max(m, abs(v)) }
        return m
    }
}
