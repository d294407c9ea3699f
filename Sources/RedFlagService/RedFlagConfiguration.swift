import Foundation

/// Where RedFlag's data files are: explicit paths and folders, resolved once by the program that runs RedFlag (the
/// command line from its flags, environment and working folder; a server from its own configuration) and passed in.
/// No library reads the environment or guesses a folder from where it was built.
///
/// ```swift
/// let configuration = RedFlagConfiguration(modelFolders: ["/srv/redflag/Models"])
/// let extractor = try configuration.loadFeatureExtractor()
/// let scorer = try configuration.loadScorer(lexicon: extractor.lexicon)
/// ```
public struct RedFlagConfiguration: Sendable, Hashable {
    /// Folders searched in order for model files and other data named by file name: the first that holds a file is
    /// where it is read from.
    public var modelFolders: [String]
    /// The indicator lexicon.
    public var lexiconPath: String
    /// The category-word vocabulary; nil scores without category words.
    public var vocabularyPath: String?

    /// A configuration reading everything from `modelFolders`: `lexicon.yaml` (unless `lexiconPath` names another)
    /// and `category-words.yaml` when one of them holds it.
    public init(modelFolders: [String], lexiconPath: String? = nil) {
        self.modelFolders = modelFolders
        self.lexiconPath = ""
        self.vocabularyPath = nil
        self.lexiconPath = lexiconPath ?? path(of: "lexicon.yaml")
        let vocabulary = path(of: "category-words.yaml")
        self.vocabularyPath = FileManager.default.fileExists(atPath: vocabulary) ? vocabulary : nil
    }

    /// `name` in the first of ``modelFolders`` that holds it, else in the last (where a message about the missing
    /// file should point).
    public func path(of name: String) -> String {
        let candidates = modelFolders.map { $0 + "/" + name }
        return candidates.first { FileManager.default.fileExists(atPath: $0) } ?? candidates.last ?? name
    }

    /// The file of model `name`: `name` itself when it is a path (holds a `/` or ends in `.json`), else
    /// `<name>.json` found as ``path(of:)`` finds files.
    public func modelPath(_ name: String) -> String {
        if name.hasSuffix(".json") || name.contains("/") { return name.hasSuffix(".json") ? name : name + ".json" }
        return path(of: name + ".json")
    }

    /// Whether model `name` exists (``modelPath(_:)``).
    public func hasModel(_ name: String) -> Bool { FileManager.default.fileExists(atPath: modelPath(name)) }
}
