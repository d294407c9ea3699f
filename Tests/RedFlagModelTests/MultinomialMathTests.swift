import Foundation
import Testing
import RedFlagModel

@Suite("Multinomial logistic regression")
struct MultinomialMathTests {
    /// Three well-separated Gaussian clusters in two dimensions (plus one noise feature): the fitted softmax puts every
    /// point in its own cluster, is confident about it, and its probabilities sum to one.
    @Test(arguments: [TrainingOptions.Optimizer.newton, .lbfgs, .sgd])
    func recoversSeparatedClusters(optimizer: TrainingOptions.Optimizer) {
        var random = FixtureRandom(seed: 21)
        let centres: [(Double, Double)] = [(4, 0), (-2, 3.5), (-2, -3.5)]
        var rows: [SparseRow] = []
        var labels: [Int] = []
        for i in 0..<300 {
            let label = i % 3
            let (cx, cy) = centres[label]
            rows.append(SparseRow(dense: [cx + random.normal() * 0.5, cy + random.normal() * 0.5, random.normal()]))
            labels.append(label)
        }
        let options = TrainingOptions(optimizer: optimizer, l2: 1, maxIterations: optimizer == .sgd ? 40 : 300)
        let (model, report) = MultinomialLogisticRegression.train(
            rows: rows, labels: labels, classCount: 3, featureCount: 3, options: options)
        if optimizer != .sgd { #expect(report.converged) }
        #expect(report.optimizer == "\(optimizer)")
        for (row, label) in zip(rows, labels) {
            #expect(model.predict(row) == label)
            let probabilities = model.probabilities(row)
            #expect(abs(probabilities.reduce(0, +) - 1) < 1e-12)
            #expect(probabilities.allSatisfy { $0 >= 0 && $0 <= 1 })
        }
        for (label, (cx, cy)) in centres.enumerated() {
            #expect(model.probabilities(SparseRow(dense: [cx, cy, 0]))[label] > 0.9)
        }
        // The penalty centres each feature's weights across classes; the intercepts are centred explicitly.
        for j in 0..<3 {
            #expect(abs(model.weights.map { $0[j] }.reduce(0, +)) < (optimizer == .sgd ? 0.5 : 1e-5))
        }
        #expect(abs(model.intercepts.reduce(0, +)) < 1e-12)
    }

    /// With two classes and the symmetric parameterisation the optimum has w₀ = −w₁, so the penalty λ/2(‖w₀‖² + ‖w₁‖²)
    /// equals (λ/4)‖w₁ − w₀‖²: softmax with λ = 1 is binary logistic regression with λ = 0.5 on the logit difference.
    @Test(arguments: [TrainingOptions.Optimizer.newton, .lbfgs])
    func twoClassesMatchBinaryLogisticRegression(optimizer: TrainingOptions.Optimizer) {
        let data = Synthetic.logisticProblem(rows: 500, features: 10, seed: 8)
        let (binary, _) = LogisticRegression.train(
            rows: data.rows, labels: data.labels, featureCount: 10,
            options: TrainingOptions(optimizer: optimizer, l2: 0.5, tolerance: 1e-9))
        let (softmax, report) = MultinomialLogisticRegression.train(
            rows: data.rows, labels: data.labels.map { $0 ? 1 : 0 }, classCount: 2, featureCount: 10,
            options: TrainingOptions(optimizer: optimizer, l2: 1, tolerance: 1e-9))
        #expect(report.converged)
        for row in data.rows {
            let logits = softmax.logits(row)
            #expect(abs((logits[1] - logits[0]) - binary.logit(row)) < 1e-5)
            #expect(abs(softmax.probabilities(row)[1] - binary.probability(row)) < 1e-6)
        }
        for j in 0..<10 {
            #expect(abs(softmax.weights[0][j] + softmax.weights[1][j]) < 1e-6)
        }
    }

    /// A class that never occurs in training gets probability exactly 0 and is never predicted; the others still fit.
    @Test func absentClassGetsZeroProbability() {
        let rows = [SparseRow(dense: [1, 0]), SparseRow(dense: [0, 1]), SparseRow(dense: [1, 0]), SparseRow(dense: [0, 1])]
        let (model, report) = MultinomialLogisticRegression.train(
            rows: rows, labels: [0, 2, 0, 2], classCount: 3, featureCount: 2, options: TrainingOptions())
        #expect(report.converged)
        for row in rows {
            let probabilities = model.probabilities(row)
            #expect(probabilities[1] == 0)
            #expect(abs(probabilities.reduce(0, +) - 1) < 1e-12)
        }
        #expect(model.predict(rows[0]) == 0)
        #expect(model.predict(rows[1]) == 2)
        #expect(model.weights[1] == [0, 0])
    }

    /// Bit-identical results for the same inputs and seed, and a JSON round trip that preserves the model.
    @Test func deterministicAndCodable() throws {
        var random = FixtureRandom(seed: 4)
        let rows = (0..<120).map { _ in SparseRow(dense: (0..<5).map { _ in random.normal() }) }
        let labels = (0..<120).map { $0 % 4 }
        let options = TrainingOptions(optimizer: .sgd, maxIterations: 10, seed: 77)
        let first = MultinomialLogisticRegression.train(
            rows: rows, labels: labels, classCount: 4, featureCount: 5, options: options).0
        let second = MultinomialLogisticRegression.train(
            rows: rows, labels: labels, classCount: 4, featureCount: 5, options: options).0
        #expect(first == second)
        let decoded = try JSONDecoder().decode(MultinomialLogisticModel.self, from: JSONEncoder().encode(first))
        #expect(decoded == first)
    }
}
