/// The stopping rule every solver shares: converged once an accepted step changed F by at most `tolerance`
/// relative to F and left ‖∇F‖∞ at most `tolerance`.
///
/// Both halves are required. The gradient alone also vanishes on separable data without a penalty, where the
/// loss keeps shrinking by a constant factor per step towards an infimum at infinite weights; the relative
/// change stays large there, so such runs end at `maxIterations` reported as not converged. The loss alone can
/// stall on a flat stretch far from the optimum.
struct ConvergenceTest: Sendable {
    let tolerance: Double

    /// |F_prev − F| / max(|F_prev|, |F|), 0 when both are 0.
    static func relativeChange(previous: Double, current: Double) -> Double {
        let scale = max(abs(previous), abs(current))
        return scale > 0 ? abs(previous - current) / scale : 0
    }

    func isConverged(previous: Double, current: Double, gradientNorm: Double) -> Bool {
        Self.relativeChange(previous: previous, current: current) <= tolerance && gradientNorm <= tolerance
    }

    /// Whether a solver that can find no step lowering F (the decrease is below rounding) stands at the optimum.
    ///
    /// Near a well-posed optimum the last steps can change F by less than an ulp, so the gradient alone decides.
    /// A loss of exactly zero is the exception: it only happens without a penalty on separable data, once every
    /// margin is so large the loss underflows, and there the infimum lies at infinite weights.
    func isStalledAtOptimum(value: Double, gradientNorm: Double) -> Bool {
        gradientNorm <= tolerance && value > 0
    }
}
