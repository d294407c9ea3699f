import Foundation
public import RedFlagContract

/// Ads of the queue posted from one template (``TemplateMatching``): what `redflag clusters` lists and
/// `queue show` summarises, with the facts an analyst compares across the group.
public struct TemplateCluster: Sendable, Hashable, Codable {
    /// `t` and 16 hex digits of the first member's content hash.
    public var id: String
    /// The members, highest score first.
    public var members: [QueueItem]

    public init(id: String, members: [QueueItem]) {
        self.id = id
        self.members = members.sorted { ($0.score, -$0.id) > ($1.score, -$1.id) }
    }

    public var size: Int { members.count }
    /// The highest score of a member.
    public var highestScore: Double { members.map(\.score).max() ?? 0 }
    /// The places the members were posted from, most frequent first (ties by name).
    public var cities: [String] { Self.ranked(members.map(\.displayLocation).filter { $0 != "unknown" }) }
    /// The members' phones (digits as extracted), most frequent first.
    public var phones: [String] { Self.ranked(members.flatMap { Array(Set($0.entities.phones)) }) }
    /// The earliest and latest member date (capture time, else when queued), as shown.
    public var dateSpan: (first: String, last: String)? {
        let dates = members.map(\.displayDate).sorted()
        guard let first = dates.first, let last = dates.last else { return nil }
        return (first, last)
    }
    /// Members decided confirmed or escalated (their decision standing).
    public var confirmed: Int {
        members.count { $0.decision.map { $0.verdict == .confirmed || $0.verdict == .escalated } ?? false }
    }

    static func ranked(_ values: [String]) -> [String] {
        var counts: [String: Int] = [:]
        for value in values { counts[value, default: 0] += 1 }
        return counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map(\.key)
    }

    enum CodingKeys: String, CodingKey {
        case id, size, members, cities, phones, confirmed
        case highestScore = "highest_score"
        case firstDate = "first_date"
        case lastDate = "last_date"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try c.decode(String.self, forKey: .id), members: try c.decode([QueueItem].self, forKey: .members))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(size, forKey: .size)
        try c.encode(highestScore, forKey: .highestScore)
        try c.encode(cities, forKey: .cities)
        try c.encode(phones, forKey: .phones)
        try c.encodeIfPresent(dateSpan?.first, forKey: .firstDate)
        try c.encodeIfPresent(dateSpan?.last, forKey: .lastDate)
        try c.encode(confirmed, forKey: .confirmed)
        try c.encode(members, forKey: .members)
    }
}

/// A signature the queue indexes for template lookup, with its cluster: what a clustering scan loads before it
/// starts, so that its lines name the queue's clusters (``ReviewQueue/templateIndex()``).
public struct TemplateIndexEntry: Sendable, Hashable {
    public var cluster: String
    public var signature: TemplateSignature

    public init(cluster: String, signature: TemplateSignature) {
        self.cluster = cluster
        self.signature = signature
    }
}
