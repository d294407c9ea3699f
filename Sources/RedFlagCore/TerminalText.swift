/// Text that came from an ad or a person, made safe to print on a terminal.
///
/// Ads are written by people who may want to harm the reviewer's terminal: an escape sequence can move the cursor,
/// rewrite what is on screen, set the window title or, on some terminals, answer back as if typed. So every
/// control character is dropped (C0 and C1, DEL, escape sequences' ESC above all), and so are the bidirectional
/// overrides that can make text read other than it is. Tabs and newlines become spaces, unless `keepNewlines`
/// (where the text's own lines are shown: an ad's body); a carriage return is always dropped.
public enum TerminalText {
    /// `text` without control characters (see the type's description).
    public static func clean(_ text: String, keepNewlines: Bool = false) -> String {
        // Most text has nothing to drop: one pass to check, no copy.
        if !text.unicodeScalars.contains(where: needsCleaning) { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A, 0x09: out.append(keepNewlines ? scalar : " ")
            case 0x0D: continue
            case 0x00..<0x20, 0x7F, 0x80..<0xA0: continue
            case 0x202A...0x202E, 0x2066...0x2069: continue  // bidi overrides that can disguise text
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    private static func needsCleaning(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00..<0x20, 0x7F, 0x80..<0xA0, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
