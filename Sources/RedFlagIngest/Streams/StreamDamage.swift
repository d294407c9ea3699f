/// Stretches of a compressed input that could not be decoded and were skipped, shared between the
/// ``GzipByteStream`` that skips them and the record reader above it that reports them.
///
/// A crawl's `.warc.gz` is one gzip member per record, and a dump may be several gzip files concatenated: one
/// corrupt member must not cost the members after it. The gzip stream skips to the next member header and notes
/// the gap here, at the position in the decompressed bytes where it happened; the record reader, which counts the
/// same decompressed bytes, turns each gap into an error for the record it falls in (or a record of its own
/// between two records), so nothing is lost silently and the records around the gap still come out.
final class StreamDamage {
    struct Gap: Equatable {
        /// Decompressed bytes produced before the gap: where, in what the reader reads, the skipped data was.
        var decompressedOffset: Int
        /// Compressed byte where the damaged member started, and where decoding resumed (nil: at the end).
        var memberStart: Int
        var resumedAt: Int?
        /// zlib's description of the damage.
        var detail: String

        /// Compressed bytes skipped.
        func skippedBytes(totalCompressed: Int) -> Int { (resumedAt ?? totalCompressed) - memberStart }
    }

    private(set) var gaps: [Gap] = []
    private var reported = 0
    /// Compressed bytes read so far (for the size of a gap that runs to the end).
    var compressedBytesRead = 0

    func record(_ gap: Gap) { gaps.append(gap) }

    /// The decompressed offset of the oldest gap no record has reported yet.
    var nextGapOffset: Int? { reported < gaps.count ? gaps[reported].decompressedOffset : nil }

    /// Gaps at or before decompressed `offset` that no record has reported yet, oldest first.
    func take(upTo offset: Int) -> [Gap] {
        var out: [Gap] = []
        while reported < gaps.count && gaps[reported].decompressedOffset <= offset {
            out.append(gaps[reported])
            reported += 1
        }
        return out
    }

    /// A sentence for a gap: where the damaged member started, how much was skipped, and zlib's reason.
    func describe(_ gap: Gap, name: String) -> String {
        let skipped = gap.skippedBytes(totalCompressed: compressedBytesRead)
        let resumed =
            gap.resumedAt.map { "resumed at the next gzip member, compressed byte \($0)" } ?? "no later gzip member was found"
        return
            "\(name): corrupt gzip member at compressed byte \(gap.memberStart) (\(gap.detail)); \(skipped) compressed bytes skipped, \(resumed)"
    }
}
