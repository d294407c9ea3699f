import RedFlagContract
public import RedFlagFeatures

/// Pair precision and recall of template clustering on real ads reposted with changes: `redflag bench --stages
/// pairs` over a file of real ads (the DIG file in ../shared/data; nothing of it is kept).
///
/// The set: every base ad long enough to sign, each followed by `reposts` copies with every digit changed (phones,
/// prices, ages), a tenth of its capitalised words replaced by other names and cities, and a share of its words
/// deleted, replaced or added (words taken from the whole file); with `footer`, the same disclaimer is appended to
/// every ad, bases and copies, as a site does. All ads are shuffled, then clustered in that order as a scan does
/// (``TemplateClusters``).
///
/// The truth: a copy is the same template as its base. Real files hold their own reposts (one parlour's text under
/// several ids), so the bases are first grouped by exact Jaccard similarity of their unmasked word pairs: bases at
/// or above ``sameTemplateJaccard`` are one template (joined transitively), and all their copies with them. A pair
/// of ads is true when both are of one template, predicted when both got one cluster id, as a reader grouping a
/// scan's lines by `cluster` would count them.
public struct TemplatePairFixture {
    /// Bases this similar (exact Jaccard of lower-cased word pairs, nothing masked) are one template: a repost of
    /// the same text with its contact changed stays far above it, two ads of one site sharing the site's chrome
    /// far below.
    public static let sameTemplateJaccard = 0.5

    public struct Variant: Sendable {
        public var name: String
        /// Share of words deleted, replaced or added in each copy.
        public var edits: Double
        public var footer: Bool
        /// Whether each copy also gets an emoji and has one line dropped or one added (a line of any base ad, see
        /// ``changeALine(of:sentences:random:)``): the changes the issue names, on top of contacts, names and cities.
        public var lines: Bool

        public init(name: String, edits: Double, footer: Bool = false, lines: Bool = false) {
            self.name = name
            self.edits = edits
            self.footer = footer
            self.lines = lines
        }
    }

    public struct Result: Sendable {
        public var threshold: Double
        public var precision: Double
        public var recall: Double
        public var truePairs: Int
        public var predictedPairs: Int
        public var correctPairs: Int
        /// Recall over the pairs of one base and its copies alone: what is lost among a text's own reposts, apart
        /// from pairs of two bases the file itself holds as one template.
        public var copyRecall: Double
        /// Precision and recall over the pairs of two bases alone: the file's own reposts, real ads posted again
        /// by their advertisers with whatever they changed, clustered among all the copies.
        public var originalsPrecision: Double
        public var originalsRecall: Double
    }

    public struct Report: Sendable {
        public var variant: Variant
        public var ads: Int
        public var bases: Int
        /// Bases that share a template with another base (the file's own reposts), and the templates they form.
        public var basesInSharedTemplates: Int
        public var sharedTemplates: Int
        public var results: [Result]
    }

    let texts: [String]
    let features: FeatureExtractor
    public var reposts = 3

    public init(texts: [String], features: FeatureExtractor) {
        self.texts = texts
        self.features = features
    }

    /// Builds the variant's set once and clusters it at each threshold.
    public func run(_ variant: Variant, thresholds: [Double], seed: UInt64 = 19) -> Report {
        let scratch = FeatureScratch()
        // Bases: the ads long enough to get a signature.
        // Not the pages that say an ad was removed: a scan gives them no template (the notice is the site's, the
        // same on every such page).
        let bases = texts.filter {
            RemovedAdNotice.ownTextEnd(in: $0) == nil && features.templateSignature(ofText: $0, scratch: scratch) != nil
        }
        let truth = Self.groups(bases)
        var vocabulary: [Substring] = []
        for text in bases {
            for word in text.split(whereSeparator: \.isWhitespace) where word.allSatisfy(\.isLowercase) {
                vocabulary.append(word)
            }
        }
        var random = SplitMix(seed: seed)
        let sentences = variant.lines ? bases.flatMap(Self.sentences).filter(Self.isALine) : []
        var ads: [(text: String, template: Int, base: Int, original: Bool)] = []
        for (k, base) in bases.enumerated() {
            ads.append((base, truth[k], k, true))
            for _ in 0..<reposts {
                var copy = Self.repost(of: base, edits: variant.edits, vocabulary: vocabulary, random: &random)
                if variant.lines { copy = Self.changeALine(of: copy, sentences: sentences, random: &random) }
                ads.append((copy, truth[k], k, false))
            }
        }
        if variant.footer { ads = ads.map { ($0.text + " " + Self.footer, $0.template, $0.base, $0.original) } }
        // Shuffled (Fisher–Yates): a copy may come before its base.
        for k in stride(from: ads.count - 1, to: 0, by: -1) { ads.swapAt(k, random.below(k + 1)) }
        let signatures = ads.map { features.templateSignature(ofText: $0.text, scratch: scratch) }
        var results: [Result] = []
        for threshold in thresholds {
            let clusters = TemplateClusters(threshold: threshold)
            var predicted: [String] = []
            for (k, signature) in signatures.enumerated() {
                let id = ClusterBenchmark.hex(UInt64(k))
                // An ad too short to sign is alone: its own id.
                predicted.append(clusters.add(signature, sha256: id) ?? TemplateClusters.id(ofFirst: id))
            }
            let counts = Self.pairCounts(predicted: predicted, truth: ads.map(\.template))
            let copies = Self.pairCounts(predicted: predicted, truth: ads.map(\.base))
            let originals = ads.indices.filter { ads[$0].original }
            let real = Self.pairCounts(predicted: originals.map { predicted[$0] }, truth: originals.map { ads[$0].template })
            results.append(
                Result(
                    threshold: threshold,
                    precision: counts.predicted == 0 ? 1 : Double(counts.correct) / Double(counts.predicted),
                    recall: counts.truth == 0 ? 1 : Double(counts.correct) / Double(counts.truth),
                    truePairs: counts.truth, predictedPairs: counts.predicted, correctPairs: counts.correct,
                    copyRecall: copies.truth == 0 ? 1 : Double(copies.correct) / Double(copies.truth),
                    originalsPrecision: real.predicted == 0 ? 1 : Double(real.correct) / Double(real.predicted),
                    originalsRecall: real.truth == 0 ? 1 : Double(real.correct) / Double(real.truth)))
        }
        var sizes: [Int: Int] = [:]
        for template in truth { sizes[template, default: 0] += 1 }
        return Report(
            variant: variant, ads: ads.count, bases: bases.count,
            basesInSharedTemplates: sizes.values.filter { $0 > 1 }.reduce(0, +),
            sharedTemplates: sizes.values.count { $0 > 1 }, results: results)
    }

    /// Pairs predicted (same cluster), true (same template) and both, counted from the table of (cluster,
    /// template) cells.
    static func pairCounts(predicted: [String], truth: [Int]) -> (predicted: Int, truth: Int, correct: Int) {
        func pairs<K: Hashable>(_ keys: [K]) -> Int {
            var counts: [K: Int] = [:]
            for key in keys { counts[key, default: 0] += 1 }
            return counts.values.reduce(0) { $0 + $1 * ($1 - 1) / 2 }
        }
        return (pairs(predicted), pairs(truth), pairs(zip(predicted, truth).map { "\($0) \($1)" }))
    }

    /// For each base, its template's number: bases whose exact word-pair Jaccard similarity reaches
    /// ``sameTemplateJaccard`` share one (union–find, so transitively).
    static func groups(_ texts: [String]) -> [Int] {
        let sets = texts.map(wordPairs)
        var parent = Array(texts.indices)
        func root(_ k: Int) -> Int {
            var k = k
            while parent[k] != k {
                parent[k] = parent[parent[k]]
                k = parent[k]
            }
            return k
        }
        for i in sets.indices {
            for j in (i + 1)..<sets.count where jaccard(sets[i], sets[j]) >= sameTemplateJaccard {
                parent[root(j)] = root(i)
            }
        }
        return texts.indices.map(root)
    }

    /// Lower-cased runs of letters and digits, in pairs: nothing masked.
    static func wordPairs(_ text: String) -> Set<String> {
        let words = text.lowercased().split { !$0.isLetter && !$0.isNumber }
        guard words.count >= 2 else { return Set(words.map(String.init)) }
        return Set((0..<(words.count - 1)).map { words[$0] + " " + words[$0 + 1] })
    }

    static func jaccard(_ a: Set<String>, _ b: Set<String>) -> Double {
        let shared = a.intersection(b).count
        let union = a.count + b.count - shared
        return union == 0 ? 0 : Double(shared) / Double(union)
    }

    /// A copy of `text`: every digit changed, a tenth of the capitalised words (not the first) replaced by a name or
    /// a city, and `edits` of the words deleted, replaced by a word of `vocabulary`, or followed by one.
    static func repost(of text: String, edits: Double, vocabulary: [Substring], random: inout SplitMix) -> String {
        var out: [String] = []
        for (index, word) in text.split(whereSeparator: \.isWhitespace).enumerated() {
            var word = String(word)
            if word.contains(where: \.isNumber) {
                word = String(word.map { $0.isASCII && $0.isNumber ? Character(String(random.below(10))) : $0 })
            }
            if index > 0, let first = word.first, first.isUppercase, word.dropFirst().first?.isLowercase == true,
                random.unit() < 0.1
            {
                let trailing = word.reversed().prefix { !$0.isLetter }
                word = names[random.below(names.count)] + String(trailing.reversed())
            }
            if !vocabulary.isEmpty && random.unit() < edits {
                switch random.below(3) {
                case 0: continue
                case 1: word = String(vocabulary[random.below(vocabulary.count)])
                default:
                    out.append(word)
                    word = String(vocabulary[random.below(vocabulary.count)])
                }
            }
            out.append(word)
        }
        return out.joined(separator: " ")
    }

    /// The text's sentences: runs ending in `.`, `!` or `?` before a space, and the rest.
    static func sentences(_ text: String) -> [Substring] {
        var out: [Substring] = []
        var start = text.startIndex
        var previous: Character = " "
        for index in text.indices {
            let character = text[index]
            if character.isWhitespace && (previous == "." || previous == "!" || previous == "?") {
                if text[start..<index].contains(where: { !$0.isWhitespace }) { out.append(text[start..<index]) }
                start = index
            }
            previous = character
        }
        if text[start...].contains(where: { !$0.isWhitespace }) { out.append(text[start...]) }
        return out
    }

    /// A line: a sentence of 3 to 25 words. Many real ads have little punctuation, and one "sentence" can be the
    /// whole ad; dropping or adding that is not a line.
    static func isALine(_ sentence: Substring) -> Bool {
        (3...25).contains(sentence.split(whereSeparator: \.isWhitespace).count)
    }

    /// `text` with an emoji after one of its words, and one of its lines dropped (when it has more than two
    /// sentences, and a coin says so) or else a line of `sentences` added before, between or after its sentences.
    static func changeALine(of text: String, sentences: [Substring], random: inout SplitMix) -> String {
        var parts = Self.sentences(text).map(String.init)
        let droppable = parts.indices.filter { isALine(Substring(parts[$0])) }
        if parts.count > 2 && !droppable.isEmpty && random.below(2) == 0 {
            parts.remove(at: droppable[random.below(droppable.count)])
        } else if !sentences.isEmpty {
            parts.insert(String(sentences[random.below(sentences.count)]), at: random.below(parts.count + 1))
        }
        var words = parts.joined(separator: " ").split(whereSeparator: \.isWhitespace).map(String.init)
        if !words.isEmpty { words.insert(emoji[random.below(emoji.count)], at: random.below(words.count) + 1) }
        return words.joined(separator: " ")
    }

    static let emoji = ["💋", "😘", "🌹", "🔥", "💦", "👅", "🍒", "✨"]

    /// Names and cities a copy puts in place of capitalised words.
    static let names = [
        "Sofia", "Kim", "Jasmine", "Amber", "Destiny", "Mia", "Lola", "Nikki", "Crystal", "Diamond", "Houston",
        "Phoenix", "Dallas", "Atlanta", "Miami", "Denver", "Portland", "Seattle", "Chicago", "Boston", "Tampa",
        "Orlando", "Reno", "Sacramento",
    ]

    /// A site's footer, the same on every ad of the footer variant: longer than many ads.
    static let footer = """
        Disclaimer: this site is an online classifieds service. All advertisements are placed by independent \
        advertisers who are solely responsible for their content. Any reference to money is for time and \
        companionship only; anything else that may occur is a matter of choice between consenting adults. By \
        viewing this page you confirm that you are at least eighteen years old and that you are not affiliated with \
        any law enforcement agency. Report abuse or illegal activity to our moderators. Rates: half hour, one hour, \
        two hours and overnight upon request. Posted by a verified member; reply through the site only.
        """
}

