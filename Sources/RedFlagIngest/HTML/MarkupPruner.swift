internal import CLibXML2
#if canImport(Glibc)
import Glibc
#endif

/// Cuts out of a UTF-8 page, before libxml2 parses it, what the parser would read only for the extractor to drop:
/// the bodies of `<script>` and `<style>`, and the inside of elements that are skipped whole (`<nav>`, `<header>`,
/// `<footer>`, `<aside>`, …, and elements whose `class`/`id`, `hidden`, `style` or `aria-hidden` mark them as chrome
/// or hidden; see ``ExtractionState``).
///
/// Why: on the benchmark pages scripts and styles are 35% of the bytes and chrome bodies another 17%, and libxml2
/// 2.9 reads them one decoded character at a time, tags, attributes and all. Cutting them with `memchr` first
/// makes parsing about 40% cheaper.
///
/// The cut must not change what is extracted, so it follows libxml2 2.9's own reading of the page (each rule below
/// was checked against the library) and gives up wherever it could disagree:
/// - Raw text ends at the first `</script` or `</style` (any case, the name as a prefix), as in libxml2's recovery
///   mode; `<script/>` is empty. Comments end at the first `-->`; processing instructions and end tags at their
///   first `>`; a DOCTYPE at its first `>` when no quoted literal can hide one; `<!` that starts neither a comment
///   nor a DOCTYPE, and `<` before anything but a letter, are text.
/// - Every start tag must be in a strict form that libxml2 reads the same way (blank-separated attributes, values
///   quoted or plain); the first tag that is not, an end tag like `</scripts>` after raw text (libxml2 goes on
///   reading raw text), a comment closed by `--!>` or an unclear DOCTYPE end all cutting: the rest of the page is
///   kept as it is.
/// - An element's inside is cut only if the inside, read the same way, keeps the element open until its own end
///   tag: every end tag closes the element on top, no start tag closes one by implication (asked of libxml2
///   through ``TreeRules``), and nothing inside is read by the extractor even in skipped elements (`<title>`,
///   `<meta>`) or treated specially by libxml2 (`<html>`, `<head>`, `<body>`). Anything else — a stray end tag, an
///   unclosed `<li>`, a NUL byte — leaves that element uncut.
/// - A `<title>` that is more than text closed by `</title>` ends element cuts (libxml2 may still be inside it,
///   where even skipped text counts); script and style bodies are still cut (their text goes nowhere).
/// Only libxml2 2.9 is followed; with another version nothing is cut (``isSupported``).
///
/// The extractor's rules that judge a block when it ends (link density, list headings) count only visible text and
/// links, never what lies inside skipped elements, so they judge the same page whether or not it was cut.
final class MarkupPruner {
    /// Whether the linked libxml2 reads HTML the way this type follows (the 2.9 series).
    static let isSupported = LIBXML_VERSION >= 20900 && LIBXML_VERSION < 21000

    private let skipAttributes: SkipAttributes
    private let rules = TreeRules()
    private let elements = ElementTable.shared
    /// The open elements inside the element being checked, by ``TreeRules`` id (kept for its capacity).
    private var stack: [Int] = []
    /// Elements whose inside was cut, and bytes scanned while checking elements, over the pruner's life (for tests
    /// and profiles).
    private(set) var elementsCut = 0
    private(set) var bytesChecked = 0

    init(skipAttributes: SkipAttributes) {
        self.skipAttributes = skipAttributes
    }

    /// Writes the page without the parts described above into `out` (replacing its contents) and returns true, or
    /// returns false when there is nothing to cut.
    func prune(_ page: UnsafeRawBufferPointer, into out: inout [UInt8]) -> Bool {
        guard Self.isSupported, let base = page.baseAddress?.assumingMemoryBound(to: UInt8.self), page.count > 1
        else { return false }
        let bytes = UnsafeBufferPointer(start: base, count: page.count)
        let n = bytes.count
        out.removeAll(keepingCapacity: true)
        // The element stack is worked on in a local, moved out of this object and back: each access to a class's
        // stored property is a runtime exclusivity check.
        var stack = self.stack
        self.stack = []
        defer { self.stack = stack }
        var copied = 0  // bytes[..<copied] are already in `out` (or were cut)
        func cut(_ range: Range<Int>) {
            guard !range.isEmpty else { return }
            if copied == 0 { out.reserveCapacity(n) }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<range.lowerBound]))
            copied = range.upperBound
        }
        var elementsAllowed = true
        // Checking elements that turn out uncuttable rescans their inside; a budget in bytes scanned keeps a page of
        // thousands of unclosed `<nav>`s linear.
        var budget = 4 * n + 4096
        rules.clearIfFull()
        var i = 0
        while i < n {
            guard let lt = Markup.find(UInt8(ascii: "<"), in: bytes, from: i), lt + 1 < n else { break }
            let next = bytes[lt + 1]
            // Whatever this reader cannot follow exactly as libxml2 does ends the cutting: the rest of the page
            // is kept as it is (`break`).
            if next == UInt8(ascii: "!") {
                if Markup.startsComment(bytes, at: lt) {
                    guard let (end, odd) = Markup.commentEnd(bytes, from: lt + 4), !odd else { break }
                    i = end
                } else if Markup.startsDoctype(bytes, at: lt) {
                    guard let end = Markup.doctypeEnd(bytes, from: lt + 2) else { break }
                    i = end
                } else {
                    i = lt + 1  // libxml2 reads `<!foo` and `<![CDATA[` as text
                }
                continue
            }
            if next == UInt8(ascii: "?") {
                // A processing instruction ends at its first `>`.
                guard lt + 2 < n, Markup.isLetter(bytes[lt + 2]),
                    let gt = Markup.find(UInt8(ascii: ">"), in: bytes, from: lt + 2)
                else { break }
                i = gt + 1
                continue
            }
            let isEndTag = next == UInt8(ascii: "/")
            let nameStart = isEndTag ? lt + 2 : lt + 1
            guard nameStart < n, Markup.isLetter(bytes[nameStart]) else {
                i = lt + 1  // text: "a < b", "</ x>"
                continue
            }
            if isEndTag {
                // libxml2 skips an end tag to its first `>`, whatever is in between.
                guard let gt = Markup.find(UInt8(ascii: ">"), in: bytes, from: nameStart) else { break }
                i = gt + 1
                continue
            }
            var marks = Markup.SkipMarks()
            guard let tag = Markup.startTag(bytes, at: lt, marks: &marks, noting: elementsAllowed) else { break }
            i = tag.end + 1
            let name = Markup.packedName(bytes, nameStart..<tag.nameEnd)
            if name == Markup.script || name == Markup.style {
                // `<script/>` is an empty element to libxml2 2.9, and what follows is markup.
                if tag.selfClosing { continue }
                let closer: StaticString = name == Markup.script ? "</script" : "</style"
                guard let close = Markup.findIgnoringCase(closer, in: bytes, from: i) else { break }
                cut(i..<close)
                // `</scripts>` ends the raw text for a moment only: libxml2 reads the end tag, finds no such
                // element open and goes on reading raw text.
                let after = close + closer.utf8CodeUnitCount
                if after < n && Markup.isNameCharacter(bytes[after]) { break }
                i = close  // the end tag itself is read above, to its first `>`
                continue
            }
            guard elementsAllowed else { continue }
            if name == Markup.title {
                // The title's text is read even inside skipped elements; cuts go on only after a title that is
                // plain text closed by its own end tag, which leaves libxml2 outside any title.
                if !tag.selfClosing {
                    guard let close = Markup.find(UInt8(ascii: "<"), in: bytes, from: i),
                        let end = Markup.endTag(bytes, at: close, named: Markup.title)
                    else {
                        elementsAllowed = false
                        continue
                    }
                    i = end + 1
                }
                continue
            }
            let close = skippedElementEnd(
                bytes, tag: tag, name: name, at: lt, marks: marks, stack: &stack, budget: &budget)
            if budget <= 0 { elementsAllowed = false }
            if let close {
                elementsCut += 1
                cut(i..<close)
                i = close
            }
        }
        guard copied > 0 else { return false }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<n]))
        return true
    }

    /// Where the end tag of a skipped element starts, when the element's inside can be cut; nil otherwise.
    private func skippedElementEnd(
        _ bytes: UnsafeBufferPointer<UInt8>, tag: Markup.StartTag, name: UInt64, at lt: Int, marks: Markup.SkipMarks,
        stack: inout [Int], budget: inout Int
    ) -> Int? {
        guard !tag.selfClosing, name != 0, !Markup.readEvenWhenSkipped(name), name != Markup.html,
            name != Markup.body, name != Markup.head, let id = rules.id(name), !rules.isEmpty(id)
        else { return nil }
        let length = tag.nameEnd - lt - 1
        let kind = elements.kind(of: ElementKey(packed: name, length: length))
        // An element the extractor takes for void (`<source>`, `<wbr>`) starts no skipped region there, even where
        // libxml2 2.9 keeps it open.
        guard !kind.contains(.void), kind.contains(.skipped) || marks.skips(in: bytes, judge: skipAttributes)
        else { return nil }
        stack.removeAll(keepingCapacity: true)
        stack.append(id)
        let n = bytes.count
        let bodyStart = tag.end + 1
        var j = bodyStart
        var reached = bodyStart
        defer {
            budget -= reached - bodyStart + 1
            bytesChecked += reached - bodyStart + 1
        }
        while true {
            guard reached - bodyStart < budget else { return nil }
            guard let at = Markup.find(UInt8(ascii: "<"), in: bytes, from: j), at + 1 < n else {
                reached = n
                return nil
            }
            reached = at
            let next = bytes[at + 1]
            if next == UInt8(ascii: "/") {
                guard at + 2 < n, Markup.isLetter(bytes[at + 2]) else { return nil }
                let nameEnd = Markup.nameEnd(bytes, from: at + 2)
                guard let end = Markup.endTagClose(bytes, from: nameEnd) else { return nil }
                let closing = Markup.packedName(bytes, (at + 2)..<nameEnd)
                guard closing != 0, let closingID = rules.id(closing), closingID == stack.last else { return nil }
                if stack.count == 1 {
                    // The element's own end tag. libxml2 turns NUL bytes in text into spaces, but a NUL inside a
                    // tag would end it early; none may hide in what is cut.
                    let body = UnsafeBufferPointer(rebasing: bytes[bodyStart..<at])
                    if let baseAddress = body.baseAddress, memchr(baseAddress, 0, body.count) != nil { return nil }
                    return at
                }
                stack.removeLast()
                j = end + 1
            } else if Markup.isLetter(next) {
                guard let inner = Markup.startTag(bytes, at: at) else { return nil }
                let innerName = Markup.packedName(bytes, (at + 1)..<inner.nameEnd)
                guard innerName != 0, !Markup.readEvenWhenSkipped(innerName), innerName != Markup.html,
                    innerName != Markup.body, innerName != Markup.head, let innerID = rules.id(innerName),
                    !rules.startCloses(open: stack[stack.count - 1], new: innerID)
                else { return nil }
                j = inner.end + 1
                if inner.selfClosing || rules.isEmpty(innerID) { continue }
                if innerName == Markup.script || innerName == Markup.style {
                    let closer: StaticString = innerName == Markup.script ? "</script" : "</style"
                    guard let close = Markup.findIgnoringCase(closer, in: bytes, from: j),
                        let end = Markup.endTagClose(bytes, from: close + closer.utf8CodeUnitCount)
                    else { return nil }
                    j = end + 1
                    continue
                }
                guard stack.count < 256 else { return nil }
                stack.append(innerID)
            } else if next == UInt8(ascii: "!") {
                guard Markup.startsComment(bytes, at: at), let (end, odd) = Markup.commentEnd(bytes, from: at + 4),
                    !odd
                else { return nil }
                j = end
            } else if Markup.isBlank(next) || (next >= 0x30 && next <= 0x39) {
                j = at + 1  // a `<` in text: "a < b", "<3"
            } else {
                return nil
            }
        }
    }
}

/// The byte-level reading of markup that ``MarkupPruner`` shares with libxml2 2.9.
enum Markup {
    static var script: UInt64 { 0x747069726373 }  // "script", packed
    static var style: UInt64 { 0x656C797473 }  // "style", packed
    static var title: UInt64 { 0x656C746974 }  // "title", packed
    static var meta: UInt64 { 0x6174656D }  // "meta", packed
    static var html: UInt64 { 0x6C6D7468 }  // "html", packed
    static var head: UInt64 { 0x64616568 }  // "head", packed
    static var body: UInt64 { 0x79646F62 }  // "body", packed

    /// Elements the extractor reads even inside skipped elements: the title's text and meta values.
    static func readEvenWhenSkipped(_ name: UInt64) -> Bool { name == title || name == meta }

    // Byte classes as libxml2 2.9's HTML parser has them: name characters are ASCII letters, digits and `:_.-`;
    // blanks are space, tab, line feed and carriage return (not form feed). Written as comparisons rather than a
    // table: a `static let` table costs a `swift_once` call on every access on Linux.

    @inline(__always) static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }
    @inline(__always) static func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D }
    @inline(__always) static func isNameCharacter(_ b: UInt8) -> Bool {
        isLetter(b) || b &- 0x30 < 10 || b == 0x3A || b == 0x5F || b == 0x2E || b == 0x2D
    }
    @inline(__always) static func startsAttributeName(_ b: UInt8) -> Bool { isLetter(b) || b == 0x5F || b == 0x3A }
    /// Bytes this reader accepts in an unquoted attribute value. libxml2 takes anything up to a blank or `>`; the
    /// quotes, `<`, `=`, backtick, NUL and form feed are left to the cases the pruner declines.
    @inline(__always) static func isUnquotedValueByte(_ b: UInt8) -> Bool {
        !(isBlank(b) || b == 0x3E || b == 0x22 || b == 0x27 || b == 0x3C || b == 0x3D || b == 0x60 || b == 0
            || b == 0x0C)
    }

    /// A start tag in the strict form: `<` name, then blank-separated attributes (`name`, `name=value`,
    /// `name="value"`, `name='value'`), optional blanks, then `>` or `/>`.
    struct StartTag {
        var nameEnd: Int
        /// The index of the closing `>`.
        var end: Int
        var selfClosing: Bool
    }

    /// The first occurrence of each attribute that can skip an element (libxml2 drops later duplicates).
    struct SkipMarks {
        var seen: UInt8 = 0
        var hidden = false
        var classValue: Range<Int>?
        var idValue: Range<Int>?
        var styleValue: Range<Int>?
        var ariaHiddenValue: Range<Int>?

        /// Whether the attributes skip the element, judged as ``ExtractionState`` judges libxml2's values. A value
        /// holding `&` would be decoded by libxml2 first, so it never counts.
        func skips(in bytes: UnsafeBufferPointer<UInt8>, judge: SkipAttributes) -> Bool {
            if hidden { return true }
            func plain(_ range: Range<Int>?) -> UnsafeBufferPointer<UInt8>? {
                guard let range else { return nil }
                let value = UnsafeBufferPointer(rebasing: bytes[range])
                return value.contains(UInt8(ascii: "&")) ? nil : value
            }
            if let value = plain(classValue), judge.isChrome(value) { return true }
            if let value = plain(idValue), judge.isChrome(value) { return true }
            if let value = plain(styleValue), SkipAttributes.hidesElement(value) { return true }
            if let value = plain(ariaHiddenValue), SkipAttributes.isTrue(value) { return true }
            return false
        }

        mutating func note(_ name: Range<Int>, _ value: Range<Int>?, in bytes: UnsafeBufferPointer<UInt8>) {
            let bit: UInt8
            switch name.count {
            case 2 where Markup.equalsIgnoringCase(bytes, name, "id"): bit = 2
            case 5 where Markup.equalsIgnoringCase(bytes, name, "class"): bit = 1
            case 5 where Markup.equalsIgnoringCase(bytes, name, "style"): bit = 4
            case 6 where Markup.equalsIgnoringCase(bytes, name, "hidden"): bit = 8
            case 11 where Markup.equalsIgnoringCase(bytes, name, "aria-hidden"): bit = 16
            default: return
            }
            guard seen & bit == 0 else { return }
            seen |= bit
            switch bit {
            case 1: classValue = value
            case 2: idValue = value
            case 4: styleValue = value
            case 8: hidden = true
            default: ariaHiddenValue = value
            }
        }
    }

    /// Reads a start tag at `lt` (`<` then a letter) in the strict form; nil when the tag is not in that form.
    static func startTag(_ bytes: UnsafeBufferPointer<UInt8>, at lt: Int) -> StartTag? {
        var ignored = SkipMarks()
        return startTag(bytes, at: lt, marks: &ignored, noting: false)
    }

    /// Reads a start tag like ``startTag(_:at:)``, noting its skip attributes in `marks` when `noting`.
    static func startTag(
        _ bytes: UnsafeBufferPointer<UInt8>, at lt: Int, marks: inout SkipMarks, noting: Bool
    ) -> StartTag? {
        let n = bytes.count
        let nameEnd = self.nameEnd(bytes, from: lt + 1)
        guard nameEnd - lt - 1 <= 90 else { return nil }  // libxml2 cuts names at 100 bytes
        var i = nameEnd
        while true {
            guard i < n else { return nil }
            var c = bytes[i]
            if c == UInt8(ascii: ">") { return StartTag(nameEnd: nameEnd, end: i, selfClosing: false) }
            if c == UInt8(ascii: "/") {
                guard i + 1 < n, bytes[i + 1] == UInt8(ascii: ">") else { return nil }
                return StartTag(nameEnd: nameEnd, end: i + 1, selfClosing: true)
            }
            guard isBlank(c) else { return nil }
            repeat { i += 1 } while i < n && isBlank(bytes[i])
            guard i < n else { return nil }
            c = bytes[i]
            if c == UInt8(ascii: ">") || c == UInt8(ascii: "/") { continue }
            guard startsAttributeName(c) else { return nil }
            let attributeName = i
            i = self.nameEnd(bytes, from: i)
            guard i - attributeName <= 90 else { return nil }
            let name = attributeName..<i
            var j = i
            while j < n && isBlank(bytes[j]) { j += 1 }
            guard j < n else { return nil }
            guard bytes[j] == UInt8(ascii: "=") else {
                if noting { marks.note(name, nil, in: bytes) }
                continue
            }
            j += 1
            while j < n && isBlank(bytes[j]) { j += 1 }
            guard j < n else { return nil }
            let quote = bytes[j]
            if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                guard let close = find(quote, in: bytes, from: j + 1) else { return nil }
                let value = UnsafeBufferPointer(rebasing: bytes[(j + 1)..<close])
                if let address = value.baseAddress, memchr(address, 0, value.count) != nil { return nil }
                if noting { marks.note(name, (j + 1)..<close, in: bytes) }
                i = close + 1
            } else {
                var k = j
                while k < n && isUnquotedValueByte(bytes[k]) { k += 1 }
                guard k > j, k < n, isBlank(bytes[k]) || bytes[k] == UInt8(ascii: ">") else { return nil }
                if noting { marks.note(name, j..<k, in: bytes) }
                i = k
            }
        }
    }

    /// The end of a run of name characters starting at `start`.
    static func nameEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var i = start
        while i < bytes.count && isNameCharacter(bytes[i]) { i += 1 }
        return i
    }

    /// After an end tag's name: optional blanks and `>`, whose index is returned; nil for anything else.
    static func endTagClose(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var i = start
        while i < bytes.count && isBlank(bytes[i]) { i += 1 }
        return i < bytes.count && bytes[i] == UInt8(ascii: ">") ? i : nil
    }

    /// The index of the `>` of an end tag at `lt` when it is exactly `</name>` (blanks allowed before `>`).
    static func endTag(_ bytes: UnsafeBufferPointer<UInt8>, at lt: Int, named name: UInt64) -> Int? {
        guard lt + 2 < bytes.count, bytes[lt + 1] == UInt8(ascii: "/"), isLetter(bytes[lt + 2]) else { return nil }
        let nameEnd = self.nameEnd(bytes, from: lt + 2)
        guard packedName(bytes, (lt + 2)..<nameEnd) == name else { return nil }
        return endTagClose(bytes, from: nameEnd)
    }

    /// The name lowercased and packed into 8 bytes, or 0 when it is longer.
    static func packedName(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64 {
        guard range.count <= 8 else { return 0 }
        var packed: UInt64 = 0
        for k in 0..<range.count {
            let b = bytes[range.lowerBound + k]
            packed |= UInt64(b >= 65 && b <= 90 ? b + 32 : b) << (8 * UInt64(k))
        }
        return packed
    }

    static func startsComment(_ bytes: UnsafeBufferPointer<UInt8>, at lt: Int) -> Bool {
        lt + 3 < bytes.count && bytes[lt + 2] == UInt8(ascii: "-") && bytes[lt + 3] == UInt8(ascii: "-")
    }

    /// Where a comment's text starting at `start` ends (just past its `-->` or `--!>`), and whether it ended on
    /// `--!>`, a form the pruner does not follow inside elements.
    static func commentEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (Int, Bool)? {
        var i = start
        while let dash = find(UInt8(ascii: "-"), in: bytes, from: i) {
            guard dash + 2 < bytes.count else { return nil }
            if bytes[dash + 1] == UInt8(ascii: "-") {
                if bytes[dash + 2] == UInt8(ascii: ">") { return (dash + 3, false) }
                if bytes[dash + 2] == UInt8(ascii: "!") && dash + 3 < bytes.count
                    && bytes[dash + 3] == UInt8(ascii: ">")
                {
                    return (dash + 4, true)
                }
            }
            i = dash + 1
        }
        return nil
    }

    static func startsDoctype(_ bytes: UnsafeBufferPointer<UInt8>, at lt: Int) -> Bool {
        lt + 9 <= bytes.count && equalsIgnoringCase(bytes, (lt + 2)..<(lt + 9), "doctype")
    }

    /// Just past a DOCTYPE's end, when it is certain: its first `>`, unless quotes could make libxml2 read a quoted
    /// literal past it. libxml2 reads literals only after `PUBLIC`/`SYSTEM`, starting at the first quote, so with
    /// one kind of quote, an even number of them before the first `>` closes every literal before it.
    static func doctypeEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let gt = find(UInt8(ascii: ">"), in: bytes, from: start) else { return nil }
        var double = 0
        var single = 0
        for b in UnsafeBufferPointer(rebasing: bytes[start..<gt]) {
            if b == UInt8(ascii: "\"") { double += 1 } else if b == UInt8(ascii: "'") { single += 1 }
        }
        guard (double == 0 || single == 0) && double % 2 == 0 && single % 2 == 0 else { return nil }
        return gt + 1
    }

    static func equalsIgnoringCase(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ name: StaticString)
        -> Bool
    {
        guard range.count == name.utf8CodeUnitCount else { return false }
        for k in 0..<range.count {
            let b = bytes[range.lowerBound + k]
            if (b >= 65 && b <= 90 ? b + 32 : b) != name.utf8Start[k] { return false }
        }
        return true
    }

    static func find(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start < bytes.count, let base = bytes.baseAddress,
            let found = memchr(base + start, Int32(byte), bytes.count - start)
        else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// The first `needle` (lowercase ASCII starting with `</`) at or after `start`, its letters in any case.
    static func findIgnoringCase(_ needle: StaticString, in bytes: UnsafeBufferPointer<UInt8>, from start: Int)
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
