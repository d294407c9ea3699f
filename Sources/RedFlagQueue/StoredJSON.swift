import Foundation
package import RedFlagContract

/// Reads the contract values a queue stored as JSON text, also as older RedFlag versions and `queue import` wrote
/// them: contributions without their family (the queue used to drop it), entities with keys missing, prices as
/// decimals. Newer text is read exactly; nothing here writes.
package enum StoredJSON {
    package static func indicators(_ text: String) throws -> [IndicatorHit] {
        try JSONDecoder().decode([IndicatorHit].self, from: Data(text.utf8))
    }

    package static func contributions(_ text: String) throws -> [Contribution] {
        try JSONDecoder().decode([StoredContribution].self, from: Data(text.utf8)).map(\.contribution)
    }

    package static func entities(_ text: String) throws -> Entities {
        try JSONDecoder().decode(StoredEntities.self, from: Data(text.utf8)).entities
    }
}

/// A contribution as stored or imported: the family may be absent (then empty).
package struct StoredContribution: Decodable, Sendable {
    package var contribution: Contribution

    enum CodingKeys: String, CodingKey { case feature, family, weight, reason }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        contribution = Contribution(
            feature: try c.decode(String.self, forKey: .feature),
            family: try c.decodeIfPresent(String.self, forKey: .family) ?? "",
            weight: try c.decode(Double.self, forKey: .weight),
            reason: try c.decodeIfPresent(String.self, forKey: .reason))
    }
}

/// Entities as stored or imported: every key may be absent (then empty), prices may be decimals (then rounded).
package struct StoredEntities: Decodable, Sendable {
    package var entities: Entities

    enum CodingKeys: String, CodingKey {
        case phones, emails, ages, prices
        case phoneObfuscated = "phone_obfuscated"
    }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let prices = try c.decodeIfPresent([Double].self, forKey: .prices) ?? []
        guard prices.allSatisfy({ $0.isFinite && abs($0) < 1e15 }) else {
            throw DecodingError.dataCorruptedError(
                forKey: .prices, in: c, debugDescription: "a price is not a finite number")
        }
        entities = Entities(
            phones: try c.decodeIfPresent([String].self, forKey: .phones) ?? [],
            phoneObfuscated: try c.decodeIfPresent(Bool.self, forKey: .phoneObfuscated) ?? false,
            emails: try c.decodeIfPresent([String].self, forKey: .emails) ?? [],
            ages: try c.decodeIfPresent([Int].self, forKey: .ages) ?? [],
            prices: prices.map { Int($0.rounded()) })
    }
}
