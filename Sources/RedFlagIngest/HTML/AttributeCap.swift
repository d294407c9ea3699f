#if canImport(Glibc)
import Glibc
#endif

/// Drops the attributes of a start tag past the ``maximumAttributes``-th before libxml2 reads the page.
///
/// libxml2 2.9 checks each attribute of a start tag against every earlier one of the same tag (the well-formedness
/// rule that an attribute appears once): a tag with n distinct attributes costs n²/2 string comparisons, all inside
/// one call that no callback interrupts. One 6.9 MB `<div>` with a million attributes never finished; 160,000 took
/// 31 s. Real pages put a handful of attributes on an element (a few dozen on the busiest SVG or framework
/// markup), and the extractor reads only `class`, `id`, `style`, `hidden`, `aria-hidden`, `href` and meta
/// `name`/`content`, so cutting the rest changes nothing a reader of the ad would see.
///
/// The reading follows libxml2 2.9's lenient one (not the pruner's strict one): comments end at `-->`, the raw
/// text of `script` and `style` at the first `</script`/`</style`, end tags at their first `>`; in a start tag,
/// attribute names start with a letter, `_` or `:`, values are quoted (to the matching quote, which may be far) or
/// run to a blank or `>`, and anything else is skipped to the next blank or `>`, as libxml2 skips a bogus attribute.
/// Where it could misread a page, the only effect is that a tag keeps its attributes or loses some that libxml2
/// would have read; a page without such tags is passed on untouched, with no copy.
enum AttributeCap {
    /// Attributes kept per start tag: at most 64²/2 comparisons per tag in libxml2.
    static let maximumAttributes = 64

    /// The ranges of `page` to cut so that no start tag keeps more than `limit` attributes, in order, with the
    /// number of attributes they hold. Empty for nearly every page.
    static func excess(in page: UnsafeBufferPointer<UInt8>, limit: Int = maximumAttributes)
        -> (cuts: [Range<Int>], dropped: Int)
    {
        let n = page.count
        var cuts: [Range<Int>] = []
        var dropped = 0
        var i = 0
        while let lt = Markup.find(UInt8(ascii: "<"), in: page, from: i), lt + 1 < n {
            let next = page[lt + 1]
            if next == UInt8(ascii: "!") {
                if Markup.startsComment(page, at: lt) {
                    guard let (end, _) = Markup.commentEnd(page, from: lt + 4) else { break }
                    i = end
                } else {
                    i = lt + 2
                }
                continue
            }
            if next == UInt8(ascii: "/") {
                // An end tag is skipped to its first `>` whatever is inside.
                guard lt + 2 < n, Markup.isLetter(page[lt + 2]) else {
                    i = lt + 2
                    continue
                }
                guard let gt = Markup.find(UInt8(ascii: ">"), in: page, from: lt + 2) else { break }
                i = gt + 1
                continue
            }
            guard Markup.isLetter(next) else {
                i = lt + 1
                continue
            }
            let nameEnd = Markup.nameEnd(page, from: lt + 1)
            let name = Markup.packedName(page, (lt + 1)..<nameEnd)
            let tag = attributes(of: page, from: nameEnd, limit: limit)
            if let cut = tag.cut {
                cuts.append(cut)
                dropped += tag.count - limit
            }
            i = tag.end
            if (name == Markup.script || name == Markup.style) && !tag.selfClosing {
                let closer: StaticString = name == Markup.script ? "</script" : "</style"
                guard let close = Markup.findIgnoringCase(closer, in: page, from: i) else { break }
                i = close
            }
        }
        return (cuts, dropped)
    }

    /// Reads a start tag's attributes from just after its name: where the tag ends (past its `>`, or the end of
    /// the page), how many attributes it has, whether it ends in `/>`, and the range to cut when there are more
    /// than `limit` (from the first attribute past the limit to the end of the last one).
    private static func attributes(of page: UnsafeBufferPointer<UInt8>, from start: Int, limit: Int)
        -> (end: Int, count: Int, selfClosing: Bool, cut: Range<Int>?)
    {
        let n = page.count
        var i = start
        var count = 0
        var cutStart = 0
        var lastEnd = start
        while true {
            while i < n && Markup.isBlank(page[i]) { i += 1 }
            guard i < n, page[i] != 0 else { break }
            let c = page[i]
            if c == UInt8(ascii: ">") {
                i += 1
                break
            }
            if c == UInt8(ascii: "/") && i + 1 < n && page[i + 1] == UInt8(ascii: ">") {
                let cut = count > limit ? cutStart..<lastEnd : nil
                return (i + 2, count, true, cut)
            }
            guard Markup.startsAttributeName(c) else {
                // A bogus attribute: libxml2 skips it to the next blank or the end of the tag.
                i += 1
                while i < n && !Markup.isBlank(page[i]) && page[i] != UInt8(ascii: ">") && page[i] != 0
                    && !(page[i] == UInt8(ascii: "/") && i + 1 < n && page[i + 1] == UInt8(ascii: ">"))
                {
                    i += 1
                }
                continue
            }
            let attributeStart = i
            i = Markup.nameEnd(page, from: i)
            var j = i
            while j < n && Markup.isBlank(page[j]) { j += 1 }
            if j < n && page[j] == UInt8(ascii: "=") {
                j += 1
                while j < n && Markup.isBlank(page[j]) { j += 1 }
                if j < n && (page[j] == UInt8(ascii: "\"") || page[j] == UInt8(ascii: "'")) {
                    // libxml2 reads a quoted value to its closing quote, however far, or to the end of the page.
                    i = Markup.find(page[j], in: page, from: j + 1).map { $0 + 1 } ?? n
                } else {
                    i = j
                    while i < n && !Markup.isBlank(page[i]) && page[i] != UInt8(ascii: ">") && page[i] != 0 { i += 1 }
                }
            }
            count += 1
            // The cut runs from the end of the last attribute kept, so no blank is left before the `>`.
            if count == limit { cutStart = i }
            if count == limit + 1 && limit == 0 { cutStart = attributeStart }
            lastEnd = i
        }
        return (i, count, false, count > limit ? cutStart..<lastEnd : nil)
    }

    /// `page` without the `cuts` (sorted, disjoint), into `out`.
    static func apply(_ cuts: [Range<Int>], to page: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        out.removeAll(keepingCapacity: true)
        out.reserveCapacity(page.count)
        var copied = 0
        for cut in cuts {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: page[copied..<cut.lowerBound]))
            copied = cut.upperBound
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: page[copied...]))
    }
}
