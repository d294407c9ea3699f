extension TextNormalizer {
    /// The word half of normalization (`.words` only): leet folding, squeezing stretched letters, joining spacing.
    ///
    /// Runs in place over the scalar pass's output, compacting as it goes (it never writes more than it reads), so
    /// every look-behind uses the tracked classes of what was read rather than the buffer, which may be overwritten.
    /// Tokens that look like a URL or an email are copied untouched.
    struct WordPass {
        let bytes: UnsafeMutablePointer<UInt8>
        let offsets: UnsafeMutablePointer<Int32>
        let count: Int
        let tables: FoldTables
        var read = 0
        var written = 0
        var leetFolds = 0
        var spacedWordsJoined = 0

        /// Classes of the last two scalars read, before any folding.
        var previous: CharacterClass = .space
        var beforePrevious: CharacterClass = .space
        /// The last letter written and how many times in a row, for squeezing `youngggg` to `youngg`.
        var lastLetter: UInt32 = 0
        var repeatCount = 0
        /// Letters before this read position belong to a run that already failed to join.
        var noJoinBefore = 0
        /// Where the current token starts in the output, and whether it is a URL or email (nil: not needed yet).
        var tokenStart = 0
        var tokenProtected: Bool?

        /// What the word rules need to know about a scalar; separators are the characters joins skip.
        enum CharacterClass: UInt8 {
            case letter, digit, separator, space, other
        }

        init(bytes: UnsafeMutablePointer<UInt8>, offsets: UnsafeMutablePointer<Int32>, count: Int, tables: FoldTables) {
            self.bytes = bytes
            self.offsets = offsets
            self.count = count
            self.tables = tables
        }

        /// Rewrites the buffer, leaving the new length in `written`.
        ///
        /// The inner loop copies ASCII that cannot trigger a rule, the bulk of ad text, on local copies of the state;
        /// anything that could (a third repeat, a leet character after a letter, a possible spaced run, non-ASCII)
        /// drops to `step`.
        mutating func run() {
            // Locals, so stores through `bytes` don't force the compiler to reload these from `self`.
            let bytes = self.bytes
            let offsets = self.offsets
            let count = self.count
            while read < count {
                var r = read
                var w = written
                var last = lastLetter
                var repeats = repeatCount
                var current = previous
                var before = beforePrevious
                var start = tokenStart
                var protected = tokenProtected
                fast: while r < count {
                    let byte = bytes[r]
                    if byte &- 0x61 < 26 {
                        if current != .letter {
                            if r + 2 < count && Self.isJoinSeparator(bytes[r + 1])
                                && (bytes[r + 2] &- 0x61 < 26 || bytes[r + 2] >= 0x80)
                            {
                                break fast
                            }
                            last = UInt32(byte)
                            repeats = 1
                            before = current
                            current = .letter
                            if w != r {
                                bytes[w] = byte
                                offsets[w] = offsets[r]
                            }
                            w += 1
                            r += 1
                        }
                        // The rest of the word, in a tight loop.
                        while r < count {
                            let letter = bytes[r]
                            guard letter &- 0x61 < 26 else { continue fast }
                            if UInt32(letter) == last {
                                if repeats >= 2 { break fast }
                                repeats += 1
                            } else {
                                last = UInt32(letter)
                                repeats = 1
                            }
                            before = .letter
                            if w != r {  // until a rule first drops something, the text is already in place
                                bytes[w] = letter
                                offsets[w] = offsets[r]
                            }
                            w += 1
                            r += 1
                        }
                        continue
                    }
                    guard byte < 0x80, current != .letter || Self.leetLetter(byte) == 0 else { break fast }
                    let characterClass = Self.asciiClass(byte)
                    last = 0
                    before = current
                    current = characterClass
                    if characterClass == .space {
                        start = w + 1
                        protected = nil
                    }
                    if w != r {
                        bytes[w] = byte
                        offsets[w] = offsets[r]
                    }
                    w += 1
                    r += 1
                }
                read = r
                written = w
                lastLetter = last
                repeatCount = repeats
                previous = current
                beforePrevious = before
                tokenStart = start
                tokenProtected = protected
                if read < count { step() }
            }
        }

        /// Handles the scalar at `read` (or the run it starts) with every rule.
        mutating func step() {
            let byte = bytes[read]
            if byte == 0x20 || byte == 0x0A {
                copy(length: 1)
                shift(.space)
                tokenStart = written
                tokenProtected = nil
                return
            }
            if byte < 0x80 {
                let characterClass = Self.asciiClass(byte)
                if characterClass == .letter {
                    letter(UInt32(byte), length: 1)
                } else if previous == .letter && Self.leetLetter(byte) != 0 && foldLeetRun() {
                    shift(.letter)
                } else {
                    copy(length: 1)
                    shift(characterClass)
                }
                return
            }
            let (value, length) = ScalarPass.decode(bytes + read)
            if tables.bits(value) & ScalarBits.letter != 0 {
                letter(value, length: length)
            } else {
                copy(length: length)
                shift(.other)
            }
        }

        /// A letter either starts a spaced-out run that gets joined, or is written (and squeezed) on its own.
        mutating func letter(_ value: UInt32, length: Int) {
            if canStartJoin && join(firstLength: length) { return }
            writeLetter(value, length: length)
            shift(.letter)
        }

        // MARK: - Leet

        /// The letter a leet character stands for inside a word, or 0.
        @inline(__always)
        static func leetLetter(_ byte: UInt8) -> UInt8 {
            switch byte {
            case 0x30: 0x6F  // 0 → o
            case 0x31: 0x69  // 1 → i
            case 0x33: 0x65  // 3 → e
            case 0x34: 0x61  // 4 → a
            case 0x35: 0x73  // 5 → s
            case 0x37: 0x74  // 7 → t
            case 0x40: 0x61  // @ → a
            case 0x24: 0x73  // $ → s
            default: 0
            }
        }

        /// Folds the run of leet characters at `read` if a letter follows it (the caller checked the one before).
        ///
        /// Requiring letters on both sides is what keeps `18yo`, `$150`, `5'4` and `2nite` as written.
        mutating func foldLeetRun() -> Bool {
            var end = read + 1
            while end < count && Self.leetLetter(bytes[end]) != 0 { end += 1 }
            guard end < count, isLetter(at: end), !isTokenProtected() else { return false }
            while read < end {
                let letter = Self.leetLetter(bytes[read])
                leetFolds += 1
                if admit(UInt32(letter)) {
                    bytes[written] = letter
                    offsets[written] = offsets[read]
                    written += 1
                }
                read += 1
            }
            return true
        }

        // MARK: - Spaced letters

        /// A join may start at a letter that does not continue a word: not after a letter or digit, nor after a
        /// separator that follows one (so the `c` of `ab.c.d.e.f` does not start a run).
        var canStartJoin: Bool {
            switch previous {
            case .letter, .digit: false
            case .separator: beforePrevious != .letter && beforePrevious != .digit
            case .space, .other: true
            }
        }

        /// Joins four or more single letters separated by one space, `.`, `-`, `_` or `*` (`y o u n g`, `t.e.e.n`).
        ///
        /// Each letter must stand alone (no letter or digit right after it), and the run must not run into `@` or
        /// `/`, which would make it part of an address rather than a word.
        mutating func join(firstLength: Int) -> Bool {
            var end = read + firstLength
            guard read >= noJoinBefore, end + 1 < count, Self.isJoinSeparator(bytes[end]) else { return false }
            var letters = 1
            while end + 1 < count && Self.isJoinSeparator(bytes[end]) {
                guard let length = letterLength(at: end + 1) else { break }
                let after = end + 1 + length
                if after < count && isWordCharacter(at: after) { break }
                letters += 1
                end = after
            }
            // A failed run's later letters would only find shorter runs: don't rescan them.
            guard letters >= 4, end == count || (bytes[end] != 0x40 && bytes[end] != 0x2F), !isTokenProtected() else {
                noJoinBefore = end
                return false
            }
            while read < end {
                if Self.isJoinSeparator(bytes[read]) {
                    read += 1
                    continue
                }
                let (value, length) = ScalarPass.decode(bytes + read)
                writeLetter(value, length: length)
            }
            spacedWordsJoined += 1
            previous = .letter
            beforePrevious = .letter
            // The run ends inside a one-letter token, which cannot be a URL or email.
            tokenStart = written
            tokenProtected = false
            return true
        }

        /// The characters that may sit between spaced-out letters.
        @inline(__always)
        static func isJoinSeparator(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x2E || byte == 0x2D || byte == 0x5F || byte == 0x2A
        }

        // MARK: - URLs and emails

        /// Whether the current token looks like a URL or an email, which the word rules must not touch.
        ///
        /// Asked only when a rule is about to change the token, so most tokens are never scanned. Until then the
        /// token's output is an unchanged copy of its input, so the token reads as its output so far
        /// (`tokenStart..<written`) followed by its unread input (from `read`). URL: contains `http`, `www.` or
        /// `://`. Email: an `@` followed by a letter or digit, then a `.` followed by one.
        mutating func isTokenProtected() -> Bool {
            if let known = tokenProtected { return known }
            let prefix = written - tokenStart
            func byte(_ index: Int) -> UInt8 {
                if index < prefix { return bytes[tokenStart + index] }
                let position = read + index - prefix
                return position < count ? bytes[position] : 0x20
            }
            var index = 0
            var sawAt = false
            var result = false
            scan: while true {
                switch byte(index) {
                case 0x20, 0x0A:
                    break scan
                case 0x40:
                    if Self.isAlphanumeric(byte(index + 1)) { sawAt = true }
                case 0x2E:
                    if (sawAt && Self.isAlphanumeric(byte(index + 1)))
                        || (index >= 3 && byte(index - 1) == 0x77 && byte(index - 2) == 0x77 && byte(index - 3) == 0x77)
                    {
                        result = true
                        break scan
                    }
                case 0x68:
                    if byte(index + 1) == 0x74 && byte(index + 2) == 0x74 && byte(index + 3) == 0x70 {
                        result = true
                        break scan
                    }
                case 0x3A:
                    if byte(index + 1) == 0x2F && byte(index + 2) == 0x2F {
                        result = true
                        break scan
                    }
                default:
                    break
                }
                index += 1
            }
            tokenProtected = result
            return result
        }

        // MARK: - Classes

        /// The class of an ASCII byte of the scalar pass's output (which has no capitals).
        @inline(__always)
        static func asciiClass(_ byte: UInt8) -> CharacterClass {
            if byte &- 0x61 < 26 { return .letter }
            if byte &- 0x30 < 10 { return .digit }
            switch byte {
            case 0x2E, 0x2D, 0x5F, 0x2A: return .separator
            case 0x20, 0x0A: return .space
            default: return .other
            }
        }

        /// A lowercase ASCII letter or digit.
        @inline(__always)
        static func isAlphanumeric(_ byte: UInt8) -> Bool {
            byte &- 0x61 < 26 || byte &- 0x30 < 10
        }

        /// The byte length of the letter at `position`, or nil when it is not a letter.
        func letterLength(at position: Int) -> Int? {
            let byte = bytes[position]
            if byte < 0x80 { return byte &- 0x61 < 26 ? 1 : nil }
            let (value, length) = ScalarPass.decode(bytes + position)
            return tables.bits(value) & ScalarBits.letter != 0 ? length : nil
        }

        /// Whether the scalar at `position` is a letter of any script.
        func isLetter(at position: Int) -> Bool {
            letterLength(at: position) != nil
        }

        /// Whether the scalar at `position` is a letter or digit, which a spaced-out letter must not touch.
        func isWordCharacter(at position: Int) -> Bool {
            bytes[position] &- 0x30 < 10 || isLetter(at: position)
        }

        // MARK: - Output

        /// Records the class of the scalar just read.
        @inline(__always)
        mutating func shift(_ characterClass: CharacterClass) {
            beforePrevious = previous
            previous = characterClass
        }

        /// Counts a letter into the current repeat; false when it is the third or later in a row and must go.
        @inline(__always)
        mutating func admit(_ letter: UInt32) -> Bool {
            if letter == lastLetter {
                repeatCount += 1
                return repeatCount <= 2
            }
            lastLetter = letter
            repeatCount = 1
            return true
        }

        /// Writes the letter at `read` unless it stretches a run past two, and moves past it.
        ///
        /// A stretched run of a letter that English and Spanish words hardly ever double (a, i, u, y, h, w, k, j, v, x,
        /// q) goes down to one, so "preguntaaaa", "babyyy" and "heyyy" read as words; other letters keep two, so
        /// "sweeeet" and "freeee" keep their double letter.
        @inline(__always)
        mutating func writeLetter(_ value: UInt32, length: Int) {
            if admit(value) || isTokenProtected() {
                for index in 0..<length {
                    bytes[written + index] = bytes[read + index]
                    offsets[written + index] = offsets[read + index]
                }
                written += length
            } else if repeatCount == 3, length == 1, Self.stretchesToOne(value), written > 0,
                UInt32(bytes[written - 1]) == value
            {
                written -= 1
            }
            read += length
        }

        /// Letters whose stretched runs squeeze to one (see ``writeLetter(_:length:)``).
        @inline(__always)
        static func stretchesToOne(_ letter: UInt32) -> Bool {
            switch letter {
            case 0x61, 0x69, 0x75, 0x79, 0x68, 0x77, 0x6B, 0x6A, 0x76, 0x78, 0x71: true  // a i u y h w k j v x q
            default: false
            }
        }

        /// Copies a non-letter at `read` as is; it ends any letter repeat.
        @inline(__always)
        mutating func copy(length: Int) {
            lastLetter = 0
            for index in 0..<length {
                bytes[written + index] = bytes[read + index]
                offsets[written + index] = offsets[read + index]
            }
            written += length
            read += length
        }
    }
}
