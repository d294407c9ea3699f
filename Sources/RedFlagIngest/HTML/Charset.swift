/// Works out how an HTML page's bytes are encoded and turns them into UTF-8.
///
/// Order, as browsers do: a byte-order mark; the UTF-16 shape of the first bytes (`<\0`); the transport's
/// declaration (an HTTP `Content-Type` charset); a `<meta charset>` or `http-equiv` declaration in the first 4 KiB;
/// otherwise UTF-8 when the bytes are (mostly) valid UTF-8, else windows-1252, the web's legacy default. Labels
/// follow the WHATWG Encoding Standard: `iso-8859-1`, `latin1` and `us-ascii` mean windows-1252, and a page
/// that is readable as ASCII yet claims UTF-16 in a meta tag is UTF-8. A label the Encoding Standard does not
/// list is ignored, as browsers ignore it: UTF-7 above all (`+ADw-script+AD4-` would turn into markup that hides
/// text), the "replacement" encodings (ISO-2022-KR, HZ), UTF-32 and names nobody knows, so a valid UTF-8 page
/// with a misspelt label is still read as UTF-8.
enum Charset: Equatable {
    case utf8
    case utf16LE
    case utf16BE
    case windows1252
    /// Another legacy encoding of the Encoding Standard, by its iconv name; decoded with iconv.
    case other(String)

    var name: String {
        switch self {
        case .utf8: "utf-8"
        case .utf16LE: "utf-16le"
        case .utf16BE: "utf-16be"
        case .windows1252: "windows-1252"
        case .other(let label): label.lowercased()
        }
    }

    /// Maps a declared label to a charset; nil for an empty label or one the Encoding Standard does not list.
    static func fromLabel(_ raw: String, inMeta: Bool) -> Charset? {
        let label = raw.trimmingASCIIWhitespaceAndQuotes().lowercased()
        switch label {
        case "": return nil
        case "utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8", "unicode11utf8", "unicode20utf8": return .utf8
        case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "cp1252", "windows-1252",
            "x-cp1252", "us-ascii", "ascii", "ansi_x3.4-1968", "iso-ir-100", "cp819", "ibm819", "csisolatin1",
            "iso88591", "iso_8859-1:1987", "csascii", "us":
            return .windows1252
        case "utf-16", "utf-16le", "utf16", "unicode", "ucs-2", "csunicode", "iso-10646-ucs-2", "unicodefeff":
            return inMeta ? .utf8 : .utf16LE
        case "utf-16be", "unicodefffe":
            return inMeta ? .utf8 : .utf16BE
        default: return legacyLabels[label].map { .other($0) }
        }
    }

    /// The other legacy encodings of the WHATWG Encoding Standard by label, with the iconv name that decodes them.
    private static let legacyLabels: [String: String] = {
        var table: [String: String] = [:]
        func add(_ iconv: String, _ labels: [String]) { for label in labels { table[label] = iconv } }
        add("IBM866", ["866", "cp866", "csibm866", "ibm866"])
        for n in [2, 3, 4, 5, 6, 7, 8, 10, 13, 14, 15, 16] {
            add("ISO-8859-\(n)", ["iso-8859-\(n)", "iso8859-\(n)", "iso_8859-\(n)", "iso8859\(n)", "iso-ir-\(n)"])
        }
        add("ISO-8859-2", ["csisolatin2", "iso-ir-101", "l2", "latin2", "iso_8859-2:1987"])
        add("ISO-8859-5", ["csisolatincyrillic", "cyrillic", "iso-ir-144", "iso_8859-5:1988"])
        add("ISO-8859-7", ["csisolatingreek", "ecma-118", "elot_928", "greek", "greek8", "iso-ir-126", "sun_eu_greek"])
        add("ISO-8859-8", ["csisolatinhebrew", "hebrew", "iso-ir-138", "visual", "iso-8859-8-i", "csiso88598i", "logical"])
        add("ISO-8859-15", ["csisolatin9", "l9", "latin9"])
        add("KOI8-R", ["cskoi8r", "koi", "koi8", "koi8-r", "koi8_r"])
        add("KOI8-U", ["koi8-ru", "koi8-u"])
        add("MACINTOSH", ["csmacintosh", "mac", "macintosh", "x-mac-roman"])
        add("CP874", ["dos-874", "iso-8859-11", "iso8859-11", "iso885911", "tis-620", "windows-874"])
        for n in [1250, 1251, 1253, 1254, 1255, 1256, 1257, 1258] {
            add("CP\(n)", ["cp\(n)", "windows-\(n)", "x-cp\(n)"])
        }
        add("GB18030", ["chinese", "csgb2312", "csiso58gb231280", "gb2312", "gb_2312", "gb_2312-80", "gbk", "iso-ir-58",
            "x-gbk", "gb18030"])
        add("BIG5-HKSCS", ["big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5"])
        add("EUC-JP", ["cseucpkdfmtjapanese", "euc-jp", "x-euc-jp"])
        add("ISO-2022-JP", ["csiso2022jp", "iso-2022-jp"])
        add("CP932", ["csshiftjis", "ms932", "ms_kanji", "shift-jis", "shift_jis", "sjis", "windows-31j", "x-sjis"])
        add("CP949", ["cseuckr", "csksc56011987", "euc-kr", "iso-ir-149", "korean", "ks_c_5601-1987", "ks_c_5601-1989",
            "ksc5601", "ksc_5601", "windows-949"])
        return table
    }()

    /// Decides the charset of `bytes`; returns it with the length of a byte-order mark to skip.
    static func detect(_ bytes: UnsafeBufferPointer<UInt8>, transport: String?) -> (Charset, bomLength: Int) {
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { return (.utf8, 3) }
        if bytes.count >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE { return (.utf16LE, 2) }
        if bytes.count >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF { return (.utf16BE, 2) }
        if bytes.count >= 4 {
            if bytes[0] != 0 && bytes[1] == 0 && bytes[2] != 0 && bytes[3] == 0 { return (.utf16LE, 0) }
            if bytes[0] == 0 && bytes[1] != 0 && bytes[2] == 0 && bytes[3] != 0 { return (.utf16BE, 0) }
        }
        if let transport, let charset = fromLabel(transport, inMeta: false) { return (charset, 0) }
        if let declared = sniffMetaCharset(bytes), let charset = fromLabel(declared, inMeta: true) {
            return (charset, 0)
        }
        let stats = UTF8Stats(bytes)
        // Latin-1 text almost never forms valid multi-byte UTF-8 sequences: one valid sequence means UTF-8.
        if stats.invalid == 0 || stats.validMultibyte > 0 { return (.utf8, 0) }
        return (.windows1252, 0)
    }

    /// Finds `charset=` inside a `<meta …>` tag in the first 4 KiB (case-insensitive, ASCII only).
    static func sniffMetaCharset(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let limit = min(bytes.count, 4096)
        var i = 0
        while i + 5 < limit {
            // Look for "<meta" case-insensitively.
            if bytes[i] == UInt8(ascii: "<") && lower(bytes[i + 1]) == UInt8(ascii: "m")
                && lower(bytes[i + 2]) == UInt8(ascii: "e") && lower(bytes[i + 3]) == UInt8(ascii: "t")
                && lower(bytes[i + 4]) == UInt8(ascii: "a")
            {
                var j = i + 5
                let tagEnd = (j..<limit).first { bytes[$0] == UInt8(ascii: ">") } ?? limit
                let charsetWord = Array("charset".utf8)
                while j + charsetWord.count < tagEnd {
                    if (0..<charsetWord.count).allSatisfy({ lower(bytes[j + $0]) == charsetWord[$0] }) {
                        var k = j + charsetWord.count
                        while k < tagEnd && (bytes[k] == UInt8(ascii: " ")) { k += 1 }
                        if k < tagEnd && bytes[k] == UInt8(ascii: "=") {
                            k += 1
                            while k < tagEnd && (bytes[k] == UInt8(ascii: " ") || bytes[k] == UInt8(ascii: "\"")
                                || bytes[k] == UInt8(ascii: "'"))
                            {
                                k += 1
                            }
                            var e = k
                            while e < tagEnd, isLabelByte(bytes[e]) { e += 1 }
                            if e > k { return String(decoding: UnsafeBufferPointer(rebasing: bytes[k..<e]), as: UTF8.self) }
                        }
                    }
                    j += 1
                }
                i = tagEnd
            }
            i += 1
        }
        return nil
    }

    private static func lower(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b + 32 : b }
    private static func isLabelByte(_ b: UInt8) -> Bool {
        (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b == 45 || b == 95 || b == 46
            || b == 58
    }
}

/// Counts of valid multi-byte sequences and invalid bytes in a UTF-8 candidate, in one pass.
struct UTF8Stats {
    var validMultibyte = 0
    var invalid = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                i += 1
                continue
            }
            let length: Int
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: length = 0
            }
            if length == 0 || i + length > n || !(1..<length).allSatisfy({ bytes[i + $0] & 0xC0 == 0x80 }) {
                invalid += 1
                i += 1
            } else {
                validMultibyte += 1
                i += length
            }
        }
    }
}

/// windows-1252 → Unicode for bytes 0x80–0x9F (the rest is Latin-1, byte value = scalar value). Undefined bytes
/// (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to the C1 controls of the same value, as the WHATWG index does.
private let windows1252High: [UInt16] = [
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D,
    0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
    0x0153, 0x009D, 0x017E, 0x0178,
]

extension Charset {
    /// Decodes bytes in a charset Swift handles itself; nil for ``other(_:)``. The flag says whether invalid
    /// sequences were replaced with U+FFFD.
    func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> (String, repaired: Bool)? {
        switch self {
        case .utf8:
            if let valid = String(validating: bytes, as: UTF8.self) { return (valid, false) }
            return (String(decoding: bytes, as: UTF8.self), true)
        case .windows1252:
            return (Self.decodeWindows1252(bytes), false)
        case .utf16LE, .utf16BE:
            return Self.decodeUTF16(bytes, littleEndian: self == .utf16LE)
        case .other(let name):
            return IconvDecoder.decode(bytes, from: name)
        }
    }
}

extension String {
    func trimmingASCIIWhitespaceAndQuotes() -> String {
        let skip: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\"" || $0 == "'" }
        var s = Substring(self)
        while let f = s.first, skip(f) { s.removeFirst() }
        while let l = s.last, skip(l) { s.removeLast() }
        return String(s)
    }
}

extension Charset {
    /// Windows-1252 (and so ISO-8859-1, which HTML reads as it) to a string, written as UTF-8 straight into the
    /// string's storage: every byte is one scalar, ASCII as it is, the rest two or three UTF-8 bytes. Appending the
    /// scalars one at a time to a `String.UnicodeScalarView` cost a fifth of parsing such a page.
    /// UTF-16 bytes straight into a string's UTF-8 storage. Each unpaired surrogate becomes U+FFFD and a trailing odd
    /// byte is dropped, as `String(decoding:as: UTF16.self)` does (that, over an array of code units, took twelve
    /// times as long as parsing the page). `repaired` when anything was replaced or dropped, or the text holds
    /// U+FFFD already.
    static func decodeUTF16(_ bytes: UnsafeBufferPointer<UInt8>, littleEndian: Bool) -> (String, repaired: Bool) {
        let count = bytes.count / 2
        @inline(__always) func unit(_ i: Int) -> UInt32 {
            let a = UInt32(bytes[2 * i])
            let b = UInt32(bytes[2 * i + 1])
            return littleEndian ? (a | b << 8) : (a << 8 | b)
        }
        // Each unit gives at most 3 bytes of UTF-8 (a surrogate pair, two units, gives 4).
        var repaired = bytes.count % 2 != 0
        let string = String(unsafeUninitializedCapacity: count * 3) { out in
            var n = 0
            var i = 0
            while i < count {
                var value = unit(i)
                i += 1
                if value >= 0xD800 && value <= 0xDFFF {
                    if value <= 0xDBFF, i < count, case let low = unit(i), low >= 0xDC00 && low <= 0xDFFF {
                        value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                        i += 1
                    } else {
                        value = 0xFFFD
                        repaired = true
                    }
                }
                if value == 0xFFFD { repaired = true }
                appendUTF8(value, to: out, at: &n)
            }
            return n
        }
        return (string, repaired)
    }

    static func decodeWindows1252(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        @inline(__always) func scalar(_ b: UInt8) -> UInt32 {
            b >= 0x80 && b <= 0x9F ? UInt32(windows1252High[Int(b) - 0x80]) : UInt32(b)
        }
        var length = 0
        for b in bytes {
            let value = scalar(b)
            length += value < 0x80 ? 1 : value < 0x800 ? 2 : 3
        }
        return String(unsafeUninitializedCapacity: length) { out in
            var n = 0
            for b in bytes {
                appendUTF8(scalar(b), to: out, at: &n)
            }
            return n
        }
    }

    /// Writes the UTF-8 of scalar `value` at `out[n...]` and advances `n`; the caller sized `out` for it.
    @inline(__always)
    private static func appendUTF8(_ value: UInt32, to out: UnsafeMutableBufferPointer<UInt8>, at n: inout Int) {
        if value < 0x80 {
            out[n] = UInt8(value)
            n += 1
        } else if value < 0x800 {
            out[n] = UInt8(0xC0 | (value >> 6))
            out[n + 1] = UInt8(0x80 | (value & 0x3F))
            n += 2
        } else if value < 0x10000 {
            out[n] = UInt8(0xE0 | (value >> 12))
            out[n + 1] = UInt8(0x80 | ((value >> 6) & 0x3F))
            out[n + 2] = UInt8(0x80 | (value & 0x3F))
            n += 3
        } else {
            out[n] = UInt8(0xF0 | (value >> 18))
            out[n + 1] = UInt8(0x80 | ((value >> 12) & 0x3F))
            out[n + 2] = UInt8(0x80 | ((value >> 6) & 0x3F))
            out[n + 3] = UInt8(0x80 | (value & 0x3F))
            n += 4
        }
    }
}
