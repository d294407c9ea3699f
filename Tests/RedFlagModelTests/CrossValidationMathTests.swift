import Testing
import RedFlagModel

@Suite("Cross-validation")
struct CrossValidationMathTests {
    /// 50/30/20 examples of three classes, interleaved irregularly, into 5 folds: the folds partition the indices
    /// and each holds exactly a fifth of every class.
    @Test func stratifiedFoldsPartitionAndKeepProportions() {
        var labels: [Int] = []
        for i in 0..<100 { labels.append(i % 10 < 5 ? 0 : (i % 10 < 8 ? 1 : 2)) }
        labels.swapAt(3, 97)
        let folds = CrossValidation.stratifiedFolds(labels: labels, k: 5, seed: 1)
        #expect(folds.count == 5)
        #expect(folds.flatMap { $0 }.sorted() == Array(0..<100))
        for fold in folds {
            #expect(fold == fold.sorted())
            let counts = (0..<3).map { c in fold.filter { labels[$0] == c }.count }
            #expect(counts == [10, 6, 4])
        }
    }

    /// Uneven class sizes still give fold sizes within one of each other, and every fold gets each class that has
    /// at least k members.
    @Test func unevenClassesBalanceFoldSizes() {
        let labels = Array(repeating: 0, count: 23) + Array(repeating: 1, count: 7) + Array(repeating: 5, count: 3)
        let folds = CrossValidation.stratifiedFolds(labels: labels, k: 3, seed: 9)
        #expect(folds.flatMap { $0 }.sorted() == Array(0..<33))
        let sizes = folds.map(\.count)
        #expect(sizes.max()! - sizes.min()! <= 1)
        for fold in folds {
            #expect(Set(fold.map { labels[$0] }) == [0, 1, 5])
        }
    }

    @Test func deterministicPerSeed() {
        let labels = (0..<60).map { $0 % 3 }
        #expect(
            CrossValidation.stratifiedFolds(labels: labels, k: 4, seed: 3)
                == CrossValidation.stratifiedFolds(labels: labels, k: 4, seed: 3))
        #expect(
            CrossValidation.stratifiedFolds(labels: labels, k: 4, seed: 3)
                != CrossValidation.stratifiedFolds(labels: labels, k: 4, seed: 4))
    }
}
