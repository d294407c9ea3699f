import Foundation
import Testing
@testable import RedFlagModel

@Suite("Binary logistic regression")
struct LogisticRegressionMathTests {
    /// One binary feature, no penalty, no class weights: the MLE fits each group's positive rate exactly, so
    /// intercept = logit(p0) and weight = logit(p1) − logit(p0). Here p0 = 10/40 = 0.25 and p1 = 45/60 = 0.75, so
    /// intercept = ln(1/3) = −1.0986123 and weight = ln 3 − ln(1/3) = 2 ln 3 = 2.1972246.
    @Test(arguments: [TrainingOptions.Optimizer.newton, .lbfgs])
    func closedFormOneBinaryFeature(optimizer: TrainingOptions.Optimizer) {
        let data = Synthetic.oneBinaryFeature(zeroGroup: 40, zeroPositives: 10, oneGroup: 60, onePositives: 45)
        let options = TrainingOptions(optimizer: optimizer, l2: 0, balanceClasses: false, tolerance: 1e-10)
        let (model, report) = LogisticRegression.train(
            rows: data.rows, labels: data.labels, featureCount: 1, options: options)
        #expect(report.converged)
        #expect(abs(model.intercept - log(1.0 / 3.0)) < 1e-6)
        #expect(abs(model.weights[0] - 2 * log(3.0)) < 1e-6)
        #expect(abs(model.probability(SparseRow(indices: [0], values: [1])) - 0.75) < 1e-7)
        // At the MLE the mean log-loss is each group's binary entropy, weighted by group size.
        let entropy = { (p: Double) in -(p * log(p) + (1 - p) * log(1 - p)) }
        #expect(abs(report.finalLoss - (0.4 * entropy(0.25) + 0.6 * entropy(0.75))) < 1e-12)
    }

    /// Balanced weights multiply positives by n/(2n₊) and negatives by n/(2n₋). In the saturated one-feature model the
    /// weighted MLE fits each group's weighted rate, so every group's log-odds (hence the intercept) moves by exactly
    /// log(c₊/c₋) = log(n₋/n₊) = log(220/30) while the feature's weight (a log-odds ratio) does not move.
    @Test(arguments: [TrainingOptions.Optimizer.newton, .lbfgs])
    func balancedClassWeightsShiftTheIntercept(optimizer: TrainingOptions.Optimizer) {
        let data = Synthetic.oneBinaryFeature(zeroGroup: 200, zeroPositives: 10, oneGroup: 50, onePositives: 20)
        var options = TrainingOptions(optimizer: optimizer, l2: 0, balanceClasses: false, tolerance: 1e-10)
        let (plain, _) = LogisticRegression.train(rows: data.rows, labels: data.labels, featureCount: 1, options: options)
        options.balanceClasses = true
        let (balanced, report) = LogisticRegression.train(
            rows: data.rows, labels: data.labels, featureCount: 1, options: options)
        #expect(report.converged)
        #expect(abs(plain.intercept - log(10.0 / 190.0)) < 1e-6)
        #expect(abs((balanced.intercept - plain.intercept) - log(220.0 / 30.0)) < 1e-6)
        #expect(abs(balanced.weights[0] - plain.weights[0]) < 1e-6)
    }

    /// All three optimizers minimise the same objective; Newton and L-BFGS land on the same optimum to 1e-6, SGD
    /// (noisy by design) within a loose band of it.
    @Test func optimizersAgree() {
        let data = Synthetic.logisticProblem(rows: 2_000, features: 50, seed: 11)
        func fit(_ optimizer: TrainingOptions.Optimizer, maxIterations: Int = 300) -> (BinaryLogisticModel, TrainingReport) {
            // 1e-9 is about as far as a line search can tell F apart at F ≈ 0.35 (smaller changes are rounding).
            let options = TrainingOptions(optimizer: optimizer, l2: 1, maxIterations: maxIterations, tolerance: 1e-9)
            return LogisticRegression.train(rows: data.rows, labels: data.labels, featureCount: 50, options: options)
        }
        let (newton, newtonReport) = fit(.newton)
        let (lbfgs, lbfgsReport) = fit(.lbfgs)
        let (sgd, sgdReport) = fit(.sgd, maxIterations: 100)
        #expect(newtonReport.converged && newtonReport.optimizer == "newton")
        #expect(lbfgsReport.converged && lbfgsReport.optimizer == "lbfgs")
        #expect(sgdReport.optimizer == "sgd" && sgdReport.iterations <= 100)
        #expect(Synthetic.maxDifference(newton.parameters, lbfgs.parameters) < 1e-6)
        #expect(abs(newtonReport.finalLoss - lbfgsReport.finalLoss) < 1e-12)
        #expect(sgdReport.finalLoss >= newtonReport.finalLoss - 1e-12)
        #expect(sgdReport.finalLoss - newtonReport.finalLoss < 1e-3 * newtonReport.finalLoss)
        #expect(Synthetic.maxDifference(newton.parameters, sgd.parameters) < 0.05)
        // The weights matter, not just the loss: the fit is far from the zero model.
        #expect((newton.weights.map(abs).max() ?? 0) > 0.3)
    }

    /// Separable data with a penalty has a finite optimum, which Newton and L-BFGS reach; SGD heads the same way.
    @Test(arguments: [TrainingOptions.Optimizer.newton, .lbfgs, .sgd])
    func separableWithPenaltyConverges(optimizer: TrainingOptions.Optimizer) {
        let xs: [Double] = [-3, -2, -1.5, -1, -0.5, 0.5, 1, 1.5, 2, 3]
        let rows = xs.map { SparseRow(indices: [0], values: [$0]) }
        let labels = xs.map { $0 > 0 }
        let options = TrainingOptions(optimizer: optimizer, l2: 0.1, maxIterations: 300)
        let (model, report) = LogisticRegression.train(rows: rows, labels: labels, featureCount: 1, options: options)
        #expect(model.weights[0].isFinite && model.intercept.isFinite)
        #expect(model.weights[0] > 1)
        #expect(abs(model.intercept) < 0.1)
        if optimizer != .sgd { #expect(report.converged) }
        #expect(report.finalLoss.isFinite)
    }

    /// Without a penalty the separable optimum is at infinity: the run must end unconverged with finite weights that
    /// still point the right way.
    @Test(arguments: [TrainingOptions.Optimizer.newton, .lbfgs])
    func separableWithoutPenaltyDoesNotConverge(optimizer: TrainingOptions.Optimizer) {
        let xs: [Double] = [-3, -2, -1.5, -1, -0.5, 0.5, 1, 1.5, 2, 3]
        let rows = xs.map { SparseRow(indices: [0], values: [$0]) }
        let labels = xs.map { $0 > 0 }
        let options = TrainingOptions(optimizer: optimizer, l2: 0, maxIterations: 100)
        let (model, report) = LogisticRegression.train(rows: rows, labels: labels, featureCount: 1, options: options)
        #expect(!report.converged)
        #expect(report.iterations == 100)
        #expect(model.weights[0].isFinite && model.intercept.isFinite && report.finalLoss.isFinite)
        #expect(model.weights[0] > 10)
        #expect(model.probability(SparseRow(indices: [0], values: [0.5])) > 0.99)
    }

    /// Same inputs and seed give bit-identical weights; another seed changes SGD's shuffles and so its weights.
    @Test func deterministicForASeed() {
        let data = Synthetic.logisticProblem(rows: 300, features: 8, seed: 5)
        for optimizer in [TrainingOptions.Optimizer.newton, .lbfgs, .sgd] {
            let options = TrainingOptions(optimizer: optimizer, maxIterations: 20, seed: 9)
            let first = LogisticRegression.train(rows: data.rows, labels: data.labels, featureCount: 8, options: options).0
            let second = LogisticRegression.train(rows: data.rows, labels: data.labels, featureCount: 8, options: options).0
            #expect(first == second)
        }
        let seeded = { (seed: UInt64) in
            LogisticRegression.train(
                rows: data.rows, labels: data.labels, featureCount: 8,
                options: TrainingOptions(optimizer: .sgd, maxIterations: 5, seed: seed)
            ).0
        }
        #expect(seeded(1) != seeded(2))
    }

    /// The analytic gradient and Hessian match central finite differences of the objective, binary and softmax,
    /// with class weights and the penalty on: the solvers' correctness rests on these three functions.
    @Test(arguments: [1, 3])
    func gradientAndHessianMatchFiniteDifferences(outputs: Int) {
        var random = FixtureRandom(seed: 3)
        let d = 4
        let rows = (0..<30).map { _ in
            SparseRow(dense: (0..<d).map { _ in random.uniform() < 0.5 ? 0 : random.normal() })
        }
        let classCount = outputs == 1 ? 2 : outputs
        let labels = (0..<30).map { $0 % 5 == 0 ? 1 : ($0 % classCount == 2 ? 2 : 0) }
        let objective = LogisticObjective(
            matrix: CSRMatrix(rows: rows, columnCount: d), labels: labels, outputs: outputs, classCount: classCount,
            l2: 0.7, balanceClasses: true)
        let theta = (0..<objective.parameterCount).map { _ in random.normal() }
        var gradient = [Double](repeating: 0, count: theta.count)
        let value = objective.valueAndGradient(theta: theta, z: objective.linearPredictor(theta), gradient: &gradient)
        #expect(abs(value - objective.value(theta: theta, z: objective.linearPredictor(theta))) < 1e-15)
        let hessian = objective.hessian(z: objective.linearPredictor(theta))
        let p = theta.count
        let h = 1e-5
        for index in 0..<p {
            var plus = theta
            var minus = theta
            plus[index] += h
            minus[index] -= h
            let numeric = (objective.value(theta: plus, z: objective.linearPredictor(plus))
                - objective.value(theta: minus, z: objective.linearPredictor(minus))) / (2 * h)
            #expect(abs(numeric - gradient[index]) < 1e-8, "gradient[\(index)]")
            var gPlus = gradient
            var gMinus = gradient
            _ = objective.valueAndGradient(theta: plus, z: objective.linearPredictor(plus), gradient: &gPlus)
            _ = objective.valueAndGradient(theta: minus, z: objective.linearPredictor(minus), gradient: &gMinus)
            for other in 0..<p {
                let numericSecond = (gPlus[other] - gMinus[other]) / (2 * h)
                #expect(abs(numericSecond - hessian[other * p + index]) < 1e-7, "hessian[\(other), \(index)]")
            }
        }
        // The line restriction reproduces F and its directional derivative along a direction.
        let direction = (0..<p).map { _ in random.normal() }
        let line = objective.restriction(theta: theta, z: objective.linearPredictor(theta), direction: direction)
        let alpha = 0.3
        let moved = zip(theta, direction).map { $0 + alpha * $1 }
        var movedGradient = gradient
        let movedValue = objective.valueAndGradient(
            theta: moved, z: objective.linearPredictor(moved), gradient: &movedGradient)
        let restricted = objective.lineValueAndSlope(line, alpha: alpha)
        #expect(abs(restricted.value - movedValue) < 1e-12)
        #expect(abs(restricted.slope - zip(movedGradient, direction).map { $0 * $1 }.reduce(0, +)) < 1e-12)
    }

    /// The stable forms hold at extreme logits where the naive formulas overflow or cancel.
    @Test func stableScalarFunctions() {
        #expect(LogisticMath.softplus(1000) == 1000)
        #expect(LogisticMath.softplus(-1000) == 0)
        #expect(abs(LogisticMath.softplus(-40) - exp(-40)) < 1e-30)
        #expect(LogisticMath.sigmoid(-800) == 0)
        #expect(LogisticMath.sigmoid(800) == 1)
        #expect(abs(LogisticMath.sigmoid(-40) - exp(-40)) < 1e-30)
        let model = BinaryLogisticModel(weights: [1e6], intercept: 0)
        #expect(model.probability(SparseRow(indices: [0], values: [-1])) == 0)
        #expect(model.probability(SparseRow(indices: [0], values: [1])) == 1)
    }

    /// Models survive a JSON round trip unchanged (the CLI stores them as JSON).
    @Test func modelCodableRoundTrip() throws {
        let model = BinaryLogisticModel(weights: [0.25, -1.5, 3e-9], intercept: -0.125)
        let decoded = try JSONDecoder().decode(BinaryLogisticModel.self, from: JSONEncoder().encode(model))
        #expect(decoded == model)
    }

    /// Features never seen in training keep a zero weight, and an empty training set gives the zero model.
    @Test func unusedFeaturesAndEmptyInput() {
        let data = Synthetic.oneBinaryFeature(zeroGroup: 20, zeroPositives: 5, oneGroup: 20, onePositives: 15)
        let (model, _) = LogisticRegression.train(
            rows: data.rows, labels: data.labels, featureCount: 3, options: TrainingOptions(optimizer: .newton))
        #expect(model.weights[1] == 0 && model.weights[2] == 0)
        let (empty, report) = LogisticRegression.train(
            rows: [], labels: [], featureCount: 2, options: TrainingOptions())
        #expect(empty == BinaryLogisticModel(weights: [0, 0], intercept: 0))
        #expect(!report.converged && report.iterations == 0)
    }
}
