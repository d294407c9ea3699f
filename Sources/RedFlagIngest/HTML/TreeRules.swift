internal import CLibXML2

/// What libxml2's HTML parser does to its stack of open elements, asked of the linked library itself.
///
/// ``MarkupPruner`` may cut the inside of an element only when it can tell that libxml2 would keep the element open
/// from its start tag to its end tag. Two rules decide that: which elements are empty (`<br>`: never on the stack)
/// and which start tags close the element open on top of the stack (`<li>` closes an open `<li>`, `<div>` an open
/// `<p>`). libxml2 keeps the second in a private table, so each pair of names met is put to the library once, by
/// parsing `<open><new>` and watching whether the first element ends before the second starts, and remembered.
/// Asking the library rather than copying its table means the answer is right for the libxml2 that is linked.
///
/// Names are keyed by their first 8 bytes (lowercase, packed into a `UInt64` as ``ElementKey`` packs them); the
/// pruner gives up on longer names, so two names never share a key. At most 255 names are remembered at a time.
/// Not thread-safe: each extractor owns one.
final class TreeRules {
    // The tables sit in memory allocated once rather than in arrays: they are read for every tag inside a skipped
    // element, and each access to a class's array property is a runtime exclusivity check.
    /// Open-addressed: packed name → id (0 marks a free slot, so ids start at 1).
    private let slots = UnsafeMutablePointer<(packed: UInt64, id: UInt8)>.allocate(capacity: 512)
    private let names = UnsafeMutablePointer<UInt64>.allocate(capacity: 256)
    private let empty = UnsafeMutablePointer<Bool>.allocate(capacity: 256)
    /// `closes[open * 256 + new]`: 0 not yet asked, 1 no, 2 yes.
    private let closes = UnsafeMutablePointer<UInt8>.allocate(capacity: 256 * 256)
    private var count = 1
    private lazy var probe = Probe()

    init() {
        slots.initialize(repeating: (0, 0), count: 512)
        names.initialize(repeating: 0, count: 256)
        empty.initialize(repeating: false, count: 256)
        closes.initialize(repeating: 0, count: 256 * 256)
    }

    deinit {
        slots.deallocate()
        names.deallocate()
        empty.deallocate()
        closes.deallocate()
    }

    /// Forgets every name and answer once the table is full, so a long run over pages full of made-up element
    /// names does not leave the common ones without an id. Called between pages only: ids are not kept across.
    func clearIfFull() {
        guard count == 256 else { return }
        slots.update(repeating: (0, 0), count: 512)
        closes.update(repeating: 0, count: 256 * 256)
        count = 1
    }

    /// The id of an element name (packed lowercase bytes, at most 8), or nil when the table is full.
    func id(_ packed: UInt64) -> Int? {
        var slot = Int(truncatingIfNeeded: (packed &* 0x9E37_79B9_7F4A_7C15) >> 55)  // 512 slots
        while true {
            let entry = slots[slot]
            if entry.packed == packed { return Int(entry.id) }
            if entry.id == 0 { break }
            slot = (slot + 1) & 511
        }
        guard count < 256 else { return nil }
        let id = count
        count += 1
        names[id] = packed
        empty[id] = Self.withName(packed) { name in htmlTagLookup(name).map { $0.pointee.empty != 0 } ?? false }
        slots[slot] = (packed, UInt8(id))
        return id
    }

    /// Whether libxml2 treats the element as empty: it ends as soon as it starts, with no end tag read.
    func isEmpty(_ id: Int) -> Bool { empty[id] }

    /// Whether the start tag `new` makes libxml2 close the element `open` when that is on top of the stack.
    func startCloses(open: Int, new: Int) -> Bool {
        let index = open &* 256 &+ new
        if closes[index] == 0 {
            closes[index] = probe.closes(open: names[open], new: names[new]) ? 2 : 1
        }
        return closes[index] == 2
    }

    static func withName<R>(_ packed: UInt64, _ body: (UnsafePointer<UInt8>) -> R) -> R {
        withUnsafeBytes(of: (packed.littleEndian, UInt8(0))) { raw in
            body(raw.baseAddress!.assumingMemoryBound(to: UInt8.self))
        }
    }

    /// A libxml2 context of its own that parses two-tag documents and records the element events.
    private final class Probe {
        private let context = htmlNewParserCtxt()!
        private var handler = htmlSAXHandler()
        private let events = Events()

        final class Events {
            var log: [(start: Bool, name: UInt64)] = []
        }

        init() {
            handler.initialized = 1
            handler.startElement = { ctx, name, _ in
                guard let ctx, let name else { return }
                Probe.events(ctx).log.append((true, TreeRules.packed(name)))
            }
            handler.endElement = { ctx, name in
                guard let ctx, let name else { return }
                Probe.events(ctx).log.append((false, TreeRules.packed(name)))
            }
        }

        deinit { htmlFreeParserCtxt(context) }

        static func events(_ ctx: UnsafeMutableRawPointer) -> Events {
            Unmanaged<Events>.fromOpaque(CLibXML2_state(ctx)!).takeUnretainedValue()
        }

        /// Parses `<open><new>` with the extractor's options and reports whether `open` ended before `new` began.
        func closes(open: UInt64, new: UInt64) -> Bool {
            var page: [UInt8] = [UInt8(ascii: "<")]
            TreeRules.append(open, to: &page)
            page += [UInt8(ascii: ">"), UInt8(ascii: "<")]
            TreeRules.append(new, to: &page)
            page.append(UInt8(ascii: ">"))
            events.log.removeAll(keepingCapacity: true)
            var stoppedEarly: Int32 = 0
            let statePointer = Unmanaged.passUnretained(events).toOpaque()
            page.withUnsafeBufferPointer { buffer in
                _ = withUnsafePointer(to: &handler) { handlerPointer in
                    buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
                        CLibXML2_saxParse(
                            context, handlerPointer, statePointer, chars, Int32(buffer.count), "UTF-8",
                            HTMLExtractor.parseOptions, &stoppedEarly)
                    }
                }
            }
            let log = events.log
            return log.count >= 2 && !log[1].start && log[1].name == open
        }
    }

    /// The name as ``id(_:)`` keys it (``ElementKey``'s packing), or 0 for a name longer than 8 bytes.
    fileprivate static func packed(_ name: UnsafePointer<UInt8>) -> UInt64 {
        let key = ElementKey(name)
        return key.length <= 8 ? key.packed : 0
    }

    fileprivate static func append(_ packed: UInt64, to page: inout [UInt8]) {
        var rest = packed
        while rest != 0 {
            page.append(UInt8(truncatingIfNeeded: rest))
            rest >>= 8
        }
    }
}
