import RedFlagContract
import Testing

@testable import RedFlagModel

/// ``CategoryReading``: market wording takes the `other` reading away; nothing else changes the model's reading.
@Suite("Category reading")
struct CategoryReadingTests {
    static let classes = ["escort", "massage", "dating", "other"]

    @Test("market wording in the ad sets other to zero and renormalises the rest")
    func marketWordingIsNeverOrdinary() {
        let reading = CategoryReading(
            classes: Self.classes, probabilities: [0.2, 0.1, 0.05, 0.65], ad: FeatureVector(["market.roses": 1]))
        #expect(reading.marketWording)
        #expect(reading.name == "escort")
        #expect(reading.probability(of: "other") == 0)
        #expect(abs(reading.probability - 0.2 / 0.35) < 1e-12)
        #expect(abs(reading.probabilities.reduce(0, +) - 1) < 1e-12)
    }

    @Test("without market wording the model's reading stands, evidence families included")
    func otherwiseUnchanged() {
        let ad = FeatureVector(["family.incall_outcall": 1, "word.sale": 1, "lure.cash_daily": 1])
        let reading = CategoryReading(classes: Self.classes, probabilities: [0.2, 0.1, 0.05, 0.65], ad: ad)
        #expect(!reading.marketWording)
        #expect(reading.name == "other")
        #expect(reading.probabilities == [0.2, 0.1, 0.05, 0.65])
    }

    @Test("a model certain of other keeps its reading: nothing is left to renormalise")
    func certainOtherStands() {
        let reading = CategoryReading(
            classes: Self.classes, probabilities: [0, 0, 0, 1], ad: FeatureVector(["market.gfe": 1]))
        #expect(!reading.marketWording)
        #expect(reading.name == "other")
    }

    @Test("a model without an other class is read as it is")
    func noOrdinaryClass() {
        let reading = CategoryReading(
            classes: ["escort", "massage"], probabilities: [0.3, 0.7], ad: FeatureVector(["market.gfe": 1]))
        #expect(!reading.marketWording)
        #expect(reading.name == "massage")
    }
}
