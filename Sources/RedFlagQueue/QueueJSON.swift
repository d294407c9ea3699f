public import Foundation

/// The JSON conventions of the queue's output: snake_case keys (declared on each type), sorted keys, RFC 3339 dates,
/// no escaped slashes.
public enum QueueJSON {
    /// An encoder for one-line JSON (JSONL and `--format json` lines).
    public static func encoder(pretty: Bool = false) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting =
            pretty ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted] : [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom(encodeDate)
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return encoder
    }

    /// A decoder matching ``encoder(pretty:)``.
    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom(decodeDate)
        return decoder
    }

    /// Encodes one value as a single line of UTF-8 JSON, without the newline.
    public static func line(_ value: some Encodable) throws -> String {
        String(decoding: try encoder().encode(value), as: UTF8.self)
    }

    @Sendable private static func encodeDate(_ date: Date, _ encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(RFC3339.string(from: date))
    }

    @Sendable private static func decodeDate(_ decoder: any Decoder) throws -> Date {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = parse(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an RFC 3339 time: \(text)")
        }
        return date
    }

    /// Parses the UTC form ``RFC3339`` writes (`YYYY-MM-DDTHH:MM:SS(.fff)Z`).
    static func parse(_ text: String) -> Date? {
        let digits = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= digits.count else { return nil }
            var n = 0
            for b in digits[range] {
                guard b >= 48 && b <= 57 else { return nil }
                n = n * 10 + Int(b - 48)
            }
            return n
        }
        guard digits.count >= 20, let y = number(0..<4), let mo = number(5..<7), let d = number(8..<10),
            let h = number(11..<13), let mi = number(14..<16), let s = number(17..<19), digits.last == UInt8(ascii: "Z")
        else { return nil }
        var millis = 0
        if digits.count > 20, digits[19] == UInt8(ascii: ".") {
            guard let fraction = number(20..<min(23, digits.count - 1)) else { return nil }
            millis = fraction * [1, 100, 10, 1][min(3, digits.count - 1 - 20)]
        }
        guard (1...12).contains(mo), (1...31).contains(d), h < 24, mi < 60, s < 61 else { return nil }
        // Days from the civil date (Howard Hinnant's algorithm), so the result is exact to the millisecond.
        let year = mo <= 2 ? y - 1 : y
        let era = (year >= 0 ? year : year - 399) / 400
        let yearOfEra = year - era * 400
        let dayOfYear = (153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = Int64(era * 146097 + dayOfEra - 719468)
        let seconds = days * 86400 + Int64(h * 3600 + mi * 60 + s)
        return RFC3339.date(milliseconds: seconds * 1000 + Int64(millis))
    }
}
