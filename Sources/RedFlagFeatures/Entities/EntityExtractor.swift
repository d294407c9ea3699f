/// Finds phones, emails, ages and prices in an ad's text.
///
/// Runs on the `.entities` view of ``TextNormalizer`` (look-alike letters and styled digits folded, lowercase, no
/// leet folding, so emails survive). Patterns are compiled once and shared; the per-ad state is a
/// ``FeatureScratch``.
public final class EntityExtractor: Sendable {
    private let phoneExtractor = PhoneExtractor()
    /// Emails (plain, spelled), ages, prices: one prefiltered set, indices below.
    private let patterns: PrefilteredRegexSet
    private static let emailPlain = 0
    private static let emailSpelled = 1
    private static let ages = 2..<7
    private static let prices = 7..<10
    private let agePrefixExclusions: [String] = [
        "must be", "must be at least", "at least", "over", "minimum age", "min age", "minimum", "all models are",
        "models are", "are", "be", "is", "older than", "above", "under", "age limit",
    ]

    /// Spelled numbers 10–39 in English and Spanish; letters may be leet ("n1neteen", "sevent33n").
    static let spelledAges: [(String, Int)] = {
        var table: [(String, Int)] = [
            ("ten", 10), ("eleven", 11), ("twelve", 12), ("thirteen", 13), ("fourteen", 14), ("fifteen", 15),
            ("sixteen", 16), ("seventeen", 17), ("eighteen", 18), ("nineteen", 19), ("diez", 10), ("once", 11),
            ("doce", 12), ("trece", 13), ("catorce", 14), ("quince", 15), ("dieciseis", 16), ("dieciséis", 16),
            ("diecisiete", 17), ("dieciocho", 18), ("diecinueve", 19), ("veinte", 20), ("treinta", 30),
        ]
        let units = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
        for (tens, value) in [("twenty", 20), ("thirty", 30)] {
            table.append((tens, value))
            for (k, unit) in units.enumerated() { table.append((tens + "-" + unit, value + k + 1)) }
        }
        for (k, unit) in ["uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve"].enumerated() {
            table.append(("veinti" + unit, 21 + k))
        }
        return table.sorted { $0.0.count > $1.0.count }
    }()

    public init() {
        // A number as digits or as one or two words; the words are checked against the spelled-age table in Swift,
        // which is far cheaper than a 70-way alternation PCRE2 would try at every letter.
        let number = "(\\d{1,2}|[a-z0-9@$]{3,11}(?:[\\s-][a-z0-9@$]{3,6})?)"
        let units = "yo|y/o|y\\.o\\.?|yrs?\\.?(?:\\s*old)?|years?[\\s-]*old|years?\\s+young|a[ñn]os|anitos"
        // Literals by hand where the derivation finds none (the number comes first) or too few: the prefilter then
        // runs each pattern only in windows around them.
        let ageUnits = ["yo\\b", "y/o", "y.o", "yr", "year", "años", "anos", "anitos"]
        let items: [(pattern: String, literals: [String]?)] = [
            // Emails start at the "@" (or its spelled form) and the local part is read backwards in Swift
            // (``localPart(before:in:after:minimum:)``): a pattern starting with the local part's class would be tried
            // at every letter of the text and cost as much as the whole lexicon.
            ("@([a-z0-9\\-]{1,63}(?:\\.[a-z0-9\\-]{1,63})*\\.[a-z]{2,24})\\b", ["@"]),
            (
                "(?:\\(\\s*at\\s*\\)|\\[\\s*at\\s*\\]|\\{\\s*at\\s*\\}|\\sat\\s+|@)\\s*"
                    + "([a-z0-9\\-]{2,63})\\s*(?:\\(\\s*dot\\s*\\)|\\[\\s*dot\\s*\\]|\\{\\s*dot\\s*\\}|\\s+dot\\s+|\\s*\\.\\s*)\\s*"
                    + "(com|net|org|edu|gov|info|biz|us|co|io|me|ca|mx|es)\\b", ["\\bdot\\b", "@"]
            ),
            // A title or first line ending in " - 22" (Backpage-style): the poster's age.
            ("(?m)\\s[-–—]\\s*(\\d{2})\\s*(?:$|[|·•])", ["-", "–", "—"]),
            ("\\b\(number)\\s*(?:\(units))\\b", ageUnits),
            ("\\b(?:age|aged|edad)\\s*[:=\\-]?\\s*\(number)\\b", ["\\bage", "\\bedad"]),
            (
                "\\b(?:i'?m|i’m|i\\s+am|soy|tengo)\\s+(?:only\\s+|just\\s+|barely\\s+)?\(number)\\b(?!\\s*(?:'|’|\"|ft|feet|foot|inch|in\\b|lbs?|kg|cm|%|\\$|/|:|am\\b|pm\\b|min|hr|hours?|miles?|mins?|minutes?|k\\b|th\\b|st\\b|nd\\b|rd\\b))",
                ["\\bim\\b", "\\bi'm", "\\bi’m", "\\bam\\b", "\\bsoy\\b", "\\btengo\\b"]
            ),
            ("\\bjust\\s+turned\\s+\(number)\\b", ["turned"]),
            ("\\$\\s*(\\d{1,3}(?:,\\d{3})+|\\d{2,5})(?:\\.\\d\\d)?", ["$"]),
            ("\\b(\\d{2,5})\\s*(?:\\$|usd\\b|dollars?\\b|bucks\\b|roses?\\b|rozes\\b|donations?\\b|dlls?\\b)", ["$", "usd", "dollar", "buck", "rose", "roze", "donation", "dll"]),
            ("\\b(?:hh|qv|qk|hhr|hr|hour|half\\s*hour|1\\s*hr|30\\s*min|60\\s*min|full\\s*hour|fh)\\s*[:=\\-]?\\s*\\$?\\s*(\\d{2,4})\\b", ["hh", "qv", "qk", "hr", "hour", "min", "fh"]),
        ]
        patterns = try! PrefilteredRegexSet(items)
    }

    /// Extracts the entities of `original`, whose `.entities` normalization is `view`; `title` is matched for the
    /// Backpage-style age suffix too.
    func extract(view: MatchingText, original: String, title: String?, scratch: FeatureScratch) -> Entities {
        var entities = Entities()
        var started = scratch.profile == nil ? 0 : ExtractionProfile.now()
        func lap(_ step: ExtractionProfile.EntityStep) {
            guard scratch.profile != nil else { return }
            scratch.profile!.add(entity: step, since: started)
            started = ExtractionProfile.now()
        }
        entities.phones = phoneExtractor.phones(in: view, original: original)
        lap(.phones)
        let matcher = scratch.pcre
        var windows = scratch.entityWindows
        scratch.entityWindows = LiteralWindows()
        defer { scratch.entityWindows = windows }
        view.bytes.withUnsafeBufferPointer { subject in
            var prepared = patterns.prepare(subject, reusing: windows)
            entities.emails = emails(in: subject, prepared: &prepared, matcher: matcher)
            lap(.emails)
            entities.ages = ages(in: subject, prepared: &prepared, matcher: matcher)
            lap(.ages)
            entities.prices = prices(in: subject, prepared: &prepared, matcher: matcher)
            lap(.prices)
            windows = patterns.finish(prepared)
        }
        defer { lap(.title) }
        if let title, !title.isEmpty {
            scratch.entityNormalizer.normalize(title, into: &scratch.titleView)
            scratch.titleView.bytes.withUnsafeBufferPointer { subject in
                var prepared = patterns.prepare(subject, reusing: windows)
                for age in ages(in: subject, prepared: &prepared, matcher: matcher) where !entities.ages.contains(age) {
                    entities.ages.insert(age, at: 0)
                }
                windows = patterns.finish(prepared)
            }
        }
        return entities
    }

    private func emails(
        in subject: UnsafeBufferPointer<UInt8>, prepared: inout PrefilteredRegexSet.Prepared, matcher: PCRE2Matcher
    ) -> [String] {
        var found: [String] = []
        var end = 0
        patterns.forEachMatch(Self.emailPlain, in: subject, prepared: &prepared, matcher: matcher, groups: 1) { groups in
            guard let whole = groups[0], let domain = groups[1],
                let user = Self.localPart(before: whole.lowerBound, in: subject, after: end, minimum: 1)
            else { return }
            end = whole.upperBound
            let email = String(decoding: subject[user], as: UTF8.self) + "@" + String(decoding: subject[domain], as: UTF8.self)
            if !found.contains(email) { found.append(email) }
        }
        end = 0
        patterns.forEachMatch(Self.emailSpelled, in: subject, prepared: &prepared, matcher: matcher, groups: 2) { groups in
            guard let whole = groups[0], let domain = groups[1], let tld = groups[2],
                let user = Self.localPart(before: Self.skippingSpaces(before: whole.lowerBound, in: subject), in: subject, after: end, minimum: 2)
            else { return }
            end = whole.upperBound
            let email = String(decoding: subject[user], as: UTF8.self) + "@"
                + String(decoding: subject[domain], as: UTF8.self) + "." + String(decoding: subject[tld], as: UTF8.self)
            if !found.contains(email) { found.append(email) }
        }
        return found
    }

    /// Where the whitespace (at most ``PatternSpan/whitespaceRun`` bytes) just before `position` starts: the
    /// spelled form allows "jane (at) example dot com".
    static func skippingSpaces(before position: Int, in subject: UnsafeBufferPointer<UInt8>) -> Int {
        var start = position
        while start > 0 && position - start < PatternSpan.whitespaceRun && PatternSpan.isWhitespaceByte(subject[start - 1]) {
            start -= 1
        }
        return start
    }

    /// The local part of an email whose "@" (or spelled "at") starts at `at`: the run of `[a-z0-9._%+-]` just before
    /// it, at most 64 bytes and not reaching back past `floor` (the previous email's end); nil when shorter than
    /// `minimum`.
    static func localPart(before at: Int, in subject: UnsafeBufferPointer<UInt8>, after floor: Int, minimum: Int)
        -> Range<Int>?
    {
        var start = at
        while start > floor && at - start < 64 {
            let b = subject[start - 1]
            let isLocal =
                (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x2E || b == 0x5F || b == 0x25 || b == 0x2B
                || b == 0x2D
            guard isLocal else { break }
            start -= 1
        }
        return at - start >= minimum ? start..<at : nil
    }

    private func ages(
        in subject: UnsafeBufferPointer<UInt8>, prepared: inout PrefilteredRegexSet.Prepared, matcher: PCRE2Matcher
    ) -> [Int] {
        var found: [(position: Int, age: Int)] = []
        for k in Self.ages {
            patterns.forEachMatch(k, in: subject, prepared: &prepared, matcher: matcher, groups: 1) { groups in
                guard let numberRange = groups[1] else { return }
                let digits = subject[numberRange]
                let numeric = digits.allSatisfy { $0 >= 48 && $0 <= 57 }
                guard let age = numeric ? Int(String(decoding: digits, as: UTF8.self)) : spelledValue(digits),
                    age >= 13, age <= 79
                else { return }
                if isDisclaimer(subject, number: numberRange) { return }
                if !found.contains(where: { $0.age == age }) { found.append((numberRange.lowerBound, age)) }
            }
        }
        return found.sorted { $0.position < $1.position }.map(\.age)
    }

    /// Spelled ages keyed by their canonical spelling (see ``canonicalSpelling(_:)``).
    private static let spelledIndex: [[UInt8]: Int] = {
        var index: [[UInt8]: Int] = [:]
        for (word, value) in spelledAges { index[canonicalSpelling(Array(word.utf8))] = value }
        return index
    }()

    /// Folds leet and separators so "n1neteen", "twenty one" and "twenty-one" meet their table entries: digits
    /// and symbols to letters, `l` to `i` (a `1` may stand for either), hyphens and spaces removed.
    static func canonicalSpelling(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for b in bytes {
            switch b {
            case UInt8(ascii: "0"): out.append(UInt8(ascii: "o"))
            case UInt8(ascii: "1"), UInt8(ascii: "l"): out.append(UInt8(ascii: "i"))
            case UInt8(ascii: "3"): out.append(UInt8(ascii: "e"))
            case UInt8(ascii: "4"), UInt8(ascii: "@"): out.append(UInt8(ascii: "a"))
            case UInt8(ascii: "5"), UInt8(ascii: "$"): out.append(UInt8(ascii: "s"))
            case UInt8(ascii: "7"): out.append(UInt8(ascii: "t"))
            case UInt8(ascii: "-"), UInt8(ascii: " "), 9, 10: continue
            default: out.append(b)
            }
        }
        return out
    }

    private func spelledValue(_ bytes: UnsafeBufferPointer<UInt8>.SubSequence) -> Int? {
        Self.spelledIndex[Self.canonicalSpelling(Array(bytes))]
    }

    /// "must be 18", "over 18", "18+", "18 and over", "18 or older": site and job disclaimers, not the person.
    private func isDisclaimer(_ subject: UnsafeBufferPointer<UInt8>, number: Range<Int>) -> Bool {
        let before = String(decoding: subject[max(0, number.lowerBound - 24)..<number.lowerBound], as: UTF8.self)
        let after = String(decoding: subject[number.upperBound..<min(subject.count, number.upperBound + 14)], as: UTF8.self)
        let trimmedBefore = before.trimmingTrailingSpaces()
        for prefix in agePrefixExclusions where trimmedBefore.hasSuffix(" " + prefix) || trimmedBefore == prefix {
            return true
        }
        let afterTrimmed = after.drop(while: { $0 == " " })
        for suffix in ["+", "and over", "and up", "& up", "& over", "or older", "or over", "years or older", "años o más"]
        where afterTrimmed.hasPrefix(suffix) {
            return true
        }
        return false
    }

    private func prices(
        in subject: UnsafeBufferPointer<UInt8>, prepared: inout PrefilteredRegexSet.Prepared, matcher: PCRE2Matcher
    ) -> [Int] {
        var found: [(Int, Int)] = []
        for k in Self.prices {
            patterns.forEachMatch(k, in: subject, prepared: &prepared, matcher: matcher, groups: 1) { groups in
                guard let range = groups[1] else { return }
                let digits = String(decoding: subject[range], as: UTF8.self).filter { $0 != "," }
                guard let value = Int(digits), value >= 20, value <= 10_000 else { return }
                if !found.contains(where: { $0.1 == value }) { found.append((range.lowerBound, value)) }
            }
        }
        return found.sorted { $0.0 < $1.0 }.map(\.1)
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while let c = s.last, c == " " || c == ":" { s.removeLast() }
        return String(s)
    }
}
