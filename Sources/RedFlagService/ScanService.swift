public import RedFlagContract
public import RedFlagFeatures
public import RedFlagIngest
public import RedFlagPipeline

/// Scores ads for any front end: one ad at a time for a request (``assess(_:)``), or a stream of ads in input order
/// for a batch (``scan(_:deliver:progress:shouldStop:)``), both on one pool of workers (``Scanner``).
///
/// ```swift
/// let configuration = RedFlagConfiguration(modelFolders: ["Models"])
/// let service = try ScanService(configuration: configuration, jobs: 2)
/// let assessment = try await service.assess(AdRecord(id: "1", content: .text("young and new in town"), origin: "1"))
/// ```
public final class ScanService: Sendable {
    public let scanner: Scanner
    /// The compiled lexicon; nil when the service only extracts text.
    public let features: FeatureExtractor?
    /// The models; nil when the service runs without a score.
    public let scorer: Scorer?

    /// A service over what the caller has loaded (``RedFlagConfiguration/loadFeatureExtractor()``,
    /// ``RedFlagConfiguration/loadScorer(model:categoryModel:threshold:lexicon:)``).
    public init(
        options: IngestOptions = IngestOptions(), features: FeatureExtractor?, scorer: Scorer?, jobs: Int,
        keepsFlaggedContent: Bool = false, memoryBudget: Int = Scanner.defaultMemoryBudget,
        renderer: ScanOutputRenderer? = nil, signsTemplates: Bool = false
    ) throws(LexiconError) {
        self.features = features
        self.scorer = scorer
        scanner = try Scanner(
            options: options, features: features, scorer: scorer, jobs: jobs, keepsFlaggedContent: keepsFlaggedContent,
            memoryBudget: memoryBudget, renderer: renderer, signsTemplates: signsTemplates)
    }

    /// A service with the lexicon and models of `configuration` (the shipped models unless others are named).
    ///
    /// - Throws: `LexiconError` or `ModelError` when they cannot be loaded.
    public convenience init(
        configuration: RedFlagConfiguration, options: IngestOptions = IngestOptions(), model: String? = nil,
        categoryModel: String? = nil, threshold: Double? = nil, jobs: Int
    ) throws {
        let features = try configuration.loadFeatureExtractor()
        let scorer = try configuration.loadScorer(
            model: model, categoryModel: categoryModel, threshold: threshold, lexicon: features.lexicon)
        try self.init(options: options, features: features, scorer: scorer, jobs: jobs)
    }

    /// Scores one ad on a free worker. A record that cannot be processed still gets its assessment, with
    /// ``AdAssessment/error`` set.
    ///
    /// - Throws: `CancellationError` when the task is cancelled before the ad is scored.
    public func assess(_ record: AdRecord) async throws -> AdAssessment {
        try Task.checkCancellation()
        return await scanner.assess(record).adAssessment
    }

    /// Scans every ad `reader` yields, delivering each result in input order (see ``Scanner``).
    public func scan(
        _ reader: inout AdReader, deliver: (ScanResult) -> Void, progress: ((ScanSummary) -> Void)? = nil,
        shouldStop: () -> Bool = { false }
    ) -> ScanSummary {
        scanner.run(&reader, deliver: deliver, progress: progress, shouldStop: shouldStop)
    }
}
