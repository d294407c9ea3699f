import Foundation
import RedFlagFeatures
import RedFlagContract
import RedFlagModel

/// What `redflag indicators` prints for one family: the guide's words, the lexicon's examples and the model's
/// weight, joined so an analyst reads in one place what a highlighted family means and how much it counts.
struct FamilyReport: Encodable {
    var family: String
    /// What it means (the guide's `meaning`).
    var description: String
    var notCounted: String
    var research: String
    /// The first example of each lexicon entry of the family, at most ``IndicatorGuide/examplesPerFamily``.
    var examples: [String]
    var lexiconEntries: Int
    /// Entries whose wording points to a minor by itself (`minor: true`).
    var minorEntries: [String]
    /// The family's weight on the logit in the current model, nil when the model gives it none.
    var weight: Double?
    /// Why there is no weight, or what a zero or negative one means.
    var weightNote: String?

    enum CodingKeys: String, CodingKey {
        case family, description, research, examples, weight
        case notCounted = "not_counted"
        case lexiconEntries = "lexicon_entries"
        case minorEntries = "minor_entries"
        case weightNote = "weight_note"
    }

    /// Always writes `weight` and `weight_note`, null when absent, so scripts see every key on every family.
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(family, forKey: .family)
        try c.encode(description, forKey: .description)
        try c.encode(notCounted, forKey: .notCounted)
        try c.encode(research, forKey: .research)
        try c.encode(examples, forKey: .examples)
        try c.encode(lexiconEntries, forKey: .lexiconEntries)
        try c.encode(minorEntries, forKey: .minorEntries)
        try c.encode(weight, forKey: .weight)
        try c.encode(weightNote, forKey: .weightNote)
    }
}

/// The whole guide: where each part came from, and one report per family.
struct IndicatorGuide: Encodable {
    static let examplesPerFamily = 6

    var lexicon: String
    var guide: String
    /// The model's name and file, nil when no suspicion model was found.
    var model: String?
    var modelPath: String?
    var families: [FamilyReport]

    enum CodingKeys: String, CodingKey {
        case lexicon, guide, model, families
        case modelPath = "model_path"
    }

    /// Joins the three sources. Every family the lexicon defines must be described by the guide.
    /// - Throws: ``CLIError`` naming the families the guide leaves out.
    init(lexicon: Lexicon, guide: FamilyGuide, model: ModelFile?, modelPath: String?) throws {
        let defined = Set(lexicon.entries.map(\.family))
        let missing = guide.undescribed(Family.allCases.filter { defined.contains($0) })
        guard missing.isEmpty else {
            throw CLIError(
                "\(guide.source) does not describe \(missing.map(\.rawValue).joined(separator: ", ")), which "
                    + "\(lexicon.source) defines: add meaning, not and research for each")
        }
        self.lexicon = lexicon.source
        self.guide = guide.source
        self.model = model?.name
        self.modelPath = modelPath
        let weights = Self.familyWeights(model)
        families = Family.allCases.filter { defined.contains($0) || guide.entry(for: $0) != nil }.map { family in
            let entries = lexicon.entries.filter { $0.family == family }
            let described = guide.entry(for: family)
            let (weight, note) = Self.weight(of: family, in: model, weights: weights)
            return FamilyReport(
                family: family.rawValue, description: described?.meaning ?? "",
                notCounted: described?.notCounted ?? "", research: described?.research ?? "",
                examples: Array(entries.compactMap { $0.examples?.first }.prefix(Self.examplesPerFamily)),
                lexiconEntries: entries.count, minorEntries: entries.filter(\.minor).map(\.id), weight: weight,
                weightNote: note)
        }
    }

    /// `family.<name>` weights of a suspicion model (the positive class's row).
    static func familyWeights(_ model: ModelFile?) -> [String: Double] {
        guard let model, model.kind == .suspicion, let row = model.weights.last else { return [:] }
        var weights: [String: Double] = [:]
        for (name, weight) in zip(model.featureNames, row) where name.hasPrefix("family.") {
            weights[String(name.dropFirst("family.".count))] = weight
        }
        return weights
    }

    /// A family's weight and what to say of it.
    static func weight(of family: Family, in model: ModelFile?, weights: [String: Double]) -> (Double?, String?) {
        if family == .underageAge {
            return (
                nil,
                "no model weight: decided by the minor rule, which flags any ad stating an age under 18 whatever its "
                    + "score (unless it is plainly an ordinary classified with no commercial-sex cue)"
            )
        }
        guard let model else { return (nil, "no suspicion model loaded") }
        guard let weight = weights[family.rawValue] else {
            return (nil, "not a feature of model \"\(model.name)\"")
        }
        if weight == 0 { return (0, "the training data gave it no weight (signs follow the research)") }
        if weight < 0 { return (weight, "lowers the score: the research finds it goes against trafficking") }
        return (weight, nil)
    }
}
