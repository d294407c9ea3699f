import ArgumentParser
import Foundation
import RedFlagFeatures
import RedFlagIngest
import RedFlagPipeline
import RedFlagService
import RedFlagContract

struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure scan throughput per stage: ads/s and MB/s per core and on all cores.",
        discussion: """
            Loads up to --limit ads into memory (default: the 6,000 generated pages of Models/training/corpus.jsonl.gz, \
            in many site layouts), then times each stage --reps times and prints \
            the median. Parse figures are per MB of HTML; feature figures per MB of extracted text.
            """
    )

    @Argument(help: "Ads to measure on (files, folders, dumps); default: the generated training corpus.")
    var paths: [String] = []

    @Option(help: "Largest number of ads loaded.")
    var limit = 10_000

    @Option(help: "Repetitions per stage; the median is reported.")
    var reps = 5

    @OptionGroup var workers: WorkerOptions

    @Option(name: .customLong("text-field"), help: "JSONL/CSV field holding plain text.")
    var textField = "text"

    @Option(help: "Indicator lexicon (default: $REDFLAG_LEXICON, else Models/lexicon.yaml).")
    var lexicon: String?

    @Option(
        name: .customLong("stages"), parsing: .upToNextOption,
        help: "Stage groups to time: parse, features, score, pipeline, signatures, cluster, pairs (default: all but the last three).")
    var stageNames: [String] = []

    @Option(help: "Also print the N lexicon patterns that cost the most, and the cost of each entity step.")
    var profile: Int?

    @Option(name: .customLong("cluster-ads"), help: "Ads the cluster stage clusters.")
    var clusterAds = 1_000_000

    @Option(name: .customLong("cluster-templates"), help: "Templates the cluster stage's reposts are made from.")
    var clusterTemplates = 100_000

    @Option(
        name: .customLong("pair-thresholds"), parsing: .upToNextOption,
        help: "Similarity thresholds the pairs stage clusters at (default: 0.3 to 0.6).")
    var pairThresholds: [Double] = [0.3, 0.35, 0.4, 0.45, 0.5, 0.6]

    @Option(
        name: .customLong("pair-seeds"), parsing: .upToNextOption,
        help: "Seeds of the pairs stage's reposts and shuffle, one table each (default: 19).")
    var pairSeeds: [UInt64] = [19]

    func run() async throws {
        var stages = Set(PipelineBenchmark.Stage.allCases).subtracting([.signatures])
        var clustering = false
        var pairs = false
        if !stageNames.isEmpty {
            stages = []
            for name in stageNames.flatMap({ $0.split(separator: ",") }) {
                if name == "cluster" || name == "pairs" {
                    if name == "cluster" { clustering = true } else { pairs = true }
                    continue
                }
                guard let stage = PipelineBenchmark.Stage(rawValue: String(name)) else {
                    throw CLIError("unknown stage \"\(name)\"; stages are parse, features, score, pipeline, signatures, cluster, pairs")
                }
                stages.insert(stage)
            }
        }
        let extractor = try loadFeatureExtractor(lexicon)
        let options = IngestOptions(textField: textField)
        var records: [AdRecord] = []
        for item in AdReader(paths: paths.isEmpty ? [CommandLineConfiguration.shared.path(of: "training/corpus.jsonl.gz")] : paths, options: options) {
            if case .record(let record) = item { records.append(record) }
            if records.count >= limit { break }
        }
        guard !records.isEmpty else { throw CLIError("no ads to measure") }
        if clustering { runClusterStage(records: records, extractor: extractor) }
        if pairs { runPairStage(records: records, extractor: extractor) }
        if stages.isEmpty { return }
        let scorer = try loadScorer(model: nil, categoryModel: nil, threshold: nil, lexicon: extractor.lexicon)
        let report: PipelineBenchmark.Report
        do {
            report = try PipelineBenchmark(records: records, features: extractor, scorer: scorer, options: options).run(
                repetitions: reps, jobs: workers.count, stages: stages, profile: profile != nil)
        } catch {
            throw CLIError(error.message)
        }
        print(
            String(
                format: "%d ads, %.2f MB of input, %.2f MB of extracted text; median of %d runs", report.ads,
                Double(report.htmlBytes) / 1e6, Double(report.textBytes) / 1e6, reps))
        let whole = report.stages.first { $0.name == "whole pipeline, 1 core" }?.medianSeconds ?? 0
        print(pad("stage", 44) + pad("ads/s", 12) + pad("MB/s", 10) + "share of 1-core pipeline")
        for stage in report.stages {
            let share = whole > 0 && !stage.name.hasPrefix("whole") ? String(format: "%.0f%%", stage.medianSeconds / whole * 100) : ""
            print(
                pad(stage.name, 44) + pad(String(format: "%.0f", stage.adsPerSecond), 12)
                    + pad(String(format: "%.2f", stage.megabytesPerSecond), 10) + share)
        }
        if let scaling = report.scaling {
            print(String(format: "%d cores against 1 (wall clock, median of alternated runs): %.2fx", workers.count, scaling))
        }
        if let cost = report.signingCost, let both = report.clusteringCost {
            print(
                String(
                    format: "template signatures (%d of %d ads signed) add %.1f%% to the 1-core pipeline; signing and clustering %.1f%% (CPU time, median of paired runs)",
                    report.signedAds, report.ads, cost * 100, both * 100))
        }
        if stages.contains(.features) {
            print(String(format: "lexicon patterns run per ad after the prefilter: %.1f", report.patternRunsPerAd))
        }
        print(String(format: "peak resident memory: %.1f MB", report.peakResidentMegabytes))
        if let profile, let measured = report.profile {
            printProfile(measured, top: profile, sources: extractor.matcher.patternSources, ads: report.ads)
        }
    }

    /// The costliest patterns and the entity steps, in µs per ad over one profiled pass (wall clock, so noisier
    /// than the thread-CPU stage figures).
    private func printProfile(
        _ profile: ExtractionProfile, top: Int, sources: [(entry: String, pattern: String, literals: [String])], ads: Int
    ) {
        let perAd = { (nanoseconds: UInt64) in Double(nanoseconds) / 1e3 / Double(max(1, ads)) }
        let total = profile.patternNanoseconds.reduce(0, +)
        print(
            String(
                format: "\nlexicon patterns: %.1f µs per ad in all, %.1f literal occurrences per ad; the %d costliest:",
                perAd(total), Double(profile.literalOccurrences) / Double(max(1, ads)), top))
        print(
            String(
                format: "literal scan and candidate choice: %.1f µs per ad (automaton %.1f); hits: %.1f µs per ad",
                perAd(profile.literalScanNanoseconds), perAd(profile.automatonNanoseconds), perAd(profile.hitNanoseconds)))
        print(pad("µs/ad", 8) + pad("runs/ad", 9) + pad("calls/ad", 9) + pad("entry", 28) + "pattern")
        let ranked = profile.patternNanoseconds.indices.sorted { profile.patternNanoseconds[$0] > profile.patternNanoseconds[$1] }
        for p in ranked.prefix(top) {
            let pattern = sources[p].pattern
            print(
                pad(String(format: "%.2f", perAd(profile.patternNanoseconds[p])), 8)
                    + pad(String(format: "%.2f", Double(profile.patternRuns[p]) / Double(max(1, ads))), 9)
                    + pad(String(format: "%.1f", Double(profile.patternCalls[p]) / Double(max(1, ads))), 9)
                    + pad(sources[p].entry, 28) + (pattern.count > 70 ? String(pattern.prefix(70)) + "…" : pattern))
            let literals = sources[p].literals.map { $0.debugDescription }.joined(separator: " ")
            print(String(repeating: " ", count: 26) + "literals: " + (literals.count > 90 ? String(literals.prefix(90)) + "…" : literals))
        }
        print("entity steps (µs per ad):")
        for (k, step) in ExtractionProfile.EntityStep.allCases.enumerated() {
            print(pad("  " + step.rawValue, 12) + String(format: "%.2f", perAd(profile.entityNanoseconds[k])))
        }
    }

    /// Clusters --cluster-ads signatures made from the loaded ads' words, as a scan's in-batch clustering does.
    private func runClusterStage(records: [AdRecord], extractor: FeatureExtractor) {
        let html = HTMLExtractor()
        let texts = records.compactMap { try? html.extract($0.content).text }
        let report = ClusterBenchmark(texts: texts, features: extractor).run(ads: clusterAds, templates: clusterTemplates)
        print(
            "cluster: \(report.signed) signatures of \(report.ads) ads (\(report.templates) templates reposted with 0-20 % of words edited, 40 % one-off ads), made from \(texts.count) texts")
        print(
            String(
                format: "cluster: %.1f s CPU, %.1f s wall clock, %.0f ads/s; peak resident memory %.0f MB (%.0f MB before clustering), clustering holds %.0f MB",
                report.cpuSeconds, report.wallSeconds, Double(report.signed) / max(report.cpuSeconds, 1e-9),
                report.peakResidentMegabytes, report.residentBeforeMegabytes, Double(report.heldBytes) / 1e6))
        print(
            String(
                format: "cluster: %d templates repeated across %d ads (largest %d), %d ads kept for matching; pair precision %.3f, recall %.3f",
                report.repeatedTemplates, report.adsInRepeatedTemplates, report.largestTemplate, report.keptAds,
                report.pairPrecision, report.pairRecall))
    }

    /// Pair precision and recall of clustering real ads reposted with changes (``TemplatePairFixture``).
    private func runPairStage(records: [AdRecord], extractor: FeatureExtractor) {
        let html = HTMLExtractor()
        let texts = records.compactMap { try? html.extract($0.content).text }
        let fixture = TemplatePairFixture(texts: texts, features: extractor)
        let variants = [
            TemplatePairFixture.Variant(name: "contacts only", edits: 0),
            TemplatePairFixture.Variant(name: "+ emoji, a line", edits: 0, lines: true),
            TemplatePairFixture.Variant(name: "10 % of words", edits: 0.1),
            TemplatePairFixture.Variant(name: "20 % of words", edits: 0.2),
            TemplatePairFixture.Variant(name: "10 % + footer", edits: 0.1, footer: true),
            TemplatePairFixture.Variant(name: "20 % + footer", edits: 0.2, footer: true),
        ]
        var header = false
        for seed in pairSeeds {
            if pairSeeds.count > 1 { print("seed \(seed)") }
            for variant in variants {
                printPairs(fixture.run(variant, thresholds: pairThresholds, seed: seed), header: &header, reposts: fixture.reposts)
            }
        }
    }

    private func printPairs(_ report: TemplatePairFixture.Report, header: inout Bool, reposts: Int) {
        if !header {
            print(
                "pairs: \(report.bases) base ads (\(report.basesInSharedTemplates) of them in \(report.sharedTemplates) templates shared with another base, exact word-pair Jaccard >= \(TemplatePairFixture.sameTemplateJaccard)), each with \(reposts) reposts: \(report.ads) ads")
            print(pad("set", 16) + pad("threshold", 11) + pad("precision", 11) + pad("recall", 9) + pad("copies", 9) + pad("originals", 13) + "pairs true / predicted / both")
            header = true
        }
        for result in report.results {
            print(
                pad(report.variant.name, 16) + pad(String(format: "%.2f", result.threshold), 11)
                    + pad(String(format: "%.3f", result.precision), 11) + pad(String(format: "%.3f", result.recall), 9)
                    + pad(String(format: "%.3f", result.copyRecall), 9)
                    + pad(String(format: "%.3f/%.3f", result.originalsPrecision, result.originalsRecall), 13)
                    + "\(result.truePairs) / \(result.predictedPairs) / \(result.correctPairs)")
        }
    }

    private func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s + " " : s + String(repeating: " ", count: n - s.count) }
}
