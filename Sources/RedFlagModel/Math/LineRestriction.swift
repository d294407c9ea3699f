/// The objective restricted to the line θ + αd: the margins at θ, their change along d, and the penalty's
/// three inner products, so φ(α) costs O(n·K) instead of a pass over the feature matrix.
struct LineRestriction: Sendable {
    /// Xθ + b at the start of the line (n·K).
    let z: [Double]
    /// Xd (n·K): the rate at which each margin moves with α.
    let u: [Double]
    let weightNormSquared: Double
    let weightDotDirection: Double
    let directionNormSquared: Double

    /// The largest |uᵢ|; solvers bound α so that no margin moves further than a set distance per step.
    var largestMarginRate: Double {
        var m = 0.0
        for v in u { m = max(m, abs(v)) }
        return m
    }
}
