/// Recognises the short headings that announce a list of other ads or pages: "Recent escorts ads", "Related
/// listings", "More ads from this city", "You may also like", "Members near you", "Anuncios relacionados".
///
/// The words are judged, not the site's markup, so the rule carries over to layouts whose class names say nothing.
/// A heading announces a list when, within its first 8 words:
/// - it starts with a word that only ever introduces other items ("related", "similar", "featured", "sponsored",
///   "recommended", "suggested", "nearby", "trending"), or has one right after what a site lists ("Anuncios
///   relacionados", "Listings nearby"), or
/// - it starts with a word that may ("recent", "latest", "new", "more", "other", "top" …) and names what a site lists
///   ("ads", "listings", "posts", "profiles", "members" …), or
/// - it holds a phrase sites use for such lists ("also like", "also viewed", "more from", "near you" …).
/// An ad's own headings rarely do: "New girls every week" names no site list, "Highly recommended" does not start
/// with the word.
enum ListHeadings {
    /// Longer text is not a heading.
    static let maximumBytes = 80
    static let maximumWords = 8

    static let strongStarts: Set<String> = [
        "related", "similar", "featured", "sponsored", "recommended", "suggested", "nearby", "trending",
        "relacionados", "similares", "destacados", "recomendados", "sugeridos",
    ]
    static let weakStarts: Set<String> = [
        "recent", "latest", "newest", "new", "more", "other", "others", "hot", "top", "popular", "last", "see",
        "view", "browse", "otros", "otras", "más", "mas", "nuevos", "nuevas", "últimos", "ultimos", "recientes",
        "ver",
    ]
    /// What sites list (never "girls", "escorts", "photos" or "services", which an ad may name about itself: "hot
    /// escorts available", "more photos").
    static let listNouns: Set<String> = [
        "ads", "adverts", "advertisements", "listings", "posts", "postings", "profiles", "classifieds", "members",
        "jobs", "items", "offers", "deals", "searches", "results", "users",
        "sellers", "anuncios", "avisos", "perfiles", "publicaciones", "ofertas",
    ]
    static let phrases: [[String]] = [
        ["also", "like"], ["also", "liked"], ["also", "viewed"], ["also", "interested"], ["more", "from"],
        ["more", "by"], ["near", "you"], ["you", "may", "like"], ["you", "might", "like"], ["te", "puede"],
        ["te", "podría"], ["te", "podria"], ["cerca", "de", "ti"],
    ]

    /// A word of at most 16 bytes, ASCII letters lowercased, packed into two integers (longer words match nothing).
    struct Word: Hashable {
        var low: UInt64 = 0
        var high: UInt64 = 0

        init() {}

        init(_ string: String) {
            for (index, byte) in string.utf8.enumerated() { append(byte, at: index) }
        }

        mutating func append(_ byte: UInt8, at index: Int) {
            if index < 8 {
                low |= UInt64(byte) << (8 * UInt64(index))
            } else {
                high |= UInt64(byte) << (8 * UInt64(index - 8))
            }
        }

        static let tooLong = Word(low: .max, high: .max)

        private init(low: UInt64, high: UInt64) {
            self.low = low
            self.high = high
        }
    }

    /// The word lists as packed words, built once.
    struct Tables: Sendable {
        let strong: Set<Word>
        let weak: Set<Word>
        let nouns: Set<Word>
        let articles: Set<Word>
        let phrases: [[Word]]

        init() {
            strong = Set(strongStarts.map(Word.init))
            weak = Set(weakStarts.map(Word.init))
            nouns = Set(listNouns.map(Word.init))
            articles = Set(["the", "los", "las"].map(Word.init))
            self.phrases = ListHeadings.phrases.map { $0.map(Word.init) }
        }
    }

    static let tables = Tables()

    /// Whether the heading text (UTF-8) announces a list of other ads. Runs without allocating: it is asked of
    /// every short label that opens a block.
    ///
    /// - Parameter label: The text is a label (`<b>`, `<span>`, a first `<p>`) rather than an `h1`–`h6`. A label
    ///   may be a badge on the ad itself ("Featured", "Sponsored") or the first words of its text ("Recommended by
    ///   many clients"), so a word that starts it announces a list only in a label of two or three words
    ///   ("Featured in Reno").
    static func announcesOtherAds(_ text: UnsafeBufferPointer<UInt8>, label: Bool = false) -> Bool {
        guard text.count <= maximumBytes else { return false }
        return withUnsafeTemporaryAllocation(of: Word.self, capacity: maximumWords) { words in
            var count = 0
            var word = Word()
            var length = 0
            var index = 0
            while index <= text.count {
                // ASCII letters and digits and every non-ASCII byte (accented letters) make words; the rest
                // separates.
                let b = index < text.count ? text[index] : 0
                index += 1
                let folded: UInt8
                if b &- 0x41 < 26 {
                    folded = b + 32
                } else if b &- 0x61 < 26 || b &- 0x30 < 10 || b >= 0x80 {
                    folded = b
                } else {
                    if length > 0 {
                        guard count < maximumWords else { return false }
                        words[count] = length > 16 ? Word.tooLong : word
                        count += 1
                        word = Word()
                        length = 0
                    }
                    continue
                }
                if length < 16 { word.append(folded, at: length) }
                length += 1
            }
            guard count > 0 else { return false }
            let tables = self.tables
            var first = 0
            if count > 1 && tables.articles.contains(words[0]) { first = 1 }
            if tables.strong.contains(words[first]) && (!label || (count - first >= 2 && count - first <= 3)) {
                return true
            }
            // "Anuncios relacionados", "Listings nearby".
            if first + 1 < count && tables.nouns.contains(words[first]) && tables.strong.contains(words[first + 1]) {
                return true
            }
            if tables.weak.contains(words[first]) {
                for k in (first + 1)..<max(first + 1, count) where tables.nouns.contains(words[k]) { return true }
            }
            for phrase in tables.phrases where count >= phrase.count {
                search: for start in 0...(count - phrase.count) {
                    for (offset, word) in phrase.enumerated() where words[start + offset] != word { continue search }
                    return true
                }
            }
            return false
        }
    }

    static func announcesOtherAds(_ text: String, label: Bool = false) -> Bool {
        var text = text
        return text.withUTF8 { announcesOtherAds($0, label: label) }
    }
}
