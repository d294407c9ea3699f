import Benchmark
import Foundation
import RedFlagFeatures
import RedFlagIngest
import RedFlagModel
import RedFlagPipeline

/// Per-stage benchmarks on the sample pages: throughput (ads/s, as "scaled iterations" of one ad) and, in CI,
/// deterministic instruction and allocation counts. `ENABLE_BENCHMARKS=1 swift package benchmark`.
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
    Benchmark("whole pipeline") { benchmark in
        let processor = AdProcessor(features: extractor, scorer: scorer)
        for _ in benchmark.scaledIterations {
            for record in records { blackHole(processor.process(record)) }
        }
    }
}
