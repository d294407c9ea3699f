import Foundation
import RedFlagFeatures
public import RedFlagContract

/// A hand-annotated set of real ads, keyed by the SHA-256 of each ad's text, never holding the text itself.
///
/// Real ads may be measured on but never copied into the repository (their phone numbers, names and URLs belong to
/// real people), so an annotation carries only what an evaluation needs: the families found by the guide
/// (`FAMILIES.md`) with short evidence phrases, the SHA-256 of each phone number's digits, and the stated ages.
/// The ad is found again by hashing the text field of the dump it came from, exactly as a scan hashes it.
public struct GoldSet: Sendable {
    /// One annotated ad.
    public struct Annotation: Sendable, Decodable {
        /// `sha256:<hex>` or `<hex>`: the SHA-256 of the ad text's UTF-8 bytes.
        public var key: String
        /// The dump's own category (`escort`, `massage`, `other` …).
        public var rowLabel: String?
        /// `dev` (tuned on) or `test` (kept for reporting); nil counts as dev.
        public var split: String?
        /// Families present by the guide, each with the phrases that show it.
        public var families: [String: [String]]
        /// Families whose call the annotator found borderline (still decided).
        public var doubtful: [String]?
        /// SHA-256 (hex) of each contact phone number's digits: ten digits for North American numbers.
        public var phones: [String]
        /// The provider's stated ages.
        public var ages: [Int]

        enum CodingKeys: String, CodingKey {
            case key, split, families, doubtful, phones, ages
            case rowLabel = "row_label"
        }

        /// The hex digest alone.
        public var digest: String { key.hasPrefix("sha256:") ? String(key.dropFirst(7)) : key }

        /// The annotated families, refusing names the guide does not define.
        public func familySet() throws(GoldSetError) -> Set<Family> {
            var set = Set<Family>()
            for name in families.keys {
                guard let family = Family(rawValue: name) else {
                    throw GoldSetError("annotation \(digest.prefix(12)): unknown family \"\(name)\"")
                }
                set.insert(family)
            }
            return set
        }
    }

    public var annotations: [Annotation]

    public init(annotations: [Annotation]) {
        self.annotations = annotations
    }

    /// Reads a JSONL gold file: one ``Annotation`` per line; blank lines and lines starting with `#` are skipped.
    public static func load(path: String) throws(GoldSetError) -> GoldSet {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw GoldSetError("cannot read gold file \(path): \(error.localizedDescription)")
        }
        var annotations: [Annotation] = []
        var seen = Set<String>()
        let decoder = JSONDecoder()
        for (number, line) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.drop { $0 == 32 || $0 == 9 }
            if trimmed.isEmpty || trimmed.first == UInt8(ascii: "#") { continue }
            let annotation: Annotation
            do {
                annotation = try decoder.decode(Annotation.self, from: Data(trimmed))
            } catch {
                throw GoldSetError("\(path):\(number + 1): not a gold annotation (\(describe(error)))")
            }
            _ = try annotation.familySet()
            guard seen.insert(annotation.digest).inserted else {
                throw GoldSetError("\(path):\(number + 1): key \(annotation.digest.prefix(12))… is annotated twice")
            }
            annotations.append(annotation)
        }
        return GoldSet(annotations: annotations)
    }

    /// The annotations of one split (`dev`, `test`), or all of them for nil.
    public func split(_ name: String?) -> GoldSet {
        guard let name else { return self }
        return GoldSet(annotations: annotations.filter { ($0.split ?? "dev") == name })
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "missing field \"\(key.stringValue)\""
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "wrong type at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        case DecodingError.dataCorrupted: "invalid JSON"
        default: "\(error)"
        }
    }
}

/// A gold file that cannot be used, with the reason.
public struct GoldSetError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
