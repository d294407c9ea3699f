public import RedFlagIngest
public import RedFlagFeatures
import RedFlagModel
import RedFlagCore
import RedFlagContract

/// Turns one source item into a ``ScanResult``: hashes the raw bytes, enforces the byte limit, extracts the text.
///
/// Each record runs under a CPU-time budget (``IngestOptions/recordTimeLimit``): the HTML parser is stopped when
/// it runs out, and a record over budget after any stage gets a `timeout` error instead of its result. Only the
/// first ``maximumMatchedTextBytes`` of a page's main text are matched, which bounds the time and memory of the
/// feature stage whatever the page.
///
/// Holds a libxml2 parser context, so it is not thread-safe: each worker owns one.
public final class AdProcessor {
    /// Bytes of main text matched per ad: 1 MiB. An ad's text is a few kilobytes; a page with more text than this
    /// is a dump of something else or built to be slow, and its first mebibyte is what a reader would see. Longer
    /// texts are cut at a character boundary, and the result carries a `text_truncated` warning.
    public static let maximumMatchedTextBytes = 1 << 20

    private let extractor = HTMLExtractor()
    private let options: IngestOptions
    private let featureExtractor: FeatureExtractor?
    private let scratch = FeatureScratch()
    private let scorer: Scorer?
    /// Keeps each flagged ad's raw bytes in its result, for the review queue.
    public var keepsFlaggedContent = false
    /// Signs each ad's template (``AdFeatures/template``), for clustering reposts.
    public var signsTemplates = false

    /// - Parameters:
    ///   - features: the compiled lexicon to match; nil extracts text only (`scan --text`).
    ///   - scorer: the models to score with; nil leaves score, category and contributions out.
    public init(options: IngestOptions = IngestOptions(), features: FeatureExtractor? = nil, scorer: Scorer? = nil) {
        self.options = options
        self.featureExtractor = features
        self.scorer = scorer
    }

    public func process(_ item: SourceItem) -> ScanResult {
        process(CollectionOfOne(item))[0]
    }

    public func process(_ record: AdRecord) -> ScanResult {
        process(CollectionOfOne(SourceItem.record(record)))[0]
    }

    /// Processes several items stage by stage: every page of the chunk is parsed before any text is matched, so
    /// libxml2's working set and then the lexicon's automaton and patterns stay in cache across the chunk (ad by
    /// ad, each stage evicts the other's; measured about 10% faster per core on the benchmark pages with chunks of
    /// 16). Results are in the items' order and identical to ``process(_:)-(SourceItem)`` one by one.
    ///
    /// Each record's CPU time is the sum of its two stages, read from the thread's CPU clock between records (one
    /// reading per record and stage: the clock is a system call).
    public func process<Items: Collection<SourceItem>>(_ items: Items) -> [ScanResult] {
        var results: [ScanResult] = []
        results.reserveCapacity(items.count)
        let timed = options.recordTimeLimit != nil
        var clock = timed ? RecordBudget.threadCPUNanoseconds() : 0
        func lap() -> UInt64 {
            guard timed else { return 0 }
            let now = RecordBudget.threadCPUNanoseconds()
            defer { clock = now }
            return now &- clock
        }
        for item in items {
            results.append(extract(item, startedAt: clock))
            results[results.count - 1].cpuNanoseconds = lap()
        }
        var index = 0
        for item in items {
            if case .record(let record) = item, results[index].document != nil, featureExtractor != nil {
                complete(&results[index], record)
                results[index].cpuNanoseconds &+= lap()
                if let limit = options.recordTimeLimit, Double(results[index].cpuNanoseconds) / 1e9 >= limit {
                    // Over budget: abandoned like an ad the parser stopped, whatever it cost to get here.
                    let budget = RecordBudget(seconds: limit, startedAt: 0)
                    results[index].error = budget.error(origin: record.origin, stage: "matching its text")
                    results[index].document = nil
                    results[index].features = nil
                    results[index].assessment = nil
                    results[index].rawContent = nil
                    results[index].contentKind = nil
                }
            }
            index += 1
        }
        return results
    }

    /// The first stage: hash, byte limit, document extraction.
    private func extract(_ item: SourceItem, startedAt: UInt64) -> ScanResult {
        switch item {
        case .failure(let failure):
            return ScanResult(
                id: failure.id, url: failure.url, sha256: failure.sha256, byteCount: 0, document: nil,
                error: failure.error)
        case .record(let record):
            return extract(record, startedAt: startedAt)
        }
    }

    private func extract(_ record: AdRecord, startedAt: UInt64) -> ScanResult {
        var result = ScanResult(
            id: record.id, url: record.url, capturedAt: record.capturedAt, sha256: nil, byteCount: record.byteCount,
            document: nil, error: nil)
        result.extra = record.extra
        result.warnings = record.warnings
        let count = record.byteCount
        if count > options.maximumAdBytes {
            result.error = IngestError(
                .tooLarge, "\(record.origin): \(count) bytes exceeds the limit of \(options.maximumAdBytes) bytes per ad",
                remedy: .maximumAdBytes, .parenthetical, "; not parsed")
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
            if let limit = options.recordTimeLimit {
                var budget = RecordBudget(seconds: limit, startedAt: startedAt)
                result.document = try extractor.extract(record.content, budget: &budget)
            } else {
                result.document = try extractor.extract(record.content)
            }
        } catch {
            result.error = error.prefixed("\(record.origin): ")
            if error.code == .timeout, let limit = options.recordTimeLimit {
                result.error = RecordBudget(seconds: limit).error(origin: record.origin, stage: "the HTML parser")
            }
            return result
        }
        if let document = result.document {
            if document.repairedEncoding {
                result.warnings.append(
                    IngestError(.repairedEncoding, "\(record.origin): invalid \(document.encoding) bytes were replaced with U+FFFD"))
            }
            if document.attributesDropped > 0 {
                result.warnings.append(
                    IngestError(
                        .attributesDropped,
                        "\(record.origin): \(document.attributesDropped) attributes past the \(HTMLExtractor.maximumAttributesPerElement) per element were dropped before parsing"
                    ))
            }
        }
        return result
    }

    /// The second stage: features, scores, and the raw content of flagged ads when asked for.
    private func complete(_ result: inout ScanResult, _ record: AdRecord) {
        guard let featureExtractor, let document = result.document else { return }
        var text = document.text
        if text.utf8.count > Self.maximumMatchedTextBytes {
            text = Self.prefix(of: text, bytes: Self.maximumMatchedTextBytes)
            result.warnings.append(
                IngestError(
                    .textTruncated,
                    "\(record.origin): the main text has \(document.text.utf8.count) bytes; only the first \(Self.maximumMatchedTextBytes) were matched"
                ))
        }
        // A removed ad's page: the ad is the text up to the notice; the other ads listed after it only tell the
        // page's category (``RemovedAdNotice``).
        var categoryVector: FeatureVector?
        let removedAt = RemovedAdNotice.ownTextEnd(in: text)
        if let end = removedAt {
            if scorer?.category != nil {
                categoryVector = featureExtractor.features(ofText: text, title: document.title, scratch: scratch).vector
            }
            let listed = text.utf8.count - end
            text = Self.prefix(of: text, bytes: end)
            result.warnings.append(
                IngestError(
                    .adRemoved,
                    "\(record.origin): the page says the ad was removed; the \(listed) bytes of other ads listed after the notice were not read as this ad"
                ))
        }
        let features = featureExtractor.features(
            // A removed ad's page is a site's notice, the same on every such page: no template of an ad.
            ofText: text, title: document.title, scratch: scratch, signsTemplate: signsTemplates && removedAt == nil)
        result.features = features
        result.assessment = scorer?.assess(features, categoryVector: categoryVector)
        if keepsFlaggedContent, result.assessment?.flagged == true {
            switch record.content {
            case .htmlBytes(let bytes, _): (result.rawContent, result.contentKind) = (bytes, "html")
            case .htmlString(let html): (result.rawContent, result.contentKind) = (Array(html.utf8), "html")
            case .text(let text): (result.rawContent, result.contentKind) = (Array(text.utf8), "text")
            }
        }
    }

    /// The longest prefix of `text` of at most `bytes` UTF-8 bytes that ends on a scalar boundary.
    static func prefix(of text: String, bytes: Int) -> String {
        let utf8 = text.utf8
        var end = utf8.index(utf8.startIndex, offsetBy: bytes)
        while end > utf8.startIndex && UTF8.isContinuation(utf8[end]) { end = utf8.index(before: end) }
        return String(text[..<end])
    }

    private func isBlank(_ content: AdRecord.Content) -> Bool {
        switch content {
        case .htmlBytes(let bytes, _): return bytes.allSatisfy { $0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 }
        case .htmlString(let s), .text(let s): return s.allSatisfy(\.isWhitespace)
        }
    }
}
