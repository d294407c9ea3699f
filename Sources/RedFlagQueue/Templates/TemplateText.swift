import Foundation

/// What the ads of one template share, and what varies between them: the text a reviewer reads once for a whole
/// cluster, with numbered slots for the words each copy changes (names, cities, phones, prices).
///
/// The shared text is the longest common word subsequence of the members (folded to lower case for comparing,
/// shown as the first member writes it), built one member at a time; each member is then aligned to it, and what
/// it has between two shared words is that slot's value. A slot every member leaves empty is not shown.
public struct TemplateText: Sendable, Hashable, Codable {
    /// One place where the copies differ.
    public struct Slot: Sendable, Hashable, Codable {
        /// Its number in ``TemplateText/shared`` (`{1}`, `{2}`, …).
        public var number: Int
        /// What the values look like: `phone`, `price`, `name or place`, `text`.
        public var kind: String
        /// The distinct values, most frequent first.
        public var values: [String]
    }

    /// The shared words, with `{n}` where slot n varies.
    public var shared: String
    public var slots: [Slot]
    /// Members compared (at most ``maximumMembers``).
    public var members: Int

    /// Members compared: the alignment costs words² per member.
    public static let maximumMembers = 40
    /// Words of each text compared.
    public static let maximumWords = 600

    public init(texts: [String]) {
        let tokenised = texts.prefix(Self.maximumMembers).map {
            Array($0.split(whereSeparator: \.isWhitespace).prefix(Self.maximumWords).map(String.init))
        }
        members = tokenised.count
        guard let first = tokenised.first else {
            shared = ""
            slots = []
            return
        }
        var common = first
        for other in tokenised.dropFirst() {
            let pairs = Self.alignment(common, other)
            common = pairs.map { common[$0.0] }
        }
        // Each member's words between shared words k-1 and k (gap 0 before the first, gap n after the last).
        var gaps = [[String]](repeating: [], count: common.count + 1)
        for words in tokenised {
            let pairs = Self.alignment(common, words)
            var previous = 0
            for (gap, (_, position)) in pairs.enumerated() {
                gaps[gap].append(words[previous..<position].joined(separator: " "))
                previous = position + 1
            }
            gaps[common.count].append(words[previous...].joined(separator: " "))
        }
        var text: [String] = []
        var slots: [Slot] = []
        for gap in 0...common.count {
            let values = gaps[gap]
            if values.contains(where: { !$0.isEmpty }) {
                let slot = Slot(number: slots.count + 1, kind: Self.kind(of: values), values: Self.ranked(values))
                slots.append(slot)
                text.append("{\(slot.number)}")
            }
            if gap < common.count { text.append(common[gap]) }
        }
        shared = text.joined(separator: " ")
        self.slots = slots
    }

    /// The positions of a longest common subsequence of `a` and `b` (case-folded), as (index in a, index in b).
    static func alignment(_ a: [String], _ b: [String]) -> [(Int, Int)] {
        let x = a.map { $0.lowercased() }
        let y = b.map { $0.lowercased() }
        let n = x.count
        let m = y.count
        guard n > 0, m > 0 else { return [] }
        // lengths[i][j]: LCS of x[i...] and y[j...], flat.
        var lengths = [UInt16](repeating: 0, count: (n + 1) * (m + 1))
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                lengths[i * (m + 1) + j] =
                    x[i] == y[j]
                    ? lengths[(i + 1) * (m + 1) + j + 1] + 1
                    : max(lengths[(i + 1) * (m + 1) + j], lengths[i * (m + 1) + j + 1])
            }
        }
        var pairs: [(Int, Int)] = []
        var i = 0
        var j = 0
        while i < n && j < m {
            if x[i] == y[j] {
                pairs.append((i, j))
                i += 1
                j += 1
            } else if lengths[(i + 1) * (m + 1) + j] >= lengths[i * (m + 1) + j + 1] {
                i += 1
            } else {
                j += 1
            }
        }
        return pairs
    }

    static func ranked(_ values: [String]) -> [String] {
        var counts: [String: Int] = [:]
        for value in values where !value.isEmpty { counts[value, default: 0] += 1 }
        return counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map(\.key)
    }

    /// A slot's kind from its values: the one most of them look like.
    static func kind(of values: [String]) -> String {
        var votes: [String: Int] = [:]
        for value in values where !value.isEmpty {
            let digits = value.unicodeScalars.count { CharacterSet.decimalDigits.contains($0) }
            let words = value.split(separator: " ")
            let kind: String
            if digits >= 7 {
                kind = "phone"
            } else if value.contains("$") || (digits > 0 && digits <= 4) {
                kind = "price"
            } else if !words.isEmpty, words.allSatisfy({ $0.first?.isUppercase == true }) {
                kind = "name or place"
            } else {
                kind = "text"
            }
            votes[kind, default: 0] += 1
        }
        return votes.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? "text"
    }
}
