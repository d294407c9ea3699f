/// What an HTML element means for text extraction.
struct ElementKind: OptionSet, Sendable {
    let rawValue: UInt16

    /// Not the ad's text: scripts, styles, the head and page chrome. Everything inside is dropped.
    static let skipped = ElementKind(rawValue: 1 << 0)
    /// A block: its start and end are line breaks.
    static let block = ElementKind(rawValue: 1 << 1)
    /// A table cell: separated from its neighbours by a space.
    static let cell = ElementKind(rawValue: 1 << 2)
    /// `<title>`.
    static let title = ElementKind(rawValue: 1 << 3)
    /// Has no content or end tag (`br`, `img`, `meta` …): never pushed on the open-element stack.
    static let void = ElementKind(rawValue: 1 << 4)
    /// `<br>`, `<hr>`: a line break on its own.
    static let lineBreak = ElementKind(rawValue: 1 << 5)
    static let anchor = ElementKind(rawValue: 1 << 6)
    static let image = ElementKind(rawValue: 1 << 7)
    /// `<script>`, `<style>`: their bodies are code, never text, not even a title's.
    static let rawText = ElementKind(rawValue: 1 << 8)
    /// A block that may hold a list of links (other ads, site menus): judged by its link density when it ends.
    static let container = ElementKind(rawValue: 1 << 9)
    /// `h1`–`h6`: may announce a list of other ads ("Recent ads", "Related listings").
    static let heading = ElementKind(rawValue: 1 << 10)
    /// An element that, when it opens its block with a few words, acts as that block's heading
    /// (`<b>Other posts this week</b>`, `<div class="title">Similar ads</div>`).
    static let label = ElementKind(rawValue: 1 << 11)
    /// A list or table of items: never the ad's running text after a heading that announces other ads.
    static let list = ElementKind(rawValue: 1 << 12)
}

/// Element names packed into an integer so the SAX callbacks classify a tag without building a `String`.
///
/// libxml2 lowercases HTML tag names; the first 8 bytes plus the length identify every name in the table.
struct ElementKey: Hashable {
    let packed: UInt64
    let length: Int

    init(_ name: UnsafePointer<UInt8>) {
        var packed: UInt64 = 0
        var length = 0
        while name[length] != 0 {
            if length < 8 { packed |= UInt64(name[length]) << (8 * UInt64(length)) }
            length += 1
        }
        self.packed = packed
        self.length = length
    }

    init(packed: UInt64, length: Int) {
        self.packed = packed
        self.length = length
    }

    init(_ name: String) {
        self = Array(name.utf8CString).withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: UInt8.self, capacity: buffer.count) { ElementKey($0) }
        }
    }

    static var meta: ElementKey { ElementKey(packed: 0x6174_656D, length: 4) }  // "meta"
}

struct ElementTable: Sendable {
    /// The table, built once. Hot code keeps its own copy (a reference to the same storage): reading a
    /// `static let` costs a `swift_once` call on every access on Linux.
    static let shared = ElementTable()

    private let lookup: [(packed: UInt64, length: Int, kind: ElementKind)]

    private init() {
        var table = [(packed: UInt64, length: Int, kind: ElementKind)](repeating: (0, 0, []), count: 256)
        for (key, kind) in Self.kinds {
            var slot = Self.slot(of: key)
            while table[slot].length != 0 { slot = (slot + 1) & 255 }
            table[slot] = (key.packed, key.length, kind)
        }
        lookup = table
    }

    /// The kind of an element (empty for inline, transparent ones), through an open-addressed table with a
    /// multiplicative hash: this runs twice per element of every page, where `Dictionary`'s seeded SipHash showed
    /// in profiles.
    func kind(of key: ElementKey) -> ElementKind {
        var slot = Self.slot(of: key)
        while true {
            let entry = lookup[slot]
            if entry.length == 0 { return [] }
            if entry.packed == key.packed && entry.length == key.length { return entry.kind }
            slot = (slot + 1) & (lookup.count - 1)
        }
    }

    static func kind(of key: ElementKey) -> ElementKind { shared.kind(of: key) }

    private static func slot(of key: ElementKey) -> Int {
        Int(truncatingIfNeeded: ((key.packed ^ UInt64(key.length)) &* 0x9E37_79B9_7F4A_7C15) >> 56)  // 256 slots
    }

    /// Elements with a meaning for extraction; all others are inline and transparent.
    static let kinds: [ElementKey: ElementKind] = {
        var table: [ElementKey: ElementKind] = [:]
        // Not the ad: code, metadata, embedded documents, form controls, and page chrome (HTML5 sectioning
        // elements that sites use for menus, headers, footers and sidebars of other ads).
        for name in [
            "script", "style", "noscript", "template", "head", "nav", "header", "footer", "aside", "iframe", "frame",
            "frameset", "object", "embed", "svg", "math", "canvas", "select", "button", "textarea", "datalist",
            "audio", "video", "map",
        ] {
            table[ElementKey(name)] = .skipped
        }
        for name in [
            "address", "article", "blockquote", "body", "center", "dd", "details", "dialog", "dir", "div", "dl",
            "dt", "fieldset", "figcaption", "figure", "form", "h1", "h2", "h3", "h4", "h5", "h6", "hgroup", "html",
            "legend", "li", "main", "menu", "ol", "p", "pre", "section", "summary", "table", "tbody", "thead",
            "tfoot", "tr", "ul", "caption", "option", "listing", "xmp", "plaintext",
        ] {
            table[ElementKey(name)] = .block
        }
        table[ElementKey("script")] = [.skipped, .rawText]
        table[ElementKey("style")] = [.skipped, .rawText]
        table[ElementKey("td")] = .cell
        table[ElementKey("th")] = .cell
        table[ElementKey("title")] = .title
        table[ElementKey("br")] = [.void, .lineBreak]
        table[ElementKey("hr")] = [.void, .lineBreak]
        table[ElementKey("img")] = [.void, .image]
        table[ElementKey("a")] = .anchor
        for name in [
            "div", "section", "article", "ul", "ol", "dl", "dd", "li", "menu", "table", "tbody", "thead", "tfoot",
            "tr", "td", "th", "p", "form", "fieldset", "center", "details", "figure",
        ] {
            table[ElementKey(name), default: []].insert(.container)
        }
        for name in ["ul", "ol", "dl", "menu", "table", "tbody"] { table[ElementKey(name), default: []].insert(.list) }
        for name in ["h1", "h2", "h3", "h4", "h5", "h6"] { table[ElementKey(name), default: []].insert(.heading) }
        for name in ["b", "strong", "span", "font", "label", "p", "div", "dt", "caption", "legend", "summary"] {
            table[ElementKey(name), default: []].insert(.label)
        }
        for name in [
            "meta", "link", "input", "area", "base", "basefont", "col", "param", "source", "track", "wbr", "keygen",
            "isindex",
        ] {
            table[ElementKey(name)] = .void
        }
        return table
    }()
}
