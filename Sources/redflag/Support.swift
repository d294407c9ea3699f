import ArgumentParser
import Foundation
import RedFlagFeatures
import RedFlagModel
import RedFlagPipeline

/// Loads and compiles the lexicon, turning a bad file into a clear CLI error.
func loadFeatureExtractor(_ path: String?) throws -> FeatureExtractor {
    do {
        return try FeatureExtractor(lexiconPath: path)
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

/// The models named on the command line, or the shipped `default` and `category` models when present.
func loadScorer(model: String?, categoryModel: String?, threshold: Double?, lexicon: Lexicon) throws -> Scorer? {
    let exists = { (name: String) in FileManager.default.fileExists(atPath: ModelStore.path(for: name)) }
    let suspicion = model ?? (exists("default") ? "default" : nil)
    let category = categoryModel ?? (exists("category") ? "category" : nil)
    if suspicion == nil && category == nil { return nil }
    do {
        return try Scorer.load(suspicion: suspicion, category: category, threshold: threshold, lexicon: lexicon)
    } catch {
        throw CLIError(error.message)
    }
}
