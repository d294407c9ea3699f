/// The attribute values that make an element skipped, judged on bytes.
///
/// Two readers share it and must agree exactly: the SAX callbacks (``ExtractionState``), on the values libxml2
/// decoded, and ``MarkupPruner``, on raw values that hold no `&` (so libxml2 would pass the same bytes through).
final class SkipAttributes {
    /// `class`/`id` values already judged, direct-mapped by their 64-bit FNV-1a hash: pages repeat the same few
    /// values on every element, and the hash costs no allocation (two values sharing a hash would share a verdict,
    /// at odds of about 2⁻⁶⁴ per pair).
    private var chromeCache = [(hash: UInt64, verdict: Bool)](repeating: (0, false), count: 1024)

    /// Whether a `class` or `id` value marks page chrome (``ChromeMarkers``).
    func isChrome(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in value { hash = (hash ^ UInt64(b)) &* 0x100_0000_01B3 }
        let slot = Int(truncatingIfNeeded: hash >> 54)  // 1,024 slots
        if chromeCache[slot].hash == hash && hash != 0 { return chromeCache[slot].verdict }
        let verdict = ChromeMarkers.isChrome(value)
        chromeCache[slot] = (hash, verdict)
        return verdict
    }

    /// `style` values that hide an element: `display:none`, `visibility:hidden` (any spacing or case).
    static func hidesElement(_ style: UnsafeBufferPointer<UInt8>) -> Bool {
        var compact: [UInt8] = []
        compact.reserveCapacity(style.count)
        for b in style where b != 32 && b != 9 && b != 10 && b != 13 {
            compact.append(b >= 65 && b <= 90 ? b + 32 : b)
        }
        return contains(compact, "display:none") || contains(compact, "visibility:hidden")
    }

    /// `aria-hidden` values that hide an element: `true`, in any case.
    static func isTrue(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        guard value.count == 4 else { return false }
        for (b, t) in zip(value, "true".utf8) where (b >= 65 && b <= 90 ? b + 32 : b) != t { return false }
        return true
    }

    private static func contains(_ haystack: [UInt8], _ needle: StaticString) -> Bool {
        let n = needle.utf8CodeUnitCount
        guard haystack.count >= n else { return false }
        let p = needle.utf8Start
        outer: for start in 0...(haystack.count - n) {
            for k in 0..<n where haystack[start + k] != p[k] { continue outer }
            return true
        }
        return false
    }
}
