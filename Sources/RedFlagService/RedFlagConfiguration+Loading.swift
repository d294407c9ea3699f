public import RedFlagFeatures
public import RedFlagModel
public import RedFlagPipeline

extension RedFlagConfiguration {
    /// The names of the shipped models, used when none is named.
    public static let defaultSuspicionModel = "default"
    public static let defaultCategoryModel = "category"

    /// Loads and compiles the lexicon and the category vocabulary.
    public func loadFeatureExtractor() throws(LexiconError) -> FeatureExtractor {
        try FeatureExtractor(lexiconPath: lexiconPath, vocabularyPath: vocabularyPath)
    }

    /// The models named, or the shipped `default` and `category` models when none is named and they are present;
    /// nil when there is neither. Every model is checked against `lexicon`.
    public func loadScorer(
        model: String? = nil, categoryModel: String? = nil, threshold: Double? = nil, lexicon: Lexicon
    ) throws(ModelError) -> Scorer? {
        let suspicion = model ?? (hasModel(Self.defaultSuspicionModel) ? Self.defaultSuspicionModel : nil)
        let category = categoryModel ?? (hasModel(Self.defaultCategoryModel) ? Self.defaultCategoryModel : nil)
        if suspicion == nil && category == nil { return nil }
        return try Scorer.load(
            suspicion: suspicion.map { (name) throws(ModelError) in try loadModelFile(name) },
            category: category.map { (name) throws(ModelError) in try loadModelFile(name) }, threshold: threshold,
            lexicon: lexicon)
    }

    /// Loads the model file `name` (``modelPath(_:)``).
    public func loadModelFile(_ name: String) throws(ModelError) -> ModelFile {
        try ModelStore.load(path: modelPath(name), name: name)
    }
}
