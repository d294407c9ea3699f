import Foundation
import Testing
@testable import RedFlagFeatures
@testable import RedFlagModel
import RedFlagContract

@Suite("Sign-constrained training, feature policy, minor rule, threshold selection")
struct ConstrainedTrainingTests {
    /// A feature whose true effect is negative, constrained to be non-negative: the constrained optimum puts its weight
    /// exactly at 0, and the intercept then fits the overall rate, logit(45/100).
    @Test func aWrongSignedWeightStopsAtZero() {
        let data = Synthetic.oneBinaryFeature(zeroGroup: 40, zeroPositives: 30, oneGroup: 60, onePositives: 15)
        var options = TrainingOptions(l2: 0, balanceClasses: false, tolerance: 1e-10)
        options.weightBounds = [.nonNegative]
        let (model, report) = LogisticRegression.train(rows: data.rows, labels: data.labels, featureCount: 1, options: options)
        #expect(report.converged && report.optimizer == "bounded-newton")
        #expect(model.weights[0] == 0)
        #expect(abs(model.intercept - log(0.45 / 0.55)) < 1e-6)
        // Unconstrained, the same feature goes negative.
        options.weightBounds = nil
        let (free, _) = LogisticRegression.train(rows: data.rows, labels: data.labels, featureCount: 1, options: options)
        #expect(free.weights[0] < -1)
    }

    /// When the unconstrained optimum already satisfies the bounds, the bounded solver finds the same point.
    @Test func inactiveBoundsChangeNothing() {
        let data = Synthetic.oneBinaryFeature(zeroGroup: 40, zeroPositives: 10, oneGroup: 60, onePositives: 45)
        var options = TrainingOptions(optimizer: .newton, l2: 0.01, balanceClasses: true, tolerance: 1e-10)
        let (free, _) = LogisticRegression.train(rows: data.rows, labels: data.labels, featureCount: 1, options: options)
        options.weightBounds = [.nonNegative]
        let (bounded, report) = LogisticRegression.train(rows: data.rows, labels: data.labels, featureCount: 1, options: options)
        #expect(report.converged)
        #expect(Synthetic.maxDifference(free.parameters, bounded.parameters) < 1e-6)
    }

    /// On a problem with mixed signs, every bounded weight keeps its side, the projected gradient vanishes, and the
    /// constrained optimum's loss is no worse than clipping the unconstrained weights (which is not the optimum).
    @Test func boundedOptimumBeatsClipping() {
        let data = Synthetic.logisticProblem(rows: 1_500, features: 12, seed: 5)
        let bounds: [WeightBound] = (0..<12).map { $0 % 3 == 0 ? .nonNegative : $0 % 3 == 1 ? .nonPositive : .free }
        var options = TrainingOptions(optimizer: .newton, l2: 0.5, tolerance: 1e-10)
        let (free, _) = LogisticRegression.train(rows: data.rows, labels: data.labels, featureCount: 12, options: options)
        options.weightBounds = bounds
        let (bounded, report) = LogisticRegression.train(rows: data.rows, labels: data.labels, featureCount: 12, options: options)
        #expect(report.converged)
        for (k, bound) in bounds.enumerated() {
            if bound == .nonNegative { #expect(bounded.weights[k] >= 0) }
            if bound == .nonPositive { #expect(bounded.weights[k] <= 0) }
        }
        let objective = LogisticObjective(
            matrix: CSRMatrix(rows: data.rows, columnCount: 12), labels: data.labels.map { $0 ? 1 : 0 }, outputs: 1,
            classCount: 2, l2: 0.5, balanceClasses: true)
        func loss(_ theta: [Double]) -> Double { objective.value(theta: theta, z: objective.linearPredictor(theta)) }
        var clipped = free.parameters
        for (k, bound) in bounds.enumerated() { clipped[k] = min(max(clipped[k], bound.lower), bound.upper) }
        #expect(loss(bounded.parameters) <= loss(clipped) + 1e-12)
        var gradient = [Double](repeating: 0, count: 13)
        _ = objective.valueAndGradient(theta: bounded.parameters, z: objective.linearPredictor(bounded.parameters), gradient: &gradient)
        let lower = bounds.map(\.lower) + [-.infinity]
        let upper = bounds.map(\.upper) + [.infinity]
        #expect(BoundedNewtonSolver.projectedGradientNorm(bounded.parameters, gradient, lower, upper) < 1e-8)
    }

    @Test func policyKeepsFamilyEvidenceAndSigns() {
        let policy = FeaturePolicy.evidence
        #expect(policy.includes("family.youth") && policy.includes("evidence.kinds_2") && policy.includes("lure.hostess"))
        #expect(!policy.includes("youth.young") && !policy.includes("word.bike") && !policy.includes("entity.phone_obfuscated"))
        #expect(policy.bound(of: "family.youth") == .nonNegative)
        #expect(policy.bound(of: "family.movement") == .nonPositive)
        #expect(policy.bound(of: "entity.phone") == .free)
        #expect(policy.bound(of: "category.other") == .free)
    }

    /// In an ordinary classified, weak cues do not count at all, and youth or third-party wording counts only beside
    /// a recruitment lure.
    @Test func ordinaryScopeNeedsALure() {
        let policy = FeaturePolicy.evidence
        let weak = FeatureVector(["family.third_party": 1, "family.availability_24_7": 1, "evidence.kinds_2": 1, "family.youth": 1])
        #expect(policy.apply(weak, category: "other") == FeatureVector(["category.other": 1]))
        #expect(policy.apply(weak, category: "escort") == weak)
        let lure = FeatureVector(["family.youth": 1, "lure.girls_wanted": 1, "family.availability_24_7": 1])
        #expect(policy.apply(lure, category: "other") == FeatureVector(["category.other": 1, "family.youth": 1, "lure.girls_wanted": 1]))
    }

    @Test func minorRuleFlagsUnlessPlainlyOrdinary() {
        let plain = FeatureVector(["family.underage_age": 1, "word.babysitter": 1, MinorRule.ordinaryContextFeature: 1])
        let rule = MinorRule.check(youngestAge: 16, category: ("escort", 0.8), vector: plain)
        #expect(rule?.reason == "stated age 16: a minor" && rule?.family == "underage_age")
        #expect(MinorRule.check(youngestAge: 16, category: ("other", 0.95), vector: plain) == nil)
        // Read as ordinary, but nothing in it says what an ordinary classified offers: flagged (the category model
        // can be confidently wrong on an unfamiliar page).
        let nothingOffered = FeatureVector(["family.underage_age": 1, "family.third_party": 1])
        #expect(MinorRule.check(youngestAge: 16, category: ("other", 0.99), vector: nothingOffered) != nil)
        // Ordinary-looking but with money-for-company wording: flagged.
        let market = FeatureVector(
            ["family.underage_age": 1, "market.need_money": 1, MinorRule.ordinaryContextFeature: 1])
        #expect(MinorRule.check(youngestAge: 16, category: ("other", 0.95), vector: market) != nil)
        // Read as ordinary but barely: flagged.
        #expect(MinorRule.check(youngestAge: 15, category: ("other", MinorRule.ordinaryProbability - 0.05), vector: plain) != nil)
        #expect(MinorRule.check(youngestAge: 18, category: ("escort", 0.9), vector: plain) == nil)
        #expect(MinorRule.check(youngestAge: nil, category: nil, vector: plain) == nil)
    }

    /// The chosen threshold keeps at least the target recall on the selection data, and is the highest that does.
    @Test func thresholdKeepsTheTargetRecall() throws {
        var examples: [ThresholdSelection.Example] = []
        var state: UInt64 = 3
        func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        for _ in 0..<600 {
            let suspicious = next() < 0.4
            var values: [String: Double] = [:]
            if next() < (suspicious ? 0.7 : 0.2) { values["family.youth"] = 1 }
            if next() < (suspicious ? 0.6 : 0.2) { values["family.third_party"] = 1 }
            examples.append(.init(vector: FeatureVector(values), category: "escort", suspicious: suspicious))
        }
        let file = ModelFile(
            schemaVersion: 1, kind: .suspicion, name: "t", featureNames: ["family.third_party", "family.youth"],
            weights: [[1.2, 1.5]], intercepts: [-1.5], classes: ["benign", "suspicious"], calibration: nil,
            threshold: 0.5, provenance: .init(dataFiles: [], lexiconSHA256: "", options: [:], trainedAt: "", tool: "test"),
            metrics: [:], policy: .evidence)
        let selection = try ThresholdSelection.select(model: SuspicionModel(file: file), examples: examples, targetRecall: 0.9)
        #expect(selection.evidenceRecall >= 0.9)
        #expect(selection.recall <= selection.evidenceRecall)
        let applied = selection.applied(to: file, source: "test", targetRecall: 0.9)
        #expect(applied.threshold == selection.threshold && applied.metrics["selection_recall"] == selection.recall)
        // Any higher calibrated score among the positives that show evidence would lose recall below the target.
        let model = try SuspicionModel(file: applied)
        let scores = examples.filter { $0.suspicious && EvidenceRule.hasEvidence($0.vector) }
            .map { model.assess($0.vector, category: $0.category).score }
        let higher = Set(scores).filter { $0 > selection.threshold }.min()
        if let higher {
            #expect(Double(scores.filter { $0 >= higher }.count) / Double(scores.count) < 0.9)
        }
    }
}
