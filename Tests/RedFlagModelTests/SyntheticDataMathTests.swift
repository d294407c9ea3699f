import Foundation
import RedFlagModel

// Shared fixtures for the math tests (the file name keeps the *MathTests.swift pattern of this test target).

/// A seeded generator for test data, independent of the module's own, so fixtures never shift when it changes.
struct FixtureRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    mutating func uniform() -> Double { Double(next() >> 11) / Double(UInt64(1) << 53) }

    /// Standard normal by Box–Muller.
    mutating func normal() -> Double {
        let u1 = max(uniform(), 1e-300)
        let u2 = uniform()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }
}

enum Synthetic {
    /// Dense Gaussian features (each row stored sparsely, every value non-zero) with labels drawn from a known
    /// logistic model whose intercept makes positives about a third of the rows.
    static func logisticProblem(rows n: Int, features d: Int, seed: UInt64) -> (rows: [SparseRow], labels: [Bool]) {
        var random = FixtureRandom(seed: seed)
        let truth = (0..<d).map { _ in random.normal() * 0.5 }
        var rows: [SparseRow] = []
        var labels: [Bool] = []
        for _ in 0..<n {
            let values = (0..<d).map { _ in random.normal() }
            let row = SparseRow(indices: (0..<d).map { Int32($0) }, values: values)
            rows.append(row)
            labels.append(random.uniform() < 1 / (1 + exp(-(row.dot(truth) - 0.7))))
        }
        return (rows, labels)
    }

    /// One binary feature: `zeroGroup` rows with x = 0 (`zeroPositives` of them positive), `oneGroup` rows with
    /// x = 1 (`onePositives` positive).
    static func oneBinaryFeature(zeroGroup: Int, zeroPositives: Int, oneGroup: Int, onePositives: Int)
        -> (rows: [SparseRow], labels: [Bool])
    {
        var rows: [SparseRow] = []
        var labels: [Bool] = []
        for i in 0..<zeroGroup {
            rows.append(SparseRow(indices: [], values: []))
            labels.append(i < zeroPositives)
        }
        for i in 0..<oneGroup {
            rows.append(SparseRow(indices: [0], values: [1]))
            labels.append(i < onePositives)
        }
        return (rows, labels)
    }

    /// The largest absolute difference between two parameter vectors of equal length.
    static func maxDifference(_ a: [Double], _ b: [Double]) -> Double {
        precondition(a.count == b.count)
        return zip(a, b).map { abs($0 - $1) }.max() ?? 0
    }
}

extension BinaryLogisticModel {
    /// Weights followed by the intercept, for comparing whole models.
    var parameters: [Double] { weights + [intercept] }
}
