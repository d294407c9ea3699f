/// A view of an ad's text made for matching, with a map back to the original.
///
/// Matchers run over `bytes` (lowercase, look-alikes folded, obfuscation undone) and report byte ranges there;
/// `sourceOffsets` turns those ranges back into ranges of the ad as it was written, so evidence can be quoted verbatim.
public struct MatchingText: Sendable {
    /// Normalized UTF-8 bytes (always valid UTF-8).
    public internal(set) var bytes: [UInt8]
    /// For each byte of `bytes`, the UTF-8 offset in the original string where the scalar that produced it starts.
    ///
    /// It has one extra trailing element, the original UTF-8 count, so a match `a..<b` in `bytes` maps to
    /// `sourceOffsets[a]..<sourceOffsets[b]`: the end lands after the last original scalar the match consumed,
    /// together with any characters that were dropped right after it (zero-width marks, squeezed repeats).
    public internal(set) var sourceOffsets: [Int32]
    /// What the normalizer had to undo, for obfuscation features.
    public internal(set) var stats: NormalizationStats

    public init() {
        bytes = []
        sourceOffsets = [0]
        stats = NormalizationStats()
    }

    /// The normalized text as a `String`, for tests, logs and debugging.
    ///
    /// Matchers should read `bytes` directly; this allocates.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Maps a byte range of `bytes` to the UTF-8 range of the original text it came from.
    ///
    /// Same as indexing `sourceOffsets` at both bounds, except that a range ending inside a multi-byte expansion
    /// (`ß`→`ss`, `⑩`→`10`) is widened to the end of that original scalar instead of stopping at its start.
    public func sourceRange(of range: Range<Int>) -> Range<Int> {
        precondition(range.lowerBound >= 0 && range.upperBound <= bytes.count, "range outside the normalized text")
        let lower = Int(sourceOffsets[range.lowerBound])
        guard !range.isEmpty else { return lower..<lower }
        var end = range.upperBound
        while end < bytes.count && sourceOffsets[end] == sourceOffsets[end - 1] { end += 1 }
        return lower..<Int(sourceOffsets[end])
    }
}

/// Counts of what normalization undid in one ad: the raw material for "this ad is obfuscated" features.
///
/// Ratios matter more than counts (`lookalikeLetters` over `letters`), so `letters` counts every scalar that came out
/// as a letter, look-alikes included.
public struct NormalizationStats: Sendable, Equatable {
    /// Scalars that came out as letters: ASCII and other letters, plus the look-alikes folded to letters.
    public var letters: Int
    /// Non-ASCII letters or letter-like symbols folded to a Latin letter (Cyrillic, Greek, math, fullwidth, …).
    public var lookalikeLetters: Int
    /// Keycap, fullwidth, circled, math, superscript and other non-ASCII digits folded to ASCII digits.
    public var styledDigits: Int
    /// Emoji scalars kept (pictographs and flags; skin tones, joiners and selectors are not counted).
    public var emoji: Int
    /// Zero-width, format, control and combining-overlay characters dropped.
    public var zeroWidth: Int
    /// Digits and symbols folded to letters inside words (`s3xy`, `b@by`).
    public var leetFolds: Int
    /// Runs of spaced-out letters (`y o u n g`) joined into one word.
    public var spacedWordsJoined: Int

    public init(
        letters: Int = 0, lookalikeLetters: Int = 0, styledDigits: Int = 0, emoji: Int = 0, zeroWidth: Int = 0,
        leetFolds: Int = 0, spacedWordsJoined: Int = 0
    ) {
        self.letters = letters
        self.lookalikeLetters = lookalikeLetters
        self.styledDigits = styledDigits
        self.emoji = emoji
        self.zeroWidth = zeroWidth
        self.leetFolds = leetFolds
        self.spacedWordsJoined = spacedWordsJoined
    }
}

/// Undoes the tricks ads use to dodge keyword filters, producing a ``MatchingText``.
///
/// Two views exist because they want opposite things: `.words` rewrites `s3xy` and `y o u n g` so the lexicon sees
/// words, while `.entities` keeps digits and punctuation exactly as written (after folding styled forms) so phone
/// numbers, emails and ages survive for the extractors.
///
/// Per scalar (both modes): compatibility and look-alike letters fold to lowercase ASCII (`Ａ`, `𝓎`, `Ⓐ`, Cyrillic
/// `а`, Greek `ο`, `ℓ`, `ß`→`ss`); styled digits fold to ASCII (`7️⃣`, `①`, `𝟕`, `⁷`, `⑩`→`10`); zero-width,
/// format and control characters are dropped; emoji are kept minus skin tones and joiners; everything is lowercased;
/// whitespace runs collapse to one space, newlines stay. Latin letters with diacritics are kept (Spanish needs them).
/// `.words` then folds leetspeak inside words, squeezes letters stretched three or more times to two, and joins
/// four or more spaced-out single letters into a word. URL and email tokens are left alone by those word rules.
public struct TextNormalizer: Sendable {
    /// Which view of the text to build.
    public enum Mode: Sendable {
        /// The lexicon view: all rules, including leet folding, squeezing and joining.
        case words
        /// The extraction view: per-scalar folding and whitespace only, so emails and numbers stay intact.
        case entities
    }

    /// The view this normalizer builds.
    public let mode: Mode
    let tables: FoldTables

    public init(mode: Mode = .words) {
        self.mode = mode
        self.tables = FoldTables.shared
    }

    /// Normalizes `text` into `output`, reusing its buffers.
    ///
    /// Call it per ad with the same `MatchingText`: once its arrays have grown to the largest ad seen, normalizing
    /// allocates nothing.
    public func normalize(_ text: String, into output: inout MatchingText) {
        var text = text
        if text.utf8.withContiguousStorageIfAvailable({ _ in true }) == nil {
            // Bridged strings only; native Swift strings are already contiguous UTF-8.
            text.makeContiguousUTF8()
        }
        text.utf8.withContiguousStorageIfAvailable { source in
            output.rebuild(from: source, mode: mode, tables: tables)
        }
    }

    /// Normalizes `text` into a fresh ``MatchingText``.
    public func normalize(_ text: String) -> MatchingText {
        var output = MatchingText()
        normalize(text, into: &output)
        return output
    }
}

extension MatchingText {
    /// Runs the scalar pass, then (for `.words`) the word pass, entirely inside `bytes` and `sourceOffsets`.
    ///
    /// The arrays are sized to a working capacity, filled through pointers, then trimmed; trimming keeps their
    /// storage, which is what makes the steady state allocation-free.
    mutating func rebuild(
        from source: UnsafeBufferPointer<UInt8>, mode: TextNormalizer.Mode, tables: TextNormalizer.FoldTables
    ) {
        let count = source.count
        precondition(count < Int(Int32.max), "text too large for 32-bit offsets")
        stats = NormalizationStats()
        bytes.removeAll(keepingCapacity: true)
        sourceOffsets.removeAll(keepingCapacity: true)
        guard let base = source.baseAddress, count > 0 else {
            sourceOffsets.append(0)
            return
        }
        // Most text shrinks or keeps its size; the pass asks for more room when expansions (ß→ss) outgrow this.
        var capacity = count + 16
        bytes.append(contentsOf: repeatElement(0, count: capacity))
        sourceOffsets.append(contentsOf: repeatElement(0, count: capacity))
        var read = 0
        var written = 0
        while true {
            let finished = bytes.withUnsafeMutableBufferPointer { out in
                sourceOffsets.withUnsafeMutableBufferPointer { offsets in
                    var pass = TextNormalizer.ScalarPass(
                        source: base, count: count, out: out.baseAddress!, offsets: offsets.baseAddress!,
                        capacity: capacity, tables: tables, read: read, written: written, stats: stats)
                    let finished = pass.run()
                    read = pass.read
                    written = pass.written
                    stats = pass.stats
                    return finished
                }
            }
            if finished { break }
            bytes.append(contentsOf: repeatElement(0, count: capacity))
            sourceOffsets.append(contentsOf: repeatElement(0, count: capacity))
            capacity *= 2
        }
        if mode == .words && written > 0 {
            written = bytes.withUnsafeMutableBufferPointer { out in
                sourceOffsets.withUnsafeMutableBufferPointer { offsets in
                    var pass = TextNormalizer.WordPass(
                        bytes: out.baseAddress!, offsets: offsets.baseAddress!, count: written, tables: tables)
                    pass.run()
                    stats.leetFolds = pass.leetFolds
                    stats.spacedWordsJoined = pass.spacedWordsJoined
                    return pass.written
                }
            }
        }
        bytes.removeLast(bytes.count - written)
        sourceOffsets.removeLast(sourceOffsets.count - written)
        sourceOffsets.append(Int32(count))
    }
}
