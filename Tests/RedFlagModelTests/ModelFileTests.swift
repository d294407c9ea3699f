import Foundation
import RedFlagFeatures
import Testing
@testable import RedFlagModel
import RedFlagContract

private let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// A small synthetic problem: "youth.young" and "trust_language.real_pics" make an ad suspicious, "word.bike" benign.
private func syntheticExamples(count: Int, seed: UInt64) -> [LabeledExample] {
    var state = seed
    func next() -> Double {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Double(state >> 11) / Double(1 << 53)
    }
    return (0..<count).map { k in
        let suspicious = next() < 0.3
        var values: [String: Double] = [:]
        if next() < (suspicious ? 0.8 : 0.1) { values["youth.young"] = 1; values["family.youth"] = 1 }
        if next() < (suspicious ? 0.7 : 0.2) { values["trust_language.real_pics"] = 1; values["family.trust_language"] = 1 }
        if next() < (suspicious ? 0.1 : 0.4) { values["movement.new_in_town"] = 1; values["family.movement"] = 1 }
        if next() < (suspicious ? 0.05 : 0.3) { values["word.bike"] = 1 }
        values["length.200_1000"] = 1
        return LabeledExample(
            id: "s\(k)", vector: FeatureVector(values), suspicious: suspicious,
            category: suspicious ? "escort" : (values["word.bike"] != nil ? "other" : "dating"))
    }
}

private let provenance = ModelFile.Provenance(
    dataFiles: [ModelFile.DataFile(path: "synthetic", sha256: "00", records: 600)], lexiconSHA256: "ab",
    options: ["l2": "1"], trainedAt: "2026-11-23T00:00:00Z", tool: "test")

@Suite("Model files and training")
struct ModelFileTests {
    @Test func trainsCalibratedSuspicionModelWithContributionsThatAddUp() throws {
        let examples = syntheticExamples(count: 3000, seed: 7)
        let (file, report) = try ModelTrainer().trainSuspicion(examples, name: "t", provenance: provenance)
        #expect(report.metrics["roc_auc"]! > 0.85)
        // Calibration fitted on held-out folds: probabilities mean what they say.
        #expect(report.metrics["ece"]! < 0.05)
        #expect(!file.featureNames.contains("word.bike"))  // category words stay out of the suspicion model
        let model = try SuspicionModel(file: file)
        let vector = FeatureVector(["youth.young": 1, "family.youth": 1, "trust_language.real_pics": 1, "length.200_1000": 1])
        let assessment = model.assess(vector)
        let sum = assessment.contributions.reduce(file.intercepts[0]) { $0 + $1.weight }
        #expect(abs(sum - assessment.logit) < 1e-9)
        // The evidence policy learns family-level features only; each contribution names its family.
        #expect(!file.featureNames.contains("youth.young"))
        #expect(assessment.contributions.first { $0.feature == "family.youth" }?.family == "youth")
        #expect(assessment.score > model.assess(FeatureVector(["length.200_1000": 1])).score)
    }

    @Test func movementNeverRaisesAScore() throws {
        // Data where movement goes with suspicion: the trainer must drop it rather than learn a positive weight.
        var examples = syntheticExamples(count: 2000, seed: 3)
        for k in examples.indices where examples[k].suspicious == true {
            var values = Dictionary(uniqueKeysWithValues: examples[k].vector.values.map { ($0.name, $0.value) })
            values["movement.new_in_town"] = 1
            examples[k].vector = FeatureVector(values)
        }
        for k in examples.indices where examples[k].suspicious == true {
            var values = Dictionary(uniqueKeysWithValues: examples[k].vector.values.map { ($0.name, $0.value) })
            values["family.movement"] = 1
            examples[k].vector = FeatureVector(values)
        }
        // Without a policy the trainer drops a movement feature the data gives a positive weight.
        let (file, report) = try ModelTrainer().trainSuspicion(examples, name: "m", provenance: provenance, policy: nil)
        #expect(report.droppedFeatures.contains("movement.new_in_town"))
        for (name, weight) in zip(file.featureNames, file.weights[0]) where FeatureSpace.group(of: name) == "movement" {
            #expect(weight <= 0, "\(name) has weight \(weight)")
        }
        #expect(file.provenance.notes.contains { $0.contains("movement.new_in_town") })
        // With the evidence policy the sign constraint holds movement at or below zero.
        let (constrained, _) = try ModelTrainer().trainSuspicion(examples, name: "m", provenance: provenance)
        let movement = constrained.featureNames.firstIndex(of: "family.movement")
        #expect(movement != nil && constrained.weights[0][movement!] <= 0)
    }

    @Test func saveAndLoadRoundTrip() throws {
        let (file, _) = try ModelTrainer().trainSuspicion(syntheticExamples(count: 800, seed: 1), name: "rt", provenance: provenance)
        let decoded = try JSONDecoder().decode(ModelFile.self, from: Data(try file.encoded()))
        #expect(decoded == file)
        let vector = FeatureVector(["youth.young": 1, "family.youth": 1])
        #expect(try SuspicionModel(file: decoded).assess(vector) == SuspicionModel(file: file).assess(vector))
        let text = String(decoding: try file.encoded(), as: UTF8.self)
        #expect(text.contains("\"schemaVersion\" : 1"))
        #expect(text.contains("\"trainedAt\""))
    }

    @Test func trainingIsDeterministic() throws {
        let examples = syntheticExamples(count: 800, seed: 5)
        let (a, _) = try ModelTrainer().trainSuspicion(examples, name: "d", provenance: provenance)
        let (b, _) = try ModelTrainer().trainSuspicion(examples, name: "d", provenance: provenance)
        #expect(a == b)
    }

    @Test func refusesAModelWhoseLexiconFeaturesAreGone() throws {
        // Per-entry features (no policy) are what a lexicon can take away.
        let (file, _) = try ModelTrainer().trainSuspicion(
            syntheticExamples(count: 800, seed: 2), name: "old", provenance: provenance, policy: nil)
        let lexicon = Lexicon(entries: [
            Lexicon.Entry(id: "young", family: .youth, weight: 1, patterns: ["\\byoung\\b"])
        ], source: "new.yaml")
        #expect {
            try SuspicionModel(file: file).check(against: lexicon)
        } throws: { error in
            let message = (error as! ModelError).message
            return message.contains("trust_language.real_pics") && message.contains("new.yaml")
        }
        let full = Lexicon(entries: [
            Lexicon.Entry(id: "young", family: .youth, weight: 1, patterns: ["\\byoung\\b"]),
            Lexicon.Entry(id: "real_pics", family: .trustLanguage, weight: 1, patterns: ["\\breal pics\\b"]),
            Lexicon.Entry(id: "new_in_town", family: .movement, weight: -1, patterns: ["\\bnew in town\\b"]),
        ])
        try SuspicionModel(file: file).check(against: full)
    }

    @Test func refusesOtherSchemaVersionsAndKinds() throws {
        var (file, _) = try ModelTrainer().trainSuspicion(syntheticExamples(count: 800, seed: 4), name: "v", provenance: provenance)
        #expect(throws: ModelError.self) { try CategoryModel(file: file) }
        file.schemaVersion = 99
        #expect(throws: ModelError.self) { try SuspicionModel(file: file) }
    }

    @Test func categoryModelPredictsCategories() throws {
        let (file, report) = try ModelTrainer().trainCategory(syntheticExamples(count: 1500, seed: 9), name: "c", provenance: provenance)
        #expect(report.metrics["macro_f1"]! > 0.5)
        let model = try CategoryModel(file: file)
        #expect(model.category(of: FeatureVector(["word.bike": 1, "length.200_1000": 1])).name == "other")
        #expect(model.category(of: FeatureVector(["youth.young": 1, "family.youth": 1, "trust_language.real_pics": 1])).name == "escort")
    }

    @Test func evaluationReportsAndDrawsCharts() throws {
        let examples = syntheticExamples(count: 1000, seed: 11)
        let (file, _) = try ModelTrainer().trainSuspicion(examples, name: "e", provenance: provenance)
        let evaluation = SuspicionEvaluation(model: try SuspicionModel(file: file), examples: examples)
        let c = evaluation.confusion
        #expect(c.tp + c.fp + c.tn + c.fn == 1000)
        #expect(evaluation.rocAUC > 0.85)
        #expect(evaluation.precisionRecallSVG(title: "PR").contains("<svg"))
        #expect(evaluation.calibrationSVG(title: "Cal").contains("Cal"))
    }

    @Test func tooFewExamplesIsAClearError() {
        let examples = Array(syntheticExamples(count: 40, seed: 1).prefix(6))
        #expect(throws: ModelError.self) { try ModelTrainer().trainSuspicion(examples, name: "x", provenance: provenance) }
    }
}

/// The models shipped in `Models/`, against the shipped lexicon.
@Suite("Shipped models")
struct ShippedModelTests {
    let extractor = try! FeatureExtractor(
        lexiconPath: repository.appendingPathComponent("Models/lexicon.yaml").path,
        vocabularyPath: repository.appendingPathComponent("Models/category-words.yaml").path)
    let suspicion = try! SuspicionModel(file: ModelStore.load(path: repository.appendingPathComponent("Models/default.json").path))
    let category = try! CategoryModel(file: ModelStore.load(path: repository.appendingPathComponent("Models/category.json").path))

    func score(_ text: String) -> Assessment {
        suspicion.assess(extractor.features(ofText: text, scratch: FeatureScratch()).vector)
    }

    @Test func shippedModelsMatchTheShippedLexiconAndRecordProvenance() throws {
        try suspicion.check(against: extractor.lexicon)
        try category.check(against: extractor.lexicon)
        #expect(suspicion.file.provenance.dataFiles.first?.path.hasSuffix("corpus.jsonl.gz") == true)
        #expect(category.file.provenance.dataFiles.contains { $0.path.hasSuffix("dig-ads-training.csv") })
        #expect(suspicion.file.metrics["roc_auc"]! > 0.9)
        // Calibration and threshold were chosen on data unlike the training data, for the recall target (0.92 of the
        // ads that show evidence, so that recall over all suspicious ads on unseen data stays near 0.9).
        #expect(suspicion.file.metrics["selection_target_recall"] == 0.92)
        #expect(suspicion.file.metrics["selection_evidence_recall"]! >= 0.92)
        #expect(suspicion.file.provenance.notes.contains { $0.contains("Apache License 2.0") })
        #expect(category.file.provenance.notes.contains { $0.contains("Apache License 2.0") })
        #expect(category.file.metrics["macro_f1"]! >= 0.85)
    }

    /// Every weight the research gives a sign keeps it: no highlighted indicator lowers a score but movement.
    @Test func weightsKeepTheResearchSigns() throws {
        let policy = try #require(suspicion.file.policy)
        for (name, weight) in zip(suspicion.file.featureNames, suspicion.file.weights[0]) {
            switch policy.bound(of: name) {
            case .nonNegative: #expect(weight >= 0, "\(name) \(weight)")
            case .nonPositive: #expect(weight <= 0, "\(name) \(weight)")
            case .free: break
            }
        }
        #expect(!suspicion.file.featureNames.contains { $0.hasPrefix("youth.") || $0.hasPrefix("word.") })
    }


    @Test func movementLowersTheScore() {
        let base = "Sweet young Asian girl, 100% real pics, no games."
        #expect(score(base + " New in town, leaving soon!").score < score(base).score)
    }

    @Test func categoriesOfOrdinaryAds() {
        func category(_ text: String) -> String { self.category.category(of: extractor.features(ofText: text, scratch: FeatureScratch()).vector).name }
        #expect(category("2012 Honda Civic for sale, 98k miles, new tires, $6500 obo, clean title") == "other")
        #expect(category("Relaxing massage spa, licensed therapists, deep tissue and Swedish, walk ins welcome") == "massage")
    }
}
