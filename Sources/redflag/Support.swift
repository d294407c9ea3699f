import ArgumentParser
import Foundation
import RedFlagFeatures
import RedFlagIngest
import RedFlagModel
import RedFlagPipeline
import RedFlagService

/// Loads and compiles the lexicon (`--lexicon`, else the configured one), turning a bad file into a clear CLI error.
func loadFeatureExtractor(_ path: String?) throws -> FeatureExtractor {
    do {
        return try CommandLineConfiguration.resolved(lexicon: path).loadFeatureExtractor()
    } catch {
        throw CLIError(error.message)
    }
}

/// An error the CLI prints as a sentence on standard error, exiting with `status` (see ``ExitStatus``).
struct CLIError: Error, CustomStringConvertible {
    var description: String
    var status: Int32
    init(_ description: String, status: Int32 = ExitStatus.failure) {
        self.description = description
        self.status = status
    }
}

/// The models named on the command line, or the shipped `default` and `category` models when present
/// (``RedFlagConfiguration/loadScorer(model:categoryModel:threshold:lexicon:)``).
func loadScorer(model: String?, categoryModel: String?, threshold: Double?, lexicon: Lexicon) throws -> Scorer? {
    do {
        return try CommandLineConfiguration.shared.loadScorer(
            model: model, categoryModel: categoryModel, threshold: threshold, lexicon: lexicon)
    } catch {
        throw CLIError(error.message)
    }
}

/// A scanner pool, a worker whose lexicon copy fails to compile reported as a CLI error.
func makeScanner(
    options: IngestOptions, features: FeatureExtractor?, scorer: Scorer? = nil, jobs: Int
) throws -> RedFlagPipeline.Scanner {
    do {
        return try RedFlagPipeline.Scanner(options: options, features: features, scorer: scorer, jobs: jobs)
    } catch {
        throw CLIError(error.message)
    }
}
