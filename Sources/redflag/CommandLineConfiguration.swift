import Foundation
import RedFlagService

/// Where `redflag` finds its lexicon and models, resolved once per run from what a person sets: `--lexicon`, then
/// `$REDFLAG_LEXICON`; model files in `$REDFLAG_MODELS`, then `./Models`, then the `Models/` of the source tree this
/// binary was built from (so `swift run` and the tests work from any folder). The libraries are handed the result
/// (``RedFlagConfiguration``) and read no environment themselves.
enum CommandLineConfiguration {
    /// `Models/` of the source tree this executable was compiled from.
    static let sourceTreeModels: String = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Models").path

    /// The folders model files are looked for in, in order.
    static let modelFolders: [String] = {
        var folders: [String] = []
        if let folder = ProcessInfo.processInfo.environment["REDFLAG_MODELS"], !folder.isEmpty { folders.append(folder) }
        folders.append(FileManager.default.currentDirectoryPath + "/Models")
        folders.append(sourceTreeModels)
        return folders
    }()

    /// The referral contacts file: `$REDFLAG_REFERRAL`, else `referral.yaml` found as model files are.
    static let referralPath: String = {
        if let path = ProcessInfo.processInfo.environment["REDFLAG_REFERRAL"], !path.isEmpty { return path }
        return shared.path(of: "referral.yaml")
    }()

    /// The family guide `redflag indicators` prints: `families.yaml` found as model files are.
    static var familyGuidePath: String { shared.path(of: "families.yaml") }

    /// The configuration of this run, without a `--lexicon`.
    static let shared: RedFlagConfiguration = resolved(lexicon: nil)

    /// The configuration with the lexicon `--lexicon` names, when it names one.
    static func resolved(lexicon: String?) -> RedFlagConfiguration {
        let fromEnvironment = ProcessInfo.processInfo.environment["REDFLAG_LEXICON"].flatMap { $0.isEmpty ? nil : $0 }
        return RedFlagConfiguration(modelFolders: modelFolders, lexiconPath: lexicon ?? fromEnvironment)
    }
}
