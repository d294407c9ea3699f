/// Derives from a PCRE2 pattern a set of lowercase literals such that every match contains at least one of them.
///
/// The prefilter runs a pattern's PCRE2 code only on texts that contain one of its required literals, so a set
/// returned here must be sound: a match without any of its literals is a missed ad. The analysis is the classic
/// RE2/Hyperscan prefilter: every node of the parsed pattern gets an *exact* set (all strings it can match, when that
/// set is small) and a *required* set (one of them is inside every match); concatenation multiplies exact sets and
/// otherwise keeps its best child, alternation unions, and anything not understood contributes nothing.
///
/// Patterns are taken as compiled with `PCRE2_CASELESS | PCRE2_UTF | PCRE2_UCP` and run on a ``TextNormalizer``
/// view, which is lowercase, holds no `ſ` or Kelvin sign (folded to `s` and `k`) and no whitespace but space and
/// newline. So `\s` reads as one of those two, which lets `no\s+cops` give `no ` rather than only `no`.
/// Caseless matching also pairs letters that are lowercase already, such as `σ` and `ς`, so a literal spelled with
/// such a letter comes with every spelling the view can hold.
public enum RequiredLiterals {
    /// Returns literals (lowercase, at least 2 UTF-8 bytes each) of which every match of `pattern` contains one, or
    /// nil when no such set can be derived and the pattern must always run.
    ///
    /// Two returned strings can be canonically equivalent yet differ in bytes (`é` and `e` + U+0301); callers must
    /// compare them by their UTF-8 bytes, not with `String` equality, which would merge them.
    public static func extract(from pattern: String) -> [String]? {
        var parser = Parser(pattern)
        guard let root = try? parser.parse() else { return nil }
        let analysis = Analysis(units: parser.units)
        guard let chosen = analysis.bestRequired(analysis.analyze(root)) else { return nil }
        let literals = Analysis.minimized(chosen.flatMap(analysis.spellings).map(Analysis.truncated))
        guard !literals.isEmpty, literals.allSatisfy({ $0.count >= 2 }) else { return nil }
        return literals.sorted { $0.lexicographicallyPrecedes($1) }.map { String(decoding: $0, as: UTF8.self) }
    }
}

extension RequiredLiterals {
    /// A literal as UTF-8 bytes; byte arrays rather than `String` so canonically equivalent spellings stay distinct.
    typealias LiteralBytes = [UInt8]

    /// A literal during the analysis: a sequence of units (see `UnitTable`).
    typealias UnitString = [UInt32]

    /// Interns the characters of a pattern as units: a unit below 0x110000 is a scalar that matches only itself in the
    /// lowercase text; from 0x110000 up, a unit stands for a set of spellings of one pattern character (`s`/`ſ`).
    ///
    /// Counting `s`-or-`ſ` as one unit keeps the caps on exact sets about the pattern's structure: spelled out,
    /// `m[aeiou]ssage` would already be 20 strings. The spellings are multiplied out only for the chosen literals.
    struct UnitTable {
        private var spellingSets: [[Unicode.Scalar]] = []
        private var index: [[UInt32]: UInt32] = [:]
        static let firstSetUnit: UInt32 = 0x110000

        /// The unit for a pattern character.
        mutating func unit(for c: Unicode.Scalar) -> UInt32 {
            let variants = CaseVariants.variants(of: c)
            if variants.count == 1 { return variants[0].value }
            let key = variants.map(\.value)
            if let unit = index[key] { return unit }
            let unit = Self.firstSetUnit + UInt32(spellingSets.count)
            spellingSets.append(variants)
            index[key] = unit
            return unit
        }

        /// The exact set of a single pattern character.
        mutating func character(_ c: Unicode.Scalar) -> Node {
            .character([[unit(for: c)]])
        }

        func spellings(of unit: UInt32) -> [Unicode.Scalar] {
            if unit < Self.firstSetUnit { return [Unicode.Scalar(unit) ?? "\u{FFFD}"] }
            return spellingSets[Int(unit - Self.firstSetUnit)]
        }

        /// UTF-8 length of the unit's shortest spelling.
        func minimumBytes(of unit: UInt32) -> Int {
            spellings(of: unit).lazy.map { UTF8.width($0) }.min() ?? 1
        }
    }

    /// The parsed pattern, reduced to what the literal analysis needs.
    indirect enum Node {
        /// Matches only the empty string: anchors, `\b`, lookarounds.
        case empty
        /// Matches exactly one character, one of these single-unit strings.
        case character(Set<UnitString>)
        /// Matches text the analysis does not model (a large class, `.`, a backreference, recursion): no information.
        case unknown
        case concatenation([Node])
        case alternation([Node])
        case repetition(Node, min: Int, max: Int?)
    }

    /// The pattern is outside the supported syntax, or malformed; the whole pattern then yields nil.
    struct SyntaxError: Error {}

    /// Recursive-descent parser for the PCRE2 syntax lexicon authors write.
    ///
    /// Anything whose extent or meaning is uncertain throws rather than guesses: a misread boundary could turn the rest
    /// of the pattern into different literals, while a throw only costs the prefilter for that one pattern.
    struct Parser {
        private let scalars: [Unicode.Scalar]
        private var position = 0
        /// Inside `\Q…\E`, where every character is literal.
        private var quoting = false
        /// The class being parsed used `\Q` or `\E`, whose interplay with ranges is left unmodelled.
        private var classQuoted = false
        /// The units of the characters met so far.
        private(set) var units = UnitTable()

        /// Options that change how the pattern text itself is read. Case options are accepted and ignored: the whole
        /// pattern is read caselessly, and a `(?-i)` part matches a subset of what its caseless reading matches, so the
        /// caseless literals stay sound for it.
        struct Options {
            /// `(?x)`: white space and `#` comments outside classes are ignored.
            var extended = false
            /// `(?xx)`: in addition, space and tab inside classes are ignored.
            var extendedMore = false
        }

        /// A class larger than this many alternatives is treated as any character.
        static let classLimit = 16

        init(_ pattern: String) {
            scalars = Array(pattern.unicodeScalars)
        }

        mutating func parse() throws(SyntaxError) -> Node {
            skipStartOptions()
            var options = Options()
            let node = try parseAlternation(&options)
            guard position == scalars.count else { throw SyntaxError() }
            return node
        }

        // MARK: Structure

        private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
            let index = position + offset
            return index < scalars.count ? scalars[index] : nil
        }

        /// Skips leading `(*UTF)`, `(*UCP)`, `(*LIMIT_MATCH=…)` and the other start-of-pattern settings that do not
        /// change how the pattern reads or what it can match. Newline conventions (`(*CR)` …, which move where an
        /// extended-mode comment ends) and verbs such as `(*ACCEPT)` are not in the list and make `parseGroup` throw.
        private mutating func skipStartOptions() {
            let names: Set<String> = [
                "UTF", "UTF8", "UCP", "NOTEMPTY", "NOTEMPTY_ATSTART", "NO_AUTO_POSSESS", "NO_DOTSTAR_ANCHOR", "NO_JIT",
                "NO_START_OPT", "BSR_ANYCRLF", "BSR_UNICODE",
            ]
            let limits = ["LIMIT_HEAP=", "LIMIT_MATCH=", "LIMIT_DEPTH=", "LIMIT_RECURSION="]
            while peek() == "(" && peek(1) == "*" {
                guard let close = scalars[(position + 2)...].firstIndex(of: ")") else { return }
                var name = String.UnicodeScalarView()
                name.append(contentsOf: scalars[(position + 2)..<close])
                let text = String(name)
                let isLimit = limits.contains { prefix in
                    text.hasPrefix(prefix) && text.count > prefix.count
                        && text.dropFirst(prefix.count).allSatisfy { $0.isASCII && $0.isNumber }
                }
                guard names.contains(text) || isLimit else { return }
                position = close + 1
            }
        }

        /// Skips `(?#…)` comments and, under `(?x)`, white space and `#` comments.
        private mutating func skipIgnorable(_ options: Options) {
            while !quoting, let c = peek() {
                if c == "(" && peek(1) == "?" && peek(2) == "#" {
                    guard let close = scalars[position...].firstIndex(of: ")") else { return }
                    position = close + 1
                } else if options.extended && Self.isPatternWhiteSpace(c) {
                    position += 1
                } else if options.extended && c == "#" {
                    while let d = peek(), d != "\n" { position += 1 }
                } else {
                    return
                }
            }
        }

        private static func isPatternWhiteSpace(_ c: Unicode.Scalar) -> Bool {
            switch c.value {
            case 0x09...0x0D, 0x20, 0x85, 0x200E, 0x200F, 0x2028, 0x2029: return true
            default: return false
            }
        }

        private mutating func parseAlternation(_ options: inout Options) throws(SyntaxError) -> Node {
            var branches: [Node] = []
            var items: [Node] = []
            while true {
                skipIgnorable(options)
                guard let c = peek() else { break }
                let atom: Node?
                if quoting {
                    if c == "\\" && peek(1) == "E" {
                        position += 2
                        quoting = false
                        continue
                    }
                    position += 1
                    atom = units.character(c)
                } else {
                    if c == "|" {
                        position += 1
                        branches.append(.concatenation(items))
                        items = []
                        continue
                    }
                    if c == ")" { break }
                    if c == "*" || c == "+" || c == "?" { throw SyntaxError() }  // nothing to repeat
                    if c == "{", try braceQuantifier(consume: false) != nil { throw SyntaxError() }
                    atom = try parseAtom(&options)
                }
                guard let atom else { continue }
                items.append(try parseQuantifiers(atom, options))
            }
            branches.append(.concatenation(items))
            return branches.count == 1 ? branches[0] : .alternation(branches)
        }

        private mutating func parseQuantifiers(_ atom: Node, _ options: Options) throws(SyntaxError)
            -> Node
        {
            var node = atom
            while true {
                if quoting {
                    guard peek() == "\\" && peek(1) == "E" else { return node }
                    position += 2
                    quoting = false
                }
                skipIgnorable(options)
                guard let c = peek() else { return node }
                let bounds: (min: Int, max: Int?)
                switch c {
                case "*":
                    position += 1
                    bounds = (0, nil)
                case "+":
                    position += 1
                    bounds = (1, nil)
                case "?":
                    position += 1
                    bounds = (0, 1)
                case "{":
                    guard let quantifier = try braceQuantifier(consume: true) else { return node }
                    bounds = quantifier
                default:
                    return node
                }
                // A lazy or possessive suffix only narrows the matches; read it as part of the quantifier.
                if peek() == "+" || peek() == "?" { position += 1 }
                node = .repetition(node, min: bounds.min, max: bounds.max)
            }
        }

        /// Reads `{n}`, `{n,}` or `{n,m}` at the current `{`; nil when the brace is a literal. Forms that PCRE2
        /// versions read differently (`{,m}`, spaces inside) throw, since either reading could be the one in use.
        private mutating func braceQuantifier(consume: Bool) throws(SyntaxError) -> (min: Int, max: Int?)? {
            var index = position + 1
            func number() -> Int? {
                var value = 0
                var digits = 0
                while index < scalars.count, let digit = Self.digitValue(scalars[index], radix: 10) {
                    value = min(value * 10 + digit, 1_000_000)
                    digits += 1
                    index += 1
                }
                return digits > 0 ? value : nil
            }
            let ambiguous: Bool
            if let next = peek(1) {
                ambiguous = Self.digitValue(next, radix: 10) != nil || next == "," || Self.isPatternWhiteSpace(next)
            } else {
                ambiguous = false
            }
            guard let low = number() else {
                if ambiguous { throw SyntaxError() }
                return nil
            }
            var high: Int? = low
            if index < scalars.count && scalars[index] == "," {
                index += 1
                high = number()
            }
            guard index < scalars.count && scalars[index] == "}" else { throw SyntaxError() }
            guard low <= 65535, (high ?? low) <= 65535, (high ?? low) >= low else { throw SyntaxError() }
            if consume { position = index + 1 }
            return (low, high)
        }

        /// Parses one atom; nil for items that match nothing and take no quantifier (`(?i)`, `\E`).
        private mutating func parseAtom(_ options: inout Options) throws(SyntaxError) -> Node? {
            let c = scalars[position]
            position += 1
            switch c {
            case "(": return try parseGroup(&options)
            case "[": return try parseClass(options)
            case ".": return .unknown
            case "^", "$": return .empty
            case "\\": return try parseEscape()
            default: return units.character(c)
            }
        }

        /// Parses the rest of a group after its `(`.
        private mutating func parseGroup(_ options: inout Options) throws(SyntaxError) -> Node? {
            guard let first = peek() else { throw SyntaxError() }
            if first == "*" { throw SyntaxError() }  // verbs and alpha assertions
            guard first == "?" else { return try groupBody(options) }
            position += 1
            guard let kind = peek() else { throw SyntaxError() }
            switch kind {
            case ":", "|", ">":
                position += 1
                return try groupBody(options)
            case "=", "!":
                position += 1
                _ = try groupBody(options)
                return .empty
            case "<":
                if peek(1) == "=" || peek(1) == "!" {
                    position += 2
                    _ = try groupBody(options)
                    return .empty
                }
                position += 1
                try skipName(until: ">")
                return try groupBody(options)
            case "'":
                position += 1
                try skipName(until: "'")
                return try groupBody(options)
            case "P":
                let next = peek(1)
                position += 2
                switch next {
                case "<":
                    try skipName(until: ">")
                    return try groupBody(options)
                case "=", ">":
                    try skipName(until: ")")
                    return .unknown
                default:
                    throw SyntaxError()
                }
            case "&":
                position += 1
                try skipName(until: ")")
                return .unknown
            case "R":
                position += 1
                try expect(")")
                return .unknown
            case "+", "-", "0"..."9":
                if kind == "-", let next = peek(1), Self.digitValue(next, radix: 10) == nil {
                    return try parseOptionSetting(&options)
                }
                position += 1
                while let d = peek(), Self.digitValue(d, radix: 10) != nil { position += 1 }
                try expect(")")
                return .unknown
            default:
                return try parseOptionSetting(&options)
            }
        }

        /// Parses `(?flags)` (changing the enclosing group's options) or `(?flags:…)`.
        private mutating func parseOptionSetting(_ options: inout Options) throws(SyntaxError) -> Node? {
            var updated = options
            var negated = false
            var sawAny = false
            while let c = peek() {
                switch c {
                case ")":
                    position += 1
                    options = updated
                    return nil
                case ":":
                    position += 1
                    return try groupBody(updated)
                case "-":
                    guard !negated else { throw SyntaxError() }
                    negated = true
                    position += 1
                case "^":
                    guard !sawAny else { throw SyntaxError() }
                    updated = Options()
                    position += 1
                case "x":
                    var run = 0
                    while peek() == "x" {
                        run += 1
                        position += 1
                    }
                    updated.extended = !negated
                    updated.extendedMore = !negated && run >= 2
                case "i", "m", "n", "s", "J", "U", "r", "a", "D", "S", "W", "P", "T":
                    position += 1
                default:
                    throw SyntaxError()
                }
                sawAny = true
            }
            throw SyntaxError()
        }

        private mutating func groupBody(_ options: Options) throws(SyntaxError) -> Node {
            var inner = options
            let node = try parseAlternation(&inner)
            try expect(")")
            return node
        }

        private mutating func expect(_ c: Unicode.Scalar) throws(SyntaxError) {
            guard !quoting, peek() == c else { throw SyntaxError() }
            position += 1
        }

        /// Skips a group or reference name up to and including `terminator`.
        private mutating func skipName(until terminator: Unicode.Scalar) throws(SyntaxError) {
            let start = position
            while let c = peek(), c != terminator {
                guard c == "_" || c.properties.isAlphabetic || c.properties.numericType != nil else {
                    throw SyntaxError()
                }
                position += 1
            }
            guard position > start, peek() == terminator else { throw SyntaxError() }
            position += 1
        }

        // MARK: Escapes

        /// Parses an escape outside a class, after its backslash.
        private mutating func parseEscape() throws(SyntaxError) -> Node? {
            guard let c = peek() else { throw SyntaxError() }
            position += 1
            switch c {
            case "b", "B", "A", "z", "Z", "G":
                return .empty
            case "s":
                // The views' only whitespace (see the type's documentation).
                return .alternation([units.character(" "), units.character("\n")])
            case "d", "D", "S", "w", "W", "h", "H", "v", "V", "C", "X", "R":
                return .unknown
            case "N":
                guard peek() == "{" else { return .unknown }
                return units.character(try parseNamedCharacter())
            case "p", "P":
                try skipPropertyName()
                return .unknown
            case "Q":
                quoting = true
                return nil
            case "E":
                return nil
            case "K":
                throw SyntaxError()  // the reported match would start after text the analysis counted
            case "1"..."9":
                // A backreference or, past the number of groups, an octal escape; any text covers both readings.
                while let d = peek(), Self.digitValue(d, radix: 10) != nil { position += 1 }
                return .unknown
            case "g":
                try skipReference(allowBareNumber: true)
                return .unknown
            case "k":
                try skipReference(allowBareNumber: false)
                return .unknown
            default:
                return units.character(try parseCharacterEscape(c, inClass: false))
            }
        }

        /// Parses an escape that stands for one character (`\n`, `\x{…}`, `\.`), after the letter `c` was consumed.
        private mutating func parseCharacterEscape(_ c: Unicode.Scalar, inClass: Bool) throws(SyntaxError)
            -> Unicode.Scalar
        {
            switch c {
            case "a": return "\u{07}"
            case "e": return "\u{1B}"
            case "f": return "\u{0C}"
            case "n": return "\n"
            case "r": return "\r"
            case "t": return "\t"
            case "b" where inClass: return "\u{08}"
            case "x":
                if peek() == "{" {
                    position += 1
                    return try scalarValue(try readDigits(radix: 16, max: 8, terminator: "}"))
                }
                var value = 0
                var count = 0
                while count < 2, let d = peek(), let digit = Self.digitValue(d, radix: 16) {
                    value = value * 16 + digit
                    count += 1
                    position += 1
                }
                return try scalarValue(value)
            case "o":
                guard peek() == "{" else { throw SyntaxError() }
                position += 1
                return try scalarValue(try readDigits(radix: 8, max: 11, terminator: "}"))
            case "0"..."7" where inClass || c == "0":
                var value = Self.digitValue(c, radix: 8) ?? 0
                var count = 1
                while count < 3, let d = peek(), let digit = Self.digitValue(d, radix: 8) {
                    value = value * 8 + digit
                    count += 1
                    position += 1
                }
                return try scalarValue(value)
            case "c":
                guard let control = peek(), control.value >= 0x20, control.value < 0x7F else {
                    throw SyntaxError()
                }
                position += 1
                let upper = control.value >= 0x61 && control.value <= 0x7A ? control.value - 0x20 : control.value
                return try scalarValue(Int(upper ^ 0x40))
            default:
                // Any other letter or digit is an error or a feature not handled here; punctuation stands for itself.
                if c.value < 0x80 && (c.properties.isAlphabetic || Self.digitValue(c, radix: 10) != nil) {
                    throw SyntaxError()
                }
                return c
            }
        }

        /// Parses `{U+hhhh}` after `\N`.
        private mutating func parseNamedCharacter() throws(SyntaxError) -> Unicode.Scalar {
            guard peek() == "{", peek(1) == "U", peek(2) == "+" else { throw SyntaxError() }
            position += 3
            return try scalarValue(try readDigits(radix: 16, max: 8, terminator: "}"))
        }

        /// Reads digits up to `terminator` (consumed); throws on an empty, overlong or unterminated number.
        private mutating func readDigits(radix: Int, max: Int, terminator: Unicode.Scalar) throws(SyntaxError)
            -> Int
        {
            var value = 0
            var count = 0
            while let c = peek(), c != terminator {
                guard let digit = Self.digitValue(c, radix: radix), count < max else { throw SyntaxError() }
                value = value * radix + digit
                count += 1
                position += 1
            }
            guard count > 0, peek() == terminator else { throw SyntaxError() }
            position += 1
            return value
        }

        private func scalarValue(_ value: Int) throws(SyntaxError) -> Unicode.Scalar {
            guard value >= 0, value <= 0x10FFFF, let scalar = Unicode.Scalar(UInt32(value)) else {
                throw SyntaxError()
            }
            return scalar
        }

        /// Skips `{Name}`, `{^Name}` or a one-letter name after `\p` / `\P`.
        private mutating func skipPropertyName() throws(SyntaxError) {
            guard let c = peek() else { throw SyntaxError() }
            if c == "{" {
                guard let close = scalars[position...].firstIndex(of: "}"), close > position + 1 else {
                    throw SyntaxError()
                }
                position = close + 1
            } else {
                guard c.isASCII && c.properties.isAlphabetic else { throw SyntaxError() }
                position += 1
            }
        }

        /// Skips the target of `\g` or `\k`: `{…}`, `<…>`, `'…'` or (for `\g`) a signed number.
        private mutating func skipReference(allowBareNumber: Bool) throws(SyntaxError) {
            guard let c = peek() else { throw SyntaxError() }
            let closing: Unicode.Scalar
            switch c {
            case "{": closing = "}"
            case "<": closing = ">"
            case "'": closing = "'"
            default:
                guard allowBareNumber else { throw SyntaxError() }
                if c == "+" || c == "-" { position += 1 }
                let start = position
                while let d = peek(), Self.digitValue(d, radix: 10) != nil { position += 1 }
                guard position > start else { throw SyntaxError() }
                return
            }
            position += 1
            if peek() == "+" || peek() == "-" { position += 1 }
            try skipName(until: closing)
        }

        // MARK: Classes

        private enum ClassElement {
            case end
            case character(Unicode.Scalar)
            /// A class escape (`\d`, `\p{L}`) or POSIX class: too many characters to list.
            case many
        }

        /// Parses a class after its `[`; a character set when small, `.unknown` when negated or large.
        private mutating func parseClass(_ options: Options) throws(SyntaxError) -> Node {
            var negated = false
            if peek() == "^" {
                negated = true
                position += 1
            }
            var members = Set<UInt32>()
            var many = false
            var first = true
            classQuoted = false
            while true {
                if options.extendedMore && !quoting, let c = peek(), c == " " || c == "\t" {
                    // Ignored under (?xx); listing the class as "any character" is right whatever the reading.
                    many = true
                    position += 1
                    continue
                }
                let element = try nextClassElement(first: first)
                first = false
                guard case .character(let low) = element else {
                    if case .end = element { break }
                    many = true
                    continue
                }
                guard !quoting, peek() == "-", let afterDash = peek(1), afterDash != "]" else {
                    members.insert(low.value)
                    continue
                }
                position += 1
                switch try nextClassElement(first: false) {
                case .character(let high):
                    guard high.value >= low.value else { throw SyntaxError() }
                    if high.value - low.value >= UInt32(Self.classLimit) {
                        many = true
                    } else {
                        for value in low.value...high.value { members.insert(value) }
                    }
                case .many:
                    many = true
                case .end:
                    throw SyntaxError()
                }
            }
            if negated || many || classQuoted || members.count > Self.classLimit { return .unknown }
            var alternatives = Set<UnitString>()
            for value in members {
                guard let scalar = Unicode.Scalar(value) else { throw SyntaxError() }
                alternatives.insert([units.unit(for: scalar)])
            }
            return .character(alternatives)
        }

        private mutating func nextClassElement(first: Bool) throws(SyntaxError) -> ClassElement {
            while true {
                guard let c = peek() else { throw SyntaxError() }  // unterminated class
                if quoting {
                    classQuoted = true
                    if c == "\\" && peek(1) == "E" {
                        position += 2
                        quoting = false
                        continue
                    }
                    position += 1
                    return .character(c)
                }
                position += 1
                switch c {
                case "]" where !first:
                    return .end
                case "[":
                    if peek() == "." || peek() == "=" { throw SyntaxError() }
                    if peek() == ":", let close = posixClassEnd() {
                        position = close
                        return .many
                    }
                    return .character(c)
                case "\\":
                    guard let e = peek() else { throw SyntaxError() }
                    position += 1
                    switch e {
                    case "d", "D", "s", "S", "w", "W", "h", "H", "v", "V":
                        return .many
                    case "p", "P":
                        try skipPropertyName()
                        return .many
                    case "Q":
                        quoting = true
                        classQuoted = true
                        continue
                    case "E":
                        classQuoted = true
                        continue
                    case "N", "R", "X", "B", "g", "k", "K", "8", "9":
                        throw SyntaxError()
                    default:
                        return .character(try parseCharacterEscape(e, inClass: true))
                    }
                default:
                    return .character(c)
                }
            }
        }

        /// With the position just after `[` and at `:`, the index after a `[:name:]` POSIX class's `:]`, if there is
        /// one.
        private func posixClassEnd() -> Int? {
            var index = position + 1
            if index < scalars.count && scalars[index] == "^" { index += 1 }
            let start = index
            while index < scalars.count, scalars[index].isASCII, scalars[index].properties.isAlphabetic { index += 1 }
            guard index > start, index + 1 < scalars.count, scalars[index] == ":", scalars[index + 1] == "]" else {
                return nil
            }
            return index + 2
        }

        private static func digitValue(_ c: Unicode.Scalar, radix: Int) -> Int? {
            let value: Int
            switch c.value {
            case 0x30...0x39: value = Int(c.value) - 0x30
            case 0x41...0x5A: value = Int(c.value) - 0x41 + 10
            case 0x61...0x7A: value = Int(c.value) - 0x61 + 10
            default: return nil
            }
            return value < radix ? value : nil
        }
    }

    /// Which characters of the lowercase text a caseless pattern character can match.
    ///
    /// PCRE2 matches a character caselessly against its other case and against the members of its Unicode case-folding
    /// set. Lowercasing the text removes the uppercase members, but some sets hold two lowercase letters (`s`/`ſ`,
    /// `σ`/`ς`, `θ`/`ϑ`, Cyrillic `в`/`ᲀ` …), and then each of them is a spelling the literal has to list. Only letters
    /// are taken as lowercased by the text view; a cased non-letter (`Ⅻ`, `Ⓐ`) stays a spelling of its own.
    enum CaseVariants {
        /// Case-folding sets with more than two members (as in PCRE2's `ucd_caseless_sets`) and pairs that the
        /// one-to-one case mappings do not link; the closure in `variants(of:)` adds the ordinary pairs.
        private static let foldingSets: [[UInt32]] = [
            [0x53, 0x73, 0x17F], [0x4B, 0x6B, 0x212A], [0xC5, 0xE5, 0x212B], [0xDF, 0x1E9E],
            [0x1C4, 0x1C5, 0x1C6], [0x1C7, 0x1C8, 0x1C9], [0x1CA, 0x1CB, 0x1CC], [0x1F1, 0x1F2, 0x1F3],
            [0x345, 0x399, 0x3B9, 0x1FBE], [0xB5, 0x39C, 0x3BC], [0x3A3, 0x3C2, 0x3C3], [0x392, 0x3B2, 0x3D0],
            [0x398, 0x3B8, 0x3D1, 0x3F4], [0x3A6, 0x3C6, 0x3D5], [0x3A0, 0x3C0, 0x3D6], [0x39A, 0x3BA, 0x3F0],
            [0x3A1, 0x3C1, 0x3F1], [0x395, 0x3B5, 0x3F5], [0x3A9, 0x3C9, 0x2126], [0x390, 0x1FD3], [0x3B0, 0x1FE3],
            [0x412, 0x432, 0x1C80], [0x414, 0x434, 0x1C81], [0x41E, 0x43E, 0x1C82], [0x421, 0x441, 0x1C83],
            [0x422, 0x442, 0x1C84, 0x1C85], [0x42A, 0x44A, 0x1C86], [0x462, 0x463, 0x1C87], [0x1C88, 0xA64A, 0xA64B],
            [0x1E60, 0x1E61, 0x1E9B], [0xFB05, 0xFB06],
        ]

        private static let foldingSetIndex: [UInt32: Int] = {
            var index: [UInt32: Int] = [:]
            for (i, set) in foldingSets.enumerated() {
                for member in set { index[member] = i }
            }
            return index
        }()

        /// The characters `c` can match caselessly that can appear in a view. An ASCII letter stands for itself
        /// alone: its only non-ASCII partners, `ſ` for `s` and the Kelvin sign for `k`, are folded to ASCII by the
        /// normalizer and are no lowercase mapping of anything, so a view never holds them. Other letters keep
        /// every lowercase partner (`σ` and `ς`): a look-alike fold does not stop `Σ` from lowercasing to `σ`.
        static func variants(of c: Unicode.Scalar) -> [Unicode.Scalar] {
            let value = c.value
            if value < 0x80 {
                let lower = value >= 0x41 && value <= 0x5A ? value + 0x20 : value
                return [Unicode.Scalar(UInt8(lower))]
            }
            var members: Set<UInt32> = [value]
            var pending = [value]
            while let member = pending.popLast() {
                guard let scalar = Unicode.Scalar(member) else { continue }
                var related: [UInt32] = []
                let properties = scalar.properties
                for mapping in [properties.lowercaseMapping, properties.uppercaseMapping, properties.titlecaseMapping] {
                    let mapped = mapping.unicodeScalars
                    if mapped.count == 1, let only = mapped.first { related.append(only.value) }
                }
                // İ lowercases to i + U+0307; PCRE2 pairs it with the i.
                let lower = properties.lowercaseMapping.unicodeScalars
                if lower.count > 1, let head = lower.first { related.append(head.value) }
                if let set = foldingSetIndex[member] { related += foldingSets[set] }
                for other in related where members.insert(other).inserted { pending.append(other) }
            }
            let kept = members.sorted().compactMap(Unicode.Scalar.init).filter(survivesLowercasing)
            return kept.isEmpty ? [c] : kept
        }

        /// False for a letter that lowercasing changes: the text view never holds it.
        private static func survivesLowercasing(_ c: Unicode.Scalar) -> Bool {
            let lower = c.properties.lowercaseMapping.unicodeScalars
            if lower.count == 1 && lower.first == c { return true }
            switch c.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return false
            default: return true
            }
        }

    }

    /// The exact/required set computation over a parsed pattern.
    ///
    /// Besides RE2's exact and required sets, a node keeps prefix and suffix sets (every match starts / ends with one
    /// of them), so that `ab+c` still yields `ab` and `bc`: the exact run before a repetition extends into its first
    /// iterations, and the run after it starts from its last ones.
    struct Analysis {
        let units: UnitTable

        /// What is known about the strings a node matches; a nil set means nothing is known of that kind.
        struct Info {
            /// Every match is one of these strings.
            var exact: Set<UnitString>?
            /// Every match contains one of these strings.
            var required: Set<UnitString>?
            /// Every match starts with one of these strings (for an exact node, the exact set).
            var prefix: Set<UnitString>?
            /// Every match ends with one of these strings (for an exact node, the exact set).
            var suffix: Set<UnitString>?

            static let unknown = Info(exact: nil, required: nil, prefix: nil, suffix: nil)

            static func exactly(_ strings: Set<UnitString>) -> Info {
                Info(exact: strings, required: nil, prefix: strings, suffix: strings)
            }
        }

        /// Largest exact, prefix or suffix set kept; beyond it cross products are abandoned, as in RE2's prefilter.
        static let exactLimit = 16
        /// Repetition counts up to which exact sets are expanded.
        static let repetitionLimit = 16
        /// Literals are cut to this many bytes: a longer one is no more selective, only a bigger automaton.
        static let maxLiteralBytes = 32

        func analyze(_ node: Node) -> Info {
            switch node {
            case .empty:
                return .exactly([[]])
            case .character(let encodings):
                return .exactly(encodings)
            case .unknown:
                return .unknown
            case .concatenation(let children):
                return concatenation(children.map(analyze))
            case .alternation(let children):
                return alternation(children.map(analyze))
            case .repetition(let child, let min, let max):
                return repetition(analyze(child), min: min, max: max)
            }
        }

        private func concatenation(_ children: [Info]) -> Info {
            // `run`: the strings the text just before the current child ends with, grown while children are exact.
            var run: Set<UnitString> = [[]]
            var allExact = true
            var candidates: [Set<UnitString>?] = []
            for child in children {
                if let exact = child.exact {
                    if let product = crossProduct(run, exact) {
                        run = product
                    } else {
                        allExact = false
                        candidates.append(run)
                        run = exact
                    }
                } else {
                    allExact = false
                    candidates.append(child.prefix.flatMap { crossProduct(run, $0) } ?? run)
                    candidates.append(child.required)
                    run = child.suffix ?? [[]]
                }
            }
            candidates.append(run)
            if allExact { return .exactly(run) }
            return Info(
                exact: nil, required: best(candidates), prefix: affix(children, fromStart: true),
                suffix: affix(children, fromStart: false))
        }

        /// The prefix (or suffix) set of a concatenation: exact children multiplied from that end, up to and including
        /// the first child that is not exact (its prefix or suffix), or until the product would outgrow the limit.
        private func affix(_ children: [Info], fromStart: Bool) -> Set<UnitString>? {
            var strings: Set<UnitString> = [[]]
            for child in fromStart ? children : children.reversed() {
                let part = child.exact ?? (fromStart ? child.prefix : child.suffix)
                guard let part, let product = fromStart ? crossProduct(strings, part) : crossProduct(part, strings)
                else { break }
                strings = product
                if child.exact == nil { break }
            }
            return strings == [[]] ? nil : strings
        }

        private func alternation(_ children: [Info]) -> Info {
            func union(_ sets: [Set<UnitString>?], limit: Int?) -> Set<UnitString>? {
                var result = Set<UnitString>()
                for set in sets {
                    guard let set else { return nil }
                    result.formUnion(set)
                    if let limit, result.count > limit { return nil }
                }
                return result
            }
            let exact = union(children.map(\.exact), limit: Self.exactLimit)
            if let exact { return .exactly(exact) }
            return Info(
                exact: nil, required: union(children.map(bestRequired), limit: nil),
                prefix: union(children.map(\.prefix), limit: Self.exactLimit),
                suffix: union(children.map(\.suffix), limit: Self.exactLimit))
        }

        private func repetition(_ child: Info, min: Int, max: Int?) -> Info {
            if let childExact = child.exact {
                if childExact == [[]] { return .exactly(childExact) }
                if let max, max <= Self.repetitionLimit {
                    var total = Set<UnitString>()
                    var power: Set<UnitString>? = [[]]
                    for count in 0...max {
                        guard let current = power else { break }
                        if count >= min { total.formUnion(current) }
                        power = count < max ? crossProduct(current, childExact) : current
                    }
                    if power != nil && total.count <= Self.exactLimit { return .exactly(total) }
                }
            }
            guard min >= 1 else { return .unknown }
            // Every match starts and ends with `min` whole iterations, so with an exact child it contains, starts and
            // ends with one of their concatenations; otherwise it starts like the child and ends like it.
            var ends: Set<UnitString>? = nil
            if let childExact = child.exact, min <= Self.repetitionLimit {
                var power: Set<UnitString>? = [[]]
                for _ in 0..<min { power = power.flatMap { crossProduct($0, childExact) } }
                ends = power
            }
            return Info(
                exact: nil, required: best([bestRequired(child), ends]), prefix: ends ?? child.prefix,
                suffix: ends ?? child.suffix)
        }

        private func crossProduct(_ a: Set<UnitString>, _ b: Set<UnitString>) -> Set<UnitString>? {
            if a == [[]] { return b }
            if b == [[]] { return a }
            guard a.count * b.count <= Self.exactLimit else { return nil }
            var product = Set<UnitString>()
            for x in a {
                for y in b { product.insert(x + y) }
            }
            return product
        }

        /// The better of a node's exact and required sets as a requirement, or nil when neither is usable.
        func bestRequired(_ info: Info) -> Set<UnitString>? {
            best([info.exact, info.required])
        }

        /// The most selective usable set: the fewest expected occurrences in ad text (``expectedOccurrences(_:)``),
        /// so `pic|photo` wins over `in |on `, which is as long but made of common letters and a space. Sets with
        /// a literal under 2 bytes are unusable: the empty string occurs in every text, one byte in nearly every.
        func best(_ candidates: [Set<UnitString>?]) -> Set<UnitString>? {
            var chosen: Set<UnitString>? = nil
            var chosenCost = Double.infinity
            for case let candidate? in candidates where !candidate.isEmpty {
                guard candidate.allSatisfy({ minimumBytes($0) >= 2 }) else { continue }
                let cost = candidate.reduce(0) { $0 + expectedOccurrences($1) }
                if cost < chosenCost || (cost == chosenCost && candidate.count < (chosen?.count ?? Int.max)) {
                    chosen = candidate
                    chosenCost = cost
                }
            }
            return chosen
        }

        /// How often `string` is expected to start at a given position of ad text: the product of its characters'
        /// frequencies (``characterFrequency(_:)``), as a stand-in for a literal's selectivity.
        func expectedOccurrences(_ string: UnitString) -> Double {
            string.reduce(1.0) { product, unit in
                product * units.spellings(of: unit).reduce(0) { $0 + Self.characterFrequency($1) }
            }
        }

        /// Approximate frequency of a character in lowercase English ad text (letters after the usual English
        /// letter frequencies, space and newline as word and line separators); rarer characters make better
        /// prefilter literals.
        static func characterFrequency(_ c: Unicode.Scalar) -> Double {
            switch c {
            case " ": return 0.16
            case "\n": return 0.02
            case "e": return 0.095
            case "t": return 0.07
            case "a", "o": return 0.063
            case "i", "n": return 0.056
            case "s", "h", "r": return 0.05
            case "d", "l": return 0.033
            case "c", "u": return 0.022
            case "m", "f", "w", "y", "g", "p": return 0.017
            case "b": return 0.012
            case "v", "k": return 0.007
            case "0"..."9": return 0.005
            case "x", "j", "q", "z": return 0.0012
            default: return c.isASCII ? 0.004 : 0.001
            }
        }

        /// UTF-8 length of the string's shortest spelling.
        func minimumBytes(_ string: UnitString) -> Int {
            string.reduce(0) { $0 + units.minimumBytes(of: $1) }
        }

        /// Most spellings one literal is multiplied out into; a literal with more is cut to its best part within it.
        static let maxSpellings = 16

        /// The UTF-8 spellings of a chosen literal. When its `s`/`ſ`-like units multiply past `maxSpellings`, the
        /// spellings are those of the window (any part of a required literal is required too) with the longest
        /// shortest spelling among windows within the limit.
        func spellings(_ string: UnitString) -> [LiteralBytes] {
            let counts = string.map { units.spellings(of: $0).count }
            var window = 0..<string.count
            if counts.reduce(1, { Swift.min($0 * $1, Self.maxSpellings + 1) }) > Self.maxSpellings {
                var bestWeight = -1
                for start in 0..<string.count {
                    var product = 1
                    var weight = 0
                    for end in start..<string.count {
                        product *= counts[end]
                        guard product <= Self.maxSpellings else { break }
                        weight += units.minimumBytes(of: string[end])
                        if weight > bestWeight {
                            bestWeight = weight
                            window = start..<(end + 1)
                        }
                    }
                }
            }
            var spelled: [LiteralBytes] = [[]]
            for unit in string[window] {
                let encodings = units.spellings(of: unit).map { scalar -> LiteralBytes in
                    var bytes: LiteralBytes = []
                    UTF8.encode(scalar) { bytes.append($0) }
                    return bytes
                }
                spelled = spelled.flatMap { prefix in encodings.map { prefix + $0 } }
            }
            return spelled
        }

        /// Cuts a literal to `maxLiteralBytes` at a character boundary; any part of a required literal is required too.
        static func truncated(_ literal: LiteralBytes) -> LiteralBytes {
            guard literal.count > Self.maxLiteralBytes else { return literal }
            var end = Self.maxLiteralBytes
            while end > 0 && literal[end] & 0xC0 == 0x80 { end -= 1 }
            return Array(literal[..<end])
        }

        /// Drops literals that contain another literal of the set: wherever they occur, so does the shorter one.
        static func minimized(_ literals: [LiteralBytes]) -> [LiteralBytes] {
            var kept: [LiteralBytes] = []
            for literal in Set(literals).sorted(by: { $0.count < $1.count }) {
                if !kept.contains(where: { contains(literal, $0) }) { kept.append(literal) }
            }
            return kept
        }

        private static func contains(_ haystack: LiteralBytes, _ needle: LiteralBytes) -> Bool {
            guard needle.count <= haystack.count else { return false }
            if needle.isEmpty { return true }
            for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
                if haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
            }
            return false
        }
    }
}
