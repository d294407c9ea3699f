import Foundation
import Testing
@testable import RedFlagFeatures
import RedFlagContract

/// `ordinary.context`: what an ordinary classified offers, the positive evidence a stated minor's age needs before an
/// ad read as ordinary is let through (MinorRule).
@Suite("Ordinary context")
struct OrdinaryContextTests {
    static let extractor: FeatureExtractor = {
        let models = repositoryURL.appendingPathComponent("Models")
        return try! FeatureExtractor(
            lexiconPath: models.appendingPathComponent("lexicon.yaml").path,
            vocabularyPath: models.appendingPathComponent("category-words.yaml").path)
    }()

    func context(_ text: String) -> Bool {
        Self.extractor.features(ofText: text, scratch: FeatureScratch()).vector[CategoryVocabulary.ordinaryContextFeature] != 0
    }

    @Test(arguments: [
        "Reliable 15 yo babysitter available after school, CPR certified.",
        "Niñera de 17 años, disponible fines de semana.",
        "2008 Nissan Altima, 205k miles. We bought it when our son turned 16.",
        "I'm 14 and I can mow lawns and rake leaves on Saturdays.",
        "PS5 for my 15-year-old, works great, $360.",
    ])
    func ordinaryOffersAreContext(text: String) {
        #expect(context(text))
    }

    /// Words of the `other` list that sex ads use too are excepted, so they cannot let a minor's ad through.
    @Test(arguments: [
        "Meet Yuki. She is 16. Ask for Yuki when you call.",
        "17 year old, cash only, rates are firm, girlfriend experience, per hour, my apartment, high class",
        "new in town, ask my manager, car dates, part time",
    ])
    func sexAdWordsAreNot(text: String) {
        #expect(!context(text))
    }

    /// A phrase in both the `other` list and the context keeps its own `word.` feature for the category model.
    @Test func contextPhrasesKeepTheirWordFeature() {
        let vector = Self.extractor.features(ofText: "babysitter available", scratch: FeatureScratch()).vector
        #expect(vector["word.babysitter"] == 1)
        #expect(vector[CategoryVocabulary.ordinaryContextFeature] == 1)
    }
}
