extension TextNormalizer.FoldTables.Builder {
    /// Enclosed and styled number blocks: `(first scalar, how many, value of the first)`, values counting up by one.
    ///
    /// Phone numbers in ads are written with these (`⑦⓪②`, `➐➋➌`) to dodge digit filters; numbers above 9 come out
    /// as their decimal digits (`⑩` → `10`), the way NFKC writes them.
    static let numberRuns: [(start: UInt32, count: UInt32, firstValue: UInt32)] = [
        (0x2460, 20, 1),  // ① … ⑳ circled
        (0x2474, 20, 1),  // ⑴ … ⒇ parenthesized
        (0x2488, 20, 1),  // ⒈ … ⒛ with full stop
        (0x24EA, 1, 0),  // ⓪
        (0x24EB, 10, 11),  // ⓫ … ⓴ negative circled
        (0x24F5, 10, 1),  // ⓵ … ⓾ double circled
        (0x24FF, 1, 0),  // ⓿
        (0x2776, 10, 1),  // ❶ … ❿ dingbat negative circled
        (0x2780, 10, 1),  // ➀ … ➉ dingbat circled sans-serif
        (0x278A, 10, 1),  // ➊ … ➓ dingbat negative circled sans-serif
        (0x3251, 15, 21),  // ㉑ … ㉟
        (0x32B1, 15, 36),  // ㊱ … ㊿
        (0x1F100, 1, 0),  // 🄀 digit zero full stop
        (0x1F101, 10, 0),  // 🄁 … 🄊 digit with comma
        (0x1F10B, 1, 0),  // 🄋 circled sans-serif zero
        (0x1F10C, 1, 0),  // 🄌 negative circled sans-serif zero
        (0x1F51F, 1, 10),  // 🔟 keycap ten
        (0x2080, 10, 0),  // ₀ … ₉ subscripts
        (0xFF10, 10, 0),  // ０ … ９ fullwidth
        (0x1FBF0, 10, 0),  // 🯰 … 🯹 segmented
    ]

    /// Superscript digits, scattered over Latin-1 and Superscripts and Subscripts.
    static let superscriptDigits = "⁰0 ¹1 ²2 ³3 ⁴4 ⁵5 ⁶6 ⁷7 ⁸8 ⁹9"

    /// Adds every styled digit and number fold.
    mutating func addDigitForms() {
        for run in Self.numberRuns {
            for index in 0..<run.count {
                add(run.start + index, String(run.firstValue + index), .styledDigit)
            }
        }
        add(pairs: Self.superscriptDigits, .styledDigit)
        // Mathematical digits: bold, double-struck, sans-serif, sans-serif bold, monospace; 0–9 each.
        for offset in UInt32(0)..<50 {
            add(0x1D7CE + offset, String(offset % 10), .styledDigit)
        }
        // Keycaps (digit + U+FE0F + U+20E3) are sequences, not scalars: ScalarPass folds them.
        // Other scripts' decimal digits (Arabic-Indic, Devanagari, …) fold through their numeric value there too.
    }
}
