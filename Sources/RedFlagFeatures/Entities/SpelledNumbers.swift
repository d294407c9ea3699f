/// Numbers 12–79 written as words, in English and Spanish, matched however they are spelled.
///
/// Keys are in canonical form (``canonical(_:)``): leet digits folded to letters, accents dropped, repeated letters
/// squeezed to one, hyphens and spaces removed. So "s1xteen", "siiixteen", "SIXTEEN", "dieciséis" and "dieciseis",
/// "twenty-five" and "twenty five", "treinta y dos" all meet their entry. Numbers under 12 are left out: they are
/// never a stated age that matters here, and "once" (Spanish 11) is an English word.
enum SpelledNumbers {
    static let table: [[UInt8]: Int] = {
        var words: [(String, Int)] = [
            ("twelve", 12), ("thirteen", 13), ("fourteen", 14), ("fifteen", 15), ("sixteen", 16),
            ("seventeen", 17), ("eighteen", 18), ("nineteen", 19),
            ("doce", 12), ("trece", 13), ("catorce", 14), ("quince", 15), ("dieciseis", 16), ("diezyseis", 16),
            ("diecisiete", 17), ("dieciocho", 18), ("diecinueve", 19), ("veinte", 20),
        ]
        let units = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
        for (tens, value) in [("twenty", 20), ("thirty", 30), ("forty", 40), ("fourty", 40), ("fifty", 50),
            ("sixty", 60), ("seventy", 70)]
        {
            words.append((tens, value))
            for (k, unit) in units.enumerated() { words.append((tens + unit, value + k + 1)) }
        }
        let unidades = ["uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve"]
        for (k, unit) in unidades.enumerated() { words.append(("veinti" + unit, 21 + k)) }
        words.append(("veintiun", 21))
        for (tens, value) in [("treinta", 30), ("cuarenta", 40), ("cincuenta", 50), ("sesenta", 60), ("setenta", 70)] {
            words.append((tens, value))
            for (k, unit) in unidades.enumerated() { words.append((tens + "y" + unit, value + k + 1)) }
        }
        var table: [[UInt8]: Int] = [:]
        for (word, value) in words { table[canonical(Array(word.utf8)[...])] = value }
        return table
    }()

    /// Digit words for glued forms such as "1six" (16).
    static let digitWords: [[UInt8]: Int] = {
        var table: [[UInt8]: Int] = [:]
        let english = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
        let spanish = ["cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve"]
        for (k, word) in english.enumerated() { table[canonical(Array(word.utf8)[...])] = k }
        for (k, word) in spanish.enumerated() { table[canonical(Array(word.utf8)[...])] = k }
        return table
    }()

    /// The value of `bytes` if it spells a number 12–79.
    static func value<C: Collection<UInt8>>(_ bytes: C) -> Int? { table[canonical(bytes)] }

    /// The first three bytes of ``canonical(_:)``, packed, without allocating; nil when there are fewer than three.
    static func prefixKey<C: Collection<UInt8>>(_ bytes: C) -> UInt32? {
        var key: UInt32 = 0
        var count = 0
        var last: UInt8 = 0
        var pendingAccent = false
        for b in bytes {
            guard let c = fold(b, pendingAccent: &pendingAccent) else { continue }
            if count > 0 && c == last { continue }
            key = key << 8 | UInt32(c)
            last = c
            count += 1
            if count == 3 { return key }
        }
        return nil
    }

    /// ``prefixKey(_:)`` of every spelled number.
    static let prefixKeys: Set<UInt32> = Set(table.keys.compactMap { prefixKey($0) })

    /// Leet to letters (`0`→o, `1`/`l`→i, `3`→e, `4`/`@`→a, `5`/`$`→s, `7`→t), accented Latin letters to their base
    /// letter, hyphens, apostrophes and whitespace dropped, then runs of one letter squeezed to one.
    static func canonical<C: Collection<UInt8>>(_ bytes: C) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var pendingAccent = false
        for b in bytes {
            guard let c = fold(b, pendingAccent: &pendingAccent) else { continue }
            if out.last != c { out.append(c) }
        }
        return out
    }

    /// One byte of ``canonical(_:)`` before squeezing: its letter, or nil for a byte that carries none (separators,
    /// the 0xC3 lead byte of an accented letter, whose second byte `pendingAccent` then folds, other multi-byte
    /// scalars such as ’). Shared by ``canonical(_:)`` and ``prefixKey(_:)`` so the screen and the table agree.
    @inline(__always)
    private static func fold(_ b: UInt8, pendingAccent: inout Bool) -> UInt8? {
        if pendingAccent {
            pendingAccent = false
            return foldAccent(b)
        }
        switch b {
        case 0xC3:
            pendingAccent = true
            return nil
        case UInt8(ascii: "0"): return UInt8(ascii: "o")
        case UInt8(ascii: "1"), UInt8(ascii: "l"): return UInt8(ascii: "i")
        case UInt8(ascii: "3"): return UInt8(ascii: "e")
        case UInt8(ascii: "4"), UInt8(ascii: "@"): return UInt8(ascii: "a")
        case UInt8(ascii: "5"), UInt8(ascii: "$"): return UInt8(ascii: "s")
        case UInt8(ascii: "7"): return UInt8(ascii: "t")
        case UInt8(ascii: "-"), UInt8(ascii: " "), UInt8(ascii: "'"), 9, 10, 13: return nil
        case 0x80...: return nil
        default: return b
        }
    }

    /// The base letter of the accented Latin-1 letter whose UTF-8 second byte (after 0xC3) is `b`.
    static func foldAccent(_ b: UInt8) -> UInt8 {
        switch b {
        case 0xA0...0xA5, 0x80...0x85: UInt8(ascii: "a")
        case 0xA8...0xAB, 0x88...0x8B: UInt8(ascii: "e")
        case 0xAC...0xAF, 0x8C...0x8F: UInt8(ascii: "i")
        case 0xB2...0xB6, 0x92...0x96: UInt8(ascii: "o")
        case 0xB9...0xBC, 0x99...0x9C: UInt8(ascii: "u")
        case 0xB1, 0x91: UInt8(ascii: "n")
        default: b
        }
    }
}
