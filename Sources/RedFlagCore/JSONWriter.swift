#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Appends JSON to a byte buffer by hand: scan lines keep the contract's field order and cost no Foundation round
/// trip per ad, and the audit chain's canonical event details are written by the same escaping rules.
///
/// Strings are escaped as RFC 8259 requires and no more: `"` and `\`, `\n`, `\r`, `\t`, and every other control
/// character (and DEL) as `\u00XX` with lower-case hex; everything else, `/` and non-ASCII included, is written as
/// it is.
///
/// ```swift
/// var w = JSONWriter()
/// w.raw("{\"id\":")
/// w.string("ad \"1\"")
/// w.raw("}")
/// // w.bytes is {"id":"ad \"1\""}
/// ```
public struct JSONWriter: Sendable {
    public var bytes: [UInt8] = []

    public init() {}

    /// Text known to be JSON already (punctuation, keys, literals).
    public mutating func raw(_ s: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    /// A JSON string literal of `s`, quotes included.
    public mutating func string(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        Self.appendEscaped(s, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    public mutating func optionalString(_ s: String?) {
        if let s { string(s) } else { raw("null") }
    }

    /// A JSON array of `items`, each written by `element`.
    public mutating func array<S: Sequence>(_ items: S, _ element: (inout JSONWriter, S.Element) -> Void) {
        raw("[")
        var first = true
        for item in items {
            if !first { raw(",") }
            first = false
            element(&self, item)
        }
        raw("]")
    }

    public mutating func int(_ n: Int) { bytes.append(contentsOf: Array(String(n).utf8)) }

    /// A finite double with up to 4 decimals (scores and weights); `null` for NaN or infinity.
    public mutating func double(_ d: Double) {
        guard d.isFinite else { return raw("null") }
        let rounded = (d * 10000).rounded() / 10000
        appendDropsPointZero(rounded.description)
    }

    /// Appends a number's text, without a trailing `.0` (trimmed from the bytes: trimming the string cost more than
    /// writing it).
    private mutating func appendDropsPointZero(_ text: String) {
        bytes.append(contentsOf: text.utf8)
        let n = bytes.count
        if n >= 2 && bytes[n - 2] == UInt8(ascii: ".") && bytes[n - 1] == UInt8(ascii: "0") { bytes.removeLast(2) }
    }

    /// A finite double written exactly (Swift's shortest round-trip form, `1` for `1.0`, as `JSONEncoder` writes
    /// it); `null` for NaN or infinity. For stored values a later run reads back, such as feature vectors.
    public mutating func exactDouble(_ d: Double) {
        guard d.isFinite else { return raw("null") }
        appendDropsPointZero(d.description)
    }

    /// A JSON object of `values` with its keys in UTF-8 byte order (what `JSONEncoder`'s `.sortedKeys` gives), each
    /// value written exactly.
    public mutating func sortedObject(_ values: [String: Double]) {
        raw("{")
        var first = true
        for (key, value) in values.sorted(by: { Self.utf8Precedes($0.key, $1.key) }) {
            if !first { raw(",") }
            first = false
            string(key)
            raw(":")
            exactDouble(value)
        }
        raw("}")
    }

    /// Whether `a` sorts before `b` by their UTF-8 bytes: `memcmp` over the strings' storage (a generic walk of two
    /// `UTF8View`s was most of the time of writing a feature vector).
    public static func utf8Precedes(_ a: String, _ b: String) -> Bool {
        let fast = a.utf8.withContiguousStorageIfAvailable { pa in
            b.utf8.withContiguousStorageIfAvailable { pb -> Bool in
                let common = min(pa.count, pb.count)
                let order = common == 0 ? 0 : memcmp(pa.baseAddress!, pb.baseAddress!, common)
                return order != 0 ? order < 0 : pa.count < pb.count
            }
        }
        if let fast, let result = fast { return result }
        return a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    /// The bytes written, as a string.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// `s` as a JSON string literal, quotes included.
    public static func quoted(_ s: String) -> String {
        var w = JSONWriter()
        w.string(s)
        return w.text
    }

    /// Appends the escaped UTF-8 of `s`, without quotes.
    static func appendEscaped(_ s: String, to bytes: inout [UInt8]) {
        let hex: StaticString = "0123456789abcdef"
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                bytes.append(92)
                bytes.append(b)
            case 10:
                bytes.append(92)
                bytes.append(UInt8(ascii: "n"))
            case 13:
                bytes.append(92)
                bytes.append(UInt8(ascii: "r"))
            case 9:
                bytes.append(92)
                bytes.append(UInt8(ascii: "t"))
            case 0..<32, 127:
                bytes.append(contentsOf: [92, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
                bytes.append(hex.utf8Start[Int(b >> 4)])
                bytes.append(hex.utf8Start[Int(b & 15)])
            default: bytes.append(b)
            }
        }
    }
}
