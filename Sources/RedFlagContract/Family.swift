/// The canonical indicator families (DESIGN.md). Every lexicon entry belongs to exactly one.
///
/// RESEARCH.md says what the evidence supports: trust language, obscured phones, youth language and stated
/// ethnicity predict trafficking; movement language goes against it; several folk indicators predict nothing.
public enum Family: String, CaseIterable, Codable, Sendable, Comparable {
    case youth
    case underageAge = "underage_age"
    case thirdParty = "third_party"
    case multipleProviders = "multiple_providers"
    case restriction
    case foreign
    case ethnicityStated = "ethnicity_stated"
    case trustLanguage = "trust_language"
    case obfuscatedPhone = "obfuscated_phone"
    case movement
    case venueHotel = "venue_hotel"
    case incallOutcall = "incall_outcall"
    case availability24x7 = "availability_24_7"
    case lawEnforcement = "law_enforcement"
    case drugs
    case riskyServices = "risky_services"

    public static func < (a: Family, b: Family) -> Bool { a.rawValue < b.rawValue }
}
