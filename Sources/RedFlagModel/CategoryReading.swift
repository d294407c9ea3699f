public import RedFlagContract

/// What an ad is read as: the category model's probabilities with one rule on top of them.
///
/// **Market wording is never an ordinary classified.** The `market.*` words of `Models/category-words.yaml`
/// ("generous gentlemen", "roses", "incall", "gfe", "special friend") are money-for-company wording that only the
/// commercial-sex market uses. An ad that uses any of them is not read as `other`, whatever else it says: its `other`
/// probability is set to zero and the rest renormalised (the same as a softmax over the other classes' logits).
///
/// Why a rule and not only the weights: the category model is trained on few real ads, and on pages written in
/// layouts and voices it has not seen it reads too many sex ads as ordinary ones (an independent generator's escort
/// pages: 60 of 280 read as `other`), and an ad read as `other` counts almost none of its evidence (``FeaturePolicy``
/// scopes). The weights already lean on these words; the rule makes the lean absolute, because the cost is
/// lopsided: an ordinary ad the rule moves still needs evidence to be flagged, a sex ad read as ordinary is lost.
/// Measured with `redflag scan` on two independent generators, the rule alone at the threshold of the time: recall
/// 0.845 → 0.901 on one and 0.877 → 0.899 on the other at the same precision, with 4 of 2,500 generated ordinary
/// ads flagged (README, "How RedFlag decides").
///
/// The words are read from the ad's own text (``reading(of:ad:)``'s `ad`), not the page: a removed-ad page lists
/// other people's ads, whose wording says nothing about this one.
public struct CategoryReading: Sendable, Equatable {
    /// The model's classes, in model-file order.
    public let classes: [String]
    /// The probability of each class after the rule, in ``classes`` order.
    public let probabilities: [Double]
    /// Whether the ad's market wording took the `other` reading away.
    public let marketWording: Bool

    /// The class read: the most probable one.
    public var name: String { classes[best] }
    /// Its probability.
    public var probability: Double { probabilities[best] }
    /// The probability of the class called `name`, if the model has it.
    public func probability(of name: String) -> Double? {
        classes.firstIndex(of: name).map { probabilities[$0] }
    }

    private var best: Int { probabilities.indices.max { probabilities[$0] < probabilities[$1] } ?? 0 }

    /// The class that stands for ordinary classifieds.
    public static let ordinaryClass = "other"
    /// Feature prefix of the market words.
    public static let marketPrefix = "market."

    /// Whether `vector` holds any market word.
    public static func hasMarketWording(_ vector: FeatureVector) -> Bool {
        vector.values.contains { $0.value != 0 && $0.name.hasPrefix(marketPrefix) }
    }

    /// Applies the rule to a model's `probabilities` for an ad whose own features are `ad`.
    public init(classes: [String], probabilities: [Double], ad: FeatureVector) {
        self.classes = classes
        var probabilities = probabilities
        var moved = false
        if let ordinary = classes.firstIndex(of: Self.ordinaryClass), Self.hasMarketWording(ad) {
            let rest = 1 - probabilities[ordinary]
            // Below this the other classes' probabilities have lost their precision; the model's reading stands.
            if rest > 1e-12 {
                for k in probabilities.indices { probabilities[k] = k == ordinary ? 0 : probabilities[k] / rest }
                moved = true
            }
        }
        self.probabilities = probabilities
        self.marketWording = moved
    }
}

extension CategoryModel {
    /// The ad's reading: the model evaluated once on `categoryVector` (the whole page, or the ad's own text), with
    /// ``CategoryReading``'s rule applied from `ad` (the ad's own text).
    public func reading(of categoryVector: FeatureVector, ad: FeatureVector) -> CategoryReading {
        CategoryReading(classes: file.classes, probabilities: probabilities(of: categoryVector), ad: ad)
    }
}
