/// One example's features as parallel index/value arrays, indices strictly increasing.
///
/// Ads produce a few dozen active features out of hundreds, so every training and scoring loop walks only these
/// non-zeros; the strict ordering makes two rows with the same content compare equal and lets the solvers fill
/// only the upper triangle of a Hessian.
public struct SparseRow: Sendable, Equatable {
    /// Feature indices, strictly increasing, each in `0..<featureCount` of the model that reads the row.
    public var indices: [Int32]
    /// The value of each feature named in `indices`, at the same position.
    public var values: [Double]

    /// Wraps indices and values; traps if the counts differ or the indices are not strictly increasing.
    public init(indices: [Int32], values: [Double]) {
        precondition(indices.count == values.count, "SparseRow: \(indices.count) indices but \(values.count) values")
        for position in indices.indices.dropFirst() {
            precondition(indices[position - 1] < indices[position], "SparseRow: indices must be strictly increasing")
        }
        precondition(indices.first.map { $0 >= 0 } ?? true, "SparseRow: negative feature index")
        self.indices = indices
        self.values = values
    }

    /// Keeps the non-zero entries of a dense vector, so tests and small callers need not build indices by hand.
    public init(dense: [Double]) {
        var indices: [Int32] = []
        var values: [Double] = []
        for (index, value) in dense.enumerated() where value != 0 {
            indices.append(Int32(index))
            values.append(value)
        }
        self.indices = indices
        self.values = values
    }

    /// The dot product with a dense weight vector, touching only the non-zeros.
    @inlinable
    public func dot(_ weights: [Double]) -> Double {
        var sum = 0.0
        for position in indices.indices {
            sum += weights[Int(indices[position])] * values[position]
        }
        return sum
    }
}
