public import RedFlagFeatures
import RedFlagIngest
public import RedFlagContract
import RedFlagCore

/// How the extractor's families, phones and ages agree with a hand-annotated gold set, ad by ad.
///
/// Families are decided at ad level (FAMILIES.md), so each family is scored as a yes/no per ad: precision, recall
/// and F1 over the annotated ads, and their macro average over the families the gold set holds at least once.
/// Phones are compared as SHA-256 digests of their digits, ages as sets of numbers; both are micro-averaged.
public struct GoldEvaluation: Sendable {
    /// True positives, false positives and false negatives.
    public struct Counts: Sendable, Equatable {
        public var truePositives = 0
        public var falsePositives = 0
        public var falseNegatives = 0

        public init() {}

        public var precision: Double {
            truePositives + falsePositives == 0 ? .nan : Double(truePositives) / Double(truePositives + falsePositives)
        }
        public var recall: Double {
            truePositives + falseNegatives == 0 ? .nan : Double(truePositives) / Double(truePositives + falseNegatives)
        }
        public var f1: Double {
            let denominator = 2 * truePositives + falsePositives + falseNegatives
            return denominator == 0 ? .nan : 2 * Double(truePositives) / Double(denominator)
        }

        mutating func add<T: Hashable>(predicted: Set<T>, actual: Set<T>) {
            truePositives += predicted.intersection(actual).count
            falsePositives += predicted.subtracting(actual).count
            falseNegatives += actual.subtracting(predicted).count
        }
    }

    /// Where the extractor and the annotation differ on one ad, for reading the misses by eye.
    public struct Disagreement: Sendable {
        public var digest: String
        public var rowLabel: String?
        /// Families the extractor found that the annotation does not hold, with the text that fired them.
        public var extra: [(family: Family, matches: [String])]
        /// Families the annotation holds that the extractor missed, with the annotator's evidence.
        public var missed: [(family: Family, evidence: [String])]
        public var extraAges: [Int]
        public var missedAges: [Int]
        public var extraPhones: Int
        public var missedPhones: Int
    }

    public private(set) var families: [Family: Counts] = [:]
    public private(set) var phones = Counts()
    public private(set) var ages = Counts()
    /// Annotated ads found in the data and scored.
    public private(set) var scored = 0
    public private(set) var disagreements: [Disagreement] = []

    public init() {
        for family in Family.allCases { families[family] = Counts() }
    }

    /// Families the gold set holds at least once: the ones macro-F1 averages over.
    public var supportedFamilies: [Family] {
        Family.allCases.filter { family in
            let counts = families[family]!
            return counts.truePositives + counts.falseNegatives > 0
        }
    }

    /// Mean F1 over ``supportedFamilies``.
    public var macroF1: Double {
        let supported = supportedFamilies
        guard !supported.isEmpty else { return .nan }
        return supported.map { families[$0]!.f1 }.reduce(0, +) / Double(supported.count)
    }

    /// Scores one annotated ad against what the extractor found in it.
    public mutating func add(_ annotation: GoldSet.Annotation, features: AdFeatures) throws(GoldSetError) {
        scored += 1
        let actual = try annotation.familySet()
        let predicted = Set(features.families)
        for family in Family.allCases {
            families[family]!.add(
                predicted: predicted.contains(family) ? [family] : [], actual: actual.contains(family) ? [family] : [])
        }
        let predictedPhones = Set(features.entities.phones.map { sha256Hex($0) })
        let actualPhones = Set(annotation.phones.map { $0.lowercased() })
        phones.add(predicted: predictedPhones, actual: actualPhones)
        let predictedAges = Set(features.entities.ages)
        let actualAges = Set(annotation.ages)
        ages.add(predicted: predictedAges, actual: actualAges)

        let extraFamilies = predicted.subtracting(actual).sorted()
        let missedFamilies = actual.subtracting(predicted).sorted()
        if !extraFamilies.isEmpty || !missedFamilies.isEmpty || predictedAges != actualAges
            || predictedPhones != actualPhones
        {
            disagreements.append(
                Disagreement(
                    digest: annotation.digest, rowLabel: annotation.rowLabel,
                    extra: extraFamilies.map { family in
                        var matches = features.indicators.filter { $0.family == family }.map(\.match)
                        if family == .obfuscatedPhone { matches.append("(a disguised phone number)") }
                        if family == .underageAge { matches.append("(a stated age under 18)") }
                        return (family, matches)
                    },
                    missed: missedFamilies.map { ($0, annotation.families[$0.rawValue] ?? []) },
                    extraAges: predictedAges.subtracting(actualAges).sorted(),
                    missedAges: actualAges.subtracting(predictedAges).sorted(),
                    extraPhones: predictedPhones.subtracting(actualPhones).count,
                    missedPhones: actualPhones.subtracting(predictedPhones).count))
        }
    }
}
