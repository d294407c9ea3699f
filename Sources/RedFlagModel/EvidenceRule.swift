import RedFlagFeatures
public import RedFlagContract

/// An ad is flagged on a score only when it shows evidence a reviewer can point at.
///
/// Weak, common cues (movement, incall/outcall, hotels as a meeting place, round-the-clock availability) are
/// logistics that independent providers and ordinary businesses write as much as anyone: an ad whose only cues are these, or that has none, is not flagged
/// however its category tilts the score. Evidence is any other indicator family or a recruitment lure. (A stated
/// minor's age is evidence too, and the ``MinorRule`` flags it on its own.)
public enum EvidenceRule {
    /// Families too common, innocent uses included, to flag an ad alone (RESEARCH.md: each fires on about one ad in
    /// eight; movement goes against trafficking).
    public static let weakFamilies: Set<String> = ["movement", "incall_outcall", "venue_hotel", "availability_24_7"]

    public static func hasEvidence(_ vector: FeatureVector) -> Bool {
        vector.values.contains { feature in
            guard feature.value != 0 else { return false }
            if feature.name.hasPrefix("lure.") { return true }
            guard feature.name.hasPrefix("family.") else { return false }
            return !weakFamilies.contains(String(feature.name.dropFirst(7)))
        }
    }
}
