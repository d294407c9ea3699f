public import RedFlagIngest
public import RedFlagFeatures
import RedFlagModel

/// Turns one source item into a ``ScanResult``: hashes the raw bytes, enforces the byte limit, extracts the text.
///
/// Holds a libxml2 parser context, so it is not thread-safe: each worker owns one.
public final class AdProcessor {
    private let extractor = HTMLExtractor()
    private let options: IngestOptions
    private let featureExtractor: FeatureExtractor?
    private let scratch = FeatureScratch()
    private let scorer: Scorer?
    /// Keeps each flagged ad's raw bytes in its result, for the review queue.
    public var keepsFlaggedContent = false

    /// - Parameters:
    ///   - features: the compiled lexicon to match; nil extracts text only (`scan --text`).
    ///   - scorer: the models to score with; nil leaves score, category and contributions out.
    public init(options: IngestOptions = IngestOptions(), features: FeatureExtractor? = nil, scorer: Scorer? = nil) {
        self.options = options
        self.featureExtractor = features
        self.scorer = scorer
    }

    public func process(_ item: SourceItem) -> ScanResult {
        var result = extract(item)
        if case .record(let record) = item { complete(&result, record) }
        return result
    }

    public func process(_ record: AdRecord) -> ScanResult {
        var result = extract(record)
        complete(&result, record)
        return result
    }

    /// Processes several items stage by stage: every page of the chunk is parsed before any text is matched, so
    /// libxml2's working set and then the lexicon's automaton and patterns stay in cache across the chunk (ad by
    /// ad, each stage evicts the other's; measured about 10% faster per core on the benchmark pages with chunks of
    /// 16). Results are in the items' order and identical to ``process(_:)-(SourceItem)`` one by one.
    public func process<Items: Collection<SourceItem>>(_ items: Items) -> [ScanResult] {
        var results: [ScanResult] = []
        results.reserveCapacity(items.count)
        for item in items { results.append(extract(item)) }
        var index = 0
        for item in items {
            if case .record(let record) = item { complete(&results[index], record) }
            index += 1
        }
        return results
    }

    /// The first stage: hash, byte limit, document extraction.
    private func extract(_ item: SourceItem) -> ScanResult {
        switch item {
        case .failure(let failure):
            return ScanResult(
                id: failure.id, url: failure.url, sha256: failure.sha256, byteCount: 0, document: nil,
                error: failure.error)
        case .record(let record):
            return extract(record)
        }
    }

    private func extract(_ record: AdRecord) -> ScanResult {
        var result = ScanResult(
            id: record.id, url: record.url, capturedAt: record.capturedAt, sha256: nil, byteCount: record.byteCount,
            document: nil, error: nil)
        result.extra = record.extra
        let count = record.byteCount
        if count > options.maximumAdBytes {
            result.error = IngestError(
                .tooLarge,
                "\(record.origin): \(count) bytes exceeds the limit of \(options.maximumAdBytes) bytes per ad (raise it with --max-bytes); not parsed"
            )
            return result
        }
        switch record.content {
        case .htmlBytes(let bytes, _): result.sha256 = sha256Hex(bytes)
        case .htmlString(let string), .text(let string): result.sha256 = sha256Hex(Array(string.utf8))
        }
        if count == 0 || isBlank(record.content) {
            result.error = IngestError(.empty, "\(record.origin): the ad has no content")
            return result
        }
        do throws(IngestError) {
            result.document = try extractor.extract(record.content)
        } catch {
            result.error = IngestError(error.code, "\(record.origin): \(error.message)")
        }
        return result
    }

    /// The second stage: features, scores, and the raw content of flagged ads when asked for.
    private func complete(_ result: inout ScanResult, _ record: AdRecord) {
        guard let featureExtractor, let document = result.document else { return }
        let features = featureExtractor.features(of: document, scratch: scratch)
        result.features = features
        result.assessment = scorer?.assess(features)
        if keepsFlaggedContent, result.assessment?.flagged == true {
            switch record.content {
            case .htmlBytes(let bytes, _): (result.rawContent, result.contentKind) = (bytes, "html")
            case .htmlString(let html): (result.rawContent, result.contentKind) = (Array(html.utf8), "html")
            case .text(let text): (result.rawContent, result.contentKind) = (Array(text.utf8), "text")
            }
        }
    }

    private func isBlank(_ content: AdRecord.Content) -> Bool {
        switch content {
        case .htmlBytes(let bytes, _): return bytes.allSatisfy { $0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 }
        case .htmlString(let s), .text(let s): return s.allSatisfy(\.isWhitespace)
        }
    }
}
