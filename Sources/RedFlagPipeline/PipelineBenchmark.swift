import Dispatch
public import RedFlagFeatures
public import RedFlagIngest
import RedFlagModel
import RedFlagContract

#if canImport(Glibc)
import Glibc
#endif

/// CPU time of the calling thread: per-core figures that another process on the machine does not inflate.
func threadCPUNanoseconds() -> UInt64 {
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
}

/// Measures the scan pipeline stage by stage on ads held in memory, so reading from disk is not what is timed.
///
/// Each stage runs `repetitions` times over every ad; the report gives the median, as the house rules ask. Per-core
/// figures are the calling thread's CPU time, so a busy machine does not distort them; the all-cores figure is wall
/// clock time of the whole pipeline through ``Scanner`` with `jobs` workers.
public struct PipelineBenchmark {
    public struct StageResult: Sendable {
        public var name: String
        public var medianSeconds: Double
        public var ads: Int
        /// Bytes the stage consumed per pass (HTML for parsing, text for the feature stages).
        public var bytes: Int
        public var adsPerSecond: Double { medianSeconds > 0 ? Double(ads) / medianSeconds : 0 }
        public var megabytesPerSecond: Double { medianSeconds > 0 ? Double(bytes) / 1e6 / medianSeconds : 0 }
    }

    public struct Report: Sendable {
        public var stages: [StageResult]
        public var ads: Int
        public var htmlBytes: Int
        public var textBytes: Int
        public var peakResidentMegabytes: Double
        /// Lexicon patterns PCRE2 ran per ad, on average, after the prefilter.
        public var patternRunsPerAd: Double
        /// Time per lexicon pattern and entity step over one extra pass, when asked for.
        public var profile: ExtractionProfile?
        /// `jobs` workers against one, both on the wall clock: the median over alternated runs.
        public var scaling: Double?
        /// What signing adds to the one-core pipeline (0.05 = 5 %): the median of paired runs with and without it.
        public var signingCost: Double?
        /// What signing and clustering add together, likewise.
        public var clusteringCost: Double?
        /// Ads long enough to get a signature.
        public var signedAds = 0
    }

    let records: [AdRecord]
    let features: FeatureExtractor
    let options: IngestOptions
    let scorer: Scorer?

    public init(
        records: [AdRecord], features: FeatureExtractor, scorer: Scorer? = nil, options: IngestOptions = IngestOptions()
    ) {
        self.records = records
        self.features = features
        self.scorer = scorer
        self.options = options
    }

    /// The groups of stages a run can be limited to.
    public enum Stage: String, CaseIterable, Sendable {
        /// Parsing and visible text.
        case parse
        /// Normalization, lexicon and entities (each timed), and all features together.
        case features
        /// Scoring with the models.
        case score
        /// The whole pipeline on one core, and on `jobs` cores.
        case pipeline
        /// Template signatures: signing alone, and the whole pipeline on one core with and without it, alternated.
        case signatures
    }

    /// - Parameters:
    ///   - stages: which groups to time (default all); a comparison can then alternate short runs with another
    ///     program's, stage by stage, on a machine whose speed drifts.
    ///   - profile: also make one profiled pass over the ads (see ``ExtractionProfile``), after the timed stages so
    ///     its clock reads do not inflate them.
    ///
    /// - Throws: ``LexiconError`` when a worker's copy of the lexicon does not compile (``Scanner``).
    public func run(repetitions: Int, jobs: Int, stages selected: Set<Stage> = Set(Stage.allCases), profile: Bool = false)
        throws(LexiconError) -> Report
    {
        let extractor = HTMLExtractor()
        let scratch = FeatureScratch()
        var documents: [AdDocument] = []
        for record in records {
            if let document = try? extractor.extract(record.content) { documents.append(document) }
        }
        let htmlBytes = records.reduce(0) { $0 + $1.byteCount }
        let textBytes = documents.reduce(0) { $0 + $1.text.utf8.count }
        var stages: [StageResult] = []
        var sink = 0
        var patternRunsPerAd = 0.0
        var scaling: Double?
        var signingCost: Double?
        var clusteringCost: Double?
        var signedAds = 0
        func time(_ name: String, bytes: Int, wall: Bool = false, _ body: () -> Void) {
            var samples: [Double] = []
            for _ in 0..<max(1, repetitions) {
                let start = wall ? DispatchTime.now().uptimeNanoseconds : threadCPUNanoseconds()
                body()
                let end = wall ? DispatchTime.now().uptimeNanoseconds : threadCPUNanoseconds()
                samples.append(Double(end - start) / 1e9)
            }
            samples.sort()
            stages.append(StageResult(name: name, medianSeconds: samples[samples.count / 2], ads: records.count, bytes: bytes))
        }
        if selected.contains(.parse) {
            time("parse + visible text (libxml2 SAX)", bytes: htmlBytes) {
                for record in records {
                    if let d = try? extractor.extract(record.content) { sink &+= d.text.utf8.count }
                }
            }
        }
        if selected.contains(.features) {
        time("normalize (both views)", bytes: textBytes) {
            for d in documents { sink &+= features.run(.normalize, text: d.text, scratch: scratch) }
        }
        // The lexicon and entity stages read the views that normalization leaves in the scratch, so each ad is
        // normalized first, outside the timed region.
            let runsBefore = scratch.patternRuns
        var lexiconSeconds: [Double] = []
        var entitySeconds: [Double] = []
        for _ in 0..<max(1, repetitions) {
            var lexicon: UInt64 = 0
            var entities: UInt64 = 0
            for d in documents {
                sink &+= features.run(.normalize, text: d.text, scratch: scratch)
                let t0 = threadCPUNanoseconds()
                sink &+= features.run(.lexicon, text: d.text, scratch: scratch)
                let t1 = threadCPUNanoseconds()
                sink &+= features.run(.entities, text: d.text, scratch: scratch)
                let t2 = threadCPUNanoseconds()
                lexicon += t1 - t0
                entities += t2 - t1
            }
            lexiconSeconds.append(Double(lexicon) / 1e9)
            entitySeconds.append(Double(entities) / 1e9)
        }
        patternRunsPerAd = Double(scratch.patternRuns - runsBefore) / Double(max(1, documents.count * max(1, repetitions)))
        lexiconSeconds.sort()
        entitySeconds.sort()
        stages.append(StageResult(name: "lexicon (prefilter + PCRE2)", medianSeconds: lexiconSeconds[lexiconSeconds.count / 2], ads: documents.count, bytes: textBytes))
        stages.append(StageResult(name: "entities", medianSeconds: entitySeconds[entitySeconds.count / 2], ads: documents.count, bytes: textBytes))
        time("features (normalize + lexicon + entities)", bytes: textBytes) {
            for d in documents { sink &+= features.features(of: d, scratch: scratch).indicators.count }
        }
        }
        if let scorer, selected.contains(.score) {
            let vectors = documents.map { features.features(of: $0, scratch: scratch).vector }
            time("score (suspicion + category models)", bytes: textBytes) {
                for v in vectors { sink &+= scorer.assess(v)?.contributions.count ?? 0 }
            }
        }
        if selected.contains(.pipeline) {
        // Through the scanner's own one-worker path (chunks processed stage by stage), on this thread.
        let items = records.map { SourceItem.record($0) }
        let one = try Scanner(options: options, features: features, scorer: scorer, jobs: 1)
        time("whole pipeline, 1 core", bytes: htmlBytes) {
            for result in one.process(items) { sink &+= result.features?.indicators.count ?? 0 }
        }
        if jobs > 1 {
            // One worker and `jobs` workers through the same `Scanner` path, both on the wall clock, alternated
            // run by run: the speed of a shared machine drifts within seconds, so the scaling is the median of
            // the paired ratios rather than a ratio of two medians taken at different moments.
            let many = try Scanner(options: options, features: features, scorer: scorer, jobs: jobs)
            func wall(_ scanner: Scanner) -> Double {
                let start = DispatchTime.now().uptimeNanoseconds
                var index = 0
                while index < items.count {
                    let batch = Array(items[index..<min(index + Scanner.batchSize, items.count)])
                    sink &+= scanner.process(batch).count
                    index += Scanner.batchSize
                }
                return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            }
            var single: [Double] = []
            var parallel: [Double] = []
            var ratios: [Double] = []
            for _ in 0..<max(1, repetitions) {
                single.append(wall(one))
                parallel.append(wall(many))
                ratios.append(single.last! / parallel.last!)
            }
            single.sort()
            parallel.sort()
            ratios.sort()
            stages.append(
                StageResult(
                    name: "whole pipeline, 1 core (wall clock)", medianSeconds: single[single.count / 2], ads: records.count,
                    bytes: htmlBytes))
            stages.append(
                StageResult(
                    name: "whole pipeline, \(jobs) cores (wall clock)", medianSeconds: parallel[parallel.count / 2],
                    ads: records.count, bytes: htmlBytes))
            scaling = ratios[ratios.count / 2]
        }
        }
        if selected.contains(.signatures) {
            // Features with and without the signature, on documents already parsed: the difference is signing
            // alone (shingles with their masks, and the MinHash minima).
            var signed = 0
            time("features, not signing", bytes: textBytes) {
                for d in documents {
                    sink &+= features.features(ofText: d.text, title: d.title, scratch: scratch).indicators.count
                }
            }
            time("features + template signature", bytes: textBytes) {
                signed = 0
                for d in documents {
                    let f = features.features(ofText: d.text, title: d.title, scratch: scratch, signsTemplate: true)
                    if f.template != nil { signed += 1 }
                }
            }
            // The whole one-core pipeline with and without signing (and with signing and clustering, as
            // `scan --cluster` does), alternated run by run on the thread's CPU clock: the cost of signing is the
            // median of the paired ratios.
            let items = records.map { SourceItem.record($0) }
            let plain = try Scanner(options: options, features: features, scorer: scorer, jobs: 1)
            let signing = try Scanner(options: options, features: features, scorer: scorer, jobs: 1, signsTemplates: true)
            func cpu(_ scanner: Scanner, clusters: Bool) -> Double {
                let start = threadCPUNanoseconds()
                let templates = clusters ? TemplateClusters() : nil
                for result in scanner.process(items) {
                    sink &+= result.features?.indicators.count ?? 0
                    if let templates, let sha256 = result.sha256 {
                        sink &+= templates.add(result.features?.template, sha256: sha256)?.count ?? 0
                    }
                }
                return Double(threadCPUNanoseconds() - start) / 1e9
            }
            var without: [Double] = []
            var with: [Double] = []
            var clustered: [Double] = []
            var ratios: [Double] = []
            var clusterRatios: [Double] = []
            for rep in 0..<max(1, repetitions) {
                // In turn first and last, so neither gains from running after the other (warm caches, heap).
                if rep % 2 == 0 {
                    without.append(cpu(plain, clusters: false))
                    with.append(cpu(signing, clusters: false))
                    clustered.append(cpu(signing, clusters: true))
                } else {
                    clustered.append(cpu(signing, clusters: true))
                    with.append(cpu(signing, clusters: false))
                    without.append(cpu(plain, clusters: false))
                }
                ratios.append(with.last! / without.last!)
                clusterRatios.append(clustered.last! / without.last!)
            }
            let median = { (xs: [Double]) in xs.sorted()[xs.count / 2] }
            stages.append(
                StageResult(name: "whole pipeline, 1 core, not signing", medianSeconds: median(without), ads: records.count, bytes: htmlBytes))
            stages.append(
                StageResult(name: "whole pipeline, 1 core, signing", medianSeconds: median(with), ads: records.count, bytes: htmlBytes))
            stages.append(
                StageResult(
                    name: "whole pipeline, 1 core, signing + clustering", medianSeconds: median(clustered), ads: records.count,
                    bytes: htmlBytes))
            signingCost = median(ratios) - 1
            clusteringCost = median(clusterRatios) - 1
            signedAds = signed
        }
        var extractionProfile: ExtractionProfile?
        if profile {
            scratch.profile = ExtractionProfile(patterns: features.matcher.patternSources.count)
            for d in documents { sink &+= features.features(of: d, scratch: scratch).indicators.count }
            extractionProfile = scratch.profile
            scratch.profile = nil
        }
        if sink == 42 { print("") }  // keeps `sink` alive
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Report(
            stages: stages, ads: records.count, htmlBytes: htmlBytes, textBytes: textBytes,
            peakResidentMegabytes: Double(usage.ru_maxrss) / 1024, patternRunsPerAd: patternRunsPerAd,
            profile: extractionProfile, scaling: scaling, signingCost: signingCost, clusteringCost: clusteringCost,
            signedAds: signedAds)
    }
}
