import RedFlagFeatures
import Testing
import RedFlagContract

/// Normalizes in the lexicon view and returns the text.
private func words(_ text: String) -> String {
    TextNormalizer(mode: .words).normalize(text).text
}

/// Normalizes in the extraction view and returns the text.
private func entities(_ text: String) -> String {
    TextNormalizer(mode: .entities).normalize(text).text
}

/// The original text that a normalized byte range maps back to.
private func source(of range: Range<Int>, in result: MatchingText, original: String) -> String {
    let mapped = result.sourceRange(of: range)
    return String(decoding: Array(original.utf8)[mapped], as: UTF8.self)
}

/// Whether `bytes` is well-formed UTF-8, checked with the standard library's decoder.
private func isValidUTF8(_ bytes: [UInt8]) -> Bool {
    var iterator = bytes.makeIterator()
    var decoder = UTF8()
    while true {
        switch decoder.decode(&iterator) {
        case .scalarValue: continue
        case .emptyInput: return true
        case .error: return false
        }
    }
}

@Suite("Look-alike letters")
struct NormalizerLookalikeLetterTests {
    @Test("Greek and letterlike capitals read as Latin")
    func greekAndLetterlike() {
        #expect(words("Οη℮ Οf A ΚιηD") == "one of a kind")
        #expect(entities("Οη℮ Οf A ΚιηD") == "one of a kind")
    }

    @Test("Mathematical alphanumerics fold in every style")
    func mathematicalAlphanumerics() {
        #expect(words("𝓎𝑜𝓊𝓃𝑔") == "young")
        #expect(words("𝐘𝐎𝐔𝐍𝐆 𝕪𝕠𝕦𝕟𝕘 𝔶𝔬𝔲𝔫𝔤 𝚢𝚘𝚞𝚗𝚐 𝙮𝙤𝙪𝙣𝙜") == "young young young young young")
        // Math Greek goes through the Greek look-alikes (𝛂 → α → a) or to plain Greek (𝛌 → λ).
        #expect(words("𝛂𝛌") == "aλ")
    }

    @Test("Fullwidth and enclosed letters fold")
    func fullwidthAndEnclosed() {
        #expect(words("ｙｏｕｎｇ") == "young")
        #expect(words("ＹＯＵＮＧ") == "young")
        #expect(words("Ⓨⓞⓤⓝⓖ") == "young")
        #expect(words("🅨🅞🅤🅝🅖") == "young")
        #expect(words("🆈🅾🆄🅽🅶") == "young")
        #expect(words("⒴⒪⒰⒩⒢") == "young")
    }

    @Test("Cyrillic, small capitals and compatibility letters fold")
    func cyrillicSmallCapsCompatibility() {
        #expect(words("sеху") == "sexy")  // Cyrillic е х у
        #expect(words("ТЕЕN") == "teen")  // Cyrillic Т Е Е
        #expect(words("ʏᴏᴜɴɢ") == "young")
        #expect(words("ﬁne ℓove ℎot ᵗᵉᵉⁿ") == "fine love hot teen")
        #expect(entities("Ⅷ ⅻ") == "viii xii")
    }

    @Test("Symbols used as letters fold only next to letters")
    func contextualSymbols() {
        #expect(words("s€xy ¥oung ¢ute") == "sexy young cute")
        #expect(words("€150 or 150€, £50, ¥2000") == "€150 or 150€, £50, ¥2000")
        #expect(entities("€150") == "€150")
    }

    @Test("Stroked letters and sharp s fold; accented letters stay, lowercased")
    func strokesAndDiacritics() {
        #expect(words("Straße ØRE đuro łódź") == "strasse ore duro lódź")
        #expect(words("NIÑA Bonita, ÉL está AQUÍ") == "niña bonita, él está aquí")
    }

    @Test("A typed accent composes onto its letter")
    func decomposedAccents() {
        #expect(words("nin\u{303}a cafe\u{301}") == "niña café")
        #expect(words("NIN\u{303}A") == "niña")
    }

    @Test("Lone regional indicators are letters; a pair is a flag emoji")
    func regionalIndicators() {
        let spelled = TextNormalizer().normalize("🇾\u{200B}🇴\u{200B}🇺")
        #expect(spelled.text == "you")
        #expect(spelled.stats.lookalikeLetters == 3)
        let flag = TextNormalizer().normalize("🇺🇸 girl")
        #expect(flag.text == "🇺🇸 girl")
        #expect(flag.stats.emoji == 1)
    }

    @Test("Look-alikes are counted against all letters")
    func lookalikeStats() {
        let result = TextNormalizer().normalize("Οη℮ Οf A ΚιηD")
        #expect(result.stats.letters == 10)
        #expect(result.stats.lookalikeLetters == 7)
    }
}

@Suite("Fold tables against Unicode names")
struct NormalizerFoldTableNameTests {
    /// The value a Unicode number name spells after `DIGIT` or `NUMBER` (`CIRCLED NUMBER TEN` → 10).
    static let numberWords = [
        "ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE", "TEN", "ELEVEN", "TWELVE",
        "THIRTEEN", "FOURTEEN", "FIFTEEN", "SIXTEEN", "SEVENTEEN", "EIGHTEEN", "NINETEEN", "TWENTY",
    ]

    @Test("Math, fullwidth and enclosed Latin letters fold to the letter their name ends with")
    func letters() {
        let blocks: [ClosedRange<UInt32>] = [
            0x1D400...0x1D6A3, 0xFF21...0xFF3A, 0xFF41...0xFF5A, 0x249C...0x24E9, 0x1F110...0x1F129,
            0x1F130...0x1F149, 0x1F150...0x1F169, 0x1F170...0x1F189,
        ]
        var checked = 0
        for block in blocks {
            for value in block {
                // Unassigned holes (their letters live in Letterlike Symbols) have no name.
                guard let scalar = Unicode.Scalar(value), let name = scalar.properties.name else { continue }
                let letter = name.split(separator: " ").last!.lowercased()
                #expect(entities(String(scalar)) == letter, "\(name)")
                checked += 1
            }
        }
        #expect(checked == 652 + 52 + 78 + 104)
    }

    @Test("Math, fullwidth, circled and dingbat digits fold to the number their name spells")
    func digits() {
        let blocks: [ClosedRange<UInt32>] = [0x1D7CE...0x1D7FF, 0xFF10...0xFF19, 0x2460...0x249B, 0x24EA...0x24FF,
            0x2776...0x2793]
        var checked = 0
        for block in blocks {
            for value in block {
                guard let scalar = Unicode.Scalar(value), let name = scalar.properties.name else { continue }
                let words = name.split(separator: " ")
                guard let marker = words.firstIndex(where: { $0 == "DIGIT" || $0 == "NUMBER" }),
                    let number = Self.numberWords.firstIndex(of: String(words[marker + 1]))
                else {
                    Issue.record("unexpected name \(name)")
                    continue
                }
                #expect(entities(String(scalar)) == String(number), "\(name)")
                checked += 1
            }
        }
        #expect(checked == 50 + 10 + 60 + 22 + 30)
    }

    @Test("No scalar comes out with an ASCII capital, and every output is valid UTF-8")
    func everyScalarAlone() {
        let normalizer = TextNormalizer(mode: .entities)
        var output = MatchingText()
        for value in UInt32(0)...0x1FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            normalizer.normalize(String(scalar), into: &output)
            #expect(!output.bytes.contains { $0 &- 0x41 < 26 }, "U+\(String(value, radix: 16))")
            #expect(isValidUTF8(output.bytes), "U+\(String(value, radix: 16))")
        }
    }
}

@Suite("Styled digits")
struct NormalizerStyledDigitTests {
    @Test("Keycap sequences fold to their digit")
    func keycaps() {
        let result = TextNormalizer().normalize("7️⃣0️⃣2️⃣")
        #expect(result.text == "702")
        #expect(result.stats.styledDigits == 3)
        #expect(result.stats.zeroWidth == 0)
        #expect(words("7⃣0⃣") == "70")  // without the emoji selector
        #expect(words("#️⃣1") == "#1")
        #expect(entities("call 7️⃣0️⃣2️⃣-5️⃣5️⃣5️⃣") == "call 702-555")
    }

    @Test("Circled, dingbat, parenthesized and full-stop digits fold")
    func enclosedNumbers() {
        #expect(words("①②③") == "123")
        #expect(words("⑩⑳") == "1020")
        #expect(words("➊➋ ➀➁ ❶ ⓿ ⑴⑵ ⒈⒉ ㉑") == "12 12 1 0 12 12 21")
        #expect(words("🔟") == "10")
    }

    @Test("Math, fullwidth, superscript, subscript and other scripts' digits fold")
    func otherDigitForms() {
        #expect(words("𝟎𝟗𝟕 𝟙𝟠") == "097 18")
        #expect(words("０７０２") == "0702")
        #expect(words("¹²³⁴ ₅₆") == "1234 56")
        #expect(entities("٧٠٢ ७०२") == "702 702")
        let result = TextNormalizer().normalize("①𝟐³")
        #expect(result.stats.styledDigits == 3)
    }
}

@Suite("Zero-width, format characters and emoji")
struct NormalizerInvisibleAndEmojiTests {
    @Test("Zero-width and format characters are dropped and counted")
    func zeroWidth() {
        let result = TextNormalizer().normalize("y\u{200B}o\u{200C}u\u{200D}n\u{FEFF}g\u{00AD}\u{2060}\u{034F}")
        #expect(result.text == "young")
        #expect(result.stats.zeroWidth == 7)
        #expect(words("\u{202E}abc\u{202C}\u{FE0E}") == "abc")
    }

    @Test("Tag characters are dropped; skin tones are kept after their base but not counted")
    func emojiModifiers() {
        let kiss = TextNormalizer().normalize("💋🏽 hi 😘")
        #expect(kiss.text == "💋🏽 hi 😘")
        #expect(kiss.stats.emoji == 2)
        let england = TextNormalizer().normalize("🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}")
        #expect(england.text == "🏴")
        #expect(england.stats.zeroWidth == 6)
        #expect(england.stats.emoji == 1)
    }

    @Test("ZWJ sequences keep their pictographs and drop the joiners")
    func zwjSequences() {
        let couple = TextNormalizer().normalize("👩‍❤️‍👨")
        #expect(couple.text == "👩❤👨")
        #expect(couple.stats.emoji == 3)
        #expect(couple.stats.zeroWidth == 3)  // two joiners and the emoji selector
    }

    @Test("Strike-through, underline and stray combining marks are dropped")
    func combiningStyling() {
        #expect(words("y̶o̶u̶n̶g̶") == "young")
        #expect(words("\u{301}abc") == "abc")
    }

    @Test("Text symbols, CJK, RTL text and U+FFFD pass through")
    func passThrough() {
        #expect(words("Brand™ © 東京 שלום مرحبا \u{FFFD}") == "brand™ © 東京 שלום مرحبا \u{FFFD}")
        #expect(TextNormalizer().normalize("™©").stats.emoji == 0)
    }
}

@Suite("Lowercasing and whitespace")
struct NormalizerCaseAndWhitespaceTests {
    @Test("ASCII and Unicode text is lowercased")
    func lowercase() {
        #expect(words("HELLO World") == "hello world")
        #expect(words("ÀÉÎ ŹÓ ДОМ") == "àéî źó дom")  // Д has no look-alike; О and М do
    }

    @Test("Whitespace runs collapse to one space; newlines stay")
    func whitespace() {
        #expect(words("a \t  b") == "a b")
        #expect(words("ab\u{00A0}\u{2003}cd\u{3000}ef\u{2800}gh") == "ab cd ef gh")
        #expect(words("line1 \r\n  line2\n\nline3\rline4\u{2028}line5") == "line1\nline2\n\nline3\nline4\nline5")
        #expect(entities("  lead and trail  ") == " lead and trail ")
    }
}

@Suite("Leetspeak inside words")
struct NormalizerLeetTests {
    @Test("Leet runs between letters fold")
    func folds() {
        #expect(words("n1neteen") == "nineteen")
        #expect(words("sevent33n") == "seventeen")
        #expect(words("t33n y0ung s3xy b@by cla$$y") == "teen young sexy baby classy")
        #expect(TextNormalizer().normalize("t33n b@by").stats.leetFolds == 3)
    }

    @Test("Digits without letters on both sides stay")
    func keepsNumbers() {
        #expect(words("18yo $150 5'4 34-24-36 2nite") == "18yo $150 5'4 34-24-36 2nite")
        #expect(words("l0v3") == "lov3")  // the trailing 3 has no letter after it
        #expect(words("ab12cd") == "ab12cd")  // 2 is not a leet digit, so the run is not all leet
        #expect(TextNormalizer().normalize("18yo $150").stats.leetFolds == 0)
    }

    @Test("Emails and URLs are left alone in both modes")
    func emailsAndURLs() {
        for text in ["s3xy@gmail.com", "jane.d0e@mail.com", "http://s3xy.com/t33n", "www.h0t.com", "ftp://b4by.net"] {
            #expect(words(text) == text)
            #expect(entities(text) == text)
        }
        #expect(words("Email S3XY@Gmail.com or s3xy") == "email s3xy@gmail.com or sexy")
    }

    @Test("Entities mode does no leet folding")
    func entitiesKeepLeet() {
        #expect(entities("s3xy n1neteen") == "s3xy n1neteen")
    }
}

@Suite("Stretched letters")
struct NormalizerStretchTests {
    @Test("Three or more identical letters become two")
    func squeezes() {
        #expect(words("youngggg") == "youngg")
        #expect(words("sooo heyyy Zzz") == "soo hey zz")
        // Letters words hardly ever double squeeze to one; others keep two.
        #expect(words("preguntaaaa babyyy sweeeet freeee hiii") == "pregunta baby sweet free hi")
        #expect(words("ññññ") == "ññ")
        #expect(words("t333n") == "teen")  // leet first, then squeezed
    }

    @Test("Two letters and digit runs are not squeezed; URLs are not touched")
    func leavesOthers() {
        #expect(words("good 1000 !!!") == "good 1000 !!!")
        #expect(words("www.sexxxy.com") == "www.sexxxy.com")
        #expect(entities("youngggg") == "youngggg")
    }
}

@Suite("Letter-spaced words")
struct NormalizerSpacedWordTests {
    @Test("Four or more single letters with one separator join")
    func joins() {
        #expect(words("y o u n g") == "young")
        #expect(words("t.e.e.n") == "teen")
        #expect(words("y-o-u-n-g") == "young")
        #expect(words("s*e*x*y") == "sexy")
        #expect(words("y_o_u_n_g") == "young")
        #expect(words("so Y  O  U  N  G!") == "so young!")
        let result = TextNormalizer().normalize("y o u n g and s.e.x.y")
        #expect(result.text == "young and sexy")
        #expect(result.stats.spacedWordsJoined == 2)
    }

    @Test("Joined letters are squeezed too")
    func joinsThenSqueezes() {
        #expect(words("s o o o o") == "soo")
    }

    @Test("Prose, initials and addresses are not joined")
    func leavesProse() {
        #expect(words("a b") == "a b")
        #expect(words("I a m") == "i a m")
        #expect(words("ab.c.d.e.f") == "ab.c.d.e.f")
        #expect(words("j.o.h.n@gmail.com") == "j.o.h.n@gmail.com")
        #expect(words("a b c d@x.com") == "a b c d@x.com")
        #expect(entities("y o u n g") == "y o u n g")
        #expect(TextNormalizer().normalize("a b c").stats.spacedWordsJoined == 0)
    }
}

@Suite("Offset map")
struct NormalizerOffsetMapTests {
    @Test("Each byte maps to the start of the scalar that produced it")
    func expansionsAndDrops() {
        #expect(TextNormalizer().normalize("Ａb").sourceOffsets == [0, 3, 4])
        #expect(TextNormalizer().normalize("⑩x").sourceOffsets == [0, 0, 3, 4])
        #expect(TextNormalizer().normalize("ß").sourceOffsets == [0, 0, 2])
        #expect(TextNormalizer().normalize("a\u{200B}b").sourceOffsets == [0, 4, 5])
        #expect(TextNormalizer().normalize("7️⃣!").sourceOffsets == [0, 7, 8])
        #expect(TextNormalizer().normalize("").sourceOffsets == [0])
    }

    @Test("A match maps back to exactly the original text it came from")
    func matchesMapBack() {
        let fancy = "hi 𝓎𝑜𝓊𝓃𝑔!"
        let folded = TextNormalizer().normalize(fancy)
        #expect(folded.text == "hi young!")
        #expect(source(of: 3..<8, in: folded, original: fancy) == "𝓎𝑜𝓊𝓃𝑔")

        let stretched = "heyyyy!"
        let squeezed = TextNormalizer().normalize(stretched)
        #expect(squeezed.text == "hey!")
        #expect(source(of: 0..<3, in: squeezed, original: stretched) == "heyyyy")

        let spaced = "so y o u n g."
        let joined = TextNormalizer().normalize(spaced)
        #expect(joined.text == "so young.")
        #expect(source(of: 3..<8, in: joined, original: spaced) == "y o u n g")

        let leet = "call me b@by"
        #expect(source(of: 8..<12, in: TextNormalizer().normalize(leet), original: leet) == "b@by")
    }

    @Test("A match ending inside an expansion extends to the end of the original scalar")
    func partialExpansion() {
        let result = TextNormalizer(mode: .entities).normalize("⑩0")
        #expect(result.text == "100")
        #expect(result.sourceRange(of: 0..<1) == 0..<3)
        #expect(result.sourceRange(of: 0..<2) == 0..<3)
        #expect(result.sourceRange(of: 1..<3) == 0..<4)
        #expect(result.sourceRange(of: 2..<2) == 3..<3)
    }

    /// Pieces that exercise every rule, including the awkward ones for UTF-8 and offsets.
    static let pieces: [String] = [
        "hello", "WORLD", " ", "  ", "\n", "\r\n", "\t", "\u{00A0}", "\u{3000}", ".", "-", "*", "_", "@", "$",
        "0", "1", "3", "4", "7", "18yo", "$150", "5'4", "s3xy", "n1neteen", "b@by", "y o u n g", "t.e.e.n",
        "youngggg", "Οη℮", "𝓎𝑜𝓊𝓃𝑔", "ｙｏｕｎｇ", "Ⓐ", "🅰", "🇺🇸", "🇾", "€", "¥", "ß", "Ⅷ", "ﬃ", "⑩", "⑳",
        "7️⃣", "#️⃣", "\u{20E3}", "\u{FE0F}", "①", "𝟕", "²", "٧", "\u{200B}", "\u{200D}", "\u{FEFF}", "\u{00AD}",
        "\u{E0067}", "\u{E007F}", "💋", "🏽", "👩‍❤️‍👨", "❤️", "✨", "\u{301}", "\u{303}", "\u{336}", "é",
        "É", "ñ", "İ", "Σ", "\u{FFFD}", "שלום", "مرحبا", "\u{202E}", "東京", "™", "©", "x@y.com", "http://a.b",
        "\u{0}", "\u{7F}", "\u{85}", "\u{2028}", "🔟", "ʏᴏᴜ",
    ]

    @Test("Offsets are valid boundaries, nondecreasing, end at the count; output is valid UTF-8", arguments: [
        TextNormalizer.Mode.words, .entities,
    ])
    func randomMixes(mode: TextNormalizer.Mode) {
        var generator = SeededSplitMix(seed: 20_240_601)
        let normalizer = TextNormalizer(mode: mode)
        var output = MatchingText()
        for _ in 0..<400 {
            var text = ""
            for _ in 0..<Int.random(in: 1...24, using: &generator) {
                text += Self.pieces.randomElement(using: &generator)!
            }
            normalizer.normalize(text, into: &output)
            let original = Array(text.utf8)
            let offsets = output.sourceOffsets
            #expect(offsets.count == output.bytes.count + 1, "\(text.debugDescription)")
            #expect(offsets.last == Int32(original.count), "\(text.debugDescription)")
            #expect(isValidUTF8(output.bytes), "\(text.debugDescription)")
            var previous: Int32 = 0
            for offset in offsets {
                #expect(offset >= previous, "\(text.debugDescription)")
                let index = Int(offset)
                #expect(index == original.count || original[index] & 0xC0 != 0x80, "\(text.debugDescription)")
                previous = offset
            }
            // Reusing the output must give what a fresh one gives.
            #expect(normalizer.normalize(text).bytes == output.bytes)
        }
    }

    @Test("Outputs longer than the input grow the buffers and stay correct")
    func growth() {
        let text = String(repeating: "Ⅷ", count: 2_000)
        let result = TextNormalizer(mode: .entities).normalize(text)
        #expect(result.text == String(repeating: "viii", count: 2_000))
        #expect(result.sourceOffsets.count == 8_001)
        #expect(result.sourceOffsets[4] == 3)
        #expect(result.sourceOffsets.last == 6_000)
    }

    @Test("Normalizing into the same MatchingText reuses its storage")
    func bufferReuse() {
        let text = String(repeating: "Hey Y O U N G s3xy 💋 ", count: 200)
        let normalizer = TextNormalizer()
        var output = MatchingText()
        normalizer.normalize(text, into: &output)
        let bytes = output.bytes.withUnsafeBufferPointer { $0.baseAddress }
        let offsets = output.sourceOffsets.withUnsafeBufferPointer { $0.baseAddress }
        normalizer.normalize("short", into: &output)
        #expect(output.text == "short")
        normalizer.normalize(text, into: &output)
        #expect(output.bytes.withUnsafeBufferPointer { $0.baseAddress } == bytes)
        #expect(output.sourceOffsets.withUnsafeBufferPointer { $0.baseAddress } == offsets)
    }
}

@Suite("Whole ads")
struct NormalizerWholeAdTests {
    @Test("An obfuscated ad reads as plain words, and its stats tell how it was hidden")
    func obfuscatedAd() {
        let ad = "𝐍𝐄𝐖 in town 💋🏽 Y O U N G s3xy n1neteen ｇｉｒｌ, text 7️⃣0️⃣2️⃣ s3xy@gmail.com sooo fun"
        let result = TextNormalizer().normalize(ad)
        #expect(result.text == "new in town 💋🏽 young sexy nineteen girl, text 702 s3xy@gmail.com soo fun")
        #expect(result.stats.lookalikeLetters == 7)
        #expect(result.stats.styledDigits == 3)
        #expect(result.stats.emoji == 1)
        #expect(result.stats.leetFolds == 2)
        #expect(result.stats.spacedWordsJoined == 1)

        let view = TextNormalizer(mode: .entities).normalize(ad)
        #expect(view.text == "new in town 💋🏽 y o u n g s3xy n1neteen girl, text 702 s3xy@gmail.com sooo fun")
    }
}
