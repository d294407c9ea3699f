/// The entities of an ad: how to reach the advertiser, the advertised person's stated age, and the prices.
///
/// Exactly what the scan output's `entities` object holds (`{"phones","phone_obfuscated","emails","ages","prices"}`),
/// so it encodes and decodes without loss. Where in the text each phone was found is extraction detail
/// (`AdFeatures.phones` in RedFlagFeatures), not part of the contract.
public struct Entities: Sendable, Hashable, Codable {
    /// Phone numbers as digits: ten for a North American number, else as written (country code included when the
    /// ad writes one), in order of appearance, without repeats.
    public var phones: [String]
    /// Whether any phone number was disguised: one of the four predictors that held up against case outcomes.
    public var phoneObfuscated: Bool
    public var emails: [String]
    /// Stated ages of the advertised person, in order of appearance (site disclaimers such as "18+" excluded).
    public var ages: [Int]
    /// Prices in whole dollars (or roses), in order of appearance.
    public var prices: [Int]

    public init(
        phones: [String] = [], phoneObfuscated: Bool = false, emails: [String] = [], ages: [Int] = [],
        prices: [Int] = []
    ) {
        self.phones = phones
        self.phoneObfuscated = phoneObfuscated
        self.emails = emails
        self.ages = ages
        self.prices = prices
    }

    /// Whether a stated age is under 18.
    public var underage: Bool { ages.contains { $0 < 18 } }

    enum CodingKeys: String, CodingKey {
        case phones, emails, ages, prices
        case phoneObfuscated = "phone_obfuscated"
    }
}
