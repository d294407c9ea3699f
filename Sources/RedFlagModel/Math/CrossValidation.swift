/// Splits example indices into folds for cross-validation.
public enum CrossValidation {
    /// k disjoint folds covering `0..<labels.count`, each holding close to 1/k of every class.
    ///
    /// Each class's indices are shuffled with `SplitMix64(seed)` (classes in ascending order) and dealt round-robin,
    /// the dealing position carrying over from one class to the next so fold sizes differ by at most one. Every fold
    /// therefore gets each class that has at least k examples; a rarer class lands in only some folds. The result is
    /// a pure function of the labels, k and the seed; each fold's indices are sorted ascending.
    public static func stratifiedFolds(labels: [Int], k: Int, seed: UInt64) -> [[Int]] {
        precondition(k >= 1, "k must be at least 1")
        var byClass: [Int: [Int]] = [:]
        for (index, label) in labels.enumerated() { byClass[label, default: []].append(index) }
        var generator = SplitMix64(seed: seed)
        var folds = [[Int]](repeating: [], count: k)
        var next = 0
        for label in byClass.keys.sorted() {
            var members = byClass[label] ?? []
            generator.shuffle(&members)
            for index in members {
                folds[next].append(index)
                next = (next + 1) % k
            }
        }
        return folds.map { $0.sorted() }
    }
}
