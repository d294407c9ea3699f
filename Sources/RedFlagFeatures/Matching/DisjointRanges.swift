/// Sorted, pairwise disjoint byte ranges, queried by binary search.
///
/// The matcher asks, for every hit, whether an earlier hit of the same entry overlaps it and whether a suppressor
/// match contains it. Scanning every earlier range made both quadratic in the number of hits: a hostile page that
/// repeats one phrase a few hundred thousand times ran for minutes. PCRE2 returns the matches of one pattern in
/// order and without overlap, so these lists stay sorted, and each question is a binary search.
enum DisjointRanges {
    /// The index of the first range that ends after `offset` (ends are sorted too, the ranges being disjoint).
    private static func firstEnding(after offset: Int, in ranges: [Range<Int>]) -> Int {
        var low = 0
        var high = ranges.count
        while low < high {
            let mid = (low + high) / 2
            if ranges[mid].upperBound <= offset { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Whether a range of `ranges` (sorted, disjoint) overlaps the non-empty `range`.
    static func overlap(_ ranges: [Range<Int>], _ range: Range<Int>) -> Bool {
        let i = firstEnding(after: range.lowerBound, in: ranges)
        return i < ranges.count && ranges[i].lowerBound < range.upperBound && !ranges[i].isEmpty
    }

    /// Whether a range of `ranges` (sorted, disjoint) contains the non-empty `range`.
    static func contain(_ ranges: [Range<Int>], _ range: Range<Int>) -> Bool {
        let i = firstEnding(after: range.lowerBound, in: ranges)
        // Only the first range that ends after the start can contain it: the next ones start after its end.
        var j = i
        while j < ranges.count && ranges[j].lowerBound <= range.lowerBound {
            if range.upperBound <= ranges[j].upperBound { return true }
            j += 1
        }
        return false
    }

    /// Inserts `range`, which overlaps none of `ranges`, keeping them sorted (appending when it comes last, as
    /// matches of one pattern do).
    static func insert(_ range: Range<Int>, into ranges: inout [Range<Int>]) {
        if let last = ranges.last, last.lowerBound > range.lowerBound {
            ranges.insert(range, at: firstEnding(after: range.lowerBound, in: ranges))
        } else {
            ranges.append(range)
        }
    }

    /// Merges two sorted lists whose ranges are disjoint from each other's.
    static func merge(_ a: [Range<Int>], _ b: [Range<Int>]) -> [Range<Int>] {
        if a.isEmpty { return b }
        var out: [Range<Int>] = []
        out.reserveCapacity(a.count + b.count)
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if j == b.count || (i < a.count && a[i].lowerBound <= b[j].lowerBound) {
                out.append(a[i])
                i += 1
            } else {
                out.append(b[j])
                j += 1
            }
        }
        return out
    }
}
