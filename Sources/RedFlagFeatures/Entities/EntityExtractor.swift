import RedFlagContract
/// Finds phones, emails, ages and prices in an ad's text.
///
/// Runs on the `.entities` view of ``TextNormalizer`` (look-alike letters and styled digits folded, lowercase, no
/// leet folding, so emails survive). Patterns are compiled once and shared; the per-ad state is a
/// ``FeatureScratch``.
public final class EntityExtractor: Sendable {
    private let phoneExtractor = PhoneExtractor()
    private let ageExtractor = AgeExtractor()
    /// Emails (plain, spelled), the title-suffix age, prices: one prefiltered set, indices below. Other ages need the
    /// words around a number and are read by ``AgeExtractor``.
    private let patterns: PrefilteredRegexSet
    private static let emailPlain = 0
    private static let emailSpelled = 1
    private static let titleSuffixAge = 2
    private static let prices = 3..<6
    private let agePrefixExclusions: [String] = [
        "must be", "must be at least", "at least", "over", "minimum age", "min age", "minimum", "all models are",
        "models are", "are", "be", "is", "older than", "above", "under", "age limit",
    ]

    public init() {
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
            ("\\$\\s*(\\d{1,3}(?:,\\d{3})+|\\d{2,5})(?:\\.\\d\\d)?", ["$"]),
            ("\\b(\\d{2,5})\\s*(?:\\$|usd\\b|dollars?\\b|bucks\\b|roses?\\b|rozes\\b|donations?\\b|dlls?\\b)", ["$", "usd", "dollar", "buck", "rose", "roze", "donation", "dll"]),
            ("\\b(?:hh|qv|qk|hhr|hr|hour|half\\s*hour|1\\s*hr|30\\s*min|60\\s*min|full\\s*hour|fh)\\s*[:=\\-]?\\s*\\$?\\s*(\\d{2,4})\\b", ["hh", "qv", "qk", "hr", "hour", "min", "fh"]),
        ]
        patterns = try! PrefilteredRegexSet(items)
    }

    /// Extracts the entities of `original`, whose `.entities` normalization is `view`; `title` is matched for the
    /// Backpage-style age suffix too.
    /// - Returns: the entities as the contract states them, and each phone with its place in `original`.
    func extract(
        view: MatchingText, original: String, title: String?, scratch: FeatureScratch
    ) -> (entities: Entities, phones: [Phone]) {
        var entities = Entities()
        var started = scratch.profile == nil ? 0 : ExtractionProfile.now()
        func lap(_ step: ExtractionProfile.EntityStep) {
            guard scratch.profile != nil else { return }
            scratch.profile!.add(entity: step, since: started)
            started = ExtractionProfile.now()
        }
        let phones = phoneExtractor.phones(in: view, original: original)
        entities.phones = phones.map(\.digits)
        entities.phoneObfuscated = phones.contains { $0.obfuscated }
        lap(.phones)
        let matcher = scratch.pcre
        var windows = scratch.entityWindows
        scratch.entityWindows = LiteralWindows()
        defer { scratch.entityWindows = windows }
        view.bytes.withUnsafeBufferPointer { subject in
            var prepared = patterns.prepare(subject, reusing: windows)
            entities.emails = emails(in: subject, prepared: &prepared, matcher: matcher)
            lap(.emails)
            entities.ages = ages(
                in: subject, offsets: view.sourceOffsets, original: original, prepared: &prepared, matcher: matcher,
                scratch: scratch)
            lap(.ages)
            entities.prices = prices(in: subject, prepared: &prepared, matcher: matcher)
            lap(.prices)
            windows = patterns.finish(prepared)
        }
        defer { lap(.title) }
        if let title, !title.isEmpty {
            scratch.entityNormalizer.normalize(title, into: &scratch.titleView)
            let offsets = scratch.titleView.sourceOffsets
            scratch.titleView.bytes.withUnsafeBufferPointer { subject in
                var prepared = patterns.prepare(subject, reusing: windows)
                let titleAges = ages(
                    in: subject, offsets: offsets, original: title, prepared: &prepared, matcher: matcher, scratch: scratch)
                for age in titleAges.reversed() where !entities.ages.contains(age) { entities.ages.insert(age, at: 0) }
                windows = patterns.finish(prepared)
            }
        }
        return (entities, phones)
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

    /// Ages: a title or line ending in " - 22" (the Backpage-style poster's age), and every age ``AgeExtractor``
    /// reads from the words around a number; in order of appearance, each value once.
    private func ages(
        in subject: UnsafeBufferPointer<UInt8>, offsets: [Int32], original: String,
        prepared: inout PrefilteredRegexSet.Prepared, matcher: PCRE2Matcher, scratch: FeatureScratch
    ) -> [Int] {
        var found: [(position: Int, age: Int)] = []
        patterns.forEachMatch(Self.titleSuffixAge, in: subject, prepared: &prepared, matcher: matcher, groups: 1) { groups in
            guard let numberRange = groups[1], let age = Int(String(decoding: subject[numberRange], as: UTF8.self)),
                age >= 13, age <= 79, !isDisclaimer(subject, number: numberRange)
            else { return }
            if !found.contains(where: { $0.age == age }) { found.append((numberRange.lowerBound, age)) }
        }
        var text = original
        text.withUTF8 { originalBytes in
            for age in ageExtractor.ages(in: subject, original: originalBytes, offsets: offsets, tokens: &scratch.ageTokens)
            where !found.contains(where: { $0.age == age.age }) {
                found.append((age.position, age.age))
            }
        }
        return found.sorted { $0.position < $1.position }.map(\.age)
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
