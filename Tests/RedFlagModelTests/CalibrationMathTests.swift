import Foundation
import Testing
import RedFlagModel

@Suite("Calibration")
struct CalibrationMathTests {
    /// Labels drawn from P(y = 1 | f) = 1 / (1 + exp(a·f + b)) with a = −1.5, b = 0.5: Platt's fit recovers both.
    @Test func plattRecoversAKnownSigmoid() {
        var random = FixtureRandom(seed: 99)
        let a = -1.5
        let b = 0.5
        var logits: [Double] = []
        var labels: [Bool] = []
        for _ in 0..<20_000 {
            let f = random.uniform() * 8 - 4
            logits.append(f)
            labels.append(random.uniform() < 1 / (1 + exp(a * f + b)))
        }
        let platt = PlattCalibration.fit(logits: logits, labels: labels)
        #expect(abs(platt.a - a) < 0.08)
        #expect(abs(platt.b - b) < 0.08)
        #expect(abs(platt.probability(logit: 0) - 1 / (1 + exp(b))) < 0.02)
        // Larger logits mean positive here, so the map increases.
        #expect(platt.probability(logit: 3) > platt.probability(logit: -3))
    }

    /// Perfectly separated logits still give finite parameters thanks to the smoothed targets (N₊+1)/(N₊+2) and
    /// 1/(N₋+2): the fitted probabilities stop short of 0 and 1.
    @Test func plattStaysFiniteOnSeparableScores() {
        let logits: [Double] = [-3, -2, -1, 1, 2, 3]
        let labels = [false, false, false, true, true, true]
        let platt = PlattCalibration.fit(logits: logits, labels: labels)
        #expect(platt.a.isFinite && platt.b.isFinite && platt.a < 0)
        #expect(platt.probability(logit: 3) < 1 && platt.probability(logit: 3) > 0.7)
        #expect(platt.probability(logit: -3) > 0 && platt.probability(logit: -3) < 0.3)
    }

    /// PAV by hand on labels 0 1 0 1 1 0 at scores 1…6: the violation (1, 0) pools to 0.5; the final 0 pools with
    /// the two 1s before it to 2/3, which no longer violates the 0.5 block. Fitted values 0, .5, .5, 2/3, 2/3, 2/3;
    /// the interior point of the last flat run (score 5) is dropped from the thresholds.
    @Test func isotonicMatchesHandPAV() {
        let iso = IsotonicCalibration.fit(scores: [1, 2, 3, 4, 5, 6], labels: [false, true, false, true, true, false])
        #expect(iso.thresholds == [1, 2, 3, 4, 6])
        #expect(zip(iso.values, [0, 0.5, 0.5, 2.0 / 3, 2.0 / 3]).allSatisfy { abs($0 - $1) < 1e-15 })
        #expect(iso.probability(score: 0) == 0)
        #expect(iso.probability(score: 100) == iso.values.last)
        #expect(abs(iso.probability(score: 3.5) - (0.5 + 0.5 * (2.0 / 3 - 0.5))) < 1e-15)
        #expect(iso.probability(score: 2.5) == 0.5)
    }

    /// Equal scores are pooled before PAV: scores 1, 1, 2 with labels 1, 0, 0 give 0.5 then 0, a violation, so
    /// one block of mean 1/3.
    @Test func isotonicPoolsTiedScores() {
        let iso = IsotonicCalibration.fit(scores: [1, 2, 1], labels: [true, false, false])
        #expect(iso.thresholds == [1, 2])
        #expect(iso.values.allSatisfy { abs($0 - 1.0 / 3) < 1e-15 })
    }

    /// On noisy data the map is non-decreasing everywhere, stays within [0, 1], and is closer to the truth than raw
    /// frequencies would suggest.
    @Test func isotonicIsMonotone() {
        var random = FixtureRandom(seed: 7)
        var scores: [Double] = []
        var labels: [Bool] = []
        for _ in 0..<2_000 {
            let s = random.uniform()
            scores.append((s * 100).rounded() / 100)  // force ties
            labels.append(random.uniform() < s * s)
        }
        let iso = IsotonicCalibration.fit(scores: scores, labels: labels)
        #expect(zip(iso.values, iso.values.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(zip(iso.thresholds, iso.thresholds.dropFirst()).allSatisfy { $0 < $1 })
        var previous = -Double.infinity
        for step in 0...200 {
            let p = iso.probability(score: Double(step) / 200 * 1.2 - 0.1)
            #expect(p >= previous && p >= 0 && p <= 1)
            previous = p
        }
        #expect(abs(iso.probability(score: 0.7) - 0.49) < 0.1)
    }
}
