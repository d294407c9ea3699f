/// A short word (at most 16 bytes) packed into two integers: hashing and comparing it allocates nothing, which matters
/// because the age reader looks at the words around every number of every ad.
struct WordKey: Hashable, Sendable {
    private var low: UInt64 = 0
    private var high: UInt64 = 0
    private var count: UInt8 = 0

    init() {}

    init?(_ word: String) {
        for b in word.utf8 { guard append(b) else { return nil } }
    }

    /// Adds a byte; false when the word is too long to key.
    mutating func append(_ b: UInt8) -> Bool {
        guard count < 16 else { return false }
        if count < 8 { low |= UInt64(b) << (UInt64(count) * 8) } else { high |= UInt64(b) << (UInt64(count - 8) * 8) }
        count += 1
        return true
    }
}

/// Finds the ages an ad states for the person it advertises, in the forms ads write them.
///
/// A number is read as an age only in a context that makes it one (FAMILIES.md, `underage_age`):
/// - **a unit after it**: "16yo", "16 y/o", "17 yrs", "16-year-old", "17 años", "añitos", "years young";
/// - **a word before it that states an age**: "I'm / im / I am / she's / soy / tengo / age: / edad", "turned",
///   "turning 17" (which says 16), optionally with "only / just / actually" between;
/// - **a name before it** ("Jess, 16,", "Ashley I7 🌹", "Tiff (17)"), when the name is capitalised or introduced ("hi
///   im jess, 16") and the number ends its phrase (punctuation, emoji, the end of a line, "and", "new" …);
/// - **the start of a sentence or title**, ending its phrase ("sixteen & brand new", "seven teen and new", "S I X T E E
///   N 🌸", "f1fteen, need money").
///
/// The number may be digits (styled digits are already folded by the entity view: "１６", "⑯", "1️⃣6️⃣"), a spelled
/// number in English or Spanish in any spelling ``SpelledNumbers`` reads, a digit glued to a digit word ("1six"),
/// `I`/`l` for a 1 ("I7"), or two digits split by a space or an emoji ("1 6", "1🌸7") after a name or an age word.
/// Site and job rules ("must be 18", "18+", "ages 12-17", "18 and over") are not ages; nor are numbers followed by
/// measures (minutes, feet, %, $), nor the ages of a son, daughter or pet.
struct AgeExtractor: Sendable {
    /// Tables read for every word of every ad, held by the extractor rather than as statics: a static read in a hot
    /// loop costs a `swift_once` check each time.
    let tables = Tables()

    struct Tables: Sendable {
        /// First bytes (canonical) of every spelled number, indexed by byte.
        let firstBytes: [Bool] = {
            var table = [Bool](repeating: false, count: 256)
            for key in SpelledNumbers.table.keys { table[Int(key[0])] = true }
            return table
        }()
        /// ``SpelledNumbers/prefixKey(_:)`` of every spelled number.
        let prefixKeys: Set<UInt32> = SpelledNumbers.prefixKeys
    }

    /// One age found: where it starts in the view, and its value.
    struct Found {
        var position: Int
        var age: Int
    }

    /// Ages in `bytes` (an entity view); `original` and `offsets` map view bytes back to the ad as written, to tell a
    /// capitalised name.
    func ages(
        in bytes: UnsafeBufferPointer<UInt8>, original: UnsafeBufferPointer<UInt8>, offsets: [Int32],
        tokens: inout [AgeToken]
    ) -> [Found] {
        AgeTokenizer.tokens(bytes, into: &tokens)
        var reader = Reader(bytes: bytes, tokens: tokens, original: original, offsets: offsets, tables: tables)
        return reader.run()
    }

    /// One pass over the tokens of one text.
    struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        let tokens: [AgeToken]
        let original: UnsafeBufferPointer<UInt8>
        let offsets: [Int32]
        let tables: Tables
        var found: [Found] = []

        init(
            bytes: UnsafeBufferPointer<UInt8>, tokens: [AgeToken], original: UnsafeBufferPointer<UInt8>, offsets: [Int32],
            tables: Tables
        ) {
            self.bytes = bytes
            self.tokens = tokens
            self.original = original
            self.offsets = offsets
            self.tables = tables
        }

        mutating func run() -> [Found] {
            var i = 0
            while i < tokens.count {
                if let number = candidate(at: i), let age = decide(number) {
                    if !found.contains(where: { $0.age == age }) { found.append(Found(position: tokens[i].start, age: age)) }
                    i = number.last + 1
                    continue
                }
                i += 1
            }
            return found
        }

        // MARK: Reading numbers

        /// A number read at token `first`, ending at token `last`.
        struct Number {
            var value: Int
            var first: Int
            var last: Int
            /// A unit was glued to it ("16yo", "17años").
            var gluedUnit: Bool
            /// Two digits split by a space or an emoji: believed only after a name or an age word.
            var split: Bool
        }

        func text(_ k: Int) -> UnsafeBufferPointer<UInt8>.SubSequence { bytes[tokens[k].start..<tokens[k].end] }

        /// The token's word as a ``WordKey`` (letters only, accents folded, apostrophes dropped), without allocating.
        func key(_ k: Int) -> WordKey? {
            guard k >= 0 && k < tokens.count, tokens[k].kind == .word else { return nil }
            var key = WordKey()
            var pendingAccent = false
            for b in text(k) {
                if pendingAccent {
                    pendingAccent = false
                    guard key.append(SpelledNumbers.foldAccent(b)) else { return nil }
                } else if b == 0xC3 {
                    pendingAccent = true
                } else if b < 0x80 && b != 0x27 {
                    guard key.append(b) else { return nil }
                }
            }
            return key
        }

        func isWord(_ k: Int, _ set: Set<WordKey>) -> Bool { key(k).map(set.contains) ?? false }

        func isPunctuation(_ k: Int, _ characters: String) -> Bool {
            guard k >= 0 && k < tokens.count, tokens[k].kind == .punctuation else { return false }
            return characters.utf8.contains(bytes[tokens[k].start])
        }

        func digitsValue(_ k: Int) -> Int? {
            guard tokens[k].kind == .number, tokens[k].end - tokens[k].start <= 2 else { return nil }
            var value = 0
            for b in text(k) { value = value * 10 + Int(b - 48) }
            return value
        }

        func candidate(at i: Int) -> Number? {
            let token = tokens[i]
            switch token.kind {
            case .number:
                guard let value = digitsValue(i) else { return nil }
                // "1 6", "1🌸7": two single digits split by one space or one emoji.
                if value >= 1 && value <= 7 && token.end - token.start == 1 {
                    if i + 1 < tokens.count, tokens[i + 1].kind == .number, !tokens[i + 1].glued,
                        !tokens[i + 1].startsLine, tokens[i + 1].end - tokens[i + 1].start == 1
                    {
                        return Number(value: value * 10 + digitsValue(i + 1)!, first: i, last: i + 1, gluedUnit: false, split: true)
                    }
                    if i + 2 < tokens.count, tokens[i + 1].kind == .symbol, tokens[i + 1].glued, tokens[i + 2].kind == .number,
                        tokens[i + 2].glued, tokens[i + 2].end - tokens[i + 2].start == 1
                    {
                        return Number(value: value * 10 + digitsValue(i + 2)!, first: i, last: i + 2, gluedUnit: false, split: true)
                    }
                    return nil
                }
                // A digit word glued after the digit is a mixed token, handled below.
                return Number(value: value, first: i, last: i, gluedUnit: false, split: false)
            case .mixed:
                return mixed(i)
            case .word:
                return spelled(at: i)
            default:
                return nil
            }
        }

        /// "16yo", "17yrs", "17años", "1six", "i7", "s1xteen", "f1fteen".
        func mixed(_ i: Int) -> Number? {
            let slice = text(i)
            // Most mixed tokens ("2nd", "34d", "mp3", "b2b") are none of these: cheap checks before any copy.
            if !AgeTokenizer.isDigit(slice.first!) && slice.count != 2 {
                guard let prefix = SpelledNumbers.prefixKey(slice), tables.prefixKeys.contains(prefix) else { return nil }
            }
            let bytes = Array(slice)
            var digitEnd = 0
            while digitEnd < bytes.count && AgeTokenizer.isDigit(bytes[digitEnd]) { digitEnd += 1 }
            if digitEnd == 2 {
                let value = Int(bytes[0] - 48) * 10 + Int(bytes[1] - 48)
                let suffix = SpelledNumbers.canonical(bytes[2...])
                if Self.gluedUnitBytes.contains(suffix) {
                    return Number(value: value, first: i, last: i, gluedUnit: true, split: false)
                }
                return nil
            }
            if digitEnd == 1, bytes[0] >= UInt8(ascii: "1"), bytes[0] <= UInt8(ascii: "7"),
                let unit = SpelledNumbers.digitWords[SpelledNumbers.canonical(bytes[1...])]
            {
                return Number(value: Int(bytes[0] - 48) * 10 + unit, first: i, last: i, gluedUnit: false, split: false)
            }
            if bytes.count == 2, bytes[0] == UInt8(ascii: "i") || bytes[0] == UInt8(ascii: "l"),
                AgeTokenizer.isDigit(bytes[1])
            {
                return Number(value: 10 + Int(bytes[1] - 48), first: i, last: i, gluedUnit: false, split: false)
            }
            if let value = SpelledNumbers.value(bytes) {
                return Number(value: value, first: i, last: i, gluedUnit: false, split: false)
            }
            return nil
        }

        /// A spelled number over one, two or three words ("sixteen", "seven teen", "twenty-five", "treinta y dos"), or
        /// spread over single letters ("s i x t e e n").
        func spelled(at i: Int) -> Number? {
            let first = text(i)
            if first.count == 1 {
                // Letter-spaced: at least four single letters in a row.
                var k = i
                var joined: [UInt8] = []
                while k < tokens.count, tokens[k].kind == .word, tokens[k].end - tokens[k].start == 1,
                    k == i || (!tokens[k].glued && !tokens[k].startsLine)
                {
                    joined.append(bytes[tokens[k].start])
                    k += 1
                }
                if k - i >= 4, let value = SpelledNumbers.value(joined) {
                    return Number(value: value, first: i, last: k - 1, gluedUnit: false, split: false)
                }
                return nil
            }
            // Only words that could start a number are worth reading: most words fail these two lookups, neither of which
            // allocates.
            guard tables.firstBytes[Int(first.first == UInt8(ascii: "l") ? UInt8(ascii: "i") : first.first!)],
                let prefix = SpelledNumbers.prefixKey(first), tables.prefixKeys.contains(prefix)
            else { return nil }
            let firstKey = SpelledNumbers.canonical(first)
            // Longest first: three words (Spanish "treinta y dos", "twenty - five"), then two, then one.
            if i + 2 < tokens.count, !tokens[i + 1].startsLine, !tokens[i + 2].startsLine {
                let middle = tokens[i + 1]
                let joins = (middle.kind == .word && isWord(i + 1, Self.spanishAnd)) || isPunctuation(i + 1, "-")
                if joins, tokens[i + 2].kind == .word,
                    let value = SpelledNumbers.value(Array(first) + Array(text(i + 1)) + Array(text(i + 2)))
                {
                    return Number(value: value, first: i, last: i + 2, gluedUnit: false, split: false)
                }
            }
            if i + 1 < tokens.count, tokens[i + 1].kind == .word, !tokens[i + 1].startsLine,
                let value = SpelledNumbers.value(Array(first) + Array(text(i + 1)))
            {
                return Number(value: value, first: i, last: i + 1, gluedUnit: false, split: false)
            }
            if let value = SpelledNumbers.table[firstKey] {
                return Number(value: value, first: i, last: i, gluedUnit: false, split: false)
            }
            return nil
        }

        // MARK: Deciding

        /// The age `number` states, or nil when its context does not make it an age.
        func decide(_ number: Number) -> Int? {
            let value = number.value
            let before = number.first - 1
            let after = number.last + 1
            // A site's age field ("Poster's age: 99", "Edad de la persona que publicó el anuncio: 20") takes any
            // two-digit value as written; elsewhere ages run 12–79.
            if isAgeField(colon: before), value >= 12, !isRule(before: before, after: after) { return value }
            guard value >= 12 && value <= 79 else { return nil }
            if isRule(before: before, after: after) { return nil }

            // A unit after the number.
            if number.gluedUnit || unitFollows(after) {
                if isDuration(before: before) || ownerNounFollows(afterUnit: skipUnit(from: after)) {
                    return nil
                }
                return value
            }
            if endsInMeasure(after) { return nil }

            // A word that states an age before it.
            switch ageWord(before: before) {
            case .strong: return value
            case .turning: return value - 1
            // "only 15" is a stated age; "only 60" is a price special: weak words are believed for young ages only.
            case .weak: return value < 30 && endsPhrase(after, sentenceStart: false) ? value : nil
            case .none: break
            }
            // "sixteen and shy", "19 and ready": a young number joined to a word a person describes herself with.
            if value < 30, describesSelf(after: after) { return value }
            guard value >= 13 else { return nil }
            // A name before it.
            if let name = nameBefore(number.first) {
                if name.parenthesised {
                    return isPunctuation(after, ")") ? value : nil
                }
                return endsPhrase(after, sentenceStart: false) ? value : nil
            }
            // The start of a sentence or title.
            if !number.split, startsSentence(number.first), endsPhrase(after, sentenceStart: true) { return value }
            // A Backpage-style title suffix inside a text dump, where the title runs on into the body: "… Goddess - 22
            // Visiting …", also spelled ("Date Night? - f1fteen", "Sweetheart Ivy - seventeen"; a spelled one only
            // up to 29, the young ages a title spells out, so "Rates - forty roses" stays a price). Only near the
            // start, where the title is: lists of other ads further down carry theirs too.
            if !number.split, number.first == number.last, number.first < Self.titleTokens,
                tokens[number.first].kind == .number || value < 30,
                isTitleSuffix(dash: before), capitalisedOrEnd(after)
            {
                return value
            }
            return nil
        }

        /// "and shy", "& sweet", "n ready": a conjunction, then a word of self-description.
        func describesSelf(after k: Int) -> Bool {
            guard k + 1 < tokens.count, !tokens[k + 1].startsLine,
                isWord(k, Self.conjunctions) || isPunctuation(k, "&")
            else { return false }
            return isWord(k + 1, Self.selfDescriptions)
        }

        /// A ":" closing a label that names an age within the six words before it.
        func isAgeField(colon k: Int) -> Bool {
            guard isPunctuation(k, ":") else { return false }
            var j = k - 1
            while j >= 0 && j >= k - 9 {
                if isWord(j, Self.ageLabels) { return true }
                if tokens[j].kind != .word { return false }
                j -= 1
            }
            return false
        }

        /// " - " standing apart after a word that is not a price label.
        func isTitleSuffix(dash k: Int) -> Bool {
            guard k >= 1, isPunctuation(k, "-") || isDash(k), !tokens[k].glued, k + 1 < tokens.count, !tokens[k + 1].glued
            else { return false }
            let previous = tokens[k - 1]
            guard previous.kind == .word || previous.kind == .symbol || isPunctuation(k - 1, "!.)#*") else { return false }
            if let w = key(k - 1), Self.priceLabels.contains(w) { return false }
            return true
        }

        /// The end of the text, or a word or symbol that is not a measure ("- 25 minutes", "- 20 off").
        func capitalisedOrEnd(_ k: Int) -> Bool {
            guard k < tokens.count else { return true }
            if endsInMeasure(k) || isRule(before: k - 2, after: k) { return false }
            return tokens[k].kind == .symbol || tokens[k].kind == .word || tokens[k].startsLine
        }

        /// "18+", "18 and over", "ages 12-17", "must be 18", "over 21": rules and ranges, not a person.
        func isRule(before: Int, after: Int) -> Bool {
            if isPunctuation(after, "+") { return true }
            // Ranges: "13-16", "8–13", "12 to 17".
            if isPunctuation(after, "-/") || isDash(after), after + 1 < tokens.count, tokens[after + 1].kind == .number {
                return true
            }
            if isPunctuation(before, "-/") || isDash(before) || isWord(before, Self.rangeWords),
                before >= 1, tokens[before - 1].kind == .number
            {
                return true
            }
            if isWord(after, Self.rangeWordsOr), after + 1 < tokens.count, tokens[after + 1].kind == .number {
                return true
            }
            if isWord(after, Self.andOr) || isPunctuation(after, "&") {
                if isWord(after + 1, Self.limitWords) { return true }
            }
            if isWord(after, Self.plusWord) { return true }
            var k = before
            if isPunctuation(k, ":=#") { k -= 1 }
            if isWord(k, Self.ruleWords) { return true }
            if isWord(k, Self.beWord), !isWord(k - 1, Self.futureAuxiliariesWithContractions) { return true }
            if isWord(k, Self.ageNoun),
                isWord(k - 1, Self.ruleAgeQualifiers)
            {
                return true
            }
            return false
        }

        /// "for 15 years", "with 16 yrs": durations and experience.
        func isDuration(before: Int) -> Bool {
            isWord(before, Self.durationWords) || (isWord(before, Self.deWord) && isWord(before - 1, Self.moreLess))
        }

        /// An en or em dash.
        func isDash(_ k: Int) -> Bool {
            guard k >= 0 && k < tokens.count, tokens[k].kind == .symbol, tokens[k].end - tokens[k].start == 3 else {
                return false
            }
            let s = tokens[k].start
            return bytes[s] == 0xE2 && bytes[s + 1] == 0x80 && (bytes[s + 2] == 0x93 || bytes[s + 2] == 0x94)
        }

        /// Skips a unit sequence starting at `k` ("y / o", "years old", "-year-old", "años de edad") and returns the
        /// index after it.
        func skipUnit(from k: Int) -> Int {
            var k = k
            var steps = 0
            while k < tokens.count && steps < 6 && !(steps > 0 && tokens[k].startsLine) {
                guard isPunctuation(k, "-/.") || isWord(k, Self.unitSequenceWords) else { break }
                k += 1
                steps += 1
            }
            return k
        }

        /// Whether a unit starts at `k`: yo, y/o, y.o, yr(s), years old/young, year-old, años, añitos.
        func unitFollows(_ k: Int) -> Bool {
            guard k < tokens.count else { return false }
            var k = k
            if isPunctuation(k, "-") { k += 1 }
            guard let w = key(k) else { return false }
            if Self.shortUnits.contains(w) {
                // "17 años de experiencia": experience, not age; "años de edad" is age.
                if isWord(k + 1, Self.deWord), !isWord(k + 2, Self.edadWord) { return false }
                if isWord(k + 1, Self.afterYearsNotAge) { return false }
                return true
            }
            if w == Self.letterY {
                // "y/o", "y.o", "y o"
                return (isPunctuation(k + 1, "/.") && isWord(k + 2, Self.letterO)) || (isWord(k + 1, Self.letterO) && !tokens[k + 1].glued)
            }
            if Self.yearWords.contains(w) {
                var n = k + 1
                if isPunctuation(n, "-") { n += 1 }
                return isWord(n, Self.oldYoung)
            }
            return false
        }

        /// "my 16-year-old son": the age of someone or something else.
        func ownerNounFollows(afterUnit k: Int) -> Bool {
            isWord(k, Self.ownerNouns)
        }

        /// Measures, times and money after a number: not an age.
        func endsInMeasure(_ k: Int) -> Bool {
            guard k < tokens.count else { return false }
            if isPunctuation(k, "%$'\":/x*") { return true }
            if isPunctuation(k, ".,"), tokens[k + 0].glued, k + 1 < tokens.count, tokens[k + 1].kind == .number,
                tokens[k + 1].glued
            {
                return true
            }
            if tokens[k].kind == .symbol {
                // ″ ’ ′ (feet and inches)
                let s = bytes[tokens[k].start..<tokens[k].end]
                if s.elementsEqual([0xE2, 0x80, 0xB3]) || s.elementsEqual([0xE2, 0x80, 0xB2]) || s.elementsEqual([0xE2, 0x80, 0x99]) {
                    return true
                }
            }
            return isWord(k, Self.measureWords)
        }

        enum AgeWord { case strong, turning, weak, none }

        /// The age-stating words just before a number.
        func ageWord(before k: Int) -> AgeWord {
            var k = k
            // "age: 17", "edad - 16"
            if isPunctuation(k, ":=#-"), isWord(k - 1, Self.ageLabelsAged) { return .strong }
            if isWord(k, Self.ageLabelsBefore) { return .strong }
            var softened = false
            if isWord(k, Self.softeners) {
                softened = true
                k -= 1
            }
            if isWord(k, Self.statingWords) { return .strong }
            if isWord(k, Self.amIs), isWord(k - 1, Self.iShe) { return .strong }
            if isWord(k, Self.turningWords) { return .turning }
            if isWord(k, Self.beWord), isWord(k - 1, Self.futureAuxiliaries) { return .turning }
            return softened ? .weak : .none
        }

        /// A name just before the number: "Jess, 16", "Ashley I7", "Tiff (17)", "hi im jess 16".
        func nameBefore(_ first: Int) -> (index: Int, parenthesised: Bool)? {
            var k = first - 1
            var parenthesised = false
            if isPunctuation(k, "(") {
                parenthesised = true
                k -= 1
            } else if isPunctuation(k, ",") {
                k -= 1
            }
            guard k >= 0, tokens[k].kind == .word, tokens[k].end - tokens[k].start >= 2, let name = key(k),
                !Self.notNames.contains(name)
            else { return nil }
            if isWord(k - 1, Self.introductions) {
                return (k, parenthesised)
            }
            // Capitalised as written: an ASCII capital, or a styled letter the poster chose (fullwidth, script).
            let offset = Int(offsets[tokens[k].start])
            guard offset < original.count else { return nil }
            let b = original[offset]
            return (b >= 65 && b <= 90) || b >= 0x80 ? (k, parenthesised) : nil
        }

        /// Whether token `k` starts the text, a line, a sentence or a title segment.
        func startsSentence(_ k: Int) -> Bool {
            if k == 0 || tokens[k].startsLine { return true }
            let previous = tokens[k - 1]
            if previous.kind == .symbol { return true }
            return isPunctuation(k - 1, ".!?|•*~")
        }

        /// Whether the phrase ends after the number: end of text or line, punctuation, an emoji, a title separator,
        /// or a word that goes on describing the person ("and", "new", "sweet" …).
        func endsPhrase(_ k: Int, sentenceStart: Bool) -> Bool {
            guard k < tokens.count, !tokens[k].startsLine else { return true }
            let token = tokens[k]
            switch token.kind {
            case .symbol:
                // An en or em dash must stand apart as a separator.
                let s = bytes[token.start..<token.end]
                if s.first == 0xE2, s.count == 3, s[s.startIndex + 1] == 0x80 { return !(k + 1 < tokens.count && tokens[k + 1].glued) || s.last == 0x94 || s.last == 0x93 }
                return true
            case .punctuation:
                let b = bytes[token.start]
                // A list of numbers ("25, 30 or 60", "16 & 17") is not one stated age.
                let numberFollows = k + 1 < tokens.count && tokens[k + 1].kind == .number
                if b == UInt8(ascii: "-") { return !token.glued || !(k + 1 < tokens.count && tokens[k + 1].glued) }
                if b == UInt8(ascii: "&") || b == UInt8(ascii: ",") { return !numberFollows }
                // "16." or "3)" opening a line is a numbered list.
                if sentenceStart { return "!;~*".utf8.contains(b) }
                return ".!;)|~*?".utf8.contains(b) && !numberFollows
            case .word:
                guard let w = key(k) else { return false }
                if Self.conjunctions.contains(w) {
                    return !(k + 1 < tokens.count && tokens[k + 1].kind == .number)
                }
                return !sentenceStart && Self.describingWords.contains(w)
            default:
                return false
            }
        }

        // MARK: Word lists

        static func set(_ words: [String]) -> Set<WordKey> { Set(words.compactMap(WordKey.init)) }

        // Word lists of the context checks, made once; each is compared as a ``WordKey``.
        /// "treinta y dos": the Spanish "and" inside a number.
        static let spanishAnd = set(["y"])
        /// Words that name an age in a site field ("Poster's age:", "Edad de la persona …:").
        static let ageLabels = set(["age", "edad"])
        /// "12 to 17", "8 a 13": the word between two ends of a range.
        static let rangeWords = set(["to", "a", "through", "thru"])
        /// Words between two numbers of a range or a choice ("16 or 17").
        static let rangeWordsOr = set(["to", "through", "thru", "a", "or"])
        /// "18 and over", "18 or older".
        static let andOr = set(["and", "or", "y", "o"])
        /// What makes "18 and …" a rule rather than an age.
        static let limitWords = set(["over", "up", "older", "above", "under", "younger", "below", "mas", "menos"])
        /// "18 plus".
        static let plusWord = set(["plus"])
        /// Words before a number that make it a rule or a range ("over 21", "ages 12-17", "must be 18" via be).
        static let ruleWords = set(["ages", "edades", "over", "under", "above", "least", "minimum", "min", "than", "are"])
        /// "be" in "must be 18" (a rule) or "will be 17" (turning).
        static let beWord = set(["be"])
        /// "will be 17", "gonna be 17": turning, not a rule.
        static let futureAuxiliariesWithContractions = set(["will", "gonna", "ill", "shell", "ll"])
        /// "age" in "minimum age 18".
        static let ageNoun = set(["age"])
        /// Words that make "age N" a rule ("minimum age 18", "over age 40").
        static let ruleAgeQualifiers = set(["minimum", "legal", "the", "min", "consent", "drinking", "retirement", "voting", "over", "under", "above", "be", "least"])
        /// Spanish "de": "más de 15 años" is a duration, "de 17 años" an age.
        static let deWord = set(["de"])
        /// "más/menos de N años": a duration.
        static let moreLess = set(["mas", "menos"])
        /// "años de edad": an age.
        static let edadWord = set(["edad"])
        /// Words after "N años/yrs" that make it experience or time, not age.
        static let afterYearsNotAge = set(["experience", "exp", "experiencia", "ago", "later", "in", "of", "en"])
        /// The "o" of "y/o".
        static let letterO = set(["o"])
        /// "years old", "years young".
        static let oldYoung = set(["old", "young", "oid"])
        /// Labels read with a colon or dash: "age: 17", "edad - 16".
        static let ageLabelsAged = set(["age", "edad", "aged"])
        /// Labels read directly: "age 16", "aged 17".
        static let ageLabelsBefore = set(["age", "aged", "edad"])
        /// "only 15", "just 16": believed for young ages only.
        static let softeners = set(["only", "just", "barely", "actually", "really", "solo", "apenas", "literally", "still"])
        /// Words that state the person's own age: "im 16", "soy … 17", "tengo 16", "she's 17".
        static let statingWords = set(["im", "soy", "tengo", "shes", "hes", "turned", "cumpli"])
        /// "am" and "is" after "I" or "she".
        static let amIs = set(["am", "is"])
        /// "I am", "she is".
        static let iShe = set(["i", "she"])
        /// "turning 17" (so 16), "cumplo 18" (so 17).
        static let turningWords = set(["turning", "cumplo"])
        /// "will be 17", "gonna be 17" (so 16).
        static let futureAuxiliaries = set(["will", "gonna", "ill", "shell"])
        /// Words that introduce a name: "hi im jess, 16", "soy Karla, dieciseis".
        static let introductions = set(["im", "its", "soy", "hi", "hey", "hello", "hola", "llamo", "is", "me", "called", "ask", "named"])

        static let shortUnits = set(["yo", "yrs", "yr", "anos", "anitos", "ans"])
        static let yearWords = set(["years", "year", "yrs"])
        static let letterY = WordKey("y")!
        static let gluedUnitBytes = Set(["yo", "y", "yr", "yrs", "yrsold", "yearsold", "yearold", "anos", "anitos", "ans"].map { Array($0.utf8) })
        static let unitSequenceWords = set([
            "yo", "yrs", "yr", "years", "year", "anos", "anitos", "ans", "old", "oid", "young", "de", "edad", "y", "o",
        ])
        static let durationWords = set([
            "for", "with", "over", "past", "last", "about", "almost", "nearly", "than", "after", "every", "per", "within",
            "in", "hace", "por", "durante", "con", "mas",
        ])
        static let ownerNouns = set([
            "son", "daughter", "kid", "kids", "child", "children", "boy", "boys", "brother", "sister", "nephew", "niece",
            "grandson", "granddaughter", "dog", "cat", "puppy", "horse", "car", "truck", "house", "home", "business",
            "company", "building", "tree", "hijo", "hija", "hermano", "hermana", "perro", "twins", "students", "student",
        ])
        static let measureWords = set([
            "ft", "feet", "foot", "inch", "inches", "lbs", "lb", "pounds", "kg", "kilos", "cm", "mm", "min", "mins",
            "minute", "minutes", "minutos", "hr", "hrs", "hour", "hours", "horas", "hora", "mi", "miles", "km", "blocks",
            "k", "am", "pm", "percent", "pct", "people", "persons", "guys", "men", "dollars", "dollar", "bucks", "roses",
            "rozes", "usd", "off", "times", "days", "day", "weeks", "week", "months", "month", "dias", "semanas",
            "meses", "cents", "oz", "gb", "mb", "mph", "seconds", "sec", "secs", "th", "st", "nd", "rd", "pieces",
            "pcs", "units", "items", "spots", "left", "available", "bedrooms", "bedroom", "bed", "beds", "bath",
            "baths", "sq", "sqft", "acres", "acre", "gallon", "gallons", "inch", "mins", "qv", "hh", "fh", "hhr",
            "donation", "donations", "special", "specials",
        ])
        /// Words that follow a stated age and go on describing the person.
        static let describingWords = set([
            "new", "sweet", "sexy", "hot", "here", "just", "looking", "lookin", "latina", "blonde", "brunette", "girl",
            "babe", "cutie", "curvy", "slim", "ready", "in", "from", "need", "needs", "bored", "lol", "tryna", "busca",
            "nueva", "nuevita", "im", "i", "with", "who", "hmu", "text", "call", "msg", "dm", "petite", "thick",
            "fun", "young", "fresh", "only", "real", "ebony", "asian", "redhead", "tiny", "cute", "pretty", "beautiful",
            "available", "avail", "lookn", "visiting", "and", "also", "yrs", "yo",
        ])
        static let conjunctions = set(["and", "n", "y", "e", "but", "pero", "plus", "an", "so"])
        /// Words a person describes herself with after "N and": "sixteen and shy", "18 and ready". Not words an
        /// object, a dish or a deal takes ("new", "sweet", "fresh", "thick"), so "room 16 and new carpet" and "rated 17
        /// and sweet deals" stay numbers.
        static let selfDescriptions = set([
            "shy", "sexy", "ready", "innocent", "curious", "single", "bored", "lonely", "cute", "petite", "naughty",
            "playful", "flirty", "pretty", "tiny", "legal", "eager", "horny", "timida", "traviesa", "solita",
            "inexperienced", "nervous", "sassy",
        ])
        /// Capitalised words that take a number without being a name.
        static let notNames = set([
            "exit", "room", "suite", "apt", "apartment", "unit", "lot", "size", "page", "route", "rt", "highway", "hwy",
            "interstate", "street", "st", "ave", "avenue", "road", "rd", "blvd", "channel", "model", "vol", "chapter",
            "section", "gate", "bus", "line", "bay", "dock", "floor", "level", "building", "bldg", "hall", "pier",
            "terminal", "ward", "district", "zone", "area", "code", "box", "po", "station", "platform", "track",
            "mile", "week", "day", "year", "month", "january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
            "sep", "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
            "sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "top", "best",
            "number", "no", "num", "grade", "class", "group", "team", "table", "seat", "row", "phase", "season",
            "episode", "ep", "part", "pt", "round", "game", "step", "stage", "version", "series", "gen", "category",
            "type", "tier", "under", "over", "about", "around", "approx", "call", "text", "dial", "ext", "up", "down",
            "only", "just", "age", "ages", "aged", "edad", "i", "im", "is", "am", "are", "be", "the", "a", "an", "and",
            "or", "of", "for", "at", "by", "on", "to", "from", "with", "in", "my", "your", "our", "her", "his", "their",
            "all", "any", "some", "every", "each", "last", "next", "first", "only", "than", "then", "now", "new",
            "open", "since", "until", "till", "til", "before", "after", "between", "ages", "kids", "children", "boys",
            "girls", "men", "women", "teens", "teenagers", "players", "members", "people", "adults", "seniors",
            "volunteers", "students", "pm", "am", "hh", "qv", "hr", "hrs", "hour", "hours", "fh", "ss", "bbbj",
            "special", "specials", "rate", "rates", "price", "prices", "only", "est", "since", "vip", "ft", "inch",
            "size", "sz", "us", "uk", "eu", "usd", "apt", "ste", "lane", "ln", "dr", "drive", "court", "ct", "way",
            "place", "pl", "circle", "cir", "parkway", "pkwy", "county", "cr", "fm", "sr", "us", "i", "via", "hotel",
            "motel", "inn", "spa", "studio", "mall", "plaza", "center", "centre", "tower", "towers", "north", "south",
            "east", "west", "posted", "updated", "id", "post", "ad", "ref", "reference", "item", "sku", "mls", "vin",
            "year", "years", "yrs", "old", "degrees", "pages", "level", "volume", "issue", "window", "windows",
            "iphone", "galaxy", "pixel", "xbox", "ps", "ipad", "mac", "note", "plus", "pro", "max", "mini",
            "incall", "incalls", "outcall", "outcalls", "session", "sessions", "massage", "quickie", "quick", "visit",
            "half", "full", "donation", "donations", "rose", "roses", "gfe", "car", "hhr", "min", "mins", "minutes",
            "sweet", "capacity", "seats", "sleeps", "fits", "holds",
        ])
        /// How far into a text a title can run.
        static let titleTokens = 80

        /// Words before " - 60" that make it a price, not a title's age.
        static let priceLabels = set([
            "incall", "incalls", "outcall", "outcalls", "hh", "qv", "hr", "hrs", "hour", "hours", "half", "min", "mins",
            "special", "specials", "rate", "rates", "roses", "rose", "donation", "donations", "car", "session", "fh",
            "hhr", "quickie", "price", "prices", "from", "only", "just", "visit", "massage", "call", "text", "exit",
            "room", "suite", "apt", "unit", "route", "highway", "hwy", "interstate",
        ])
    }
}
