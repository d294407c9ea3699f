extension TextNormalizer {
    /// What one non-ASCII scalar turns into: up to 8 UTF-8 bytes, and how it counts in the stats.
    ///
    /// Bytes are packed into an integer so a fold is a plain value: looking one up and writing it out never allocates.
    struct Fold: Sendable {
        /// How a fold is counted and when it applies.
        enum Kind: UInt8, Sendable {
            /// A look-alike or compatibility form of a Latin letter (`а`, `𝓎`, `Ⓐ`, `ℓ`, `ß`): counts as look-alike.
            case lookalikeLetter
            /// A compatibility form of a non-Latin letter (math `𝛌` → `λ`): a letter, but not a look-alike.
            case plainLetter
            /// A styled digit or number (`①`, `𝟕`, `⁷`, `⑩` → `10`).
            case styledDigit
            /// A symbol standing in for a letter (`€` → `e`), folded only next to a letter so `€150` stays a price.
            case contextualLetter
            /// Fullwidth punctuation and the like, folded to ASCII without counting.
            case symbol
        }

        /// The output's UTF-8 bytes, first byte in the lowest 8 bits.
        let packed: UInt64
        /// How many bytes of `packed` are output.
        let count: Int
        let kind: Kind

        init(_ output: String, kind: Kind) {
            var packed: UInt64 = 0
            var count = 0
            for byte in output.utf8 {
                precondition(count < 8, "fold output longer than 8 bytes: \(output)")
                packed |= UInt64(byte) << UInt64(8 * count)
                count += 1
            }
            self.packed = packed
            self.count = count
            self.kind = kind
        }
    }

    /// Unicode properties of a scalar packed in a byte, so hot paths test a bit instead of querying the library.
    enum ScalarBits {
        /// General category L*.
        static let letter: UInt8 = 1
        /// A letter whose lowercase mapping differs from it.
        static let lowercases: UInt8 = 2
        /// Counted as an emoji when kept (Emoji property, U+2000 and up, not `™`).
        static let emoji: UInt8 = 4
        /// Dropped: default-ignorable, format (Cf) or control (Cc).
        static let ignorable: UInt8 = 8
        /// General category Nd: a decimal digit of some script.
        static let decimal: UInt8 = 16
    }

    /// Every table-driven fold, built once per process.
    ///
    /// A dictionary keyed by scalar value plus a bit per 256-scalar block, so scalars from blocks with no entry
    /// (emoji, CJK, punctuation) skip the hash lookup.
    struct FoldTables: Sendable {
        static let shared = FoldTables()

        let folds: [UInt32: Fold]
        let blockMask: [UInt64]
        /// Canonical compositions of an ASCII letter with a following combining accent: `(mark << 8) | letter`.
        let compositions: [UInt32: UInt32]
        /// ``ScalarBits`` of every scalar below `cachedScalarLimit`, where ads spend most of their non-ASCII.
        ///
        /// The standard library's property lookups cost tens of nanoseconds each; punctuation, symbols and
        /// accented letters are common enough that they showed up as a fifth of the run time.
        let cachedBits: [UInt8]
        static let cachedScalarLimit: UInt32 = 0x3400

        init() {
            var builder = Builder()
            builder.addLetterForms()
            builder.addDigitForms()
            folds = builder.folds
            var mask = [UInt64](repeating: 0, count: (0x110000 >> 8) / 64)
            for key in builder.folds.keys {
                let block = Int(key >> 8)
                mask[block >> 6] |= 1 << UInt64(block & 63)
            }
            blockMask = mask
            compositions = Self.makeCompositions()
            cachedBits = (0..<Self.cachedScalarLimit).map { Self.computeBits($0) }
        }

        /// The Unicode properties the normalizer needs for `value`, as ``ScalarBits``.
        @inline(__always)
        func bits(_ value: UInt32) -> UInt8 {
            if value < Self.cachedScalarLimit { return cachedBits[Int(value)] }
            switch value {
            case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7A3: return ScalarBits.letter  // CJK, Hangul
            case 0x1F300...0x1FAFF: return ScalarBits.emoji
            default: return Self.computeBits(value)
            }
        }

        /// Asks the standard library for the properties behind ``ScalarBits``: the slow path `bits` caches.
        static func computeBits(_ value: UInt32) -> UInt8 {
            guard let scalar = Unicode.Scalar(value) else { return 0 }
            let properties = scalar.properties
            var bits: UInt8 = 0
            switch properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
                bits |= ScalarBits.letter
            case .decimalNumber:
                bits |= ScalarBits.decimal
            case .format, .control:
                bits |= ScalarBits.ignorable
            default:
                break
            }
            if properties.isDefaultIgnorableCodePoint { bits = ScalarBits.ignorable }
            if bits & ScalarBits.letter != 0 && properties.changesWhenLowercased { bits |= ScalarBits.lowercases }
            // © ® ™ are emoji by property but read as text marks in ads, so they are not counted.
            if value >= 0x2000 && value != 0x2122 && properties.isEmoji { bits |= ScalarBits.emoji }
            return bits
        }

        /// The fold for a non-ASCII scalar, if any table has one.
        @inline(__always)
        func fold(_ value: UInt32) -> Fold? {
            let block = Int(value >> 8)
            guard blockMask[block >> 6] & (1 << UInt64(block & 63)) != 0 else { return nil }
            return folds[value]
        }

        /// Accumulates entries; later additions never overwrite earlier ones, so hand-made entries win.
        struct Builder {
            var folds: [UInt32: Fold] = [:]

            mutating func add(_ value: UInt32, _ output: String, _ kind: Fold.Kind) {
                if folds[value] == nil { folds[value] = Fold(output, kind: kind) }
            }

            /// Adds entries written as `"аa ℓl ßss"`: each space-separated item is one source scalar then its output.
            mutating func add(pairs: String, _ kind: Fold.Kind) {
                for item in pairs.split(separator: " ") {
                    var scalars = item.unicodeScalars
                    let source = scalars.removeFirst()
                    add(source.value, String(scalars), kind)
                }
            }

            /// Adds `count` consecutive scalars from `start` that map to consecutive ASCII letters from `first`.
            mutating func add(run start: UInt32, count: UInt32, from first: Character, _ kind: Fold.Kind) {
                let base = first.asciiValue!
                for index in 0..<count {
                    add(start + index, String(UnicodeScalar(base + UInt8(index))), kind)
                }
            }
        }

        /// Builds ``compositions`` from a short list, since the standard library has no public NFC.
        private static func makeCompositions() -> [UInt32: UInt32] {
            // The accents Spanish, Portuguese and French text uses, typed as letter + combining mark.
            let table: [(mark: UInt32, pairs: String)] = [
                (0x300, "aà eè iì oò uù"),
                (0x301, "aá eé ií oó uú yý cć nń sś zź"),
                (0x302, "aâ eê iî oô uû"),
                (0x303, "aã nñ oõ"),
                (0x308, "aä eë iï oö uü yÿ"),
                (0x30A, "aå"),
                (0x327, "cç"),
            ]
            var result: [UInt32: UInt32] = [:]
            for (mark, pairs) in table {
                for item in pairs.split(separator: " ") {
                    let scalars = Array(item.unicodeScalars)
                    result[mark << 8 | scalars[0].value] = scalars[1].value
                }
            }
            return result
        }
    }
}

extension TextNormalizer.FoldTables.Builder {
    /// Cyrillic letters that render like Latin ones, in both cases.
    ///
    /// Beyond the exact homoglyphs (`а е о р с у х`), this includes the "faux Cyrillic" of fancy-text generators
    /// (`я`→r, `и`→n, `ш`→w, `в`→b, `н`→h, `т`→t): real Russian text is not matched by the Latin lexicon either way.
    static let cyrillic = """
        аa вb гr еe єe иn іi јj кk мm нh оo пn рp сc тt уy хx шw ьb яr ѕs ѵv ѡw ԁd ԛq ԝw үy һh ӏl \
        Аa Вb Еe Єe Иn Іi Јj Кk Мm Нh Оo Рp Сc Тt Уy Хx Шw Ьb Яr Ѕs Ѵv Ԁd Ԛq Ԝw Үy Һh Ӏl
        """

    /// Greek letters that render like Latin ones (`η`→n, `ι`→i, `ν`→v, `σ`→o as fancy-text generators use them).
    static let greek = """
        αa βb γy δd εe ηn ιi κk νv οo ρp σo τt υu χx ωw ϲc ϳj ϵe ϰk ϱp \
        Αa Βb Εe Ζz Ηh Ιi Κk Μm Νn Οo Ρp Τt Υy Χx ϒy Ϲc Ϳj
        """

    /// Latin variants without a compatibility mapping: small capitals, IPA forms, stroked letters, `ß`, `℮`.
    static let latinVariants = """
        ıi ȷj ɑa ɡg ɩi ᴀa ʙb ᴄc ᴅd ᴇe ꜰf ɢg ʜh ɪi ᴊj ᴋk ʟl ᴍm ɴn ᴏo ᴘp ʀr ꜱs ᴛt ᴜu ᴠv ᴡw ʏy ᴢz \
        đd Đd łl Łl øo Øo ħh ƒf ßss ẞss ℮e
        """

    /// Armenian letters that are pixel-identical to Latin ones.
    static let armenian = "օo սu ոn հh ցg զq"

    /// Compatibility letters whose NFKC form is plain Latin: modifiers, sub/superscripts, letterlike symbols,
    /// Roman numerals and ligatures (generated from the Unicode NFKC mappings, `™ ℠ ℡ № ℹ` left out on purpose).
    static let compatibility = """
        Ĳij ĳij ſs Ǉlj ǈlj ǉlj Ǌnj ǋnj ǌnj Ǳdz ǲdz ǳdz ʰh ʲj ʳr ʷw ʸy ˡl ˢs ˣx ᴬa ᴮb ᴰd ᴱe ᴳg ᴴh ᴵi ᴶj ᴷk ᴸl \
        ᴹm ᴺn ᴼo ᴾp ᴿr ᵀt ᵁu ᵂw ᵃa ᵇb ᵈd ᵉe ᵍg ᵏk ᵐm ᵒo ᵖp ᵗt ᵘu ᵛv ᵢi ᵣr ᵤu ᵥv ᶜc ᶠf ᶻz ⁱi ⁿn ₐa ₑe ₒo ₓx \
        ₕh ₖk ₗl ₘm ₙn ₚp ₛs ₜt ℂc ℊg ℋh ℌh ℍh ℎh ℐi ℑi ℒl ℓl ℕn ℙp ℚq ℛr ℜr ℝr ℤz ℨz Kk ℬb ℭc ℯe ℰe ℱf ℳm ℴo \
        ⅅd ⅆd ⅇe ⅈi ⅉj Ⅰi Ⅱii Ⅲiii Ⅳiv Ⅴv Ⅵvi Ⅶvii Ⅷviii Ⅸix Ⅹx Ⅺxi Ⅻxii Ⅼl Ⅽc Ⅾd Ⅿm ⅰi ⅱii ⅲiii ⅳiv ⅴv ⅵvi \
        ⅶvii ⅷviii ⅸix ⅹx ⅺxi ⅻxii ⅼl ⅽc ⅾd ⅿm ⱼj ⱽv ꟲc ꟳf ꟴq ﬀff ﬁfi ﬂfl ﬃffi ﬄffl ﬅst ﬆst 𐞥q
        """

    /// Currency and math symbols used as letters (`s€xy`, `¢ute`, `∂addy`); `£` and `$` are not letters here.
    static let symbolLetters = "€e ¥y ¢c ∂d"

    /// The Greek letters of a mathematical-alphanumeric style block, in code point order (58 per style).
    static let mathGreek = Array("ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡϴΣΤΥΦΧΨΩ∇αβγδεζηθικλμνξοπρςστυφχψω∂ϵϑϰϕϱϖ".unicodeScalars)

    /// Adds every letter fold: hand lists first (they win), then the arithmetic blocks.
    mutating func addLetterForms() {
        add(pairs: Self.cyrillic, .lookalikeLetter)
        add(pairs: Self.greek, .lookalikeLetter)
        add(pairs: Self.latinVariants, .lookalikeLetter)
        add(pairs: Self.armenian, .lookalikeLetter)
        add(pairs: Self.compatibility, .lookalikeLetter)
        add(pairs: Self.symbolLetters, .contextualLetter)
        add(0x212B, "å", .plainLetter)  // ANGSTROM SIGN is a compatibility Å, which keeps its ring.
        add(0x2126, "ω", .plainLetter)  // OHM SIGN is a compatibility Ω.

        // Fullwidth ASCII: letters, then the punctuation block around them (digits live in DigitForms).
        add(run: 0xFF21, count: 26, from: "a", .lookalikeLetter)
        add(run: 0xFF41, count: 26, from: "a", .lookalikeLetter)
        for value in UInt32(0xFF01)...0xFF5E where folds[value] == nil {
            let ascii = UInt8(value - 0xFF01 + 0x21)
            if !(0x30...0x39).contains(ascii) { add(value, String(UnicodeScalar(ascii)), .symbol) }
        }

        // Enclosed letters: parenthesized ⒜, circled Ⓐ ⓐ, and the supplement's 🄐 🄰 🅐 🅰.
        add(run: 0x249C, count: 26, from: "a", .lookalikeLetter)
        add(run: 0x24B6, count: 26, from: "a", .lookalikeLetter)
        add(run: 0x24D0, count: 26, from: "a", .lookalikeLetter)
        for start: UInt32 in [0x1F110, 0x1F130, 0x1F150, 0x1F170] {
            add(run: start, count: 26, from: "a", .lookalikeLetter)
        }

        // Mathematical alphanumerics: 13 Latin styles of 52 letters (A–Z then a–z). The holes in that range are
        // unassigned (their letters live in Letterlike Symbols), so mapping them too is harmless.
        for offset in UInt32(0)..<(13 * 52) {
            let letter = UInt8(0x61 + offset % 52 % 26)
            add(0x1D400 + offset, String(UnicodeScalar(letter)), .lookalikeLetter)
        }
        add(0x1D6A4, "i", .lookalikeLetter)  // MATHEMATICAL ITALIC SMALL DOTLESS I
        add(0x1D6A5, "j", .lookalikeLetter)  // MATHEMATICAL ITALIC SMALL DOTLESS J

        // Mathematical Greek: 5 styles of 58. Fold through the Greek look-alikes where one exists, else to the
        // plain lowercase Greek letter; the ∇ and ∂ operators stay as they are.
        for offset in UInt32(0)..<(5 * 58) {
            let greek = Self.mathGreek[Int(offset % 58)]
            if greek == "∇" || greek == "∂" { continue }
            if let lookalike = folds[greek.value], lookalike.kind == .lookalikeLetter {
                folds[0x1D6A8 + offset] = lookalike
            } else {
                add(0x1D6A8 + offset, greek.properties.lowercaseMapping, .plainLetter)
            }
        }
    }
}
