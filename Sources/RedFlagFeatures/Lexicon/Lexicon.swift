import Foundation
internal import Yams
internal import RedFlagIngest
import RedFlagCore
public import RedFlagContract

/// The indicator lexicon: entries of PCRE2 patterns grouped into families, read from a YAML file under `Models/`.
///
/// Kept as data, not code, so an analyst can add a phrasing and rescan without rebuilding. `Models/lexicon.yaml`
/// documents the format and the matching view the patterns run on.
public struct Lexicon: Sendable {
    /// One concept: the patterns that express it and the contexts that cancel it.
    public struct Entry: Codable, Sendable, Equatable {
        /// Unique snake_case id; the feature name is `<family>.<id>`.
        public var id: String
        public var family: Family
        /// Prior log-odds weight from the evidence; a trained model learns its own.
        public var weight: Double
        public var description: String?
        /// PCRE2 patterns run on the matching view.
        public var patterns: [String]
        /// A hit is cancelled when one of these matches a span containing it.
        public var suppress: [String]?
        /// Snippets that must produce a hit (checked by `redflag lexicon check` and the tests).
        public var examples: [String]?
        /// Snippets that must not.
        public var counterexamples: [String]?
        /// The wording points to a person under 18 by itself (`minor: true` in the file): "jailbait", "sweet
        /// sixteen", a stated school grade. The review queue puts an ad with such a hit at its head, whatever the
        /// score, since a minor in a commercial sex act is a trafficking victim without any other proof.
        public var minor: Bool

        /// The sparse feature name: `<family>.<id>`.
        public var feature: String { family.rawValue + "." + id }

        public init(
            id: String, family: Family, weight: Double, description: String? = nil, patterns: [String],
            suppress: [String]? = nil, examples: [String]? = nil, counterexamples: [String]? = nil, minor: Bool = false
        ) {
            self.id = id
            self.family = family
            self.weight = weight
            self.description = description
            self.patterns = patterns
            self.suppress = suppress
            self.examples = examples
            self.counterexamples = counterexamples
            self.minor = minor
        }

        enum CodingKeys: String, CodingKey {
            case id, family, weight, description, patterns, suppress, examples, counterexamples, minor
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            self.init(
                id: try c.decode(String.self, forKey: .id), family: try c.decode(Family.self, forKey: .family),
                weight: try c.decode(Double.self, forKey: .weight),
                description: try c.decodeIfPresent(String.self, forKey: .description),
                patterns: try c.decode([String].self, forKey: .patterns),
                suppress: try c.decodeIfPresent([String].self, forKey: .suppress),
                examples: try c.decodeIfPresent([String].self, forKey: .examples),
                counterexamples: try c.decodeIfPresent([String].self, forKey: .counterexamples),
                minor: try c.decodeIfPresent(Bool.self, forKey: .minor) ?? false)
        }
    }

    public var version: Int
    public var entries: [Entry]
    /// Where it was read from, for messages and provenance.
    public var source: String
    /// SHA-256 of the file's bytes, recorded with every trained model.
    public var sha256: String

    public init(version: Int = 1, entries: [Entry], source: String = "memory", sha256: String = "") {
        self.version = version
        self.entries = entries
        self.source = source
        self.sha256 = sha256
    }

    private struct File: Decodable {
        var version: Int
        var entries: [RawEntry]
    }

    /// An entry as written, with the family still a string so an unknown one gets a clear message.
    private struct RawEntry: Decodable {
        var id: String
        var family: String
        var weight: Double
        var description: String?
        var patterns: [String]
        var suppress: [String]?
        var examples: [String]?
        var counterexamples: [String]?
        var minor: Bool?
    }

    /// Reads and checks a lexicon file: YAML structure, known families, unique ids, at least one pattern each.
    /// Patterns are compiled by ``IndicatorMatcher``.
    public static func load(path: String) throws(LexiconError) -> Lexicon {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw LexiconError(entry: nil, message: "\(path): cannot read the lexicon (\(error.localizedDescription))")
        }
        return try parse(Array(data), source: path)
    }

    /// Parses lexicon YAML from bytes.
    public static func parse(_ bytes: [UInt8], source: String) throws(LexiconError) -> Lexicon {
        let file: File
        do {
            file = try YAMLDecoder().decode(File.self, from: String(decoding: bytes, as: UTF8.self))
        } catch {
            throw LexiconError(entry: nil, message: "\(source): not a valid lexicon (\(describe(error)))")
        }
        var seen = Set<String>()
        var entries: [Entry] = []
        for raw in file.entries {
            guard let family = Family(rawValue: raw.family) else {
                throw LexiconError(
                    entry: raw.id,
                    message:
                        "\(source): entry \"\(raw.id)\" has unknown family \"\(raw.family)\" (families: \(Family.allCases.map(\.rawValue).joined(separator: ", ")))"
                )
            }
            let entry = Entry(
                id: raw.id, family: family, weight: raw.weight, description: raw.description, patterns: raw.patterns,
                suppress: raw.suppress, examples: raw.examples, counterexamples: raw.counterexamples,
                minor: raw.minor ?? false)
            entries.append(entry)
            if !seen.insert(entry.id).inserted {
                throw LexiconError(entry: entry.id, message: "\(source): duplicate entry id \"\(entry.id)\"")
            }
            if entry.patterns.isEmpty {
                throw LexiconError(entry: entry.id, message: "\(source): entry \"\(entry.id)\" has no patterns")
            }
            if !entry.weight.isFinite {
                throw LexiconError(entry: entry.id, message: "\(source): entry \"\(entry.id)\" has a non-finite weight")
            }
        }
        return Lexicon(version: file.version, entries: entries, source: source, sha256: sha256Hex(bytes))
    }
}

/// A lexicon that cannot be used, naming the entry and what is wrong.
public struct LexiconError: Error, Sendable, CustomStringConvertible {
    public var entry: String?
    public var message: String
    public var description: String { message }
}

private func describe(_ error: any Error) -> String {
    let text = String(describing: error)
    return text.count > 300 ? String(text.prefix(300)) + "…" : text
}
