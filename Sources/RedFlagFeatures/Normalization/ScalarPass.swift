extension TextNormalizer {
    /// The per-scalar half of normalization (both modes): folding, dropping, lowercasing, whitespace.
    ///
    /// Printable ASCII and spaces take a byte loop with no decoding; everything else goes through `slowStep`. The pass
    /// writes through raw pointers into buffers the caller sized, and stops (returning false) when the next scalar
    /// might not fit, so the caller can grow the buffers and resume at `read`.
    struct ScalarPass {
        let source: UnsafePointer<UInt8>
        let count: Int
        let out: UnsafeMutablePointer<UInt8>
        let offsets: UnsafeMutablePointer<Int32>
        let capacity: Int
        let tables: FoldTables
        var read: Int
        var written: Int
        var stats: NormalizationStats

        /// The most bytes one step can write: a flag pair is 8, a fold at most 8, a lowercase mapping at most 12.
        static let maximumStepOutput = 16

        init(
            source: UnsafePointer<UInt8>, count: Int, out: UnsafeMutablePointer<UInt8>,
            offsets: UnsafeMutablePointer<Int32>, capacity: Int, tables: FoldTables, read: Int, written: Int,
            stats: NormalizationStats
        ) {
            self.source = source
            self.count = count
            self.out = out
            self.offsets = offsets
            self.capacity = capacity
            self.tables = tables
            self.read = read
            self.written = written
            self.stats = stats
        }

        /// Processes scalars until the end (returns true) or until the output is full (returns false).
        mutating func run() -> Bool {
            // Locals, so stores through `out` don't force the compiler to reload these from `self`.
            let source = self.source
            let out = self.out
            let offsets = self.offsets
            let count = self.count
            let capacity = self.capacity
            var r = read
            var w = written
            var letters = stats.letters
            while r < count {
                let byte = source[r]
                if byte &- 0x21 < 0x5E {  // printable, non-space ASCII: lowercase and copy
                    guard w < capacity else { break }
                    let lower = byte &- 0x41 < 26 ? byte | 0x20 : byte
                    out[w] = lower
                    offsets[w] = Int32(truncatingIfNeeded: r)
                    letters &+= lower &- 0x61 < 26 ? 1 : 0
                    w &+= 1
                    r &+= 1
                    continue
                }
                if byte == 0x20 {
                    guard w < capacity else { break }
                    if w == 0 || (out[w - 1] != 0x20 && out[w - 1] != 0x0A) {
                        out[w] = 0x20
                        offsets[w] = Int32(truncatingIfNeeded: r)
                        w &+= 1
                    }
                    r &+= 1
                    continue
                }
                read = r
                written = w
                stats.letters = letters
                guard slowStep() else { return false }
                r = read
                w = written
                letters = stats.letters
            }
            read = r
            written = w
            stats.letters = letters
            return r == count
        }

        // MARK: - One scalar, the general way

        /// Handles the scalar at `read`, advancing past it (or past the whole sequence it starts).
        mutating func slowStep() -> Bool {
            guard written + Self.maximumStepOutput <= capacity else { return false }
            let (value, length) = decode(at: read)
            if value < 0x80 {
                asciiControl(value)
                return true
            }
            if value >= 0x1F300 && value <= 0x1FAFF && value != 0x1F51F {
                // Pictographs, the bulk of emoji: kept. Skin tones are kept too but not counted: they follow their
                // base, so a pattern for "👍" still finds "👍🏽", while "no 🍆🏿" keeps the meaning restriction ads give it.
                putRaw(length: length)
                if value < 0x1F3FB || value > 0x1F3FF { stats.emoji += 1 }
                read += length
                return true
            }
            switch value {
            case 0x200B...0x200F, 0x2060...0x2064, 0xFEFF, 0xAD, 0xFE0F:
                // Zero-width characters and the emoji selector, fast; a selector inside a keycap is not counted.
                if !(value == 0xFE0F && isKeycapSelector()) { stats.zeroWidth += 1 }
                read += length
                return true
            case 0x20E3:
                keycap()
                return true
            case 0x85, 0x2028, 0x2029:
                newline(length: length)
                return true
            case 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000, 0x2800:
                // Unicode spaces, plus the blank Braille pattern that ads use as an invisible filler.
                horizontalSpace()
                read += length
                return true
            case 0x1F1E6...0x1F1FF:
                regionalIndicator()
                return true
            default:
                break
            }
            if let fold = tables.fold(value) {
                applyFold(fold, length: length)
                return true
            }
            if Self.isCombiningMark(value) {
                combiningMark(value, length: length)
                return true
            }
            if value >= 0xC0 && value <= 0xFF && value != 0xD7 && value != 0xF7 {
                // Latin-1 letters (ß, Ø, ø are folds and never get here): lowercase by offset, no property lookup.
                stats.letters += 1
                put(utf8Of: value <= 0xDE ? value + 0x20 : value)
                read += length
                return true
            }
            general(value, length: length)
            return true
        }

        /// Scalars no table or range above knows, classified by their Unicode properties.
        mutating func general(_ value: UInt32, length: Int) {
            let bits = tables.bits(value)
            if bits & ScalarBits.ignorable != 0 {
                stats.zeroWidth += 1  // tags, other selectors, Hangul fillers, bidi controls, C1 controls
            } else if bits & ScalarBits.letter != 0 {
                stats.letters += 1
                if bits & ScalarBits.lowercases != 0 {
                    var lower = Unicode.Scalar(value).unsafelyUnwrapped.properties.lowercaseMapping
                    lower.withUTF8 { bytes in
                        for byte in bytes { put(byte, from: read) }
                    }
                } else {
                    putRaw(length: length)
                }
            } else if bits & ScalarBits.decimal != 0,
                let number = Unicode.Scalar(value).unsafelyUnwrapped.properties.numericValue, number >= 0, number <= 9
            {
                stats.styledDigits += 1
                put(0x30 + UInt8(number), from: read)
            } else {
                putRaw(length: length)
                if bits & ScalarBits.emoji != 0 { stats.emoji += 1 }
            }
            read += length
        }

        // MARK: - Special sequences

        /// Tabs and form feeds are spaces, CR and CRLF are newlines, other control characters are dropped.
        mutating func asciiControl(_ value: UInt32) {
            switch value {
            case 0x09, 0x0B, 0x0C:
                horizontalSpace()
                read += 1
            case 0x0A:
                newline(length: 1)
            case 0x0D:
                newline(length: read + 1 < count && source[read + 1] == 0x0A ? 2 : 1)
            default:
                stats.zeroWidth += 1
                read += 1
            }
        }

        /// Collapses a whitespace run to one space; a space right after a space or newline is dropped.
        mutating func horizontalSpace() {
            if written == 0 || (out[written - 1] != 0x20 && out[written - 1] != 0x0A) {
                put(0x20, from: read)
            }
        }

        /// Keeps a newline; a space just before it (trailing whitespace on the line) becomes the newline.
        mutating func newline(length: Int) {
            if written > 0 && out[written - 1] == 0x20 {
                out[written - 1] = 0x0A
            } else {
                put(0x0A, from: read)
            }
            read += length
        }

        /// True when the last output byte is a keycap base (`0`–`9`, `#`, `*`) copied from the byte at `position`.
        func lastOutputIsKeycapBase(from position: Int) -> Bool {
            guard written > 0, offsets[written - 1] == Int32(truncatingIfNeeded: position) else { return false }
            let byte = out[written - 1]
            return byte &- 0x30 < 10 || byte == 0x23 || byte == 0x2A
        }

        /// True when the U+FE0F at `read` sits between a keycap base and U+20E3.
        func isKeycapSelector() -> Bool {
            guard read + 6 <= count, lastOutputIsKeycapBase(from: read - 1) else { return false }
            return source[read + 3] == 0xE2 && source[read + 4] == 0x83 && source[read + 5] == 0xA3
        }

        /// U+20E3 closes a keycap (`7️⃣` → `7`, counted as a styled digit); a stray one is a dropped mark.
        mutating func keycap() {
            let afterSelector =
                read >= 4 && source[read - 3] == 0xEF && source[read - 2] == 0xB8 && source[read - 1] == 0x8F
            if lastOutputIsKeycapBase(from: read - 1) || (afterSelector && lastOutputIsKeycapBase(from: read - 4)) {
                if out[written - 1] &- 0x30 < 10 { stats.styledDigits += 1 }
            } else {
                stats.zeroWidth += 1
            }
            read += 3
        }

        /// A pair of regional indicators is a flag emoji and is kept; a lone one is a letter (`🇾` → `y`).
        mutating func regionalIndicator() {
            if read + 8 <= count {
                let (next, _) = decode(at: read + 4)
                if next >= 0x1F1E6 && next <= 0x1F1FF {
                    putRaw(length: 4)
                    read += 4
                    putRaw(length: 4)
                    read += 4
                    stats.emoji += 1
                    return
                }
            }
            let (value, _) = decode(at: read)
            put(UInt8(value - 0x1F1E6) + 0x61, from: read)
            stats.letters += 1
            stats.lookalikeLetters += 1
            read += 4
        }

        /// Writes a table fold and counts it by kind.
        ///
        /// A contextual symbol (`€`) is a letter only beside one, so `s€xy` folds while `€150` stays a price.
        mutating func applyFold(_ fold: Fold, length: Int) {
            switch fold.kind {
            case .lookalikeLetter:
                stats.letters += 1
                stats.lookalikeLetters += 1
            case .plainLetter:
                stats.letters += 1
            case .styledDigit:
                stats.styledDigits += 1
            case .symbol:
                break
            case .contextualLetter:
                guard previousOutputIsLetter() || scalarIsLetter(at: read + length) else {
                    putRaw(length: length)
                    read += length
                    return
                }
                stats.letters += 1
                stats.lookalikeLetters += 1
            }
            for index in 0..<fold.count {
                put(UInt8(truncatingIfNeeded: fold.packed >> UInt64(8 * index)), from: read)
            }
            read += length
        }

        /// Composes a typed accent onto the ASCII letter before it (`e` + U+0301 → `é`); drops any other mark.
        ///
        /// Decomposed accents must compose or the lexicon's `niña` never matches; the rest (strike-through,
        /// underline, Zalgo stacks) is styling layered on letters, so it goes.
        mutating func combiningMark(_ value: UInt32, length: Int) {
            if read > 0, written > 0, source[read - 1] < 0x80,
                offsets[written - 1] == Int32(truncatingIfNeeded: read - 1),
                let composed = tables.compositions[value << 8 | UInt32(out[written - 1])]
            {
                let start = read - 1
                written -= 1
                put(UInt8(0xC0 | composed >> 6), from: start)
                put(UInt8(0x80 | composed & 0x3F), from: start)
            } else {
                stats.zeroWidth += 1
            }
            read += length
        }

        /// The generic combining blocks (diacritics, their extensions and supplement, marks for symbols, half marks).
        ///
        /// Script-specific marks (Devanagari vowel signs, Arabic harakat) are not here: they are part of their
        /// letters and pass through.
        static func isCombiningMark(_ value: UInt32) -> Bool {
            switch value {
            case 0x0300...0x036F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE20...0xFE2F: true
            default: false
            }
        }

        // MARK: - Context

        /// Whether the last scalar written is a letter: the left context of `s€xy`.
        func previousOutputIsLetter() -> Bool {
            guard written > 0 else { return false }
            var start = written - 1
            if out[start] < 0x80 { return out[start] | 0x20 &- 0x61 < 26 }
            while out[start] & 0xC0 == 0x80 { start -= 1 }
            return tables.bits(Self.decode(out + start).value) & ScalarBits.letter != 0
        }

        /// Whether the scalar at `position` of the source would come out as a letter: the right context of `€asy`.
        func scalarIsLetter(at position: Int) -> Bool {
            guard position < count else { return false }
            let (value, _) = decode(at: position)
            if value < 0x80 { return UInt8(value) | 0x20 &- 0x61 < 26 }
            if value >= 0x1F1E6 && value <= 0x1F1FF { return true }
            if let fold = tables.fold(value) { return fold.kind == .lookalikeLetter || fold.kind == .plainLetter }
            return tables.bits(value) & ScalarBits.letter != 0
        }

        // MARK: - Bytes

        /// Decodes the source scalar at `position`.
        @inline(__always)
        func decode(at position: Int) -> (value: UInt32, length: Int) {
            Self.decode(source + position)
        }

        /// Decodes one scalar from valid UTF-8 (Swift strings and this pass's output are always valid).
        @inline(__always)
        static func decode(_ pointer: UnsafePointer<UInt8>) -> (value: UInt32, length: Int) {
            let lead = UInt32(pointer[0])
            if lead < 0x80 { return (lead, 1) }
            if lead < 0xE0 { return ((lead & 0x1F) << 6 | UInt32(pointer[1] & 0x3F), 2) }
            if lead < 0xF0 {
                return ((lead & 0x0F) << 12 | UInt32(pointer[1] & 0x3F) << 6 | UInt32(pointer[2] & 0x3F), 3)
            }
            let value =
                (lead & 0x07) << 18 | UInt32(pointer[1] & 0x3F) << 12 | UInt32(pointer[2] & 0x3F) << 6
                | UInt32(pointer[3] & 0x3F)
            return (value, 4)
        }

        /// Decodes an output scalar, for look-behind.
        static func decode(_ pointer: UnsafeMutablePointer<UInt8>) -> (value: UInt32, length: Int) {
            decode(UnsafePointer(pointer))
        }

        /// Writes one output byte and the source offset it maps to.
        @inline(__always)
        mutating func put(_ byte: UInt8, from position: Int) {
            out[written] = byte
            offsets[written] = Int32(truncatingIfNeeded: position)
            written += 1
        }

        /// Copies the scalar at `read` unchanged.
        mutating func putRaw(length: Int) {
            for index in 0..<length { put(source[read + index], from: read) }
        }

        /// Writes a scalar below U+0800 (all this pass computes itself) as UTF-8.
        mutating func put(utf8Of value: UInt32) {
            if value < 0x80 {
                put(UInt8(value), from: read)
            } else {
                put(UInt8(0xC0 | value >> 6), from: read)
                put(UInt8(0x80 | value & 0x3F), from: read)
            }
        }
    }
}
