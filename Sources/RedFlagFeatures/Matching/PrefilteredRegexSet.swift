/// A handful of PCRE2 patterns behind one literal automaton: a pattern runs only when one of its required
/// literals occurs in the text.
///
/// The entity extractor's patterns (ages, prices, emails) fire on few ads, but a pattern that starts with a
/// character class is tried at every position of the text, which made them as costly as the whole lexicon. The same
/// prefilter idea as ``IndicatorMatcher``, for a fixed set of patterns with literals derived by
/// ``RequiredLiterals`` or given by hand (for 1-byte literals such as `@` and `$`, which the automaton's
/// derivation refuses as too short to be selective in general, but are selective here).
final class PrefilteredRegexSet: Sendable {
    let regexes: [PCRE2Regex]
    private let automaton: LiteralAutomaton
    private let owners: [[Int]]
    private let alwaysRun: [Int]

    /// - Parameter patterns: each pattern with optional hand-given literals (used instead of derived ones).
    init(_ patterns: [(pattern: String, literals: [String]?)]) throws(PCRE2Regex.CompileError) {
        var regexes: [PCRE2Regex] = []
        var index: [[UInt8]: Int] = [:]
        var owners: [[Int]] = []
        var alwaysRun: [Int] = []
        for (k, item) in patterns.enumerated() {
            regexes.append(try PCRE2Regex(item.pattern))
            guard let literals = item.literals ?? RequiredLiterals.extract(from: item.pattern), !literals.isEmpty else {
                alwaysRun.append(k)
                continue
            }
            for literal in Set(literals.map { Array($0.utf8) }) {
                if let slot = index[literal] {
                    owners[slot].append(k)
                } else {
                    index[literal] = owners.count
                    owners.append([k])
                }
            }
        }
        var literals = [[UInt8]](repeating: [], count: owners.count)
        for (literal, slot) in index { literals[slot] = literal }
        self.regexes = regexes
        self.automaton = LiteralAutomaton(literals: literals)
        self.owners = owners
        self.alwaysRun = alwaysRun
    }

    /// Which patterns may match `subject`; `found` is scratch space for the automaton.
    func candidates(in subject: UnsafeBufferPointer<UInt8>, found: inout [Bool]) -> [Bool] {
        if found.count != automaton.literalCount {
            found = [Bool](repeating: false, count: automaton.literalCount)
        } else {
            for i in found.indices { found[i] = false }
        }
        automaton.scan(subject, into: &found)
        var run = [Bool](repeating: false, count: regexes.count)
        for k in alwaysRun { run[k] = true }
        for (slot, hit) in found.enumerated() where hit {
            for k in owners[slot] { run[k] = true }
        }
        return run
    }
}
