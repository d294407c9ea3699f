public import RedFlagFeatures
public import RedFlagModel
public import RedFlagContract

/// The models a scan scores with: suspicion (with its threshold) and, optionally, ad category.
public struct Scorer: Sendable {
    public let suspicion: SuspicionModel?
    public let category: CategoryModel?
    /// Overrides the suspicion model's own threshold (`--threshold`).
    public let threshold: Double?

    public init(suspicion: SuspicionModel?, category: CategoryModel?, threshold: Double? = nil) {
        self.suspicion = suspicion
        self.category = category
        self.threshold = threshold
    }

    /// Builds a scorer from model files (``ModelStore``), refusing any that names lexicon features the lexicon no
    /// longer defines.
    public static func load(
        suspicion: ModelFile?, category: ModelFile?, threshold: Double?, lexicon: Lexicon
    ) throws(ModelError) -> Scorer {
        var suspicionModel: SuspicionModel?
        var categoryModel: CategoryModel?
        if let suspicion {
            let model = try SuspicionModel(file: suspicion)
            try model.check(against: lexicon)
            suspicionModel = model
        }
        if let category {
            let model = try CategoryModel(file: category)
            try model.check(against: lexicon)
            categoryModel = model
        }
        return Scorer(suspicion: suspicionModel, category: categoryModel, threshold: threshold)
    }

    /// Reads the ad's category (``CategoryReading``: market wording is never an ordinary classified), scores it
    /// through the suspicion model's view of that category, flags it on the score only when it shows evidence
    /// (``EvidenceRule``), and applies the ``MinorRule``: a stated age under 18 flags the ad (its reason listed first)
    /// unless the ad is plainly an ordinary classified. `youngestAge` is the youngest stated age, if any.
    ///
    /// `categoryVector`, when given, is what the category is read from instead of `vector`: the whole page, where
    /// `vector` holds only the ad's own text (``RemovedAdNotice``).
    public func assess(_ vector: FeatureVector, youngestAge: Int? = nil, categoryVector: FeatureVector? = nil) -> Assessment? {
        guard suspicion != nil || category != nil else { return nil }
        // The category model runs once: its reading and the probabilities the blend needs come from one evaluation.
        var read: (name: String, probability: Double)?
        var scoped: [String: Double] = [:]
        if let category {
            let reading = category.reading(of: categoryVector ?? vector, ad: vector)
            read = (reading.name, reading.probability)
            if let scopes = suspicion?.file.policy?.scopes {
                for (k, name) in reading.classes.enumerated() where scopes[name] != nil { scoped[name] = reading.probabilities[k] }
            }
        }
        var assessment =
            suspicion?.assess(vector, category: read?.name, scopeProbabilities: scoped, threshold: threshold)
            ?? Assessment(score: .nan, logit: .nan, flagged: false, category: nil, contributions: [])
        assessment.category = read?.name
        assessment.categoryProbability = read?.probability
        if assessment.flagged && !EvidenceRule.hasEvidence(vector) { assessment.flagged = false }
        if let rule = MinorRule.check(youngestAge: youngestAge, category: read, vector: vector) {
            assessment.flagged = true
            assessment.contributions.insert(rule, at: 0)
        }
        return assessment
    }

    /// ``assess(_:youngestAge:categoryVector:)`` for extracted features.
    public func assess(_ features: AdFeatures, categoryVector: FeatureVector? = nil) -> Assessment? {
        assess(features.vector, youngestAge: features.entities.ages.min(), categoryVector: categoryVector)
    }
}
