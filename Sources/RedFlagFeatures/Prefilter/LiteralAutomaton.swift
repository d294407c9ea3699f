/// Finds which of a fixed list of byte literals occur in a text, in one pass over the text.
///
/// It is Aho–Corasick compiled to a dense DFA, so scanning costs one class lookup and one transition load per byte with
/// no failure-link loop, no branching on the trie shape and no allocation in the loop. Bytes that no literal tells
/// apart share one equivalence class, which shrinks each state's row from 256 entries to the number of distinct literal
/// bytes plus one; entries are 16-bit state numbers whenever the states fit, halving the table again. Rows are padded
/// to a power of two so the row start is a shift, not a multiplication, on the chain of dependent loads that bounds the
/// scan; states are numbered breadth-first so the hot shallow rows sit together, and states that report literals are
/// numbered last so the per-byte output test is one comparison.
public struct LiteralAutomaton: Sendable {
    /// Number of literals given to `init`; `scan` marks indices in `0..<literalCount`.
    public let literalCount: Int
    /// Number of DFA states (the root included).
    public let stateCount: Int
    /// Number of byte equivalence classes (the used part of a transition row).
    public let classCount: Int

    /// Byte → equivalence class.
    private let byteClass: [UInt8]
    /// `narrowTransitions[state << rowShift + class]` is the next state, when there are at most 65,536 states;
    /// `wideTransitions` holds the same with 32-bit entries otherwise (the other one is empty). A row has
    /// `1 << rowShift` entries, the first `classCount` of them used.
    private let narrowTransitions: [UInt16]
    private let wideTransitions: [UInt32]
    /// Every state numbered from here on reports at least one literal.
    private let firstOutputState: Int
    private let rowShift: Int
    /// Literals ending exactly at state `s` (without suffixes) are `outputLiterals[outputStart[s]..<outputStart[s+1]]`.
    private let outputStart: [UInt32]
    private let outputLiterals: [UInt32]
    /// Nearest proper suffix state with output of its own, or -1: where the report walk goes next.
    private let outputLink: [Int32]
    /// Indices of empty literals, which occur in every text.
    private let emptyLiterals: [Int]
    /// Length in bytes of the longest literal: how far lanes of a long text must overlap.
    private let longestLiteral: Int
    /// With coarse non-ASCII classes: per literal, its bytes when it holds non-ASCII ones (checked before an
    /// occurrence is reported), else empty. Empty when classes are exact.
    private let exactBytes: [[UInt8]]

    /// Bytes held by the scanning tables (transitions including row padding, byte classes, output lists).
    public var tableByteCount: Int {
        narrowTransitions.count * 2 + wideTransitions.count * 4 + byteClass.count + outputStart.count * 4
            + outputLiterals.count * 4 + outputLink.count * 4
    }

    /// Builds the automaton; literal `i` is reported as index `i`. Duplicates each get reported.
    ///
    /// - Parameter scanning: bytes the text is read as, `[from: to]`: `[0x0A: 0x20]` makes a newline in the text
    ///   match a space in a literal (and literals should then spell it as a space). Occurrences only grow, so a
    ///   prefilter stays sound, and a literal set that spelled `\s` both ways halves.
    /// - Parameter coarseNonASCII: all bytes from 0x80 up share one class, which keeps transition rows short (a
    ///   lexicon's emoji and accented letters otherwise bring dozens of classes, doubling the table past what the
    ///   caches hold). The automaton then matches such literals loosely, and ``occurrences(in:into:)`` checks
    ///   their exact bytes before reporting them.
    public init(literals: [[UInt8]], scanning equivalent: [UInt8: UInt8] = [:], coarseNonASCII: Bool = false) {
        literalCount = literals.count
        let literals = literals.map { literal in literal.map { equivalent[$0] ?? $0 } }
        exactBytes = coarseNonASCII ? literals.map { literal in literal.contains { $0 >= 0x80 } ? literal : [] } : []

        // Byte classes: a byte used by no literal always leads back to the root, so all such bytes share class 0;
        // any two distinct used bytes differ at the trie node where one of them has an edge, so each gets a class.
        var used = [Bool](repeating: false, count: 256)
        for literal in literals {
            for byte in literal { used[Int(byte)] = true }
        }
        var classes = [UInt8](repeating: 0, count: 256)
        let hasUnusedByte = used.contains(false)
        var nextClass = hasUnusedByte ? 1 : 0
        for byte in 0..<(coarseNonASCII ? 0x80 : 256) where used[byte] {
            classes[byte] = UInt8(nextClass)
            nextClass += 1
        }
        if coarseNonASCII && used[0x80...].contains(true) {
            for byte in 0x80..<256 { classes[byte] = UInt8(nextClass) }
            nextClass += 1
        }
        for (from, to) in equivalent { classes[Int(from)] = classes[Int(to)] }
        let width = max(nextClass, 1)
        byteClass = classes
        classCount = width

        // Trie over classes, in a growable dense table; `none` marks a missing edge.
        let none = UInt32.max
        var trie = [UInt32](repeating: none, count: width)
        var own: [[UInt32]] = [[]]
        var empties: [Int] = []
        for (index, literal) in literals.enumerated() {
            guard !literal.isEmpty else {
                empties.append(index)
                continue
            }
            var state = 0
            for byte in literal {
                let slot = state * width + Int(classes[Int(byte)])
                if trie[slot] == none {
                    trie[slot] = UInt32(own.count)
                    own.append([])
                    trie.append(contentsOf: repeatElement(none, count: width))
                }
                state = Int(trie[slot])
            }
            own[state].append(UInt32(index))
        }
        emptyLiterals = empties
        let count = own.count
        stateCount = count

        // Breadth-first: failure links, DFA completion (a missing edge copies the failure state's, already final
        // because failure states are shallower) and output links.
        var fail = [Int](repeating: 0, count: count)
        var link = [Int32](repeating: -1, count: count)
        var order = [0]
        order.reserveCapacity(count)
        for c in 0..<width where trie[c] == none { trie[c] = 0 }
        var head = 0
        while head < order.count {
            let state = order[head]
            head += 1
            for c in 0..<width {
                let slot = state * width + c
                let child = trie[slot]
                if child == none {
                    trie[slot] = trie[fail[state] * width + c]
                } else if state == 0 && child == 0 {
                    continue  // root's self-loop, filled above
                } else {
                    let target = Int(child)
                    let failure = state == 0 ? 0 : Int(trie[fail[state] * width + c])
                    fail[target] = failure
                    link[target] = own[failure].isEmpty ? link[failure] : Int32(failure)
                    order.append(target)
                }
            }
        }

        // Renumber: states without output first in breadth-first order (shallow, hot rows together), then the rest.
        var hasOutput = [Bool](repeating: false, count: count)
        for state in 0..<count { hasOutput[state] = !own[state].isEmpty || link[state] >= 0 }
        let numbering = order.filter { !hasOutput[$0] } + order.filter { hasOutput[$0] }
        var renamed = [Int](repeating: 0, count: count)
        for (new, old) in numbering.enumerated() { renamed[old] = new }
        let firstOutput = numbering.firstIndex { hasOutput[$0] } ?? count

        var shift = 0
        while 1 << shift < width { shift += 1 }
        let rowLength = 1 << shift
        rowShift = shift
        var table = [UInt32](repeating: 0, count: count * rowLength)
        var starts = [UInt32](repeating: 0, count: count + 1)
        var outputs: [UInt32] = []
        var links = [Int32](repeating: -1, count: count)
        for (new, old) in numbering.enumerated() {
            for c in 0..<width {
                table[new * rowLength + c] = UInt32(renamed[Int(trie[old * width + c])])
            }
            starts[new] = UInt32(outputs.count)
            outputs += own[old]
            links[new] = link[old] >= 0 ? Int32(renamed[Int(link[old])]) : -1
        }
        starts[count] = UInt32(outputs.count)
        if count <= Int(UInt16.max) + 1 {
            narrowTransitions = table.map { UInt16(truncatingIfNeeded: $0) }
            wideTransitions = []
        } else {
            narrowTransitions = []
            wideTransitions = table
        }
        firstOutputState = firstOutput
        longestLiteral = literals.lazy.map(\.count).max() ?? 0
        outputStart = starts
        outputLiterals = outputs
        outputLink = links
    }

    /// Sets `found[i]` for every literal `i` that occurs in `text`; other entries are left as they are, so one
    /// array can collect hits over several texts. `found` is grown to `literalCount` if it is shorter. Built on
    /// ``occurrences(in:into:)`` (the matchers need positions, so that is the scan that is tuned).
    public func scan(_ text: UnsafeBufferPointer<UInt8>, into found: inout [Bool]) {
        if found.count < literalCount {
            found.append(contentsOf: repeatElement(false, count: literalCount - found.count))
        }
        var list: [(literal: Int32, end: Int32)] = []
        occurrences(in: text, into: &list)
        for occurrence in list { found[Int(occurrence.literal)] = true }
    }
}

extension LiteralAutomaton {
    /// Appends every occurrence of every literal in `text` as (literal index, end offset), in text order.
    ///
    /// The lexicon matcher needs *where* literals occur, not only whether, to run a pattern only in windows around
    /// its literals. Like ``scan(_:into:)``, a longer text is cut into four lanes scanned in one loop, so the
    /// processor overlaps their chains of dependent table loads (one lane spent most of its time waiting on them).
    /// Lane `k` starts from the root `longest literal − 1` bytes before its own part and reports only occurrences
    /// ending inside its part, so each occurrence is reported once, whole, and the lanes concatenate in order.
    public func occurrences(in text: UnsafeBufferPointer<UInt8>, into out: inout [(literal: Int32, end: Int32)]) {
        for index in emptyLiterals { out.append((Int32(index), 0)) }
        guard stateCount > 1, !text.isEmpty else { return }
        if narrowTransitions.isEmpty {
            wideTransitions.withUnsafeBufferPointer { occurrences(in: text, table: $0, into: &out) }
        } else {
            narrowTransitions.withUnsafeBufferPointer { occurrences(in: text, table: $0, into: &out) }
        }
    }

    private func occurrences<State: FixedWidthInteger & UnsignedInteger>(
        in text: UnsafeBufferPointer<UInt8>, table: UnsafeBufferPointer<State>,
        into out: inout [(literal: Int32, end: Int32)]
    ) {
        let shift = rowShift
        let threshold = firstOutputState
        let exact = exactBytes
        let bytes = text.baseAddress!
        let length = text.count
        byteClass.withUnsafeBufferPointer { classesBuffer in
            let classes = classesBuffer.baseAddress!
            let transitions = table.baseAddress!
            @inline(__always) func step(_ state: Int, _ byte: UInt8) -> Int {
                Int(truncatingIfNeeded: transitions[state &<< shift &+ Int(classes[Int(byte)])])
            }
            /// Appends the literals of `state` (and its output chain) ending at `end`.
            func emit(_ state: Int, _ end: Int, into list: inout [(literal: Int32, end: Int32)]) {
                var current = state
                while current >= 0 {
                    for k in Int(outputStart[current])..<Int(outputStart[current + 1]) {
                        let literal = Int(outputLiterals[k])
                        if !exact.isEmpty && !exact[literal].isEmpty {
                            let literalBytes = exact[literal]
                            guard end >= literalBytes.count,
                                UnsafeBufferPointer(start: bytes + end - literalBytes.count, count: literalBytes.count)
                                    .elementsEqual(literalBytes)
                            else { continue }
                        }
                        list.append((Int32(literal), Int32(end)))
                    }
                    current = Int(outputLink[current])
                }
            }
            let overlap = max(0, longestLiteral - 1)
            // Each lane owns `part` bytes of ends; lanes 1–3 start `overlap` bytes early to warm up.
            let part = length / 4
            guard length >= 256, part > 2 * overlap else {
                var state = 0
                for i in 0..<length {
                    state = step(state, bytes[i])
                    if state >= threshold { emit(state, i + 1, into: &out) }
                }
                return
            }
            var lanes: [[(literal: Int32, end: Int32)]] = [[], [], []]
            let start1 = part - overlap
            let start2 = 2 * part - overlap
            let start3 = 3 * part - overlap
            var s0 = 0
            var s1 = 0
            var s2 = 0
            var s3 = 0
            // All four lanes step `part + overlap` times; lane 0 then has `overlap` extra bytes of its own part, and
            // lane 3 continues alone to the end of the text.
            let steps = part + overlap
            var i = 0
            while i < steps {
                s0 = step(s0, bytes[i])
                s1 = step(s1, bytes[start1 + i])
                s2 = step(s2, bytes[start2 + i])
                s3 = step(s3, bytes[start3 + i])
                if max(max(s0, s1), max(s2, s3)) >= threshold {
                    // Lane 0 owns ends up to `part`; the others own ends after their warm-up.
                    if s0 >= threshold && i + 1 <= part { emit(s0, i + 1, into: &out) }
                    if s1 >= threshold && i >= overlap { emit(s1, start1 + i + 1, into: &lanes[0]) }
                    if s2 >= threshold && i >= overlap { emit(s2, start2 + i + 1, into: &lanes[1]) }
                    if s3 >= threshold && i >= overlap { emit(s3, start3 + i + 1, into: &lanes[2]) }
                }
                i += 1
            }
            var position = start3 + steps
            while position < length {
                s3 = step(s3, bytes[position])
                if s3 >= threshold { emit(s3, position + 1, into: &lanes[2]) }
                position += 1
            }
            for lane in lanes { out.append(contentsOf: lane) }
        }
    }
}
