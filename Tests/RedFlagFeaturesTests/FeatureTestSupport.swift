import Foundation
@testable import RedFlagFeatures
import RedFlagContract

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

/// SplitMix64, a deterministic generator for the randomized tests (the system generator cannot be seeded), so they
/// fail the same way every run.
struct SeededSplitMix: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
