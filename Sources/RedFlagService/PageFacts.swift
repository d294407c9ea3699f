import RedFlagIngest

#if canImport(Glibc)
    import Glibc
#endif

/// Where and when an ad page says it was posted, read from its markup: `<meta>` tags (geo.placename, og:locality,
/// article:published_time, …), the first `<time datetime>`, and JSON-LD (`addressLocality`, `datePosted`, …).
///
/// The review queue shows each ad's place and date so a reviewer can tell linked ads apart; without this, every HTML
/// item read "unknown" and its enqueue time. Only flagged ads are read (at enqueue). The page is read once, as bytes,
/// by a small tag scanner rather than by regular expressions: the ICU expressions this replaced took a tenth of
/// `redflag serve`'s CPU (every `String`↔`NSString` range conversion walks the page again), and the scan's own
/// parser stays untouched.
struct PageFacts: Equatable {
    var location: String?
    var date: String?

    init(html: String) { self.init(bytes: Array(html.utf8)) }

    init(bytes: [UInt8]) {
        var tags = PageTags()
        bytes.withUnsafeBufferPointer { tags.read($0) }
        location = tags.firstMeta(Self.locationNames) ?? tags.jsonLD(Self.locationKeys)
        date = tags.firstMeta(Self.dateNames) ?? tags.times.first ?? tags.jsonLD(Self.dateKeys)
        location = location.map(Self.tidy)
        date = date.map(Self.tidy)
    }

    static let locationNames = [
        "geo.placename", "og:locality", "og:region", "place:location", "business:contact_data:locality", "city",
        "location",
    ]
    static let dateNames = [
        "article:published_time", "og:published_time", "datePosted", "date", "dc.date", "dcterms.created",
        "og:updated_time",
    ]
    static let locationKeys = ["addressLocality", "addressRegion", "areaServed"]
    static let dateKeys = ["datePosted", "datePublished", "dateCreated", "uploadDate"]

    /// Entities decoded, whitespace collapsed, at most 80 characters.
    static func tidy(_ text: String) -> String {
        var out = text
        for (entity, character) in [("&amp;", "&"), ("&quot;", "\""), ("&#39;", "'"), ("&lt;", "<"), ("&gt;", ">")]
        where out.contains(entity) {
            out = out.replacing(entity, with: character)
        }
        out = collapseWhitespace(out)
        return out.count > 80 ? String(out.prefix(79)) + "…" : out
    }
}

/// The tags ``PageFacts`` reads, collected in one pass over the page's bytes.
///
/// The grammar is the lenient one browsers and the regular expressions before this used: a tag runs from `<name` to
/// the first `>`; attribute names are case-insensitive; values are double-quoted, single-quoted or bare. JSON-LD is
/// the body of a `<script>` whose opening tag mentions `application/ld+json`, up to the next `</script`.
struct PageTags {
    /// The first `content` for each lower-cased `name`, `property` or `itemprop` of a `<meta>`.
    var metas: [String: String] = [:]
    /// `datetime` of each `<time>`, in page order.
    var times: [String] = []
    /// JSON-LD script bodies, in page order.
    var jsonLDBlocks: [ArraySlice<UInt8>] = []

    func firstMeta(_ names: [String]) -> String? {
        names.lazy.compactMap { metas[$0.lowercased()] }.first
    }

    /// The first non-empty string value of one of `keys` (tried in order within each block, blocks in page order).
    func jsonLD(_ keys: [String]) -> String? {
        for block in jsonLDBlocks {
            for key in keys {
                if let value = Self.jsonString(for: Array(key.utf8), in: block), !value.isEmpty { return value }
            }
        }
        return nil
    }

    mutating func read(_ page: UnsafeBufferPointer<UInt8>) {
        var i = 0
        let n = page.count
        while i < n {
            // memchr to the next `<`, and the tag's name compared in place: a string made for every tag's name was
            // most of this scan's time.
            guard let open = memchr(page.baseAddress! + i, Int32(UInt8(ascii: "<")), n - i) else { return }
            i = page.baseAddress!.distance(to: open.assumingMemoryBound(to: UInt8.self))
            let nameStart = i + 1
            var nameEnd = nameStart
            while nameEnd < n, Self.isNameByte(page[nameEnd]) { nameEnd += 1 }
            let name: StaticString
            if Self.named(page, nameStart..<nameEnd, "meta") {
                name = "meta"
            } else if Self.named(page, nameStart..<nameEnd, "time") {
                name = "time"
            } else if Self.named(page, nameStart..<nameEnd, "script") {
                name = "script"
            } else {
                i = nameStart
                continue
            }
            // The tag ends at the first `>`, as `<meta\b[^>]*>` did; a tag the page never closes is not read.
            guard let close = Self.index(of: UInt8(ascii: ">"), in: page, from: nameEnd) else { return }
            let attributes = Self.attributes(page, nameEnd..<close)
            switch name.utf8Start[0] {
            case UInt8(ascii: "m"):
                if let key = attributes["name"] ?? attributes["property"] ?? attributes["itemprop"],
                    let content = attributes["content"], !content.isEmpty, metas[key.lowercased()] == nil
                {
                    metas[key.lowercased()] = content
                }
            case UInt8(ascii: "t"):
                if let datetime = attributes["datetime"] { times.append(datetime) }
            default:
                let opening = Self.lowercased(page, nameEnd..<close)
                if opening.contains("application/ld+json") {
                    let end = Self.closingScript(page, from: close + 1) ?? n
                    jsonLDBlocks.append(ArraySlice(page[(close + 1)..<end]))
                    i = end
                    continue
                }
            }
            i = close + 1
        }
    }

    // MARK: - Bytes

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }

    /// Whether `range` of the page is `name` (lower case ASCII), in any case.
    private static func named(_ page: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ name: StaticString) -> Bool {
        guard range.count == name.utf8CodeUnitCount else { return false }
        for k in 0..<range.count where page[range.lowerBound + k] | 0x20 != name.utf8Start[k] { return false }
        return true
    }

    private static func lowercased(_ page: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: page[range].lazy.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    private static func index(of byte: UInt8, in page: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var i = start
        while i < page.count {
            if page[i] == byte { return i }
            i += 1
        }
        return nil
    }

    /// Where the next `</script` (any case) starts.
    private static func closingScript(_ page: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let needle = Array("</script".utf8)
        var i = start
        while i + needle.count <= page.count {
            if page[i] == UInt8(ascii: "<"), page[i + 1] == UInt8(ascii: "/") {
                var k = 2
                while k < needle.count, page[i + k] | 0x20 == needle[k] { k += 1 }
                if k == needle.count { return i }
            }
            i += 1
        }
        return nil
    }

    /// The attributes between a tag's name and its `>`: the first value of each lower-cased name.
    private static func attributes(_ page: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [String: String] {
        var result: [String: String] = [:]
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            while i < end, isSpace(page[i]) || page[i] == UInt8(ascii: "/") { i += 1 }
            let nameStart = i
            while i < end, !isSpace(page[i]), page[i] != UInt8(ascii: "="), page[i] != UInt8(ascii: "/") { i += 1 }
            guard i > nameStart else {
                i += 1
                continue
            }
            let name = lowercased(page, nameStart..<i)
            while i < end, isSpace(page[i]) { i += 1 }
            guard i < end, page[i] == UInt8(ascii: "=") else {
                if result[name] == nil { result[name] = "" }
                continue
            }
            i += 1
            while i < end, isSpace(page[i]) { i += 1 }
            var valueStart = i
            var valueEnd = i
            if i < end, page[i] == UInt8(ascii: "\"") || page[i] == UInt8(ascii: "'") {
                let quote = page[i]
                valueStart = i + 1
                valueEnd = valueStart
                while valueEnd < end, page[valueEnd] != quote { valueEnd += 1 }
                i = min(valueEnd + 1, end)
            } else {
                while valueEnd < end, !isSpace(page[valueEnd]) { valueEnd += 1 }
                i = valueEnd
            }
            if result[name] == nil {
                result[name] = String(decoding: UnsafeBufferPointer(rebasing: page[valueStart..<valueEnd]), as: UTF8.self)
            }
        }
        return result
    }

    /// The raw (still escaped) string value of the first `"key" : "value"` in `block`, the key matched without regard
    /// to ASCII case, as the expression `"key"\s*:\s*"((?:[^"\\]|\\.)*)"` matched it.
    static func jsonString(for key: [UInt8], in block: ArraySlice<UInt8>) -> String? {
        let quote = UInt8(ascii: "\"")
        var i = block.startIndex
        let end = block.endIndex
        while i + key.count + 1 < end {
            defer { i += 1 }
            guard block[i] == quote else { continue }
            var k = 0
            while k < key.count, block[i + 1 + k] | 0x20 == key[k] | 0x20 { k += 1 }
            guard k == key.count, block[i + 1 + k] == quote else { continue }
            var j = i + key.count + 2
            while j < end, isSpace(block[j]) { j += 1 }
            guard j < end, block[j] == UInt8(ascii: ":") else { continue }
            j += 1
            while j < end, isSpace(block[j]) { j += 1 }
            guard j < end, block[j] == quote else { continue }
            let valueStart = j + 1
            var v = valueStart
            while v < end, block[v] != quote {
                v += block[v] == UInt8(ascii: "\\") ? 2 : 1
            }
            guard v < end else { return nil }
            return String(decoding: block[valueStart..<v], as: UTF8.self)
        }
        return nil
    }
}
