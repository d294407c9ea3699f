import RedFlagContract
/// Evidence spans merged for display: where two pieces of evidence overlap ("Open 24/7" found by both an
/// availability entry and a trust-language entry, or "24" inside it), they become one span over both, labelled with
/// every family involved, so a highlight never cuts a word in two ("[availability_24_7: Open 24]/7").
///
/// Offsets are whatever unit the caller uses (UTF-8 bytes for `explain`, Unicode scalars for the queue), as long as
/// all spans use the same.
struct HighlightSpan: Equatable {
    var range: Range<Int>
    /// Family names in order of first appearance, without repeats.
    var labels: [String]

    /// Merges overlapping spans (touching ones stay apart); the result is sorted and disjoint.
    static func merge(_ spans: [HighlightSpan]) -> [HighlightSpan] {
        var merged: [HighlightSpan] = []
        for span in spans.sorted(by: { ($0.range.lowerBound, -$0.range.count) < ($1.range.lowerBound, -$1.range.count) })
        where !span.range.isEmpty {
            if let last = merged.last, span.range.lowerBound < last.range.upperBound {
                merged[merged.count - 1].range = last.range.lowerBound..<max(last.range.upperBound, span.range.upperBound)
                for label in span.labels where !last.labels.contains(label) {
                    merged[merged.count - 1].labels.append(label)
                }
            } else {
                merged.append(span)
            }
        }
        return merged
    }
}
