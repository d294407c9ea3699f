import ArgumentParser
import RedFlagFeatures

/// Loads and compiles the lexicon, turning a bad file into a clear CLI error.
func loadFeatureExtractor(_ path: String?) throws -> FeatureExtractor {
    do {
        return try FeatureExtractor(lexiconPath: path)
    } catch {
        throw CLIError(error.message)
    }
}

/// An error the CLI prints as it is and exits 1.
struct CLIError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
