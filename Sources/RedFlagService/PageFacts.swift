import Foundation
import Synchronization

/// Where and when an ad page says it was posted, read from its markup: `<meta>` tags (geo.placename, og:locality,
/// article:published_time, …), the first `<time datetime>`, and JSON-LD (`addressLocality`, `datePosted`, …).
///
/// The review queue shows each ad's place and date so a reviewer can tell linked ads apart; without this, every HTML
/// item read "unknown" and its enqueue time. Only flagged ads are read (at enqueue), so regular expressions over the
/// raw page are cheap enough and keep the scan's parser untouched.
struct PageFacts: Equatable {
    var location: String?
    var date: String?

    init(html: String) {
        location = Self.firstMeta(in: html, names: Self.locationNames) ?? Self.jsonLD(in: html, keys: Self.locationKeys)
        date =
            Self.firstMeta(in: html, names: Self.dateNames) ?? Self.timeElement(in: html)
            ?? Self.jsonLD(in: html, keys: Self.dateKeys)
    }

    static let locationNames = [
        "geo.placename", "og:locality", "og:region", "place:location", "business:contact_data:locality", "city",
        "location",
    ]
    static let dateNames = [
        "article:published_time", "og:published_time", "datePosted", "date", "dc.date", "dcterms.created",
        "og:updated_time",
    ]
    static let locationKeys = ["addressLocality", "addressRegion", "areaServed"]
    static let dateKeys = ["datePosted", "datePublished", "dateCreated", "uploadDate"]

    /// The content of the first `<meta>` whose name, property or itemprop is one of `names` (in `names` order).
    private static func firstMeta(in html: String, names: [String]) -> String? {
        var found: [String: String] = [:]
        for tag in matches(#"<meta\b[^>]*>"#, in: html) {
            guard let key = attribute(["name", "property", "itemprop"], in: tag)?.lowercased(),
                let content = attribute(["content"], in: tag), !content.isEmpty, found[key] == nil
            else { continue }
            found[key] = content
        }
        return names.lazy.compactMap { found[$0.lowercased()] }.first.map(tidy)
    }

    private static func timeElement(in html: String) -> String? {
        matches(#"<time\b[^>]*>"#, in: html).lazy.compactMap { attribute(["datetime"], in: $0) }.first.map(tidy)
    }

    /// The first string value of one of `keys` inside `<script type="application/ld+json">` blocks.
    private static func jsonLD(in html: String, keys: [String]) -> String? {
        for block in matches(#"<script\b[^>]*application/ld\+json[^>]*>[\s\S]*?</script>"#, in: html) {
            for key in keys {
                let pattern = "\"" + key + #""\s*:\s*"((?:[^"\\]|\\.)*)""#
                if let value = captures(pattern, in: block).first, !value.isEmpty { return tidy(value) }
            }
        }
        return nil
    }

    private static func attribute(_ names: [String], in tag: String) -> String? {
        for name in names {
            let pattern = #"\b"# + name + #"\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))"#
            if let value = captures(pattern, in: tag).first { return value }
        }
        return nil
    }

    /// Entities decoded, whitespace collapsed, at most 80 characters.
    private static func tidy(_ text: String) -> String {
        var out = text
        for (entity, character) in [("&amp;", "&"), ("&quot;", "\""), ("&#39;", "'"), ("&lt;", "<"), ("&gt;", ">")] {
            out = out.replacingOccurrences(of: entity, with: character)
        }
        out = out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return out.count > 80 ? String(out.prefix(79)) + "…" : out
    }

    private static func matches(_ pattern: String, in text: String) -> [String] {
        guard let regex = CompiledPatterns.shared.regex(pattern) else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).compactMap { Range($0.range, in: text).map { String(text[$0]) } }
    }

    /// The first non-empty capture group of each match.
    private static func captures(_ pattern: String, in text: String) -> [String] {
        guard let regex = CompiledPatterns.shared.regex(pattern) else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).compactMap { match in
            (1..<match.numberOfRanges).lazy.compactMap { k in
                Range(match.range(at: k), in: text).map { String(text[$0]) }
            }.first
        }
    }
}

/// The patterns ``PageFacts`` uses, each compiled once per process: compiling an ICU pattern cost more than the
/// rest of enqueueing a flagged ad (two fifths of `scan --enqueue`'s CPU, and the server's, went to compiling the
/// same dozen patterns again for every ad).
final class CompiledPatterns: @unchecked Sendable {
    static let shared = CompiledPatterns()

    /// Compiled case-insensitive patterns by source. `NSRegularExpression` is immutable once made and documented as
    /// safe to use from several threads at once, which is what makes sharing it (and `@unchecked Sendable`) sound;
    /// the dictionary itself is only touched under the lock.
    private let compiled = Mutex<[String: Box]>([:])

    private final class Box: @unchecked Sendable {
        let regex: NSRegularExpression
        init(_ regex: NSRegularExpression) { self.regex = regex }
    }

    func regex(_ pattern: String) -> NSRegularExpression? {
        if let box = compiled.withLock({ $0[pattern] }) { return box.regex }
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) else { return nil }
        let box = Box(regex)
        compiled.withLock { $0[pattern] = box }
        return regex
    }
}
