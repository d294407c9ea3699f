/// Solves a symmetric positive-definite system A x = b by the Cholesky factorisation A = L Lᵀ.
///
/// Newton's Hessian is symmetric and, with the penalty or the solver's ridge, positive definite; Cholesky is the
/// cheapest stable factorisation for it (p³/3 flops, no pivoting) and its failure is a reliable signal that the
/// ridge must grow. The row-oriented loop order reads memory contiguously.
enum Cholesky {
    /// Factors `matrix` (row-major n × n, lower triangle read) in place into L; false if a pivot is not positive.
    static func factor(_ matrix: inout [Double], size n: Int) -> Bool {
        matrix.withUnsafeMutableBufferPointer { a in
            for i in 0..<n {
                let rowI = i * n
                for j in 0...i {
                    let rowJ = j * n
                    // Four interleaved partial sums let the dot product pipeline; the fixed split keeps it
                    // deterministic.
                    var s0 = 0.0
                    var s1 = 0.0
                    var s2 = 0.0
                    var s3 = 0.0
                    var k = 0
                    while k + 4 <= j {
                        s0 += a[rowI + k] * a[rowJ + k]
                        s1 += a[rowI + k + 1] * a[rowJ + k + 1]
                        s2 += a[rowI + k + 2] * a[rowJ + k + 2]
                        s3 += a[rowI + k + 3] * a[rowJ + k + 3]
                        k += 4
                    }
                    while k < j {
                        s0 += a[rowI + k] * a[rowJ + k]
                        k += 1
                    }
                    let sum = a[rowI + j] - ((s0 + s1) + (s2 + s3))
                    if i == j {
                        guard sum > 0, sum.isFinite else { return false }
                        a[rowI + i] = sum.squareRoot()
                    } else {
                        a[rowI + j] = sum / a[rowJ + j]
                    }
                }
            }
            return true
        }
    }

    /// Solves L Lᵀ x = b with a factor from `factor`.
    static func solve(factor l: [Double], size n: Int, rightHandSide b: [Double]) -> [Double] {
        var x = b
        for i in 0..<n {
            var sum = x[i]
            for k in 0..<i { sum -= l[i * n + k] * x[k] }
            x[i] = sum / l[i * n + i]
        }
        for i in stride(from: n - 1, through: 0, by: -1) {
            var sum = x[i]
            for k in (i + 1)..<n { sum -= l[k * n + i] * x[k] }
            x[i] = sum / l[i * n + i]
        }
        return x
    }

    /// Factors `matrix + ridge·I`, multiplying the ridge by 100 after each failure (at most 8 tries); nil if all
    /// fail, which only happens with non-finite entries.
    static func factorWithRidge(_ matrix: [Double], size n: Int, ridge: Double) -> [Double]? {
        var shift = ridge
        for _ in 0..<8 {
            var a = matrix
            for i in 0..<n { a[i * n + i] += shift }
            if factor(&a, size: n) { return a }
            shift *= 100
        }
        return nil
    }
}
