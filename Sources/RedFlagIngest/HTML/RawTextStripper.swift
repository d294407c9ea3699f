#if canImport(Glibc)
import Glibc
#endif

/// Removes the bodies of `<script>` and `<style>` elements from a UTF-8 page before libxml2 parses it.
///
/// Their text is never part of an ad (the extractor drops it), yet it is about a third of a typical page (26% script
/// and 9% style on the benchmark pages), and libxml2 2.9 reads it one decoded character at a time. Cutting it out
/// with `memchr` first makes parsing cheaper without changing the extracted text.
///
/// The cut follows libxml2's own reading so the result parses the same: a raw-text element starts at a start tag
/// named `script` or `style` (any case) and its body ends at the first `</script` or `</style` (any case, the name as
/// a prefix, which is how libxml2 2.9 ends it in recovery mode). Comments are skipped whole, and every other tag is
/// skipped to its `>` honouring quoted attribute values, so a `<script` inside a comment or an attribute value is not
/// taken for a tag. The start and end tags stay; only the body goes. Anything unexpected (a tag or comment that runs
/// to the end) stops the cutting and keeps the rest of the page as it is.
enum RawTextStripper {
    /// The page without script and style bodies, or nil when it has none to remove.
    static func stripped(_ page: UnsafeRawBufferPointer) -> [UInt8]? {
        guard let base = page.baseAddress?.assumingMemoryBound(to: UInt8.self), page.count > 0 else { return nil }
        let bytes = UnsafeBufferPointer(start: base, count: page.count)
        let n = bytes.count
        var out: [UInt8] = []
        var copied = 0  // bytes[..<copied] are already in `out` (or were cut)
        var i = 0
        while i < n {
            // Next '<' by memchr.
            guard let found = memchr(base + i, 0x3C, n - i) else { break }
            let lt = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            guard lt + 1 < n else { break }
            let next = bytes[lt + 1]
            if next == UInt8(ascii: "!") {
                // A comment `<!-- … -->` is skipped whole; other `<!…>` declarations to their `>`.
                if lt + 3 < n && bytes[lt + 2] == UInt8(ascii: "-") && bytes[lt + 3] == UInt8(ascii: "-") {
                    guard let end = find("-->", in: bytes, from: lt + 4) else { break }
                    i = end + 3
                } else {
                    guard let end = find(">", in: bytes, from: lt + 2) else { break }
                    i = end + 1
                }
                continue
            }
            let isEndTag = next == UInt8(ascii: "/")
            let nameStart = isEndTag ? lt + 2 : lt + 1
            guard nameStart < n, isASCIILetter(bytes[nameStart]) else {
                i = lt + 1
                continue
            }
            var nameEnd = nameStart
            while nameEnd < n && !isSpace(bytes[nameEnd]) && bytes[nameEnd] != UInt8(ascii: ">")
                && bytes[nameEnd] != UInt8(ascii: "/")
            {
                nameEnd += 1
            }
            guard let tagEnd = endOfTag(bytes, from: nameEnd) else { break }
            i = tagEnd + 1
            guard !isEndTag else { continue }
            let rawText: StaticString
            if equalsIgnoringCase(bytes, nameStart..<nameEnd, "script") {
                rawText = "</script"
            } else if equalsIgnoringCase(bytes, nameStart..<nameEnd, "style") {
                rawText = "</style"
            } else {
                continue
            }
            // libxml2 2.9 takes `<script/>` as an empty element and parses what follows as markup.
            if bytes[tagEnd - 1] == UInt8(ascii: "/") { continue }
            guard let close = findIgnoringCase(rawText, in: bytes, from: i) else { break }
            if close > i {
                if out.isEmpty { out.reserveCapacity(n) }
                out.append(contentsOf: bytes[copied..<i])
                copied = close
            }
            i = close + rawText.utf8CodeUnitCount
        }
        guard copied > 0 else { return nil }
        out.append(contentsOf: bytes[copied..<n])
        return out
    }

    /// The `>` that ends a tag whose name ends at `start`, skipping quoted attribute values; nil at the end of input.
    private static func endOfTag(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var i = start
        var afterEquals = false
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: ">") { return i }
            if afterEquals && (b == UInt8(ascii: "\"") || b == UInt8(ascii: "'")) {
                guard let close = find(b, in: bytes, from: i + 1) else { return nil }
                i = close + 1
                afterEquals = false
                continue
            }
            if b == UInt8(ascii: "=") {
                afterEquals = true
            } else if !isSpace(b) {
                afterEquals = false
            }
            i += 1
        }
        return nil
    }

    private static func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C }

    private static func equalsIgnoringCase(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ name: StaticString)
        -> Bool
    {
        guard range.count == name.utf8CodeUnitCount else { return false }
        for k in 0..<range.count where bytes[range.lowerBound + k] | 0x20 != name.utf8Start[k] { return false }
        return true
    }

    private static func find(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start < bytes.count, let base = bytes.baseAddress,
            let found = memchr(base + start, Int32(byte), bytes.count - start)
        else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    private static func find(_ needle: StaticString, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let first = needle.utf8Start[0]
        var i = start
        while let at = find(first, in: bytes, from: i) {
            guard at + needle.utf8CodeUnitCount <= bytes.count else { return nil }
            var k = 1
            while k < needle.utf8CodeUnitCount && bytes[at + k] == needle.utf8Start[k] { k += 1 }
            if k == needle.utf8CodeUnitCount { return at }
            i = at + 1
        }
        return nil
    }

    /// The first `needle` (lowercase ASCII starting with `<`) at or after `start`, in any case.
    private static func findIgnoringCase(_ needle: StaticString, in bytes: UnsafeBufferPointer<UInt8>, from start: Int)
        -> Int?
    {
        var i = start
        while let at = find(UInt8(ascii: "<"), in: bytes, from: i) {
            guard at + needle.utf8CodeUnitCount <= bytes.count else { return nil }
            var k = 1
            while k < needle.utf8CodeUnitCount && bytes[at + k] | (k > 1 ? 0x20 : 0) == needle.utf8Start[k] { k += 1 }
            if k == needle.utf8CodeUnitCount { return at }
            i = at + 1
        }
        return nil
    }
}
