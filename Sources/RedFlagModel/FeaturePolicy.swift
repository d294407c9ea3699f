public import RedFlagContract

/// Which features a suspicion model learns from, which sign each weight may take, and which features count in an
/// ad of a given category. Stored in the model file and applied the same way when training and when scoring.
///
/// Why a policy rather than every feature the extractor makes:
/// - **Fewer, sturdier features.** Hundreds of per-phrase weights fitted on one generator's phrasing did not carry
///   to ads written otherwise (ROC-AUC 0.93 on an independent generator, suspicious ads scored 0.1–0.4). Family-level
///   evidence ("some youth language", "a third party") is what the research speaks of and what transfers.
/// - **Signs from the evidence.** Youth, an obscured phone, trust language and stated ethnicity predict trafficking
///   (RESEARCH.md); third-party control and a stated minor's age are the definition of it. Movement language goes
///   against it. A highlighted indicator that lowered a score could not be explained to a reviewer.
/// - **Category scopes.** An ordinary classified (a job, a sofa, a room) reaches the queue only through cues that make
///   sense there, recruitment lures above all, never through a sum of weak cues ("24 hours", "ask for Maria", "no
///   scams"): in such an ad every other feature is dropped, youth, third-party, several-provider and foreign wording
///   count only beside a recruitment lure, and a `category.<name>` feature lets the model learn how rare suspicion
///   is there. A stated minor's age is the ``MinorRule``'s to decide, not a weight.
public struct FeaturePolicy: Codable, Sendable, Equatable {
    /// Feature-name prefixes (or whole names) the model learns from.
    public var include: [String]
    /// Features left out even though a prefix includes them.
    public var exclude: [String]
    /// Sign constraints by prefix or whole name; the longest matching key wins.
    public var signs: [String: WeightBound]
    /// Per category, the prefixes (or names) that still count in an ad of that category.
    public var scopes: [String: [String]]
    /// Per scoped category, prefixes of which at least one feature must be present for anything in the scope to
    /// count: in an ordinary classified, youth or third-party wording raises the score only beside a recruitment lure.
    public var requires: [String: [String]]
    /// Whether scoring blends the readings by the category model's probabilities (``SuspicionModel/assess``) instead of
    /// taking the most likely category's reading alone.
    public var blend: Bool

    public init(
        include: [String], exclude: [String] = [], signs: [String: WeightBound], scopes: [String: [String]],
        requires: [String: [String]] = [:], blend: Bool = false
    ) {
        self.include = include
        self.exclude = exclude
        self.signs = signs
        self.scopes = scopes
        self.requires = requires
        self.blend = blend
    }

    /// The policy `redflag train` uses for suspicion models.
    public static let evidence = FeaturePolicy(
        include: ["family.", "evidence.", "entity.phone", "entity.email", "entity.price", "age.", "text.", "lure.", "category."],
        // entity.phone_obfuscated is the same fact as family.obfuscated_phone. A stated minor's age is the minor rule's to
        // decide (it flags the ad whatever the score): as a weight it would also push a teen babysitter's ad up.
        exclude: ["entity.phone_obfuscated", "family.underage_age", "age.under_18"],
        signs: [
            "family.": .nonNegative, "family.movement": .nonPositive, "evidence.": .nonNegative,
            "age.18_19": .nonNegative, "text.": .nonNegative, "lure.": .nonNegative,
        ],
        scopes: ["other": ["lure.", "family.youth", "family.third_party", "family.multiple_providers", "family.foreign"]],
        requires: ["other": ["lure."]], blend: true)

    /// Whether the model learns from `feature`.
    public func includes(_ feature: String) -> Bool {
        !exclude.contains(feature) && include.contains { feature.hasPrefix($0) }
    }

    /// The sign constraint of `feature`: the longest key that is a prefix of it (or equal), else free.
    public func bound(of feature: String) -> WeightBound {
        var best: (length: Int, bound: WeightBound) = (-1, .free)
        for (key, bound) in signs where feature.hasPrefix(key) && key.count > best.length { best = (key.count, bound) }
        return best.bound
    }

    /// The vector the model sees for an ad of `category`: in a scoped category only the scope's features, plus
    /// `category.<name>`.
    public func apply(_ vector: FeatureVector, category: String?) -> FeatureVector {
        guard let category, let scope = scopes[category] else { return vector }
        let required = requires[category] ?? []
        let unlocked =
            required.isEmpty || vector.values.contains { feature in required.contains { feature.name.hasPrefix($0) } }
        // The vector's pairs are sorted by name; the kept ones stay sorted, and "category.<name>" goes in its place.
        var pairs: [(name: String, value: Double)] = []
        if unlocked {
            pairs = vector.values.filter { feature in scope.contains { feature.name.hasPrefix($0) } }
        }
        let marker = "category." + category
        let at = pairs.firstIndex { $0.name > marker } ?? pairs.count
        pairs.insert((marker, 1), at: at)
        return FeatureVector(sortedPairs: pairs)
    }
}
