public import RedFlagContract

/// Checks a lexicon the way `redflag lexicon check` reports it: compilation, patterns that match the empty string,
/// examples that must hit and counterexamples that must not, and patterns that hit PCRE2's limits on hostile input.
public struct LexiconLint: Sendable {
    public struct Problem: Sendable, CustomStringConvertible {
        public var entry: String
        public var message: String
        public var description: String { "\(entry): \(message)" }
    }

    public init() {}

    /// Strings built to make a careless pattern backtrack: long repeats and near misses.
    static let hostileInputs: [String] = [
        String(repeating: "a", count: 50_000), String(repeating: "a ", count: 25_000),
        String(repeating: "1 ", count: 25_000), String(repeating: "🍒", count: 10_000),
        String(repeating: "young ", count: 8_000) + "!", String(repeating: "no ", count: 16_000),
        String(repeating: "-", count: 50_000), String(repeating: "ab1 ", count: 12_000),
        String(repeating: "a", count: 28) + "!", String(repeating: "a", count: 5_000) + "!",
        String(repeating: "no ", count: 40) + "!", String(repeating: "1", count: 5_000) + "x",
    ]

    /// Families whose entries may carry `minor: true`: wording about the provider's youth or age. A minor marker
    /// elsewhere ("new in town", "24/7") would push adult ads ahead of real minors in the review queue.
    public static let minorFamilies: Set<Family> = [.youth, .underageAge]

    /// All problems found; an empty result means the lexicon is fit to ship.
    public func problems(in lexicon: Lexicon) -> [Problem] {
        var markerProblems: [Problem] = []
        for entry in lexicon.entries where entry.minor && !Self.minorFamilies.contains(entry.family) {
            markerProblems.append(
                Problem(
                    entry: entry.id,
                    message: "`minor: true` on a \(entry.family.rawValue) entry: only youth and underage_age wording "
                        + "can point to a minor by itself"))
        }
        return markerProblems + patternProblems(in: lexicon)
    }

    /// Compilation, empty matches, resource limits, examples and counterexamples.
    private func patternProblems(in lexicon: Lexicon) -> [Problem] {
        let extractor: FeatureExtractor
        do {
            extractor = try FeatureExtractor(lexicon: lexicon)
        } catch {
            return [Problem(entry: error.entry ?? "-", message: error.message)]
        }
        var problems: [Problem] = []
        let matcher = PCRE2Matcher()
        for pattern in extractor.matcher.patterns where pattern.regex.matchesEmptyString(using: matcher) {
            problems.append(
                Problem(
                    entry: lexicon.entries[pattern.entry].id,
                    message: "pattern matches the empty string: \(pattern.regex.pattern)"))
        }
        for pattern in extractor.matcher.patterns {
            for input in Self.hostileInputs {
                let bytes = Array(input.utf8)
                let limited = bytes.withUnsafeBufferPointer { subject -> Bool in
                    do {
                        _ = try matcher.allMatches(pattern.regex, in: subject, limit: 100_000)
                        return false
                    } catch {
                        return true
                    }
                }
                if limited {
                    problems.append(
                        Problem(
                            entry: lexicon.entries[pattern.entry].id,
                            message: "pattern hits PCRE2's resource limits on hostile input: \(pattern.regex.pattern)"))
                    break
                }
            }
        }
        let scratch = FeatureScratch()
        for entry in lexicon.entries {
            for example in entry.examples ?? [] {
                let hits = extractor.features(ofText: example, scratch: scratch).indicators
                if !hits.contains(where: { $0.entry == entry.id }) {
                    problems.append(Problem(entry: entry.id, message: "example does not fire: \"\(example)\""))
                }
            }
            for counterexample in entry.counterexamples ?? [] {
                let hits = extractor.features(ofText: counterexample, scratch: scratch).indicators
                if let hit = hits.first(where: { $0.entry == entry.id }) {
                    problems.append(
                        Problem(
                            entry: entry.id,
                            message: "counterexample fires on \"\(hit.match)\": \"\(counterexample)\""))
                }
            }
        }
        return problems
    }
}
