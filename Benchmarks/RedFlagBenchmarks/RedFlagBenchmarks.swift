import Benchmark
import Foundation
import RedFlagFeatures
import RedFlagIngest
import RedFlagModel
import RedFlagPipeline
import RedFlagQueue

/// Per-stage benchmarks on the sample pages: throughput (ads/s, as "scaled iterations" of one ad) and, in CI,
/// deterministic instruction and allocation counts. `ENABLE_BENCHMARKS=1 swift package benchmark`.
/// One iteration is one pass over the sample ads, so allocations per ad are the malloc count over their number.
let benchmarks: @Sendable () -> Void = {
    let models = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    let samples = models.appendingPathComponent("Samples/pages").path
    let records: [AdRecord] = AdReader(paths: [samples]).compactMap {
        if case .record(let record) = $0 { return record }
        return nil
    }
    let extractor = try! FeatureExtractor(lexiconPath: models.appendingPathComponent("Models/lexicon.yaml").path)
    let scorer = try! Scorer.load(
        suspicion: models.appendingPathComponent("Models/default.json").path,
        category: models.appendingPathComponent("Models/category.json").path, threshold: nil, lexicon: extractor.lexicon)
    let html = HTMLExtractor()
    let documents: [AdDocument] = records.compactMap { try? html.extract($0.content) }
    let metrics: [BenchmarkMetric] =
        ProcessInfo.processInfo.environment["CI"] != nil
        ? [.instructions, .mallocCountTotal] : [.throughput, .wallClock, .mallocCountTotal, .peakMemoryResident]
    Benchmark.defaultConfiguration = .init(metrics: metrics, scalingFactor: .one, maxDuration: .seconds(2))

    Benchmark("parse + visible text") { benchmark in
        for _ in benchmark.scaledIterations {
            for record in records { blackHole(try? html.extract(record.content)) }
        }
    }
    Benchmark("features (normalize + lexicon + entities)") { benchmark in
        let scratch = FeatureScratch()
        for _ in benchmark.scaledIterations {
            for document in documents { blackHole(extractor.features(of: document, scratch: scratch)) }
        }
    }
    for stage in FeatureStage.allCases {
        Benchmark("stage: \(stage.rawValue)") { benchmark in
            let scratch = FeatureScratch()
            for _ in benchmark.scaledIterations {
                for document in documents {
                    if stage != .normalize { _ = extractor.run(.normalize, text: document.text, scratch: scratch) }
                    blackHole(extractor.run(stage, text: document.text, scratch: scratch))
                }
            }
        }
    }
    Benchmark("score") { benchmark in
        let scratch = FeatureScratch()
        let vectors = documents.map { extractor.features(of: $0, scratch: scratch).vector }
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            for vector in vectors { blackHole(scorer.assess(vector)) }
        }
    }
    Benchmark("enqueue (SQLite review queue, one transaction per pass)") { benchmark in
        // Every sample ad as a fresh submission each pass (a comment naming the pass changes its bytes and so its
        // sha256: each is a new item rather than a refresh of the last pass's), into a queue file in a temporary
        // folder. Hashing the submission is part of what is measured, as it is in `scan --enqueue`.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("redflag-bench-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let queue = try! SQLiteReviewQueue(path: folder.appendingPathComponent("queue.sqlite").path)
        let processor = AdProcessor(features: extractor, scorer: scorer)
        let results = records.map { processor.process($0) }
        var pass = 0
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            pass += 1
            let submissions = zip(records, results).compactMap { record, result -> QueueSubmission? in
                guard let features = result.features, let assessment = result.assessment,
                    let document = result.document
                else { return nil }
                var raw: [UInt8]
                switch record.content {
                case .htmlBytes(let bytes, _): raw = bytes
                case .htmlString(let string), .text(let string): raw = Array(string.utf8)
                }
                raw += Array("<!-- pass \(pass) -->".utf8)
                return QueueSubmission(
                    sha256: sha256Hex(raw), sha256Verified: true, adID: result.id, url: result.url,
                    capturedAt: result.capturedAt, score: assessment.score, category: assessment.category,
                    families: features.families.map(\.rawValue), indicators: features.indicators,
                    contributions: assessment.contributions, entities: features.entities, location: nil,
                    rawContent: raw, contentKind: "html", text: document.text, features: features.vector.dictionary)
            }
            blackHole(try! await queue.enqueue(submissions, actor: "bench"))
        }
    }
    Benchmark("whole pipeline") { benchmark in
        let processor = AdProcessor(features: extractor, scorer: scorer)
        // One chunk, stage by stage, as the scanner's workers run it (the sample pages fit one chunk).
        let items = records.map { SourceItem.record($0) }
        for _ in benchmark.scaledIterations {
            blackHole(processor.process(items[...]))
        }
    }
}
