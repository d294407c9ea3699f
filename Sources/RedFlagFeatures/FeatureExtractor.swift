import Foundation
public import RedFlagIngest
public import RedFlagContract

/// Turns an ad's text into indicators, entities and a sparse feature vector.
///
/// ```swift
/// let extractor = try FeatureExtractor(lexiconPath: "Models/lexicon.yaml", vocabularyPath: "Models/category-words.yaml")
/// let scratch = FeatureScratch()           // one per worker
/// let features = extractor.features(of: document, scratch: scratch)
/// ```
public final class FeatureExtractor: Sendable {
    public let matcher: IndicatorMatcher
    public let entityExtractor = EntityExtractor()
    /// Category words (`word.*` features); nil leaves them out.
    public let vocabulary: CategoryVocabulary?

    public init(lexicon: Lexicon, vocabulary: CategoryVocabulary? = nil) throws(LexiconError) {
        matcher = try IndicatorMatcher(lexicon: lexicon)
        self.vocabulary = vocabulary
    }

    /// Loads the lexicon at `lexiconPath` and the category vocabulary at `vocabularyPath` (none when nil), and
    /// compiles them. Paths are the caller's to choose: a library never guesses where its data lives.
    public convenience init(lexiconPath: String, vocabularyPath: String?) throws(LexiconError) {
        let vocabulary = try vocabularyPath.map { (path) throws(LexiconError) in try CategoryVocabulary.load(path: path) }
        try self.init(lexicon: Lexicon.load(path: lexiconPath), vocabulary: vocabulary)
    }

    public var lexicon: Lexicon { matcher.lexicon }

    /// Features of a document: its main text is matched; its title is read for the poster's age.
    public func features(of document: AdDocument, scratch: FeatureScratch) -> AdFeatures {
        features(ofText: document.text, title: document.title, scratch: scratch)
    }

    /// With `signsTemplate`, also the ad's ``TemplateSignature`` (``AdFeatures/template``), for grouping reposts of
    /// one text; off by default, since only clustering scans and the queue need it.
    public func features(
        ofText text: String, title: String? = nil, scratch: FeatureScratch, signsTemplate: Bool = false
    ) -> AdFeatures {
        scratch.wordNormalizer.normalize(text, into: &scratch.wordView)
        scratch.entityNormalizer.normalize(text, into: &scratch.entityView)
        let hits = matcher.match(view: scratch.wordView, text: text, scratch: scratch)
        let (entities, phones) = entityExtractor.extract(
            view: scratch.entityView, original: text, title: title, scratch: scratch)
        let stats = scratch.entityView.stats
        var features = AdFeatures(
            indicators: hits, entities: entities, phones: phones, stats: stats, vector: FeatureVector())
        features.vector = vector(for: features, textLength: text.utf8.count, view: scratch.wordView.bytes)
        if signsTemplate {
            features.template = sign(text, phones: phones.map(\.range), scratch: scratch)
        }
        return features
    }

    /// The ad's ``TemplateSignature`` alone (nil when it is too short to tell), without the lexicon or the model's
    /// features: for ads that are only clustered (`queue import`, benchmarks).
    public func templateSignature(ofText text: String, scratch: FeatureScratch) -> TemplateSignature? {
        scratch.wordNormalizer.normalize(text, into: &scratch.wordView)
        scratch.entityNormalizer.normalize(text, into: &scratch.entityView)
        let phones = entityExtractor.extract(view: scratch.entityView, original: text, title: nil, scratch: scratch).phones
        return sign(text, phones: phones.map(\.range), scratch: scratch)
    }

    /// The ad's words as its signature reads them (``TemplateShingles/words(view:original:phones:)``).
    public func templateWords(ofText text: String, scratch: FeatureScratch) -> [UInt64] {
        scratch.wordNormalizer.normalize(text, into: &scratch.wordView)
        scratch.entityNormalizer.normalize(text, into: &scratch.entityView)
        let phones = entityExtractor.extract(view: scratch.entityView, original: text, title: nil, scratch: scratch).phones
        return TemplateShingles.words(view: scratch.wordView, original: Array(text.utf8), phones: phones.map(\.range))
    }

    /// Signs the ad whose word view `scratch` holds.
    private func sign(_ text: String, phones: [Range<Int>], scratch: FeatureScratch) -> TemplateSignature? {
        TemplateShingles.signature(
            view: scratch.wordView, original: text, phones: phones, buffers: &scratch.templateBuffers)
    }

    /// `family.<name>` for each family, made once.
    static let familyFeatures: [Family: String] = Dictionary(
        uniqueKeysWithValues: Family.allCases.map { ($0, "family." + $0.rawValue) })
    /// Families too common to count as a kind of evidence.
    static let weakFamilies: Set<Family> = [.movement, .incallOutcall, .availability24x7]
    /// The four predictors that held up against case outcomes.
    static let strongFamilies: [Family] = [.trustLanguage, .obfuscatedPhone, .youth, .ethnicityStated]

    /// The sparse features: one per lexicon entry that fired, a capped count per family, entity facts, age bands,
    /// look-alike ratio, emoji counts and text length bins.
    func vector(for features: AdFeatures, textLength: Int, view: [UInt8]) -> FeatureVector {
        var values: [String: Double] = [:]
        vocabulary?.addFeatures(of: view, to: &values)
        var familyCounts: [Family: Int] = [:]
        for hit in features.indicators {
            values[hit.feature] = 1
            familyCounts[hit.family, default: 0] += 1
        }
        let entities = features.entities
        if entities.phoneObfuscated { familyCounts[.obfuscatedPhone, default: 0] += 1 }
        if entities.underage { familyCounts[.underageAge, default: 0] += 1 }
        // Presence, not counts: an ad that repeats a word (or a page that repeats its title) is not more suspicious.
        for family in familyCounts.keys { values[Self.familyFeatures[family]!] = 1 }
        // How many kinds of evidence co-occur: one cue is weak (RESEARCH.md), several together are what matter.
        // Movement, incall/outcall and 24/7 are too common to count as evidence here.
        let kinds = familyCounts.keys.filter { !Self.weakFamilies.contains($0) }.count
        switch kinds {
        case 0: break
        case 1: values["evidence.kinds_1"] = 1
        case 2: values["evidence.kinds_2"] = 1
        case 3...4: values["evidence.kinds_3_4"] = 1
        default: values["evidence.kinds_5_plus"] = 1
        }
        // The four predictors that held up against case outcomes: trust language, an obscured phone, youth
        // language, stated ethnicity.
        let strongCount = Self.strongFamilies.filter { familyCounts[$0] != nil }.count
        if strongCount >= 2 { values["evidence.strong_\(min(strongCount, 4))"] = 1 }
        if !entities.phones.isEmpty { values["entity.phone"] = 1 }
        if entities.phones.count > 1 { values["entity.phone_multiple"] = 1 }
        if entities.phoneObfuscated { values["entity.phone_obfuscated"] = 1 }
        if !entities.emails.isEmpty { values["entity.email"] = 1 }
        if !entities.prices.isEmpty { values["entity.price"] = 1 }
        if let youngest = entities.ages.min() {
            let band: String
            switch youngest {
            case ..<18: band = "under_18"
            case 18...19: band = "18_19"
            case 20...22: band = "20_22"
            case 23...29: band = "23_29"
            default: band = "30_plus"
            }
            values["age." + band] = 1
        }
        let stats = features.stats
        if stats.letters > 0 && stats.lookalikeLetters > 0 {
            values["text.lookalike_ratio"] = min(1, Double(stats.lookalikeLetters) / Double(stats.letters) * 10)
        }
        if stats.styledDigits > 0 { values["text.styled_digits"] = 1 }
        switch stats.emoji {
        case 0: values["emoji.none"] = 1
        case 1...2: values["emoji.1_2"] = 1
        case 3...9: values["emoji.3_9"] = 1
        default: values["emoji.10_plus"] = 1
        }
        switch textLength {
        case ..<200: values["length.lt200"] = 1
        case 200..<1000: values["length.200_1000"] = 1
        case 1000..<3000: values["length.1000_3000"] = 1
        default: values["length.3000_plus"] = 1
        }
        return FeatureVector(values)
    }
}

/// The parts of feature extraction, for benchmarks that report where the time goes.
public enum FeatureStage: String, Sendable, CaseIterable {
    /// Both normalization views (`.words` and `.entities`).
    case normalize
    /// The literal prefilter and PCRE2 lexicon matching (on an already normalized view).
    case lexicon
    /// Phones, emails, ages and prices (on an already normalized view).
    case entities
}

extension FeatureExtractor {
    /// Runs one stage on `text` and returns a number derived from its output, so the work cannot be optimized
    /// away. `.lexicon` and `.entities` reuse the views of the last `.normalize` run on the same scratch.
    public func run(_ stage: FeatureStage, text: String, scratch: FeatureScratch) -> Int {
        switch stage {
        case .normalize:
            scratch.wordNormalizer.normalize(text, into: &scratch.wordView)
            scratch.entityNormalizer.normalize(text, into: &scratch.entityView)
            return scratch.wordView.bytes.count + scratch.entityView.bytes.count
        case .lexicon:
            return matcher.match(view: scratch.wordView, text: text, scratch: scratch).count
        case .entities:
            let e = entityExtractor.extract(view: scratch.entityView, original: text, title: nil, scratch: scratch).entities
            return e.phones.count + e.emails.count + e.ages.count + e.prices.count
        }
    }
}
