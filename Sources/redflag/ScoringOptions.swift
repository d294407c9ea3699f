import ArgumentParser
import RedFlagFeatures
import RedFlagPipeline

/// The lexicon and models a scoring command reads ads with: `scan`, `worker` and `serve` take the same four options,
/// declared once here so their names, help and loading cannot drift apart.
struct ScoringOptions: ParsableArguments {
    @Option(help: "Indicator lexicon (default: $REDFLAG_LEXICON, else Models/lexicon.yaml).")
    var lexicon: String?

    @Option(help: "Suspicion model: Models/NAME.json or a path (default: default).")
    var model: String?

    @Option(name: .customLong("category-model"), help: "Ad-category model (default: category).")
    var categoryModel: String?

    @Option(help: "Flag ads scoring at or above this (default: the model's threshold); with a queue, these are queued.")
    var threshold: Double?

    /// The feature extractor for ``lexicon``.
    func loadFeatures() throws -> FeatureExtractor { try loadFeatureExtractor(lexicon) }

    /// The scorer for ``model``, ``categoryModel`` and ``threshold``, checked against `extractor`'s lexicon.
    func scorer(for extractor: FeatureExtractor) throws -> Scorer? {
        try loadScorer(model: model, categoryModel: categoryModel, threshold: threshold, lexicon: extractor.lexicon)
    }
}
