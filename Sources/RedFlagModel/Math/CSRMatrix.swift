/// Rows flattened into compressed-sparse-row arrays, built once per training run.
///
/// `[SparseRow]` holds two heap arrays per row; the solvers sweep every row several times per iteration, and three
/// flat arrays keep those sweeps free of reference counting and pointer chasing.
struct CSRMatrix: Sendable {
    /// `rowStart[i]..<rowStart[i + 1]` are row i's positions in `columns` and `values`.
    let rowStart: [Int]
    let columns: [Int32]
    let values: [Double]
    let columnCount: Int

    var rowCount: Int { rowStart.count - 1 }
    var nonZeroCount: Int { columns.count }

    /// Flattens the rows, trapping on an index outside `0..<columnCount` (a feature-space mismatch is a bug).
    init(rows: [SparseRow], columnCount: Int) {
        var rowStart = [0]
        rowStart.reserveCapacity(rows.count + 1)
        var total = 0
        for row in rows { total += row.indices.count }
        var columns: [Int32] = []
        var values: [Double] = []
        columns.reserveCapacity(total)
        values.reserveCapacity(total)
        for row in rows {
            if let last = row.indices.last {
                precondition(Int(last) < columnCount, "feature index \(last) outside 0..<\(columnCount)")
            }
            columns.append(contentsOf: row.indices)
            values.append(contentsOf: row.values)
            rowStart.append(columns.count)
        }
        self.rowStart = rowStart
        self.columns = columns
        self.values = values
        self.columnCount = columnCount
    }

    /// For each column, the fraction of rows in which it is non-zero; SGD divides its sparse L2 step by this.
    func columnFrequencies() -> [Double] {
        var counts = [Double](repeating: 0, count: columnCount)
        for c in columns { counts[Int(c)] += 1 }
        let n = Double(max(rowCount, 1))
        return counts.map { $0 / n }
    }
}
