/// A phone number found in an ad.
public struct Phone: Sendable, Equatable {
    /// Ten NANP digits; for a number from another country, its digits as written (country code included when the ad
    /// writes one, a national leading 0 kept).
    public var digits: String
    /// Whether the poster disguised it: spelled digits, letters for digits, styled (keycap, fullwidth, circled,
    /// mathematical) digits, or separators no ordinary number uses (`*`, `~`, emoji, digits spaced one by one).
    public var obfuscated: Bool
    /// Byte range in the original text.
    public var range: Range<Int>
}

/// Finds North American phone numbers, however they are written, in the entity view of an ad.
///
/// Works on *units*: an ASCII digit, a spelled digit in English or Spanish (with leet spellings such as `zer0`,
/// `f1ve`, and glued forms such as `2sixseven`), or a letter standing for a digit next to real digits (`O`, `l`, `I`,
/// `S`). Units separated by nothing form a group; groups separated by at most a few separator characters form a
/// run; a phone is a sequence of consecutive groups in a run holding exactly 10 digits (11 with a leading 1) that is
/// a valid NANP number (area code and exchange start with 2–9, no N11 area code). Prices (`$150`, `200 roses`),
/// heights (`5'4`), times and dates do not become phones because `$`, `'` and `:` end a run, year-first dates
/// and day-month-year dates fail the NANP or date checks, and a price
/// unit ends a run, and post ids are refused when a label such as "post id" or "#" precedes them.
public struct PhoneExtractor: Sendable {
    public init() {}

    struct Unit {
        var digit: UInt8
        var start: Int  // byte offsets in the view
        var end: Int
        var spelled: Bool
        var letter: Bool
    }

    /// Phones in `view` (the `.entities` normalization of `original`), in order of appearance, without duplicates.
    public func phones(in view: MatchingText, original: String) -> [Phone] {
        let bytes = view.bytes
        let units = collectUnits(bytes)
        if units.count < 10 { return [] }
        let originalUTF8 = Array(original.utf8)
        var phones = nanpPhones(bytes: bytes, units: units, view: view, original: originalUTF8)
        var seenDigits = Set(phones.map(\.digits))
        for phone in internationalPhones(in: bytes, view: view, original: originalUTF8, excluding: phones)
        where seenDigits.insert(phone.digits).inserted {
            phones.append(phone)
        }
        return phones
    }

    private func nanpPhones(bytes: [UInt8], units: [Unit], view: MatchingText, original originalUTF8: [UInt8]) -> [Phone] {
        var phones: [Phone] = []
        var seen = Set<String>()
        // Split into runs: consecutive units whose gaps are short separator sequences.
        var runStart = 0
        var i = 1
        while i <= units.count {
            if i == units.count || !joinable(bytes, units[i - 1], units[i]) {
                scanRun(units[runStart..<i], bytes: bytes, view: view, original: originalUTF8, into: &phones, seen: &seen)
                runStart = i
            }
            i += 1
        }
        return phones
    }

    // MARK: Units

    /// English and Spanish digit words; matched with leet tolerance (`zer0`, `f1ve`, `0ne`).
    static let words: [(word: [UInt8], digit: UInt8)] = [
        ("zero", 0), ("cero", 0), ("oh", 0), ("one", 1), ("uno", 1), ("una", 1), ("two", 2), ("too", 2), ("dos", 2),
        ("three", 3), ("tres", 3), ("four", 4), ("for", 4), ("fore", 4), ("cuatro", 4), ("five", 5), ("cinco", 5),
        ("six", 6), ("seis", 6), ("seven", 7), ("siete", 7), ("eight", 8), ("ocho", 8), ("nine", 9), ("nueve", 9),
    ].map { (Array($0.0.utf8), UInt8($0.1)) }.sorted { $0.word.count > $1.word.count }

    /// Letters that stand for digits when they sit among digits.
    static func letterDigit(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "o"): 0
        case UInt8(ascii: "l"), UInt8(ascii: "i"): 1
        case UInt8(ascii: "s"): 5
        default: nil
        }
    }

    static func leetMatches(_ text: UInt8, _ letter: UInt8) -> Bool {
        if text == letter { return true }
        switch letter {
        case UInt8(ascii: "o"): return text == UInt8(ascii: "0")
        case UInt8(ascii: "i"): return text == UInt8(ascii: "1")
        case UInt8(ascii: "e"): return text == UInt8(ascii: "3")
        case UInt8(ascii: "a"): return text == UInt8(ascii: "4")
        case UInt8(ascii: "s"): return text == UInt8(ascii: "5")
        case UInt8(ascii: "t"): return text == UInt8(ascii: "7")
        default: return false
        }
    }

    static func isLetter(_ b: UInt8) -> Bool { (b >= 97 && b <= 122) || b >= 0xC0 }
    static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }

    func collectUnits(_ bytes: [UInt8]) -> [Unit] {
        var units: [Unit] = []
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if Self.isDigit(b) {
                // A spelled word may start with a leet digit ("0ne", "f1ve" starts with a letter): try words first
                // only when the digit is followed by letters.
                if i + 1 < n, Self.isLetter(bytes[i + 1]), let (digit, length) = spelledWord(bytes, at: i) {
                    units.append(Unit(digit: digit, start: i, end: i + length, spelled: true, letter: false))
                    i += length
                    continue
                }
                units.append(Unit(digit: b - 48, start: i, end: i + 1, spelled: false, letter: false))
                i += 1
                continue
            }
            if Self.isLetter(b) {
                // Spelled digits may be glued to each other and to digits ("2sixseven", "one9zerofor"), so words are
                // tried at every letter that starts a word or follows a digit or another digit word.
                let previousIsBoundary = i == 0 || !Self.isLetter(bytes[i - 1]) || units.last?.end == i
                if previousIsBoundary, let (digit, length) = spelledWord(bytes, at: i) {
                    let after = i + length
                    // The word must end at a boundary, a digit, or another digit word.
                    if after >= n || !Self.isLetter(bytes[after]) || spelledWord(bytes, at: after) != nil {
                        units.append(Unit(digit: digit, start: i, end: after, spelled: true, letter: false))
                        i = after
                        continue
                    }
                }
                if let digit = Self.letterDigit(b), isolatedLetterRun(bytes, at: i) {
                    units.append(Unit(digit: digit, start: i, end: i + 1, spelled: false, letter: true))
                    i += 1
                    continue
                }
                // Skip the rest of this word.
                while i < n && Self.isLetter(bytes[i]) { i += 1 }
                continue
            }
            i += 1
        }
        return units
    }

    /// A digit word at `i`, with leet tolerance; returns its digit and byte length.
    /// For each possible first byte, the digit words (longest first) that can start with it, leet spellings included:
    /// most letters start no digit word, so most positions cost one table load.
    static let wordsByFirstByte: [[(word: [UInt8], digit: UInt8)]] = {
        var table = [[(word: [UInt8], digit: UInt8)]](repeating: [], count: 256)
        for entry in words {
            for b in 0..<256 where leetMatches(UInt8(b), entry.word[0]) { table[b].append(entry) }
        }
        return table
    }()

    func spelledWord(_ bytes: [UInt8], at i: Int) -> (UInt8, Int)? {
        guard i < bytes.count else { return nil }
        for (word, digit) in Self.wordsByFirstByte[Int(bytes[i])] where i + word.count <= bytes.count {
            var ok = true
            for k in 0..<word.count where !Self.leetMatches(bytes[i + k], word[k]) {
                ok = false
                break
            }
            // A word made only of digits ("0" for "oh") is a digit, not a word.
            if ok && !(0..<word.count).allSatisfy({ Self.isDigit(bytes[i + $0]) }) { return (digit, word.count) }
        }
        return nil
    }

    /// Whether the letter at `i` belongs to a run of at most 2 letters, all of which can stand for digits, with a
    /// digit right before or after the run ("3l2", "5S5", "Ol75").
    func isolatedLetterRun(_ bytes: [UInt8], at i: Int) -> Bool {
        var start = i
        while start > 0 && Self.isLetter(bytes[start - 1]) { start -= 1 }
        var end = i
        while end < bytes.count && Self.isLetter(bytes[end]) { end += 1 }
        guard end - start <= 2, (start..<end).allSatisfy({ Self.letterDigit(bytes[$0]) != nil }) else { return false }
        let digitBefore = start > 0 && Self.isDigit(bytes[start - 1])
        let digitAfter = end < bytes.count && Self.isDigit(bytes[end])
        return digitBefore || digitAfter
    }

    // MARK: Runs

    /// Characters that may sit between the digits of one phone number.
    static func isSeparator(_ b: UInt8) -> Bool {
        switch b {
        case 32, 9, UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "*"), UInt8(ascii: "~"), UInt8(ascii: "_"),
            UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "+"), UInt8(ascii: "|"), UInt8(ascii: ","),
            UInt8(ascii: "="), UInt8(ascii: "#"), UInt8(ascii: "^"), UInt8(ascii: "["), UInt8(ascii: "]"),
            UInt8(ascii: "/"), UInt8(ascii: "\""):
            return true
        default:
            return b >= 0x80  // emoji, dashes and other symbols (letters were consumed as words)
        }
    }

    func joinable(_ bytes: [UInt8], _ a: Unit, _ b: Unit) -> Bool {
        let gap = b.start - a.end
        if gap == 0 { return true }
        if gap > 8 { return false }
        for k in a.end..<b.start where !Self.isSeparator(bytes[k]) { return false }
        return true
    }

    private func scanRun(
        _ run: ArraySlice<Unit>, bytes: [UInt8], view: MatchingText, original: [UInt8], into phones: inout [Phone],
        seen: inout Set<String>
    ) {
        guard run.count >= 10 else { return }
        // Groups: units with no gap between them.
        var groups: [Range<Int>] = []
        var groupStart = run.startIndex
        for k in (run.startIndex + 1)...run.endIndex {
            if k == run.endIndex || run[k].start != run[k - 1].end {
                groups.append(groupStart..<k)
                groupStart = k
            }
        }
        var g = 0
        while g < groups.count {
            var count = 0
            var h = g
            while h < groups.count && count < 11 {
                count += groups[h].count
                h += 1
                if count == 10 || (count == 11 && run[groups[g].lowerBound].digit == 1) {
                    if let phone = makePhone(
                        run[groups[g].lowerBound..<groups[h - 1].upperBound], bytes: bytes, view: view,
                        original: original)
                    {
                        if seen.insert(phone.digits).inserted {
                            phones.append(phone)
                        } else if phone.obfuscated, let k = phones.firstIndex(where: { $0.digits == phone.digits }) {
                            // Written plainly once and disguised elsewhere: the ad disguised it.
                            phones[k].obfuscated = true
                        }
                        g = h - 1
                        break
                    }
                }
            }
            g += 1
        }
        // A run with no group boundaries to split on (all digits glued, e.g. "702555014770255501"): nothing more.
    }

    private func makePhone(_ units: ArraySlice<Unit>, bytes: [UInt8], view: MatchingText, original: [UInt8]) -> Phone? {
        var digits = units.map(\.digit)
        var slice = units
        if digits.count == 11 {
            digits.removeFirst()
            slice = slice.dropFirst()
        }
        guard digits.count == 10 else { return nil }
        // NANP: area code and exchange start with 2-9; N11 area codes are service codes.
        guard digits[0] >= 2, digits[3] >= 2, !(digits[1] == 1 && digits[2] == 1) else { return nil }
        let first = units.first!
        let last = units.last!
        // Refuse prices and post ids by their context.
        if precededByLabel(bytes, before: first.start) { return nil }
        // Dates and times: "2024-03-12 15:05" (a year-first date) or digits running into a clock time.
        if looksLikeDateOrTime(units, bytes: bytes) { return nil }
        // A slash or a quote between groups reads as a phone only in the 3-3-4 shape ("415/853/7178",
        // 214"705"4934), never as a date ("12/25/2024 420") or a measurement.
        if usesSlashOrQuote(slice, bytes: bytes), groupSizes(slice) != [3, 3, 4] { return nil }
        if first.start > 0 && bytes[first.start - 1] == UInt8(ascii: "$") { return nil }
        if endsInTitleAge(slice, bytes: bytes) { return nil }
        let obfuscated = isObfuscated(units, bytes: bytes, view: view, original: original)
        return Phone(
            digits: String(decoding: digits.map { $0 + 48 }, as: UTF8.self), obfuscated: obfuscated,
            range: view.sourceRange(of: first.start..<last.end))
    }

    /// Plain digits whose last group is two digits after a spaced dash: a shorter number (or a price) followed by a
    /// Backpage-style title age ("Selena 99368891 - 25"), not a ten-digit phone.
    private func endsInTitleAge(_ units: ArraySlice<Unit>, bytes: [UInt8]) -> Bool {
        guard units.allSatisfy({ !$0.spelled && !$0.letter }) else { return false }
        let sizes = groupSizes(units)
        guard let last = sizes.last, last <= 2, sizes.count >= 2 else { return false }
        let lastStart = units[units.endIndex - last].start
        let previousEnd = units[units.endIndex - last - 1].end
        let gap = bytes[previousEnd..<lastStart]
        return gap.contains(UInt8(ascii: "-")) && gap.first == 32 && gap.last == 32
    }

    /// "post id", "ad id", "ref", "order no", "zip" as the word just before the number mean it is not a phone.
    private func precededByLabel(_ bytes: [UInt8], before index: Int) -> Bool {
        var k = index
        while k > 0 && !Self.isLetter(bytes[k - 1]) && index - k < 4 { k -= 1 }
        var wordStart = k
        while wordStart > 0 && Self.isLetter(bytes[wordStart - 1]) { wordStart -= 1 }
        guard wordStart < k else { return false }
        let word = String(decoding: bytes[wordStart..<k], as: UTF8.self)
        return ["id", "ref", "order", "no", "nr", "zip", "post", "listing", "ticket", "invoice", "isbn", "vin"]
            .contains(word)
    }

    private func usesSlashOrQuote(_ units: ArraySlice<Unit>, bytes: [UInt8]) -> Bool {
        var k = units.startIndex
        while k + 1 < units.endIndex {
            for b in bytes[units[k].end..<units[k + 1].start] where b == UInt8(ascii: "/") || b == UInt8(ascii: "\"") {
                return true
            }
            k += 1
        }
        return false
    }

    /// Sizes of the runs of units with no gap between them.
    private func groupSizes(_ units: ArraySlice<Unit>) -> [Int] {
        var sizes: [Int] = []
        var current = 0
        var previousEnd = -1
        for unit in units {
            if unit.start != previousEnd && current > 0 {
                sizes.append(current)
                current = 0
            }
            current += 1
            previousEnd = unit.end
        }
        if current > 0 { sizes.append(current) }
        return sizes
    }

    /// A year-first date ("2024-03-12 15") or a number followed by `:` and a digit (a clock time).
    private func looksLikeDateOrTime(_ units: ArraySlice<Unit>, bytes: [UInt8]) -> Bool {
        let last = units.last!
        if last.end + 1 < bytes.count && bytes[last.end] == UInt8(ascii: ":") && Self.isDigit(bytes[last.end + 1]) {
            return true
        }
        let digits = units.map(\.digit)
        let plain = units.allSatisfy { !$0.spelled && !$0.letter }
        if plain, digits.count >= 8, (digits[0] == 1 && digits[1] == 9) || (digits[0] == 2 && digits[1] == 0) {
            // The first group is exactly four digits, then a two-digit month.
            var k = units.startIndex
            var groupLength = 1
            while k + 1 < units.endIndex && units[k + 1].start == units[k].end {
                groupLength += 1
                k += 1
            }
            if groupLength == 4 && k + 2 < units.endIndex {
                let month = Int(units[k + 1].digit) * 10 + Int(units[k + 2].digit)
                if month >= 1 && month <= 12 { return true }
            }
        }
        return false
    }

    private func isObfuscated(_ units: ArraySlice<Unit>, bytes: [UInt8], view: MatchingText, original: [UInt8]) -> Bool {
        if units.contains(where: { $0.spelled || $0.letter }) { return true }
        // A styled digit: the original character was not an ASCII digit.
        for unit in units {
            let source = Int(view.sourceOffsets[unit.start])
            if source < original.count && !Self.isDigit(original[source]) { return true }
            // A keycap ("7️⃣") starts with the ASCII digit, then U+FE0F and/or U+20E3.
            if source + 3 < original.count && original[source + 1] == 0xEF && original[source + 2] == 0xB8
                && original[source + 3] == 0x8F
            {
                return true
            }
            if source + 3 < original.count && original[source + 1] == 0xE2 && original[source + 2] == 0x83
                && original[source + 3] == 0xA3
            {
                return true
            }
        }
        // Separators: ordinary numbers use -, ., space, parentheses and a leading +1, in 3-3-4 groups.
        var groupSizes: [Int] = []
        var current = 1
        var unit = units.startIndex
        while unit + 1 < units.endIndex {
            let a = units[unit]
            let b = units[unit + 1]
            if b.start != a.end {
                // "((221))": doubled brackets are a disguise, not a layout.
                if bytes[a.end..<b.start].filter({ $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: ")") }).count > 1
                    && !(bytes[a.end..<b.start].first == UInt8(ascii: ")") && bytes[a.end..<b.start].last == UInt8(ascii: "("))
                {
                    return true
                }
                for k in a.end..<b.start {
                    let c = bytes[k]
                    if !(c == 32 || c == UInt8(ascii: "-") || c == UInt8(ascii: ".") || c == UInt8(ascii: "(")
                        || c == UInt8(ascii: ")") || c == UInt8(ascii: "+"))
                    {
                        return true
                    }
                }
                groupSizes.append(current)
                current = 1
            } else {
                current += 1
            }
            unit += 1
        }
        groupSizes.append(current)
        let ordinary: [[Int]] = [[10], [3, 3, 4], [3, 7], [6, 4], [1, 3, 3, 4], [11], [1, 10]]
        return !ordinary.contains(groupSizes)
    }
}

