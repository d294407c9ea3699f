import Foundation
internal import Yams
import RedFlagContract

/// Words and two-word phrases that tell ad categories apart, read from `Models/category-words.yaml`.
///
/// Three kinds of phrase, each its own feature prefix: category words (`word.*`, for the category model), recruitment
/// lures (`lure.*`: the job-ad wording that recruits young women into commercial sex, the cues that may raise the
/// score of an ordinary classified) and market words (`market.*`: money-for-company wording that only a commercial
/// sex or companionship ad uses, which keeps a stated minor's age from being read as an ordinary classified).
///
/// Matched as whole words on the matching view by hashing each word and each pair of adjacent words once, so
/// the cost is one pass over the text whatever the size of the vocabulary.
public struct CategoryVocabulary: Sendable {
    /// Phrase hash → feature name (`word.body_rub`), as an open-addressed table probed by the phrase's own FNV hash:
    /// two lookups per word of every ad, where `Dictionary` would hash the hash again with SipHash.
    private let keys: [UInt64]
    private let names: [String?]
    /// Per slot: whether the phrase is also ordinary context (``ordinaryContextFeature``).
    private let contextSlots: [Bool]
    private let shift: UInt64
    public let source: String
    /// Whether market words are defined: then "$$" and money emoji (💵 💰 💸 🤑) add `market.money_sign` too.
    private let marksMoneySigns: Bool

    /// Set when an ad names what an ordinary classified offers (goods, vehicles, housing, the jobs minors advertise:
    /// the `ordinary_context` phrases). A stated age under 18 in an ad read as ordinary is let through only with such
    /// positive evidence of what the ad offers (``MinorRule``), so an ad that merely fails to look like a sex ad to
    /// the category model is not taken for a babysitter's.
    public static let ordinaryContextFeature = "ordinary.context"

    public init(phrases: [String], source: String = "memory") {
        self.init(groups: [(prefix: "word.", phrases: phrases)], source: source)
    }

    /// Phrases grouped by feature prefix (`word.`, `lure.`, `market.`); a phrase listed in several groups keeps the
    /// last group's prefix. `ordinaryContext` phrases add ``ordinaryContextFeature`` besides their own feature (one that is
    /// in no group is added as a `word.` phrase).
    public init(
        groups: [(prefix: String, phrases: [String])], ordinaryContext: [String] = [], source: String = "memory"
    ) {
        var features: [UInt64: String] = [:]
        func phraseHash(_ phrase: String) -> (hash: UInt64, words: [[UInt8]])? {
            let words = phrase.lowercased().split(separator: " ").map { Array($0.utf8) }
            guard !words.isEmpty, words.count <= 2 else { return nil }
            let hash =
                words.count == 1 ? Self.hash(words[0][...]) : Self.pair(Self.hash(words[0][...]), Self.hash(words[1][...]))
            return (hash, words)
        }
        for (prefix, phrases) in groups {
            for phrase in phrases {
                guard let (hash, words) = phraseHash(phrase) else { continue }
                features[hash] = prefix + words.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "_")
            }
        }
        var contextHashes = Set<UInt64>()
        for phrase in ordinaryContext {
            guard let (hash, words) = phraseHash(phrase) else { continue }
            contextHashes.insert(hash)
            if features[hash] == nil {
                features[hash] = "word." + words.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "_")
            }
        }
        var bits: UInt64 = 4
        while 1 << bits < features.count * 4 { bits += 1 }
        var keys = [UInt64](repeating: 0, count: 1 << bits)
        var names = [String?](repeating: nil, count: 1 << bits)
        var isContext = [Bool](repeating: false, count: 1 << bits)
        for (hash, name) in features where hash != 0 {  // 0 marks a free slot; no phrase hashes to it in practice
            var slot = Int(hash >> (64 - bits))
            while names[slot] != nil { slot = (slot + 1) & (keys.count - 1) }
            keys[slot] = hash
            names[slot] = name
            isContext[slot] = contextHashes.contains(hash)
        }
        self.keys = keys
        self.names = names
        self.contextSlots = isContext
        self.shift = 64 - bits
        self.source = source
        self.marksMoneySigns = groups.contains { $0.prefix == "market." && !$0.phrases.isEmpty }
    }

    static let moneySign = "market.money_sign"

    /// The feature name of a phrase hash, if the vocabulary has it.
    @inline(__always)
    func feature(_ hash: UInt64) -> String? {
        guard let slot = slot(of: hash) else { return nil }
        return names[slot]
    }

    /// The table slot of a phrase hash, if the vocabulary has it. Probes compare keys only (a zero key marks a free
    /// slot): reading a `String?` per probe would retain and release it, for each of the two probes per word.
    @inline(__always)
    private func slot(of hash: UInt64) -> Int? {
        var slot = Int(hash >> shift)
        while true {
            let key = keys[slot]
            if key == hash { return slot }
            if key == 0 { return nil }
            slot = (slot + 1) & (keys.count - 1)
        }
    }

    private struct File: Decodable {
        var version: Int
        var categories: [String: [String]]
        var recruitment: [String]?
        var market: [String]?
        var ordinary_context: OrdinaryContext?
    }

    private struct OrdinaryContext: Decodable {
        var add: [String]?
        var except: [String]?
    }

    public static func load(path: String) throws(LexiconError) -> CategoryVocabulary {
        do {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let file = try YAMLDecoder().decode(File.self, from: text)
            return CategoryVocabulary(
                groups: [
                    (prefix: "word.", phrases: file.categories.keys.sorted().flatMap { file.categories[$0]! }),
                    (prefix: "lure.", phrases: file.recruitment ?? []),
                    (prefix: "market.", phrases: file.market ?? []),
                ], ordinaryContext: Self.ordinaryContext(of: file), source: path)
        } catch {
            throw LexiconError(entry: nil, message: "\(path): cannot read the category vocabulary (\(error))")
        }
    }


    /// The `other` category's phrases and the `add` list, less the `except` list (``ordinaryContextFeature``).
    private static func ordinaryContext(of file: File) -> [String] {
        guard let context = file.ordinary_context else { return [] }
        let excepted = Set((context.except ?? []).map { $0.lowercased() })
        return ((file.categories["other"] ?? []) + (context.add ?? [])).filter { !excepted.contains($0.lowercased()) }
    }

    /// FNV-1a over a word's bytes.
    static func hash(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            h ^= UInt64(b)
            h = h &* 0x100_0000_01b3
        }
        return h
    }

    static func pair(_ a: UInt64, _ b: UInt64) -> UInt64 { (a &* 31) ^ (b &+ 0x9E37_79B9_7F4A_7C15) }

    /// Adds `word.*` features for the vocabulary phrases present in `view`.
    ///
    /// One pass, hashing each word as it is read. A line break or period resets the pair chain only when it does
    /// not end a word itself (the behaviour the shipped category model was trained with).
    func addFeatures(of view: [UInt8], to values: inout [String: Double]) {
        view.withUnsafeBufferPointer { buffer in
            var previous: UInt64 = 0
            var hasPrevious = false
            var hash: UInt64 = 0
            var inWord = false
            func endWord() {
                if let slot = slot(of: hash) {
                    values[names[slot]!] = 1
                    if contextSlots[slot] { values[Self.ordinaryContextFeature] = 1 }
                }
                if hasPrevious, let slot = slot(of: Self.pair(previous, hash)) {
                    values[names[slot]!] = 1
                    if contextSlots[slot] { values[Self.ordinaryContextFeature] = 1 }
                }
                previous = hash
                hasPrevious = true
                inWord = false
            }
            var previousByte: UInt8 = 0
            var index = 0
            for b in buffer {
                defer {
                    previousByte = b
                    index += 1
                }
                if marksMoneySigns {
                    // "$$" (not a price) or a money emoji (F0 9F 92 B5/B0/B8, F0 9F A4 91).
                    if b == UInt8(ascii: "$") && previousByte == UInt8(ascii: "$") {
                        values[Self.moneySign] = 1
                    } else if b == 0xF0, index + 3 < buffer.count, buffer[index + 1] == 0x9F,
                        (buffer[index + 2] == 0x92 && [0xB5, 0xB0, 0xB8].contains(buffer[index + 3]))
                            || (buffer[index + 2] == 0xA4 && buffer[index + 3] == 0x91)
                    {
                        values[Self.moneySign] = 1
                    }
                }
                if b &- 97 < 26 || b >= 0x80 || b == 39 {
                    if !inWord {
                        inWord = true
                        hash = 0xcbf2_9ce4_8422_2325
                    }
                    hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3
                } else if inWord {
                    endWord()
                } else if b == 10 || b == UInt8(ascii: ".") {
                    hasPrevious = false  // phrases do not cross sentences or lines
                }
            }
            if inWord { endWord() }
        }
    }
}
