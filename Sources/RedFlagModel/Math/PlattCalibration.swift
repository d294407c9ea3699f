/// Platt scaling: maps a classifier's logit f to P(y = 1) = 1 / (1 + exp(a·f + b)).
///
/// Follows Platt (1999) with the improvements of Lin, Lin & Weng (2007), "A note on Platt's probabilistic outputs
/// for support vector machines": targets smoothed to (N₊ + 1)/(N₊ + 2) and 1/(N₋ + 2) so separable scores still
/// give finite a, b; every log-term written as an overflow-free softplus; Newton's method on (a, b) with a 1e-12
/// ridge and backtracking Armijo steps. Note Platt's sign: a is negative when larger logits mean positive.
public struct PlattCalibration: Sendable, Codable, Equatable {
    public var a: Double
    public var b: Double

    public init(a: Double, b: Double) {
        self.a = a
        self.b = b
    }

    /// Fits (a, b) to held-out logits and labels (fit on data the model did not train on, or the map is too
    /// confident). With no examples it returns a = 0, b = 0 (probability ½ everywhere).
    public static func fit(logits: [Double], labels: [Bool]) -> PlattCalibration {
        precondition(logits.count == labels.count, "\(logits.count) logits but \(labels.count) labels")
        let positives = Double(labels.filter { $0 }.count)
        let negatives = Double(labels.count) - positives
        guard !logits.isEmpty else { return PlattCalibration(a: 0, b: 0) }
        let high = (positives + 1) / (positives + 2)
        let low = 1 / (negatives + 2)
        let targets = labels.map { $0 ? high : low }

        /// Σ t·(af+b) + log(1 + e^{−(af+b)}), the cross-entropy against the smoothed targets, in softplus form.
        func objective(_ a: Double, _ b: Double) -> Double {
            var total = 0.0
            for i in logits.indices {
                let m = logits[i] * a + b
                total += (targets[i] - 1) * m + LogisticMath.softplus(m)
            }
            return total
        }

        var a = 0.0
        var b = LogisticMath.log((negatives + 1) / (positives + 1))
        var value = objective(a, b)
        let sigma = 1e-12
        for _ in 0..<100 {
            var h11 = sigma
            var h22 = sigma
            var h21 = 0.0
            var g1 = 0.0
            var g2 = 0.0
            for i in logits.indices {
                let f = logits[i]
                let m = f * a + b
                // p = 1/(1 + e^m) is the model's P(y = 1); q = 1 − p.
                let p = LogisticMath.sigmoid(-m)
                let q = LogisticMath.sigmoid(m)
                let d2 = p * q
                h11 += f * f * d2
                h22 += d2
                h21 += f * d2
                let d1 = targets[i] - p
                g1 += f * d1
                g2 += d1
            }
            if abs(g1) < 1e-5 && abs(g2) < 1e-5 { break }
            let determinant = h11 * h22 - h21 * h21
            let da = -(h22 * g1 - h21 * g2) / determinant
            let db = -(-h21 * g1 + h11 * g2) / determinant
            let slope = g1 * da + g2 * db
            var step = 1.0
            var accepted = false
            while step >= 1e-10 {
                let trial = objective(a + step * da, b + step * db)
                if trial < value + 1e-4 * step * slope {
                    a += step * da
                    b += step * db
                    value = trial
                    accepted = true
                    break
                }
                step /= 2
            }
            if !accepted { break }
        }
        return PlattCalibration(a: a, b: b)
    }

    /// 1 / (1 + exp(a·logit + b)), overflow-free.
    public func probability(logit: Double) -> Double {
        LogisticMath.sigmoid(-(a * logit + b))
    }
}
