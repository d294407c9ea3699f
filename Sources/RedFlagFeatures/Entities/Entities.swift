/// The entities of an ad: how to reach the advertiser, the advertised person's stated age, and the prices.
public struct Entities: Sendable, Equatable {
    public var phones: [Phone] = []
    public var emails: [String] = []
    /// Stated ages of the advertised person, in order of appearance (site disclaimers such as "18+" excluded).
    public var ages: [Int] = []
    /// Prices in dollars (or roses), in order of appearance.
    public var prices: [Int] = []

    public init(phones: [Phone] = [], emails: [String] = [], ages: [Int] = [], prices: [Int] = []) {
        self.phones = phones
        self.emails = emails
        self.ages = ages
        self.prices = prices
    }

    /// Whether any phone number was disguised: one of the four predictors that held up against case outcomes.
    public var phoneObfuscated: Bool { phones.contains { $0.obfuscated } }
    /// Whether a stated age is under 18.
    public var underage: Bool { ages.contains { $0 < 18 } }
}
