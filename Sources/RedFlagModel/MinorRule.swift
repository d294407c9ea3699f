public import RedFlagContract
import RedFlagFeatures

/// A stated provider age under 18 flags the ad, whatever the model says.
///
/// Under US law (22 U.S.C. § 7102) anyone under 18 in a commercial sex act is a trafficking victim, force or no
/// force, so a stated minor's age is not one cue among others to be weighed: it must reach a reviewer. The one
/// exception is an ad that is plainly an ordinary classified with no commercial-sex cue at all: a 16-year-old
/// babysitter or two teenagers mowing lawns are not victims, while "16, new here, need money fast, text me" is one.
/// Plainly ordinary means: the category model reads the ad as `other` (at least ``ordinaryProbability``), the ad
/// names what it offers as ordinary classifieds do (``ordinaryContextFeature``: goods, vehicles, babysitting, lawn
/// mowing, tutoring …),
/// and nothing in it belongs to the sex market: no market word (``marketPrefix``: money-for-company wording,
/// incall/outcall …) and no family that only such ads use (``marketFamilies``).
///
/// The positive evidence is required because the category model can be confidently wrong on a page unlike its
/// training data: on an independent generator's escort pages it read 60 of 280 as `other`, among them "Meet Yuki.
/// She is 16. Ask for Yuki when you call." A stated minor with nothing ordinary to offer reaches a reviewer.
public enum MinorRule {
    /// The `other` probability at or above which an ad counts as an ordinary classified; below it, `other` must still
    /// be the category model's reading (its most likely class).
    public static let ordinaryProbability = 0.35
    /// Feature prefix of the market words in `Models/category-words.yaml`.
    public static let marketPrefix = CategoryReading.marketPrefix
    /// Families an ordinary classified never shows: a hit means the ad is not plainly ordinary.
    ///
    /// Third-party wording is in (``thirdPartyFeatures``), but not the third-person voice alone: a minor's age beside
    /// someone else who books for or "handles" her is the definition of trafficking, and a reviewer should see it even
    /// when the page reads like an ordinary classified (a generated companion ad, "ask for Ms. Kim, he handles my
    /// schedule", was read as `other` with certainty); "selling my daughter's car, she's 17" is a parent writing.
    /// It costs little: 1 of 185 generated teen job ads with a stated age says "ask for" someone.
    ///
    /// Left out on purpose, because ordinary ads use them innocently beside a child's age: youth ("teen babysitter"),
    /// availability ("open 24 hours"), incall/outcall ("we come to you"), trust ("no scams"), stated ethnicity
    /// ("Latina-owned") and an obfuscated phone.
    public static let marketFamilies: [Family] = [
        .riskyServices, .venueHotel, .drugs, .lawEnforcement, .restriction, .foreign, .movement, .multipleProviders,
    ]
    /// Third-party features that count as a market cue: every `third_party.*` lexicon feature except the bare
    /// third-person voice ("she is", "she loves"), which a parent writing about a child uses too.
    static func isThirdPartyCue(_ name: String) -> Bool {
        name.hasPrefix("third_party.") && name != "third_party.she_third_person"
    }
    /// The feature a category vocabulary sets when the ad names what an ordinary classified offers
    /// (`ordinary_context` in `Models/category-words.yaml`).
    public static let ordinaryContextFeature = CategoryVocabulary.ordinaryContextFeature
    /// The feature name a rule contribution carries.
    public static let feature = "rule.stated_minor"

    /// The rule's contribution when it flags the ad: `youngestAge` is the youngest stated age, `category` the category
    /// model's reading (name and probability), `vector` the ad's features.
    public static func check(
        youngestAge: Int?, category: (name: String, probability: Double)?, vector: FeatureVector
    ) -> Contribution? {
        guard let age = youngestAge, age < 18 else { return nil }
        if let category, category.name == "other", category.probability >= ordinaryProbability,
            vector.values.contains(where: { $0.name == ordinaryContextFeature && $0.value != 0 }), !hasMarketCue(vector)
        {
            return nil
        }
        return Contribution(
            feature: feature, family: Family.underageAge.rawValue, weight: 0, reason: "stated age \(age): a minor")
    }

    /// Whether anything in the ad belongs to the commercial-sex market.
    public static func hasMarketCue(_ vector: FeatureVector) -> Bool {
        let families = Set(marketFamilies.map { "family." + $0.rawValue })
        return CategoryReading.hasMarketWording(vector)
            || vector.values.contains { $0.value != 0 && (families.contains($0.name) || isThirdPartyCue($0.name)) }
    }
}
