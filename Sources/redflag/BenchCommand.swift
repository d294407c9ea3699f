import ArgumentParser
import Foundation
import RedFlagFeatures
import RedFlagIngest
import RedFlagPipeline

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure scan throughput per stage: ads/s and MB/s per core and on all cores.",
        discussion: """
            Loads up to --limit ads into memory (default: Samples/), then times each stage --reps times and prints \
            the median. Parse figures are per MB of HTML; feature figures per MB of extracted text.
            """
    )

    @Argument(help: "Ads to measure on (files, folders, dumps); default Samples/.")
    var paths: [String] = []

    @Option(help: "Largest number of ads loaded.")
    var limit = 10_000

    @Option(help: "Repetitions per stage; the median is reported.")
    var reps = 5

    @Option(name: .shortAndLong, help: "Workers for the all-cores figure (default: one per core).")
    var jobs = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .customLong("text-field"), help: "JSONL/CSV field holding plain text.")
    var textField = "text"

    @Option(help: "Indicator lexicon (default: $REDFLAG_LEXICON, else Models/lexicon.yaml).")
    var lexicon: String?

    func run() throws {
        let extractor = try loadFeatureExtractor(lexicon)
        let options = IngestOptions(textField: textField)
        var records: [AdRecord] = []
        for item in AdReader(paths: paths.isEmpty ? [ModelsFolder.sourceTree + "/../Samples"] : paths, options: options) {
            if case .record(let record) = item { records.append(record) }
            if records.count >= limit { break }
        }
        guard !records.isEmpty else { throw CLIError("no ads to measure") }
        let scorer = try loadScorer(model: nil, categoryModel: nil, threshold: nil, lexicon: extractor.lexicon)
        let report = PipelineBenchmark(records: records, features: extractor, scorer: scorer, options: options).run(
            repetitions: reps, jobs: jobs)
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
        print(String(format: "lexicon patterns run per ad after the prefilter: %.1f", report.patternRunsPerAd))
        print(String(format: "peak resident memory: %.1f MB", report.peakResidentMegabytes))
    }

    private func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s + " " : s + String(repeating: " ", count: n - s.count) }
}
