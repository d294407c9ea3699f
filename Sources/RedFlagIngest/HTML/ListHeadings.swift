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

    /// What a word is to the rules, as bits.
    struct Role: OptionSet, Sendable {
        let rawValue: UInt8
        static let strong = Role(rawValue: 1)
        static let weak = Role(rawValue: 2)
        static let noun = Role(rawValue: 4)
        static let article = Role(rawValue: 8)
        /// Part of a phrase.
        static let phrase = Role(rawValue: 16)
    }

    /// Every listed word with its roles, in an open-addressed table with a multiplicative hash: this is asked of
    /// every word of every short label, where `Set`'s seeded SipHash showed in profiles.
    struct Table: Sendable {
        private let slots: [(word: Word, roles: Role)]
        let phrases: [[Word]]

        init() {
            var roles: [Word: Role] = [:]
            for (list, role) in [
                (strongStarts, Role.strong), (weakStarts, .weak), (listNouns, .noun), (["the", "los", "las"], .article),
                (Set(ListHeadings.phrases.joined()), .phrase),
            ] {
                for word in list { roles[Word(word), default: []].insert(role) }
            }
            var slots = [(word: Word, roles: Role)](repeating: (Word(), []), count: 256)
            for (word, role) in roles {
                var slot = Self.slot(of: word)
                while !slots[slot].roles.isEmpty { slot = (slot + 1) & 255 }
                slots[slot] = (word, role)
            }
            self.slots = slots
            self.phrases = ListHeadings.phrases.map { $0.map(Word.init) }
        }

        func roles(of word: Word) -> Role {
            var slot = Self.slot(of: word)
            while true {
                let entry = slots[slot]
                if entry.roles.isEmpty { return [] }
                if entry.word == word { return entry.roles }
                slot = (slot + 1) & 255
            }
        }

        private static func slot(of word: Word) -> Int {
            Int(truncatingIfNeeded: ((word.low ^ (word.high &* 31)) &* 0x9E37_79B9_7F4A_7C15) >> 56)
        }
    }

    static let table = Table()

    /// Whether the heading text (UTF-8) announces a list of other ads. Runs without allocating: it is asked of
    /// every short label that opens a block.
    ///
    /// - Parameter label: The text is a label (`<b>`, `<span>`, a first `<p>`) rather than an `h1`–`h6`. A label
    ///   may be a badge on the ad itself ("Featured", "Sponsored") or the first words of its text ("Recommended by
    ///   many clients"), so a word that starts it announces a list only in a label of two or three words
    ///   ("Featured in Reno").
    static func announcesOtherAds(_ text: UnsafeBufferPointer<UInt8>, label: Bool = false) -> Bool {
        guard text.count <= maximumBytes else { return false }
        let table = self.table
        return withUnsafeTemporaryAllocation(of: (word: Word, roles: Role).self, capacity: maximumWords) { words in
            var count = 0
            var word = Word()
            var length = 0
            var all: Role = []
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
                        let roles = length > 16 ? [] : table.roles(of: word)
                        words[count] = (length > 16 ? Word.tooLong : word, roles)
                        all.formUnion(roles)
                        count += 1
                        word = Word()
                        length = 0
                    }
                    continue
                }
                if length < 16 { word.append(folded, at: length) }
                length += 1
            }
            // Most labels are no heading: none of their words is listed.
            guard count > 0, !all.isEmpty else { return false }
            var first = 0
            if count > 1 && words[0].roles.contains(.article) { first = 1 }
            let starts = words[first].roles
            if starts.contains(.strong) && (!label || (count - first >= 2 && count - first <= 3)) { return true }
            // "Anuncios relacionados", "Listings nearby".
            if first + 1 < count && starts.contains(.noun) && words[first + 1].roles.contains(.strong) { return true }
            if starts.contains(.weak) {
                for k in (first + 1)..<max(first + 1, count) where words[k].roles.contains(.noun) { return true }
            }
            guard all.contains(.phrase) else { return false }
            for phrase in table.phrases where count >= phrase.count {
                search: for start in 0...(count - phrase.count) {
                    for (offset, word) in phrase.enumerated() where words[start + offset].word != word {
                        continue search
                    }
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
