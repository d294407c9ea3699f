internal import CLibXML2
#if canImport(Glibc)
import Glibc
#endif

/// libxml2 keeps global tables; `xmlInitParser` must run once before parsing on several threads. A global `let`
/// is initialised lazily and atomically, exactly once. `xmlCleanupParser` is never called from library code.
private let libxml2Initialized: Void = { xmlInitParser() }()

/// Turns an ad page's HTML into an ``AdDocument`` with libxml2's HTML parser, streaming through SAX callbacks.
///
/// No tree is built: the callbacks keep only the ad's visible text, title, meta values, links and image count,
/// and drop scripts, styles, comments, the head and page chrome as they go. Without a tree, libxml2's tree-builder
/// limits (nesting depth 256, text nodes of 10,000,000 bytes, both silently truncating in 2.9.14) never apply; the
/// byte limit is ours and is checked before parsing. The parser never touches the network (`HTML_PARSE_NONET`)
/// and is always told the encoding we determined (``Charset``), so a lying `<meta charset>` cannot re-decode the
/// page halfway through.
///
/// An extractor owns one libxml2 parser context and is not thread-safe: use one per worker.
public final class HTMLExtractor {
    /// Links kept per document; a page with more is a link farm, and the rest add nothing.
    public static let maximumLinks = 200
    /// Attributes libxml2 is given per start tag (``AttributeCap``); the rest are dropped before parsing.
    public static var maximumAttributesPerElement: Int { AttributeCap.maximumAttributes }

    private let context: htmlParserCtxtPtr
    /// Whether what the extraction drops anyway is cut before parsing (``MarkupPruner``); off only in the tests
    /// that check it changes nothing extracted.
    var prunesMarkup = true
    private var handler = htmlSAXHandler()
    private let skipAttributes = SkipAttributes()
    /// The callbacks' state lives behind a pointer rather than in a class: the callbacks run once per element and
    /// per text run, and every access to a class's stored property is a runtime exclusivity check (about 5% of
    /// parsing in profiles); a pointer's pointee is not checked at run time.
    private let state: UnsafeMutablePointer<ExtractionState>
    private let pruner: MarkupPruner
    private var prunedBuffer: [UInt8] = []

    public init() {
        _ = libxml2Initialized
        context = htmlNewParserCtxt()
        state = .allocate(capacity: 1)
        state.initialize(to: ExtractionState(skipAttributes: skipAttributes))
        pruner = MarkupPruner(skipAttributes: skipAttributes)
        // The SAX2 mark makes libxml2 hand every parse error to `serror` (below); the HTML parser reads no other
        // SAX2 field.
        handler.initialized = CLibXML2_SAX2_MAGIC
        // Every callback spends a little of the record's budget; when it runs out the parser is stopped from
        // inside the callback (`xmlStopParser`, which libxml2 allows there) and the ad gets a timeout error.
        handler.startElement = { ctx, name, attributes in
            guard let ctx, let name else { return }
            let state = ExtractionState.from(ctx)
            state.pointee.startElement(name, attributes)
            if state.pointee.budgetSpent() { CLibXML2_stop(ctx) }
        }
        handler.endElement = { ctx, name in
            guard let ctx, let name else { return }
            let state = ExtractionState.from(ctx)
            state.pointee.endElement(name)
            if state.pointee.budgetSpent() { CLibXML2_stop(ctx) }
        }
        handler.characters = { ctx, bytes, length in
            guard let ctx, let bytes else { return }
            let state = ExtractionState.from(ctx)
            state.pointee.characters(UnsafeBufferPointer(start: bytes, count: Int(length)))
            if state.pointee.budgetSpent() { CLibXML2_stop(ctx) }
        }
        // libxml2 formats and records every parse error, and runs no other callback meanwhile: a page of a million
        // stray end tags below a deep stack is all errors. Each error spends budget too.
        handler.serror = { ctx, _ in
            guard let ctx, let state = CLibXML2_state(ctx)?.assumingMemoryBound(to: ExtractionState.self) else {
                return
            }
            if state.pointee.budgetSpent() { CLibXML2_stop(ctx) }
        }
        // Whitespace the parser judged ignorable is still a word boundary; script/style bodies arrive as CDATA
        // and are dropped by the skip logic like any other text inside skipped elements.
        handler.ignorableWhitespace = handler.characters
        handler.cdataBlock = handler.characters
    }

    deinit {
        htmlFreeParserCtxt(context)
        state.deinitialize(count: 1)
        state.deallocate()
    }

    /// Recover from errors silently, never touch the network, build no implied `html`/`body`, and take the
    /// encoding we give over any the page declares.
    static let parseOptions = Int32(
        HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_NOIMPLIED.rawValue
            | HTML_PARSE_IGNORE_ENC.rawValue)

    /// Extracts a document from raw page bytes, honouring a BOM, UTF-16, `transportCharset` (an HTTP header's
    /// charset) and `<meta charset>`/`http-equiv` declarations, in that order.
    ///
    /// - Throws: ``IngestError/Code/truncated`` when the parser gave up before the end of the page.
    public func extract(htmlBytes bytes: [UInt8], transportCharset: String? = nil) throws(IngestError) -> AdDocument {
        let decoded: (String, Charset, Bool)? = bytes.withUnsafeBufferPointer { buffer in
            let (charset, bom) = Charset.detect(buffer, transport: transportCharset)
            let body = UnsafeBufferPointer(rebasing: buffer[bom...])
            if let (string, repaired) = charset.decode(body) { return (string, charset, repaired) }
            return nil
        }
        if let (string, charset, repaired) = decoded {
            return try parse(string, encoding: charset.name, repaired: repaired)
        }
        // A legacy label this C library's iconv cannot decode after all: read the bytes as if undeclared.
        let (string, charset, repaired): (String, Charset, Bool) = bytes.withUnsafeBufferPointer { buffer in
            let stats = UTF8Stats(buffer)
            let fallback: Charset = stats.invalid == 0 || stats.validMultibyte > 0 ? .utf8 : .windows1252
            let (string, repaired) = fallback.decode(buffer)!
            return (string, fallback, repaired)
        }
        return try parse(string, encoding: charset.name, repaired: repaired)
    }

    /// Extracts the document of a record's content, whatever its kind: raw HTML bytes (with their transport
    /// charset), HTML that is already Unicode, or plain text (which skips the parser).
    public func extract(_ content: AdRecord.Content) throws(IngestError) -> AdDocument {
        switch content {
        case .htmlBytes(let bytes, let charset): try extract(htmlBytes: bytes, transportCharset: charset)
        case .htmlString(let html): try extract(html: html)
        case .text(let text): AdDocument(text: text)
        }
    }

    /// Extracts like ``extract(_:)``, spending `budget` as the parser works: when it runs out the parser stops.
    ///
    /// - Throws: ``IngestError/Code/timeout`` when the budget ran out during parsing (`budget.spent` is then true).
    public func extract(_ content: AdRecord.Content, budget: inout RecordBudget) throws(IngestError) -> AdDocument {
        state.pointee.budget = budget
        defer {
            budget = state.pointee.budget ?? budget
            state.pointee.budget = nil
        }
        return try extract(content)
    }

    /// Extracts a document from HTML that is already Unicode (a JSON or CSV string field). Any `<meta charset>`
    /// inside it is stale and ignored.
    public func extract(html: String) throws(IngestError) -> AdDocument {
        try parse(html, encoding: "utf-8", repaired: false)
    }

    private func parse(_ html: String, encoding: String, repaired: Bool) throws(IngestError) -> AdDocument {
        var html = html
        let result: Result<AdDocument, IngestError> = html.withUTF8 { utf8 in
            run(UnsafeRawBufferPointer(utf8), libxml2Encoding: "UTF-8", reportedEncoding: encoding, repaired: repaired)
        }
        return try result.get()
    }

    private func run(
        _ bytes: UnsafeRawBufferPointer, libxml2Encoding: String, reportedEncoding: String, repaired: Bool
    ) -> Result<AdDocument, IngestError> {
        guard bytes.count < Int(Int32.max) else {
            return .failure(IngestError(.tooLarge, "page of \(bytes.count) bytes is beyond libxml2's 2 GiB limit"))
        }
        state.pointee.reset()
        let options = Self.parseOptions
        var stoppedEarly: Int32 = 0
        let statePointer = UnsafeMutableRawPointer(state)
        func parse(_ page: UnsafeRawBufferPointer) {
            guard page.count > 0 else { return }
            _ = withUnsafePointer(to: &handler) { handlerPointer in
                CLibXML2_saxParse(
                    context, handlerPointer, statePointer, page.baseAddress!.assumingMemoryBound(to: CChar.self),
                    Int32(page.count), libxml2Encoding, options, &stoppedEarly)
            }
        }
        // What extraction drops anyway is cut out first (UTF-8 only: in other encodings a `<` byte may sit inside
        // a multi-byte character).
        var buffer = prunedBuffer  // moved out and back: one buffer serves every page
        prunedBuffer = []
        defer { prunedBuffer = buffer }
        let pruned = libxml2Encoding == "UTF-8" && prunesMarkup && pruner.prune(bytes, into: &buffer)
        // Then start tags with more attributes than libxml2 can check in linear time lose the excess: on the pruned
        // page when there is one (half the bytes of a typical page, so half the scan).
        var dropped = 0
        func capAndParse(_ page: UnsafeRawBufferPointer) {
            let view = UnsafeBufferPointer(start: page.baseAddress?.assumingMemoryBound(to: UInt8.self), count: page.count)
            let excess = AttributeCap.excess(in: view)
            dropped = excess.dropped
            if excess.cuts.isEmpty { return parse(page) }
            var capped: [UInt8] = []
            AttributeCap.apply(excess.cuts, to: view, into: &capped)
            capped.withUnsafeBytes { parse($0) }
        }
        if pruned { buffer.withUnsafeBytes { capAndParse($0) } } else { capAndParse(bytes) }
        if state.pointee.timedOut {
            return .failure(IngestError(.timeout, "the HTML parser used up the record's CPU-time budget"))
        }
        state.pointee.finish()
        if stoppedEarly != 0 {
            return .failure(
                IngestError(
                    .truncated,
                    "the HTML parser stopped before the end of the page (\(bytes.count) bytes); its text is incomplete"
                ))
        }
        var document = state.pointee.document(encoding: reportedEncoding, repaired: repaired)
        document.attributesDropped = dropped
        return .success(document)
    }
}

/// The SAX callbacks' state: the text being built and the stack of open elements.
///
/// Besides what element names and attributes skip, two rules drop chrome that a layout never named, decided when a
/// block ends (the text is already a buffer, so dropping a block is truncating it; nothing else is held back):
/// - **Link density**: a container block (``ElementKind/container``) with at least ``minimumLinks`` links whose
///   text is mostly anchor text (at least ``linkDensity``), in anchors of ``minimumAnchorBytesPerLink`` bytes on
///   average, is a list of other ads or pages, as in boilerplate removers (Readability, jusText, boilerpipe). Lists
///   of short links (an ad's own tags, "GFE · incall · outcall") and a body with a link or two stay.
/// - **List headings**: a heading (`h1`–`h6`, or a short label that opens its block) that announces other ads
///   (``ListHeadings``) drops itself and what follows it in its block, up to the block's end or the next heading
///   there; a following block of running text (not a list or table, mostly outside links, long or of several
///   lines: the ad, in a layout that puts it after such a heading, or after a badge that reads like one) ends the
///   drop and is kept.
/// Inner blocks are judged first, and what they drop no longer counts for the blocks around them. A block left with
/// nothing but the short heading or label that opened it (at most ``maximumCaptionBytes``) once a link list inside
/// it went is that list's caption, and goes too.
struct ExtractionState {
    /// A position in the text, with the running counts the chrome rules compare between two positions.
    struct Mark {
        var text = 0
        var anchorBytes = 0
        var linkCount = 0
        var links = 0
        var linkLists = 0
    }

    struct OpenElement {
        var key: ElementKey
        var kind: ElementKind
        /// Whether the element started a skipped region.
        var skips: Bool
        /// Whether the element is a visible link (`<a href>` outside skipped regions).
        var isLink: Bool
        var start: Mark
    }

    /// The part of a block announced by a list heading: from the heading's start to the end of the block whose
    /// open-element stack has `depth` entries (0: the document), or to the next heading among its children.
    struct ListRegion {
        var depth: Int
        var start: Mark
    }

    static let minimumLinks = 3
    /// Anchor bytes over all text bytes (both counted in the extracted text, separators included).
    static let linkDensity = 0.5
    static let minimumAnchorBytesPerLink = 12
    /// A block after a list heading that is not a list or table (``ElementKind/list``), holds text mostly outside
    /// anchors, and holds this much of it or several lines, is running text and ends the heading's list.
    static let runningTextBytes = 120
    /// A block left with nothing but a heading or label this short that opened it, after a link list inside it was
    /// dropped, is that list's caption and goes too.
    static let maximumCaptionBytes = 40

    private var text: [UInt8] = []
    private var title: [UInt8] = []
    /// What separates the next text from the previous: 0 nothing, 1 a space, 2 a line break.
    private var pendingBreak: UInt8 = 0
    /// Open elements: their key and whether they started a skipped region, a title or a block.
    private var stack: [OpenElement] = []
    private var skipDepth = 0
    /// Open visible links, and what the chrome rules count: bytes of text appended inside them and visible links
    /// opened (both minus what was dropped since).
    private var anchorDepth = 0
    private var anchorBytes = 0
    private var linkCount = 0
    /// Link lists dropped so far, and the text of the last short heading or label that opened its block.
    private var linkListsDropped = 0
    private var caption: Range<Int>?
    private var listRegion: ListRegion?
    private var titleDepth = 0
    /// Open script and style elements: their text goes nowhere, even inside a title that was never closed (so the
    /// text is the same whether ``MarkupPruner`` cut their bodies or not).
    private var rawTextDepth = 0
    private var meta: [String: String] = [:]
    private var links: [String] = []
    private var imageCount = 0
    /// The record's CPU-time budget while a parse runs under one (nil otherwise), and whether it ran out.
    var budget: RecordBudget?
    private(set) var timedOut = false
    /// Judges the attributes that skip an element; shared with the extractor's ``MarkupPruner``.
    let skipAttributes: SkipAttributes
    private let elements = ElementTable.shared

    init(skipAttributes: SkipAttributes) {
        self.skipAttributes = skipAttributes
    }

    static func from(_ ctx: UnsafeMutableRawPointer) -> UnsafeMutablePointer<ExtractionState> {
        CLibXML2_state(ctx)!.assumingMemoryBound(to: ExtractionState.self)
    }

    /// Spends one callback's worth of the budget; true when it ran out (the caller stops the parser).
    @inline(__always) mutating func budgetSpent() -> Bool {
        guard budget != nil else { return false }
        if budget!.isSpent() {
            timedOut = true
            return true
        }
        return false
    }

    mutating func reset() {
        timedOut = false
        text.removeAll(keepingCapacity: true)
        title.removeAll(keepingCapacity: true)
        pendingBreak = 0
        stack.removeAll(keepingCapacity: true)
        skipDepth = 0
        titleDepth = 0
        rawTextDepth = 0
        meta = [:]
        links = []
        imageCount = 0
        anchorDepth = 0
        anchorBytes = 0
        linkCount = 0
        linkListsDropped = 0
        caption = nil
        listRegion = nil
    }

    private var mark: Mark {
        Mark(
            text: text.count, anchorBytes: anchorBytes, linkCount: linkCount, links: links.count,
            linkLists: linkListsDropped)
    }

    mutating func startElement(_ name: UnsafePointer<UInt8>, _ attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>?) {
        let key = ElementKey(name)
        let kind = elements.kind(of: key)
        var skips = kind.contains(.skipped)
        var href: UnsafePointer<UInt8>?
        if let attributes {
            var i = 0
            while let attributeName = attributes[i] {
                let value = attributes[i + 1]
                switch attributeName.pointee {
                case UInt8(ascii: "c"), UInt8(ascii: "i"):
                    if let value, equals(attributeName, "class") || equals(attributeName, "id"),
                        skipAttributes.isChrome(bytes(value))
                    {
                        skips = true
                    }
                case UInt8(ascii: "h"):
                    if equals(attributeName, "hidden") { skips = true }
                    if equals(attributeName, "href") { href = value }
                case UInt8(ascii: "s"):
                    if let value, equals(attributeName, "style"), SkipAttributes.hidesElement(bytes(value)) {
                        skips = true
                    }
                case UInt8(ascii: "a"):
                    if let value, equals(attributeName, "aria-hidden"), SkipAttributes.isTrue(bytes(value)) {
                        skips = true
                    }
                default: break
                }
                i += 2
            }
            if key == ElementKey.meta { readMeta(attributes) }
        }
        let visible = skipDepth == 0 && !skips
        if visible, let region = listRegion, kind.contains(.heading), stack.count == region.depth {
            // The next heading in the announcing heading's block ends the list it announced.
            drop(from: region.start, to: mark)
            listRegion = nil
        }
        if visible {
            if kind.contains(.block) || kind.contains(.lineBreak) {
                pendingBreak = 2
            } else if kind.contains(.cell) {
                pendingBreak = max(pendingBreak, 1)
            }
            if kind.contains(.image) { imageCount += 1 }
            if kind.contains(.anchor), let href, links.count < HTMLExtractor.maximumLinks {
                links.append(String(cString: href))
            }
        }
        if kind.contains(.void) { return }
        if kind.contains(.title) { titleDepth += 1 }
        if kind.contains(.rawText) { rawTextDepth += 1 }
        if skips { skipDepth += 1 }
        let isLink = visible && href != nil && kind.contains(.anchor)
        if isLink {
            anchorDepth += 1
            linkCount += 1
        }
        stack.append(OpenElement(key: key, kind: kind, skips: skips, isLink: isLink, start: mark))
    }

    mutating func endElement(_ name: UnsafePointer<UInt8>) {
        let key = ElementKey(name)
        if elements.kind(of: key).contains(.void) { return }
        // libxml2 closes implied elements itself; a closer that matches nothing open is ignored.
        guard let index = stack.lastIndex(where: { $0.key == key }) else { return }
        while stack.count > index { closeTop() }
    }

    /// Closes what is still open when the page ends, and ends a list region that reaches the end of the document.
    mutating func finish() {
        while !stack.isEmpty { closeTop() }
        if let region = listRegion {
            drop(from: region.start)
            listRegion = nil
        }
    }

    private mutating func closeTop() {
        let closed = stack.removeLast()
        if closed.skips { skipDepth -= 1 }
        if closed.kind.contains(.title) { titleDepth -= 1 }
        if closed.kind.contains(.rawText) { rawTextDepth -= 1 }
        if closed.isLink { anchorDepth -= 1 }
        if skipDepth == 0 && (closed.kind.contains(.block)) { pendingBreak = 2 }
        if skipDepth == 0 && closed.kind.contains(.cell) { pendingBreak = max(pendingBreak, 1) }
        if skipDepth == 0 && !closed.skips { judge(closed) }
    }

    /// Applies the chrome rules to a visible element that just closed.
    private mutating func judge(_ closed: OpenElement) {
        if let region = listRegion, stack.count < region.depth {
            // The block holding an announced list ends: the list goes, before the block itself is judged.
            drop(from: region.start)
            listRegion = nil
        }
        let start = closed.start
        if closed.kind.contains(.container) {
            if isLinkList(since: start) {
                drop(from: start)
                linkListsDropped += 1
                return
            }
            if linkListsDropped > start.linkLists, let caption, caption == start.text..<text.count {
                // All that is left of a block whose link list went is the heading that opened it: the list's
                // caption.
                drop(from: start)
                return
            }
        }
        let isBlock = closed.kind.contains(.block) || closed.kind.contains(.cell)
        if let region = listRegion, isBlock, stack.count == region.depth, start.text >= region.start.text,
            !closed.kind.contains(.list), isRunningText(since: start)
        {
            // Running text after the heading (the ad in a layout that puts it after such a heading) is kept and
            // ends the list.
            drop(from: region.start, to: start)
            listRegion = nil
        }
        let length = text.count - start.text
        guard length <= ListHeadings.maximumBytes + 1 && length > 0,
            closed.kind.contains(.heading) || (closed.kind.contains(.label) && opensItsBlock(start))
        else { return }
        if length <= Self.maximumCaptionBytes + 1 { caption = start.text..<text.count }
        if listRegion == nil && announcesList(since: start, label: !closed.kind.contains(.heading)) {
            var parent = stack.count
            while parent > 0 && !(stack[parent - 1].kind.contains(.block) || stack[parent - 1].kind.contains(.cell)) {
                parent -= 1
            }
            listRegion = ListRegion(depth: parent, start: start)
        }
    }

    private func isLinkList(since start: Mark) -> Bool {
        let links = linkCount - start.linkCount
        guard links >= Self.minimumLinks else { return false }
        let anchors = anchorBytes - start.anchorBytes
        let length = text.count - start.text
        return Double(anchors) >= Self.linkDensity * Double(length) && anchors >= Self.minimumAnchorBytesPerLink * links
    }

    /// Whether the block since `start` reads as running text: mostly outside links, and long or of several lines.
    private func isRunningText(since start: Mark) -> Bool {
        let length = text.count - start.text
        let anchors = anchorBytes - start.anchorBytes
        guard anchors * 3 < length else { return false }
        if length - anchors >= Self.runningTextBytes { return true }
        // A line break after the block's first one.
        return text[(start.text + 1)...].contains(10)
    }

    /// Whether nothing was written in the nearest enclosing block before the element starting at `start`.
    private func opensItsBlock(_ start: Mark) -> Bool {
        var index = stack.count - 1
        while index >= 0 {
            let kind = stack[index].kind
            if kind.contains(.block) || kind.contains(.cell) { return stack[index].start.text == start.text }
            index -= 1
        }
        return start.text == 0
    }

    private func announcesList(since start: Mark, label: Bool) -> Bool {
        guard text.count > start.text else { return false }
        return text.withUnsafeBufferPointer {
            ListHeadings.announcesOtherAds(UnsafeBufferPointer(rebasing: $0[start.text...]), label: label)
        }
    }

    /// Removes the text, links and counts between two marks (to the end when `end` is nil). The break pending
    /// after a dropped block is the one its end set.
    private mutating func drop(from start: Mark, to end: Mark? = nil) {
        if let end {
            text.removeSubrange(start.text..<end.text)
            anchorBytes -= end.anchorBytes - start.anchorBytes
            linkCount -= end.linkCount - start.linkCount
            links.removeSubrange(start.links..<end.links)
            // The kept text began with the separator from what came before; at the start there is none.
            if start.text == 0, let first = text.first, first == 10 || first == 32 { text.removeFirst() }
        } else {
            text.removeSubrange(start.text...)
            anchorBytes = start.anchorBytes
            linkCount = start.linkCount
            links.removeSubrange(start.links...)
        }
    }

    mutating func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        if rawTextDepth > 0 { return }
        if titleDepth > 0 {
            title.append(contentsOf: bytes)
            return
        }
        if skipDepth > 0 { return }
        // Runs of non-space bytes are appended whole, to the text moved into a local and back (no copy), with the
        // pending break in a local too: this loop runs over every byte of visible text.
        var text = self.text
        self.text = []
        var pendingBreak = self.pendingBreak
        let before = text.count
        defer {
            if anchorDepth > 0 { anchorBytes += text.count - before }
            self.text = text
            self.pendingBreak = pendingBreak
        }
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b == 32 || b == 10 || b == 9 || b == 13 || b == 12 {
                pendingBreak = max(pendingBreak, 1)
                i += 1
                continue
            }
            if b == 0xC2 && i + 1 < n && bytes[i + 1] == 0xA0 {  // no-break space
                pendingBreak = max(pendingBreak, 1)
                i += 2
                continue
            }
            var end = i + 1
            while end < n {
                let c = bytes[end]
                if c == 32 || c == 10 || c == 9 || c == 13 || c == 12 || (c == 0xC2 && end + 1 < n && bytes[end + 1] == 0xA0) {
                    break
                }
                end += 1
            }
            if pendingBreak != 0 {
                if !text.isEmpty { text.append(pendingBreak == 2 ? 10 : 32) }
                pendingBreak = 0
            }
            text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<end]))
            i = end
        }
    }

    func document(encoding: String, repaired: Bool) -> AdDocument {
        var titleString = collapseWhitespace(String(decoding: title, as: UTF8.self))
        if titleString.isEmpty, let og = meta["og:title"] { titleString = og }
        return AdDocument(
            title: titleString, text: String(decoding: text, as: UTF8.self), meta: meta, links: links,
            imageCount: imageCount, encoding: encoding, repairedEncoding: repaired)
    }

    private mutating func readMeta(_ attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>) {
        var key: String?
        var content: String?
        var i = 0
        while let attributeName = attributes[i] {
            if let value = attributes[i + 1] {
                if equals(attributeName, "name") || equals(attributeName, "property") {
                    key = String(cString: value).lowercased()
                } else if equals(attributeName, "content") {
                    content = String(cString: value)
                }
            }
            i += 2
        }
        guard let key, let content else { return }
        if key == "description" || key == "keywords" || key.hasPrefix("og:") || key.hasPrefix("twitter:") {
            if meta[key] == nil { meta[key] = collapseWhitespace(content) }
        }
    }
}

private func equals(_ c: UnsafePointer<UInt8>, _ literal: StaticString) -> Bool {
    let n = literal.utf8CodeUnitCount
    let p = literal.utf8Start
    for i in 0..<n where c[i] != p[i] { return false }
    return c[n] == 0
}

/// A NUL-terminated attribute value as a buffer.
private func bytes(_ c: UnsafePointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
    UnsafeBufferPointer(start: c, count: strlen(UnsafeRawPointer(c).assumingMemoryBound(to: CChar.self)))
}

/// Collapses runs of whitespace to one space and trims the ends (titles, meta values, and the queue's place and date). Byte-wise: ASCII whitespace and the no-break
/// space (U+00A0), the only whitespace pages put in titles and meta values in practice; splitting `Character`s cost
/// a grapheme break and a Unicode property lookup per character for every ad.
public func collapseWhitespace(_ s: String) -> String {
    var out: [UInt8] = []
    var utf8 = s.utf8.makeIterator()
    var pendingSpace = false
    var previous: UInt8 = 0
    while let b = utf8.next() {
        if b == 32 || (b >= 9 && b <= 13) {
            pendingSpace = true
        } else if b == 0xC2 {
            previous = b
            continue
        } else if b == 0xA0 && previous == 0xC2 {
            pendingSpace = true
        } else {
            if pendingSpace && !out.isEmpty { out.append(32) }
            pendingSpace = false
            if previous == 0xC2 { out.append(0xC2) }
            out.append(b)
        }
        previous = b
    }
    if previous == 0xC2 { out.append(0xC2) }
    return String(decoding: out, as: UTF8.self)
}
