/// Finds a step length α satisfying the strong Wolfe conditions (Nocedal & Wright, Algorithms 3.5 and 3.6).
///
/// Sufficient decrease φ(α) ≤ φ(0) + c₁αφ′(0) guarantees progress; the curvature condition |φ′(α)| ≤ c₂|φ′(0)|
/// keeps sᵀy > 0 so the L-BFGS update stays positive definite. Trial steps are bracketed, then narrowed by a
/// safeguarded cubic interpolation. φ is cheap here (see `LineRestriction`), so up to 40 trials cost little.
///
/// Close to the optimum the decrease a step buys falls below the rounding of φ itself, and an exact Armijo test
/// then rejects good steps at random. As in Hager & Zhang's CG_DESCENT, sufficient decrease is also granted when φ
/// rose by no more than its rounding noise while the slope shows the step did not overshoot
/// (φ′(α) ≤ (2c₁ − 1)φ′(0)): the "approximate Wolfe" conditions, which let the gradient finish the job.
struct StrongWolfeSearch {
    var sufficientDecrease = 1e-4
    var curvature = 0.9
    var maxTrials = 40
    /// φ's rounding noise relative to |φ(0)|: a sum over n rows is good to about n ulps.
    static let valueNoise = 1e-13

    /// Armijo's sufficient decrease, or its approximate form when the change is lost in rounding.
    static func decreases(
        value: Double, slope: Double, alpha: Double, value0: Double, slope0: Double, c1: Double
    ) -> Bool {
        if value <= value0 + c1 * alpha * slope0 { return true }
        return value <= value0 + valueNoise * abs(value0) && slope <= (2 * c1 - 1) * slope0
    }

    /// The accepted step and φ there, or nil when no step lowers φ (the minimum is below rounding resolution).
    struct Step {
        let alpha: Double
        let value: Double
    }

    /// Searches α ∈ (0, alphaMax] starting from `initial`; `phi` returns φ(α) and φ′(α). `slope0` must be negative.
    func search(
        value0: Double, slope0: Double, initial: Double, alphaMax: Double,
        phi: (Double) -> (value: Double, slope: Double)
    ) -> Step? {
        precondition(slope0 < 0, "line search needs a descent direction")
        var trials = 0
        var previousAlpha = 0.0
        var previousValue = value0
        var previousSlope = slope0
        var alpha = min(initial, alphaMax)
        while trials < maxTrials {
            trials += 1
            let (value, slope) = phi(alpha)
            let decreases = Self.decreases(
                value: value, slope: slope, alpha: alpha, value0: value0, slope0: slope0, c1: sufficientDecrease)
            if !value.isFinite || !decreases || (trials > 1 && value > previousValue) {
                return zoom(
                    low: (previousAlpha, previousValue, previousSlope), high: (alpha, value, slope),
                    value0: value0, slope0: slope0, trials: &trials, phi: phi)
            }
            if abs(slope) <= -curvature * slope0 {
                return Step(alpha: alpha, value: value)
            }
            if slope >= 0 {
                return zoom(
                    low: (alpha, value, slope), high: (previousAlpha, previousValue, previousSlope),
                    value0: value0, slope0: slope0, trials: &trials, phi: phi)
            }
            if alpha >= alphaMax {
                // Still descending at the cap: sufficient decrease holds, so take the capped step.
                return Step(alpha: alpha, value: value)
            }
            previousAlpha = alpha
            previousValue = value
            previousSlope = slope
            alpha = min(alpha * 4, alphaMax)
        }
        return previousAlpha > 0 && previousValue <= value0 ? Step(alpha: previousAlpha, value: previousValue) : nil
    }

    private typealias Point = (alpha: Double, value: Double, slope: Double)

    /// Narrows [low, high] (low has the lower φ and satisfies sufficient decrease) until a strong Wolfe point is hit.
    private func zoom(
        low lowStart: Point, high highStart: Point, value0: Double, slope0: Double, trials: inout Int,
        phi: (Double) -> (value: Double, slope: Double)
    ) -> Step? {
        var low = lowStart
        var high = highStart
        while trials < maxTrials {
            trials += 1
            let alpha = Self.interpolate(low, high)
            let (value, slope) = phi(alpha)
            let decreases = Self.decreases(
                value: value, slope: slope, alpha: alpha, value0: value0, slope0: slope0, c1: sufficientDecrease)
            if !value.isFinite || !decreases || value > low.value {
                high = (alpha, value, slope)
            } else {
                if abs(slope) <= -curvature * slope0 {
                    return Step(alpha: alpha, value: value)
                }
                if slope * (high.alpha - low.alpha) >= 0 {
                    high = low
                }
                low = (alpha, value, slope)
            }
            if abs(high.alpha - low.alpha) <= 1e-14 * max(low.alpha, high.alpha) { break }
        }
        // Out of trials: the best point found still lowers φ, which is all a descent method needs.
        return low.alpha > 0 && low.value <= value0 ? Step(alpha: low.alpha, value: low.value) : nil
    }

    /// The minimiser of the cubic through both end points' values and slopes, kept inside the middle 80% of the
    /// interval (bisection when the cubic has no usable minimiser or the values are not finite).
    private static func interpolate(_ a: Point, _ b: Point) -> Double {
        let lo = min(a.alpha, b.alpha)
        let hi = max(a.alpha, b.alpha)
        let margin = 0.1 * (hi - lo)
        var candidate = 0.5 * (lo + hi)
        if a.value.isFinite, b.value.isFinite, a.slope.isFinite, b.slope.isFinite {
            let d1 = a.slope + b.slope - 3 * (a.value - b.value) / (a.alpha - b.alpha)
            let radicand = d1 * d1 - a.slope * b.slope
            if radicand >= 0 {
                let d2 = (b.alpha > a.alpha ? 1.0 : -1.0) * radicand.squareRoot()
                let denominator = b.slope - a.slope + 2 * d2
                if denominator != 0 {
                    let t = b.alpha - (b.alpha - a.alpha) * (b.slope + d2 - d1) / denominator
                    if t.isFinite { candidate = t }
                }
            }
        }
        return min(max(candidate, lo + margin), hi - margin)
    }
}
