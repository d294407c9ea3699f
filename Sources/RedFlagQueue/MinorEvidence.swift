public import RedFlagContract

/// Whether an item's evidence points to a person under 18, and why: the rule that puts such items at the head of
/// the queue.
///
/// Under US law (Trafficking Victims Protection Act, 22 U.S.C. § 7102) anyone under 18 in a commercial sex act is a
/// trafficking victim, whether or not force, fraud or coercion is shown, so an ad that points to a minor is the most
/// urgent item a reviewer can see, whatever its score. The rule reads only what the scan stored with the item, so
/// the queue needs no knowledge of the feature or model modules:
/// - a stated age under 18: the minor rule's contribution (`rule.stated_minor`), the `underage_age` family or an
///   age under 18 among the entities, in any form the age reader extracts;
/// - a hit the lexicon marks as pointing to a minor by itself (`minor: true`: "jailbait", "sweet sixteen", a school
///   grade), carried on the evidence as `IndicatorHit.minor`.
public enum MinorEvidence {
    /// The family of a stated age under 18.
    public static let family = "underage_age"
    /// The feature of the scan's minor rule.
    public static let ruleFeature = "rule.stated_minor"
    /// Ages below this are a minor's.
    public static let adultAge = 18

    /// Why the evidence points to a minor, one sentence each, strongest first; empty when it does not.
    public static func reasons(
        families: [String], evidence: [IndicatorHit], contributions: [Contribution], entities: Entities
    ) -> [String] {
        var reasons: [String] = []
        func add(_ reason: String) {
            if !reasons.contains(reason) { reasons.append(reason) }
        }
        for rule in contributions where rule.feature == ruleFeature {
            add(rule.reason ?? "stated age under \(adultAge)")
        }
        let ages = entities.ages.filter { $0 < adultAge }.sorted()
        if let youngest = ages.first, reasons.isEmpty {
            add("stated age \(youngest): a minor")
        }
        for hit in evidence where hit.family.rawValue == family || hit.minor {
            add("\"\(hit.match)\" (\(hit.family.rawValue).\(hit.entry)) points to a minor")
        }
        if reasons.isEmpty && families.contains(family) {
            add("a stated age under \(adultAge) (\(family))")
        }
        return reasons
    }

    /// Shown for an item the store marked when it was queued whose evidence no longer says why: `queue purge`
    /// removes the evidence spans, and the marking (and the item's place at the head of the queue) must outlive them.
    public static let removedEvidenceReason = "marked as pointing to a minor when queued (its evidence was since removed)"

    /// The reasons for a stored item: those its evidence gives, or, when the store marked it and the evidence no
    /// longer gives any, ``removedEvidenceReason``. Either source marks the item: a marking is never lost.
    public static func reasons(
        storedMarking: Bool, families: [String], evidence: [IndicatorHit], contributions: [Contribution], entities: Entities
    ) -> [String] {
        let found = reasons(families: families, evidence: evidence, contributions: contributions, entities: entities)
        return storedMarking && found.isEmpty ? [removedEvidenceReason] : found
    }

    /// Whether the evidence points to a minor.
    public static func pointsToMinor(
        families: [String], evidence: [IndicatorHit], contributions: [Contribution], entities: Entities
    ) -> Bool {
        !reasons(families: families, evidence: evidence, contributions: contributions, entities: entities).isEmpty
    }
}
