import Foundation
public import RedFlagContract
public import RedFlagFeatures

/// A trained suspicion model: logistic regression, calibration and a threshold.
public struct SuspicionModel: Sendable {
    public let file: ModelFile
    public let space: FeatureSpace
    let model: BinaryLogisticModel

    public init(file: ModelFile) throws(ModelError) {
        guard file.schemaVersion == ModelFile.currentSchemaVersion else {
            throw ModelError(
                "model \"\(file.name)\" has schema version \(file.schemaVersion); this redflag reads version \(ModelFile.currentSchemaVersion)")
        }
        guard file.kind == .suspicion, file.weights.count == 1, file.weights[0].count == file.featureNames.count,
            file.intercepts.count == 1
        else {
            throw ModelError("model \"\(file.name)\" is not a well-formed suspicion model")
        }
        self.file = file
        self.space = FeatureSpace(names: file.featureNames)
        self.model = BinaryLogisticModel(weights: file.weights[0], intercept: file.intercepts[0])
    }

    public var threshold: Double { file.threshold ?? 0.5 }

    /// Calibrated probability for a logit.
    public func probability(logit: Double) -> Double {
        guard let calibration = file.calibration else { return 1 / (1 + exp(-logit)) }
        if let platt = calibration.platt { return platt.probability(logit: logit) }
        if let isotonic = calibration.isotonic { return isotonic.probability(score: logit) }
        return 1 / (1 + exp(-logit))
    }

    /// Scores a feature vector and explains it. `category` is the ad's category (as the category model reads it): the
    /// model's ``FeaturePolicy`` decides which features count in it.
    ///
    /// `scopeProbabilities` (the category model's probability of each scoped category, e.g. `other`) blends the
    /// readings: the score is P(other) · P(suspicious | read as other) + (1 − P(other)) · P(suspicious | read as a
    /// sex-market ad). An ordinary classified the category model is unsure about is then neither scored as a sure escort
    /// ad nor let off as a sure ordinary one. The blend's effect on the logit is listed as `category.reading`.
    public func assess(
        _ vector: FeatureVector, category: String? = nil, scopeProbabilities: [String: Double] = [:],
        threshold: Double? = nil
    ) -> Assessment {
        // Rows by reading: the vector as it is (a sex-market reading) and each scoped category's view of it, each built
        // once; the ad's own reading is one of them.
        let policy = file.policy
        let marketRow = space.row(vector)
        var scopedRows: [String: SparseRow] = [:]
        func rowFor(_ reading: String?) -> SparseRow {
            guard let policy, let reading, policy.scopes[reading] != nil else { return marketRow }
            if let cached = scopedRows[reading] { return cached }
            let built = space.row(policy.apply(vector, category: reading))
            scopedRows[reading] = built
            return built
        }
        let row = rowFor(category)
        var logit = model.logit(row)
        var contributions: [Contribution] = []
        for (k, index) in row.indices.enumerated() {
            let weight = model.weights[Int(index)] * row.values[k]
            if weight != 0 {
                contributions.append(
                    Contribution(feature: space.names[Int(index)], family: space.groups[Int(index)], weight: weight))
            }
        }
        if let policy, policy.blend, !scopeProbabilities.isEmpty {
            var marketShare = 1.0
            var probability = 0.0
            for (scope, share) in scopeProbabilities where policy.scopes[scope] != nil {
                probability += share * LogisticMath.sigmoid(model.logit(rowFor(scope)))
                marketShare -= share
            }
            probability += max(0, marketShare) * LogisticMath.sigmoid(model.logit(marketRow))
            let blended = log(max(probability, 1e-300)) - log(max(1 - probability, 1e-300))
            if abs(blended - logit) > 1e-12 {
                contributions.append(Contribution(feature: "category.reading", family: "category", weight: blended - logit))
            }
            logit = blended
        }
        // Largest magnitude first; ties by name, so the order is stable.
        contributions.sort { abs($0.weight) != abs($1.weight) ? abs($0.weight) > abs($1.weight) : $0.feature < $1.feature }
        let score = probability(logit: logit)
        return Assessment(
            score: score, logit: logit, flagged: score >= (threshold ?? self.threshold), category: nil,
            contributions: contributions)
    }

    /// Refuses a model that names lexicon features the lexicon no longer defines.
    public func check(against lexicon: Lexicon) throws(ModelError) {
        try ModelCompatibility.check(file, against: lexicon)
    }
}

/// A trained ad-category model (escort, massage, dating, other).
public struct CategoryModel: Sendable {
    public let file: ModelFile
    public let space: FeatureSpace
    let model: MultinomialLogisticModel

    public init(file: ModelFile) throws(ModelError) {
        guard file.schemaVersion == ModelFile.currentSchemaVersion else {
            throw ModelError(
                "model \"\(file.name)\" has schema version \(file.schemaVersion); this redflag reads version \(ModelFile.currentSchemaVersion)")
        }
        guard file.kind == .category, file.weights.count == file.classes.count,
            file.weights.allSatisfy({ $0.count == file.featureNames.count }), file.intercepts.count == file.classes.count
        else {
            throw ModelError("model \"\(file.name)\" is not a well-formed category model")
        }
        self.file = file
        self.space = FeatureSpace(names: file.featureNames)
        self.model = MultinomialLogisticModel(weights: file.weights, intercepts: file.intercepts)
    }

    /// The probability of each class by name.
    public func probabilitiesByName(of vector: FeatureVector) -> [String: Double] {
        Dictionary(uniqueKeysWithValues: zip(file.classes, probabilities(of: vector)))
    }

    public func category(of vector: FeatureVector) -> (name: String, probability: Double) {
        let probabilities = probabilities(of: vector)
        let best = probabilities.indices.max { probabilities[$0] < probabilities[$1] } ?? 0
        return (file.classes[best], probabilities[best])
    }

    /// The probability of each class, in ``ModelFile/classes`` order.
    public func probabilities(of vector: FeatureVector) -> [Double] {
        model.probabilities(space.row(vector))
    }

    public func check(against lexicon: Lexicon) throws(ModelError) {
        try ModelCompatibility.check(file, against: lexicon)
    }
}

enum ModelCompatibility {
    /// Lexicon features are `<family>.<entry>`; each one the model names must still be in the lexicon.
    static func check(_ file: ModelFile, against lexicon: Lexicon) throws(ModelError) {
        let defined = Set(lexicon.entries.map(\.feature))
        let missing = file.featureNames.filter { name in
            guard let dot = name.firstIndex(of: "."), Family(rawValue: String(name[..<dot])) != nil else { return false }
            return !defined.contains(name)
        }
        if !missing.isEmpty {
            throw ModelError(
                "model \"\(file.name)\" uses \(missing.count) lexicon feature(s) that \(lexicon.source) no longer defines (\(missing.prefix(8).joined(separator: ", "))\(missing.count > 8 ? ", …" : "")); retrain it with `redflag train` or use the lexicon it was trained with (sha256 \(file.provenance.lexiconSHA256.prefix(12)))"
            )
        }
    }
}

/// Loads model files. Where they are is the caller's to say (`RedFlagConfiguration` in RedFlagService resolves
/// names like `default` to paths); a library never guesses a folder.
public enum ModelStore {
    /// Loads the model file at `path`; `name` is what messages call it (the path when nil).
    public static func load(path: String, name: String? = nil) throws(ModelError) -> ModelFile {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ModelError("cannot read model \"\(name ?? path)\" at \(path): \(error.localizedDescription)")
        }
        do {
            return try JSONDecoder().decode(ModelFile.self, from: data)
        } catch {
            throw ModelError("\(path) is not a RedFlag model file: \(error)")
        }
    }
}
