import Foundation
@testable import RedFlagFeatures

let repositoryURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// The shipped lexicon, compiled once for all tests.
let shippedExtractor: FeatureExtractor = {
    try! FeatureExtractor(lexicon: Lexicon.load(path: repositoryURL.appendingPathComponent("Models/lexicon.yaml").path))
}()

func features(_ text: String, title: String? = nil) -> AdFeatures {
    shippedExtractor.features(ofText: text, title: title, scratch: FeatureScratch())
}

func lexicon(_ yaml: String) throws -> Lexicon {
    try Lexicon.parse(Array(yaml.utf8), source: "test.yaml")
}
