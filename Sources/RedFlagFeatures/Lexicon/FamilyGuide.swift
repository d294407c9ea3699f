import Foundation
internal import Yams
public import RedFlagContract

/// The analysts' guide to the indicator families, read from `Models/families.yaml`: what each family means, what
/// does not count, and what the research says of it.
///
/// Kept as data beside the lexicon so the words an analyst reads can be corrected without a rebuild; the example
/// phrases and weights `redflag indicators` prints come from the lexicon and the model, so they cannot drift from
/// what RedFlag actually matches and scores.
public struct FamilyGuide: Sendable {
    /// One family's entry.
    public struct Entry: Sendable, Equatable, Decodable {
        public var family: Family
        /// What the family means: the wording a reviewer would point at.
        public var meaning: String
        /// What does not count.
        public var notCounted: String
        /// What the published evidence says of it.
        public var research: String

        public init(family: Family, meaning: String, notCounted: String, research: String) {
            self.family = family
            self.meaning = meaning
            self.notCounted = notCounted
            self.research = research
        }

        enum CodingKeys: String, CodingKey {
            case family, meaning, research
            case notCounted = "not"
        }
    }

    public var entries: [Entry]
    /// Where it was read from, for messages.
    public var source: String

    public init(entries: [Entry], source: String = "memory") {
        self.entries = entries
        self.source = source
    }

    /// The entry of `family`, if the guide has one.
    public func entry(for family: Family) -> Entry? { entries.first { $0.family == family } }

    /// Families in `families` that the guide does not describe, or describes with an empty field: what a test and
    /// `redflag indicators` refuse, so no family reaches an analyst unexplained.
    public func undescribed(_ families: some Sequence<Family>) -> [Family] {
        families.filter { family in
            guard let entry = entry(for: family) else { return true }
            return [entry.meaning, entry.notCounted, entry.research].contains {
                $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            }
        }
    }

    private struct File: Decodable {
        var version: Int
        var families: [RawEntry]
    }

    /// An entry as written, with the family still a string so an unknown one gets a clear message.
    private struct RawEntry: Decodable {
        var family: String
        var meaning: String?
        var not: String?
        var research: String?
    }

    /// Reads the guide at `path`.
    /// - Throws: ``LexiconError`` naming the file and the family at fault: unreadable, not YAML of this shape, an
    ///   unknown or repeated family.
    public static func load(path: String) throws(LexiconError) -> FamilyGuide {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw LexiconError(entry: nil, message: "\(path): cannot read the family guide (\(error.localizedDescription))")
        }
        let file: File
        do {
            file = try YAMLDecoder().decode(File.self, from: text)
        } catch {
            throw LexiconError(entry: nil, message: "\(path): not a valid family guide (\(error))")
        }
        var entries: [Entry] = []
        for raw in file.families {
            guard let family = Family(rawValue: raw.family) else {
                throw LexiconError(
                    entry: raw.family,
                    message: "\(path): unknown family \"\(raw.family)\" (families: "
                        + Family.allCases.map(\.rawValue).joined(separator: ", ") + ")")
            }
            guard !entries.contains(where: { $0.family == family }) else {
                throw LexiconError(entry: raw.family, message: "\(path): family \"\(raw.family)\" is described twice")
            }
            entries.append(
                Entry(
                    family: family, meaning: raw.meaning ?? "", notCounted: raw.not ?? "", research: raw.research ?? ""))
        }
        return FamilyGuide(entries: entries, source: path)
    }

    /// `$REDFLAG_MODELS/families.yaml`, `./Models/families.yaml` or the source tree's, whichever exists.
}
