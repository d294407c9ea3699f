/// RFC 4180 CSV as every RedFlag command writes it (`scan --format csv`, `queue list --format csv`).
///
/// A field is quoted when it holds a comma, a quote or a line break, with its quotes doubled. Records end with a
/// bare line feed (`\n`), not RFC 4180's CR LF: the scan's CSV has always ended lines so, it is what Unix tools
/// and every spreadsheet read, and one rule for every command means one parser for their output. Line breaks
/// inside a quoted field are kept as they were.
public enum CSV {
    /// One field, quoted when it must be.
    public static func field(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }) else { return s }
        var out = "\""
        for character in s {
            if character == "\"" { out += "\"\"" } else { out.append(character) }
        }
        return out + "\""
    }

    /// One record: the fields, comma-separated, and the line feed that ends it.
    public static func record(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\n"
    }
}
